/** Retention against a real SQLite store in a temporary directory. */
import { afterEach, describe, expect, it } from 'vitest';
import { prepareUpload } from '../ingest/prepare.ts';
import { profileFile, tempDataDir } from '../test/harness.ts';
import { openDatabase, type Db } from './db.ts';
import { ProfileStore } from './profile-store.ts';
import { Retention } from './retention.ts';

let db: Db | undefined;
afterEach(() => db?.close());

async function storeWith(count: number, file: string): Promise<ProfileStore> {
  db = openDatabase(tempDataDir());
  const store = new ProfileStore(db);
  const body = Buffer.from(profileFile(file));
  for (let seq = 0; seq < count; seq++) {
    const labels = { service_name: 'kept', seq: String(seq) };
    await store.write([await prepareUpload(body, { labels, fallbackTimeMs: 0 }, 1 << 30)]);
  }
  return store;
}

const remainingSeqs = (store: ProfileStore): number[] =>
  store
    .seriesTypePairs(0, 0)
    .map((p) => Number(new Map(p.labels).get('seq')))
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort((a, b) => a - b);

describe('retention', () => {
  it('drops profiles received longer ago than the age limit, and their listings', async () => {
    const store = await storeWith(5, 'series/checkout-00.cpu.pb.gz');
    const retention = new Retention(db!, { maxAgeMs: 60_000, maxBytes: 0 });
    expect((await retention.run(Date.now())).deletedProfiles).toBe(0);
    expect((await retention.run(Date.now() + 61_000)).deletedProfiles).toBe(5);
    expect(store.countProfiles()).toBe(0);
    expect(store.seriesTypePairs(0, 0)).toEqual([]);
  });

  it('drops the oldest profiles until the store fits the size limit', async () => {
    const store = await storeWith(30, 'node-tsc.cpu.pb.gz'); // ~135 KB each
    const retention = new Retention(db!, { maxAgeMs: 0, maxBytes: 1 << 20 });
    expect(retention.usedBytes()).toBeGreaterThan(3 << 20);
    const result = await retention.run();
    expect(result.usedBytes).toBeLessThanOrEqual(1 << 20);
    const left = remainingSeqs(store);
    expect(left.length).toBeGreaterThan(0);
    expect(left).toEqual(Array.from({ length: left.length }, (_, i) => 30 - left.length + i)); // the newest survive
    expect(store.countProfiles()).toBe(left.length);
  });
});
