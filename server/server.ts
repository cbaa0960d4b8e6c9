/** Wires store, querier, HTTP app, retention and self-profiling together, and takes them down in order. */
import { join } from 'node:path';
import type { ServerConfig } from './config.ts';
import { buildApp } from './http/app.ts';
import { prepareUpload } from './ingest/prepare.ts';
import { Querier } from './query/querier.ts';
import { openDatabase } from './store/db.ts';
import { ProfileStore } from './store/profile-store.ts';
import { Retention } from './store/retention.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = openDatabase(config.dataDir, { maxDatabaseBytes: config.limits.maxDatabaseBytes });
  const store = new ProfileStore(db);
  const querier = new Querier(store, config.limits);
  const retention = new Retention(db, { maxAgeMs: config.retention.maxAgeMs, maxBytes: config.retention.maxBytes });

  let retentionRun: Promise<unknown> | undefined;
  const runRetention = (): void => {
    retentionRun ??= retention
      .run()
      .catch((error: Error) => console.error(`flamelens: retention failed: ${error.message}`))
      .finally(() => (retentionRun = undefined));
  };
  runRetention();
  const retentionTimer = setInterval(runRetention, config.retention.intervalMs);
  retentionTimer.unref();

  const app = buildApp(config, store, querier);
  let selfProfiler: { stop(): Promise<void> } | undefined;
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    clearInterval(retentionTimer);
    await retentionRun;
    db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  if (config.selfProfile) {
    // Loaded only when used: the native profiler is the slowest part of startup.
    const { SELF_SERVICE_NAME, SelfProfiler } = await import('./self-profile.ts');
    const labels = { service_name: SELF_SERVICE_NAME, pyroscope_spy: 'nodespy' };
    const profiler = new SelfProfiler(async (gz) => {
      await store.write([await prepareUpload(gz, { labels, fallbackTimeMs: Date.now() }, config.limits.maxProfileBytes)]);
    }, config.selfProfileIntervalMs);
    profiler.start();
    selfProfiler = profiler;
  }

  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      await selfProfiler?.stop();
      clearInterval(retentionTimer);
      await app.close();
      await retentionRun;
      db.close();
    },
  };
}

export function describeStore(config: ServerConfig): string {
  return join(config.dataDir, 'flamelens.db');
}
