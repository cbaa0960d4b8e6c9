/**
 * A full disk or a read-only data directory: uploads get a 5xx with a reason,
 * startup gets a clear error, acknowledged profiles stay readable, and the
 * database stays intact. The store-size cap (SQLite's max_page_count) always
 * runs; the real tmpfs cases run where this machine lets the test mount one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SelectSeriesResponse } from '../../src/sources/pyroscope/messages.ts';
import { connectJson, ingestRaw, manifest, manifestTimeMs, profileFile, runServerToExit, startServerProcess, tempDataDir, type ServerProcess } from './harness.ts';

const FILE = 'node-tsc.cpu.pb.gz';
const body = profileFile(FILE);
const entry = manifest().find((e) => e.file === FILE)!;
const t = manifestTimeMs(entry.time!);

function mount(dir: string, options: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}
const canMount = ((): boolean => {
  const dir = join(tempDataDir(), 'probe');
  mkdirSync(dir);
  const ok = mount(dir, 'size=64k');
  if (ok) spawnSync('umount', [dir]);
  return ok;
})();

/** Uploads until the first refusal; returns how many were acknowledged and the refusal. */
async function fillUp(server: ServerProcess): Promise<{ acked: number; refusal: { status: number; code: string; message: string } }> {
  for (let acked = 0; acked < 200; acked++) {
    const response = await ingestRaw(server.url, body, { name: 'filler' });
    if (response.status !== 200) return { acked, refusal: { status: response.status, ...((await response.json()) as { code: string; message: string }) } };
  }
  throw new Error('the store never filled up');
}

async function storedTotal(server: ServerProcess): Promise<number> {
  const { json } = await connectJson(server.url, '/querier.v1.QuerierService/SelectSeries', {
    profileTypeID: 'wall:wall:nanoseconds:wall:nanoseconds',
    labelSelector: '{service_name="filler"}',
    start: t - 1000,
    end: t + 1000,
    step: 3600,
  });
  return SelectSeriesResponse.fromJson(json).series.flatMap((s) => s.points).reduce((a, p) => a + p.value, 0);
}

function checkDatabase(dataDir: string): { integrity: string; profiles: number } {
  const db = new Database(join(dataDir, 'flamelens.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      profiles: db.prepare('SELECT count(*) FROM profiles').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('a full store', () => {
  it('answers 507 with a reason past --max-db-size, keeps what it acknowledged, stays intact', async () => {
    const server = await startServerProcess(['--max-db-size', '1MiB', '--retention-size', '0']);
    const { acked, refusal } = await fillUp(server);
    expect(acked).toBeGreaterThan(0);
    expect(refusal).toMatchObject({ status: 507, code: 'resource_exhausted' });
    expect(refusal.message).toMatch(/the store is full, nothing was written/);
    expect(await storedTotal(server)).toBe(acked * entry.totals![1]);
    await server.stop();
    expect(checkDatabase(server.dataDir)).toEqual({ integrity: 'ok', profiles: acked });
  });

  it.skipIf(!canMount)('answers 5xx with a reason when the disk itself is full (tmpfs), and stays intact', async () => {
    const dir = join(tempDataDir(), 'small-disk');
    mkdirSync(dir);
    expect(mount(dir, 'size=1m')).toBe(true);
    try {
      const server = await startServerProcess(['--retention-size', '0'], dir);
      const { acked, refusal } = await fillUp(server);
      expect(refusal.status, refusal.message).toBeGreaterThanOrEqual(500);
      expect(refusal.message).toMatch(/nothing was written/);
      expect(await storedTotal(server)).toBe(acked * entry.totals![1]);
      await server.stop();
      expect(checkDatabase(dir)).toEqual({ integrity: 'ok', profiles: acked });
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});

describe('a read-only data directory', () => {
  it.skipIf(!canMount)('stops startup with a clear error', async () => {
    const dir = join(tempDataDir(), 'ro-disk');
    mkdirSync(dir);
    expect(mount(dir, 'size=4m')).toBe(true);
    try {
      const server = await startServerProcess([], dir);
      expect((await ingestRaw(server.url, body, { name: 'filler' })).status).toBe(200);
      await server.stop();
      expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
      const { code, output } = await runServerToExit(['--no-build', '--no-self-profile', '--port', '0', '--data', dir]);
      expect(code).toBe(1);
      expect(output).toMatch(/cannot start: the data directory .* is read-only/);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
