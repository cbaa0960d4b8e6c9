/**
 * `npm start`: builds the app if needed, then runs the embedded profile store
 * and serves the app and the API on one origin (http://127.0.0.1:4040 by default).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAppBuilt } from './build-app.ts';
import { parseCli, USAGE, UsageError } from './cli.ts';
import { StartupError } from './store/db.ts';
import { describeStore, startServer } from './server.ts';

const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2));
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  const config = parsed.config;
  config.distDir = resolve(projectRoot, config.distDir);
  if (config.buildApp) {
    const outcome = ensureAppBuilt(projectRoot, config.distDir);
    if (outcome === 'failed') console.error('flamelens: the app build failed; serving the last build (if any). The API works regardless.');
    if (outcome === 'no-sources') console.error('flamelens: no index.html to build the app from; serving the API only.');
  }
  const server = await startServer(config);
  // Tests and scripts read this line to find the port (with --port 0).
  console.log(`Flamelens listening on ${server.url} (store: ${describeStore(config)})`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`flamelens: ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`flamelens: shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`flamelens: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof StartupError) console.error(`flamelens: cannot start: ${error.message}`);
  else if (code === 'EADDRINUSE') console.error(`flamelens: cannot start: the port is already in use (${(error as Error).message}); pass --port`);
  else if (code === 'EADDRNOTAVAIL') console.error(`flamelens: cannot start: cannot bind that address (${(error as Error).message}); check --host`);
  else console.error(`flamelens: cannot start: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
