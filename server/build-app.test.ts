/** npm start builds the app when dist/ is missing or stale: checked on a throwaway project with the real vite. */
import { existsSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAppBuilt } from './build-app.ts';
import { PROJECT_ROOT, tempDataDir } from './test/harness.ts';

describe('ensureAppBuilt', () => {
  it('builds when dist is missing, skips when fresh, rebuilds when a source is newer', () => {
    const root = tempDataDir('build-');
    const dist = join(root, 'dist');
    expect(ensureAppBuilt(root, dist)).toBe('no-sources');
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><h1>probe</h1></body></html>');
    expect(ensureAppBuilt(root, dist)).toBe('built');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(ensureAppBuilt(root, dist)).toBe('up-to-date');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'index.html'), later, later);
    expect(ensureAppBuilt(root, dist)).toBe('built');
  });
});
