/**
 * The real @pyroscope/nodejs SDK, in a child process running a real workload,
 * pushes to the server; SelectMergeProfile over the run returns, for every
 * profile type, a pprof whose total is the sum of what the SDK pushed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectJson, PROJECT_ROOT, pprofTotals, selectMergeProfile, startServerProcess, type ServerProcess } from './harness.ts';

interface UploadRecord {
  url: string;
  status: number;
  body: string;
}

/** The profile type IDs Pyroscope gives the SDK's two profiles, keyed by `type:unit`. */
const WALL_TYPES: Record<string, string> = {
  'samples:count': 'wall:samples:count:wall:nanoseconds',
  'wall:nanoseconds': 'wall:wall:nanoseconds:wall:nanoseconds',
};
const HEAP_TYPES: Record<string, string> = {
  'inuse_objects:count': 'memory:inuse_objects:count:inuse_space:bytes',
  'inuse_space:bytes': 'memory:inuse_space:bytes:inuse_space:bytes',
};

function runWorkload(url: string, recordsFile: string, seconds: number): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/test/fixtures/sdk-workload.ts', url, recordsFile, String(seconds)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

describe('@pyroscope/nodejs pushing to the embedded store', () => {
  let server: ServerProcess;
  let uploads: UploadRecord[];
  let start: number;

  beforeAll(async () => {
    server = await startServerProcess();
    start = Date.now();
    const recordsFile = join(server.dataDir, 'uploads.json');
    expect(await runWorkload(server.url, recordsFile, 4)).toBe(0);
    uploads = JSON.parse(readFileSync(recordsFile, 'utf8')) as UploadRecord[];
  }, 60_000);

  afterAll(async () => server?.stop());

  it('accepts every upload the SDK makes, raw gzipped pprof with the SDK query parameters', () => {
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    for (const upload of uploads) {
      expect(upload.status).toBe(200);
      const params = new URL(upload.url).searchParams;
      expect(params.get('name')).toMatch(/^sdk-workload\{.*workload=test.*\}$/);
      expect(params.get('format')).toBe('pprof');
      expect(params.get('spyName')).toBe('nodespy');
    }
  });

  it('returns, per profile type, a merged pprof whose total is the sum of the pushed profiles', async () => {
    const expected = new Map<string, number>();
    for (const upload of uploads) {
      const totals = pprofTotals(Buffer.from(upload.body, 'base64'));
      const types = totals.has('wall:nanoseconds') ? WALL_TYPES : HEAP_TYPES;
      for (const [key, total] of totals) expected.set(types[key], (expected.get(types[key]) ?? 0) + total);
    }
    expect([...expected.keys()].sort()).toEqual([...Object.values(WALL_TYPES), ...Object.values(HEAP_TYPES)].sort());
    for (const [profileTypeID, total] of expected) {
      const pprof = await selectMergeProfile(server.url, {
        profileTypeID,
        labelSelector: '{service_name="sdk-workload", workload="test"}',
        start: start - 60_000,
        end: Date.now() + 60_000,
      });
      expect([...pprofTotals(pprof).values()], profileTypeID).toEqual([total]);
      expect(total).toBeGreaterThan(0);
    }
  });

  it('lists the SDK profile types and labels', async () => {
    const types = (await connectJson(server.url, '/querier.v1.QuerierService/ProfileTypes', {})).json as { profileTypes: { ID: string }[] };
    expect(types.profileTypes.map((t) => t.ID).sort()).toEqual([...Object.values(WALL_TYPES), ...Object.values(HEAP_TYPES)].sort());
    const names = (await connectJson(server.url, '/querier.v1.QuerierService/LabelNames', {})).json as { names: string[] };
    expect(names.names).toEqual(expect.arrayContaining(['service_name', 'pyroscope_spy', 'workload', 'process.runtime.name']));
  });
});
