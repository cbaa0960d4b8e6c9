/**
 * `npm start` serves the built app; this builds it first when dist/ is missing
 * or older than the sources, so a fresh checkout works with one command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_ROOTS = ['src', 'public', 'index.html', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export type BuildOutcome = 'up-to-date' | 'built' | 'no-sources' | 'failed';

export function ensureAppBuilt(root: string, distDir: string): BuildOutcome {
  if (!existsSync(join(root, 'index.html'))) return 'no-sources';
  const builtAt = newestMtime(join(distDir, 'index.html'));
  const sourcesAt = Math.max(...SOURCE_ROOTS.map((p) => newestMtime(join(root, p))));
  if (builtAt > 0 && builtAt >= sourcesAt) return 'up-to-date';
  console.log(builtAt === 0 ? 'flamelens: building the app (dist/ is missing)...' : 'flamelens: rebuilding the app (sources changed)...');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', distDir], { cwd: root, stdio: 'inherit' });
  return result.status === 0 ? 'built' : 'failed';
}
