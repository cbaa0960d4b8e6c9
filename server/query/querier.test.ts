/** The querier against a real store in a temporary directory (no HTTP). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareUpload } from '../ingest/prepare.ts';
import { openDatabase, type Db } from '../store/db.ts';
import { ProfileStore } from '../store/profile-store.ts';
import { manifest, manifestTimeMs, profileFile, tempDataDir } from '../test/harness.ts';
import { Querier } from './querier.ts';

const WALL = 'wall:wall:nanoseconds:wall:nanoseconds';
const files = [0, 1, 2, 3].map((i) => `series/checkout-0${i}.cpu.pb.gz`);
const entries = files.map((f) => manifest().find((e) => e.file === f)!);
const times = entries.map((e) => manifestTimeMs(e.time!));
const wall = entries.map((e) => e.totals![1]);

let db: Db;
let querier: Querier;

beforeAll(async () => {
  db = openDatabase(tempDataDir());
  const store = new ProfileStore(db);
  // Windows 0 and 1 from pod a, 2 and 3 from pod b; pod b also has a zone.
  for (const [i, file] of files.entries()) {
    const labels: Record<string, string> = { service_name: 'checkout', pod: i < 2 ? 'a' : 'b', ...(i >= 2 ? { zone: 'z1' } : {}) };
    await store.write([await prepareUpload(Buffer.from(profileFile(file)), { labels, fallbackTimeMs: 0 }, 1 << 30)]);
  }
  querier = new Querier(store, { maxMergeProfiles: 3, maxProfileBytes: 1 << 30 });
});
afterAll(() => db.close());

const range = () => ({ start: times[0], end: times[3] + 1000 });
const series = (extra: object) =>
  querier.selectSeries({ profileTypeID: WALL, labelSelector: '{}', groupBy: [], step: 60, ...range(), ...extra });

describe('Querier', () => {
  it('groups by a label, leaving out labels a series lacks', () => {
    const byPod = series({ groupBy: ['pod', 'zone'] }).series;
    expect(byPod.map((s) => s.labels)).toEqual([
      [{ name: 'pod', value: 'a' }],
      [
        { name: 'pod', value: 'b' },
        { name: 'zone', value: 'z1' },
      ],
    ]);
    const sum = (points: { value: number }[]): number => points.reduce((a, p) => a + p.value, 0);
    expect(byPod.map((s) => sum(s.points))).toEqual([wall[0] + wall[1], wall[2] + wall[3]]);
  });

  it('averages per bucket and keeps the top series with limit', () => {
    // The point at start holds window 0 alone; the next point averages windows 1-3.
    expect(series({ aggregation: 1 }).series[0].points.map((p) => p.value)).toEqual([wall[0], (wall[1] + wall[2] + wall[3]) / 3]);
    const top = series({ groupBy: ['pod'], limit: 1 }).series;
    expect(top).toHaveLength(1);
    expect(top[0].labels[0].value).toBe(wall[0] + wall[1] > wall[2] + wall[3] ? 'a' : 'b');
  });

  it('answers an unknown profile type with nothing, and a malformed one with an error', async () => {
    expect(series({ profileTypeID: 'wall:nope:count:wall:nanoseconds' })).toEqual({ series: [] });
    await expect(querier.selectMergeProfile({ profileTypeID: 'nope', labelSelector: '{}', profileIdSelector: [], ...range() })).rejects.toThrow(/not of the form/);
  });

  it('limits what one merge may read', async () => {
    await expect(querier.selectMergeProfile({ profileTypeID: WALL, labelSelector: '{}', profileIdSelector: [], ...range() })).rejects.toThrow(
      /more than 3 profiles/,
    );
    await expect(querier.selectMergeProfile({ profileTypeID: WALL, labelSelector: '{pod="a"}', profileIdSelector: [], ...range() })).resolves.toBeInstanceOf(Buffer);
  });

  it('narrows listings by time range and matchers', () => {
    expect(querier.labelValues({ name: 'pod', matchers: [], start: 0, end: 0 }).names).toEqual(['a', 'b']);
    expect(querier.labelValues({ name: 'pod', matchers: [], start: times[2], end: times[3] }).names).toEqual(['b']);
    expect(querier.labelValues({ name: 'pod', matchers: ['{zone="z1"}', '{pod="a"}'], start: 0, end: 0 }).names).toEqual(['a', 'b']);
    expect(querier.labelNames({ matchers: ['{pod="a"}'], start: 0, end: 0 }).names).not.toContain('zone');
    expect(querier.profileTypes({ start: 1, end: 2 }).profileTypes).toEqual([]);
  });
});
