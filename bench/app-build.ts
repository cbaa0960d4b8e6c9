/**
 * The built app the browser figures measure. dist/ is used when it is newer than the
 * sources; otherwise the bench builds its own copy. Either way the bench serves a private
 * snapshot, because others rebuild dist/ while we measure (a rebuild mid-run would swap
 * the hashed asset names under the page).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './inputs.ts';
import { log } from './log.ts';
import type { Resources } from './resources.ts';

/** What `vite build` reads (as server/build-app.ts decides staleness for `npm start`). */
const SOURCE_ROOTS = ['src', 'public', 'index.html', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export interface BuiltApp {
  dir: string;
  /** how the served files came about, printed with the results */
  origin: 'dist (up to date)' | 'fresh build' | 'dist (STALE: the build failed)';
}

export function prepareApp(resources: Resources): BuiltApp {
  const dist = join(PROJECT_ROOT, 'dist');
  const snapshot = resources.tempDir('app');
  const builtAt = newestMtime(join(dist, 'index.html'));
  const sourcesAt = Math.max(...SOURCE_ROOTS.map((p) => newestMtime(join(PROJECT_ROOT, p))));
  if (builtAt > 0 && builtAt >= sourcesAt) {
    cpSync(dist, snapshot, { recursive: true });
    return { dir: snapshot, origin: 'dist (up to date)' };
  }
  log(builtAt === 0 ? 'app: dist/ is missing, building the app' : 'app: dist/ is older than the sources, building the app');
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // Build output goes to stderr: stdout is reserved for the table or the JSON.
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', snapshot, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status === 0) return { dir: snapshot, origin: 'fresh build' };
  if (builtAt === 0) throw new Error('the app build failed and there is no dist/ to fall back on');
  log('app: the build failed; measuring the existing (stale) dist/');
  cpSync(dist, snapshot, { recursive: true });
  return { dir: snapshot, origin: 'dist (STALE: the build failed)' };
}
