import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { manifest, manifestTimeMs, profileFile } from '../test/harness.ts';
import { prepareUpload } from './prepare.ts';

const context = { labels: { service_name: 's' }, fallbackTimeMs: 42 };

describe('prepareUpload', () => {
  it.each(manifest().filter((e) => e.totals && e.file.startsWith('series/')).map((e) => [e.file, e] as const))(
    'files %s at its time_nanos (to the millisecond) with one total per sample type',
    async (_file, e) => {
      const prepared = await prepareUpload(Buffer.from(profileFile(e.file)), context, 1 << 30);
      expect(prepared.tsMs).toBe(manifestTimeMs(e.time!));
      expect(prepared.types.map((t) => t.total)).toEqual(e.totals);
      expect(prepared.labels.__name__).toBe(e.file.endsWith('.cpu.pb.gz') ? 'wall' : 'memory');
    },
  );

  it('gzips raw uploads for storage and keeps gzipped ones as they came', async () => {
    const gz = Buffer.from(profileFile('go-regexp.cpu.pb.gz'));
    expect((await prepareUpload(gz, context, 1 << 30)).pprofGzip).toBe(gz);
    const raw = Buffer.from(profileFile('edge/go-regexp.cpu.uncompressed.pb'));
    expect(gunzipSync((await prepareUpload(raw, context, 1 << 30)).pprofGzip).equals(raw)).toBe(true);
  });

  it('uses the upload time for a profile without time_nanos, and the given profile name', async () => {
    const profile = Profile.decode(gunzipSync(profileFile('series/checkout-00.cpu.pb.gz')));
    profile.timeNanos = 0;
    const prepared = await prepareUpload(gzipSync(profile.encode()), { ...context, profileName: 'custom' }, 1 << 30);
    expect(prepared.tsMs).toBe(42);
    expect(prepared.types.map((t) => t.parts.id)).toEqual(['custom:sample:count:wall:nanoseconds', 'custom:wall:nanoseconds:wall:nanoseconds']);
  });
});
