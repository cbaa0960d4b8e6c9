import { describe, expect, it } from 'vitest';
import { Profile as PprofFormatProfile } from 'pprof-format';
import { gunzipSync } from 'node:zlib';
import { loadProfile } from './load.ts';
import { decodePprof } from './decode.ts';
import { pprofSampleCounts, sampleTotals } from './model.ts';
import { sampleLocations } from './stacks.ts';
import { buildCallTree, columnOf } from './calltree.ts';
import type { CallTree } from './calltree.ts';
import { frameStats, functionRows } from './functions.ts';
import { ProfileError } from './errors.ts';
import { readManifest, readProfileBytes, readableEntries } from '../../test/support/shared-profiles.ts';
import type { ManifestEntry } from '../../test/support/shared-profiles.ts';
import { totalOf } from './tree-columns.ts';

describe('decode matches go tool pprof on every shared profile', () => {
  for (const entry of readableEntries()) {
    it(entry.file, async () => {
      const { profile } = await loadProfile(readProfileBytes(entry.file));
      expect(profile.sampleTypes).toEqual(entry.sampleTypes!.map(({ type, unit }) => ({ type, unit })));
      const flagged = entry.sampleTypes!.findIndex((t) => t.default);
      if (flagged >= 0) expect(profile.defaultSampleType).toBe(flagged);
      expect(sampleTotals(profile)).toEqual(entry.totals);
      expect(pprofSampleCounts(profile)).toEqual({ samples: entry.samples, distinctStacks: entry.distinctStacks });
      if (entry.period !== undefined) expect(profile.period).toBe(entry.period);
      if (entry.time) {
        // time_nanos is beyond 2^53, so it is exact to about a microsecond: compare milliseconds.
        const millis = Date.parse(entry.time.replace(/\.(\d{3})\d* \+0000 UTC$/, '.$1Z').replace(' ', 'T'));
        expect(Math.abs(profile.timeNanos / 1e6 - millis)).toBeLessThanOrEqual(1);
      }
    });
  }
});

describe('function table matches go tool pprof -top (granularity=functions)', () => {
  for (const entry of readableEntries()) {
    it(entry.file, async () => {
      const { profile } = await loadProfile(readProfileBytes(entry.file));
      // Every column computed at once, and as the app's worker builds it: the default type
      // now, the others deferred to their first read.
      for (const eagerType of [undefined, profile.defaultSampleType]) {
        const tree = buildCallTree({ groups: [[profile]], groupBy: 'function', eagerType });
        expectTopMatches(tree, entry);
      }
    });
  }
});

function expectTopMatches(tree: CallTree, entry: ManifestEntry): void {
  entry.top!.forEach((expected, type) => {
    const stats = frameStats(tree, columnOf(tree, 0, type));
    const total = entry.totals![type];
    // -top hides nodes under -nodefraction (default 0.005 of the total) before taking the top 5.
    const top = functionRows(tree, stats, 'self')
      .filter((row) => Math.abs(row.total) >= 0.005 * Math.abs(total))
      .slice(0, expected.flat.length)
      .map((row) => ({ function: row.name, flat: row.self, cum: row.total }));
    expect(top, `${entry.file} ${expected.sampleType}`).toEqual(expected.flat);
    expect(totalOf(tree, columnOf(tree, 0, type))[0]).toBe(entry.totals![type]);
  });
}

describe('decoder agrees with pprof-format', () => {
  const toNumber = (v: number | bigint) => Number(v);
  for (const entry of readableEntries()) {
    it(entry.file, () => {
      let bytes = readProfileBytes(entry.file);
      if (bytes[0] === 0x1f) bytes = new Uint8Array(gunzipSync(bytes));
      const ours = decodePprof(bytes);
      const theirs = PprofFormatProfile.decode(bytes);
      expect(ours.sampleCount).toBe(theirs.sample.length);
      expect(ours.locationCount).toBe(theirs.location.length);
      expect(ours.functionCount).toBe(theirs.function.length);
      expect(ours.strings).toEqual(theirs.stringTable.strings);
      // Every sample: same values and the same location ids, leaf first.
      const locationIds = theirs.location.map((l) => toNumber(l.id));
      theirs.sample.forEach((sample, s) => {
        const stack = sampleLocations(ours, s).map((location) => locationIds[location]);
        expect(stack).toEqual(sample.locationId.map(toNumber));
        const types = ours.sampleTypes.length;
        expect(Array.from(ours.values.subarray(s * types, (s + 1) * types))).toEqual(sample.value.map(toNumber));
      });
      // Inlined frames: every Line of every location, innermost first.
      theirs.location.forEach((location, i) => {
        const lines = Array.from({ length: ours.lineOffsets[i + 1] - ours.lineOffsets[i] }, (_, k) => {
          const l = ours.lineOffsets[i] + k;
          const fn = ours.lineFunction[l];
          return [fn < 0 ? 0 : toNumber(theirs.function[fn].id), ours.lineNumber[l]];
        });
        expect(lines).toEqual(location.line.map((line) => [toNumber(line.functionId), toNumber(line.line)]));
      });
    });
  }
});

describe('broken files give a clear error, never an exception of another kind', () => {
  const cases: [string, ProfileError['kind'], RegExp][] = [
    ['edge/truncated.pb.gz', 'truncated-gzip', /^truncated gzip data/],
    ['edge/not-pprof.pb.gz', 'not-pprof', /^not a pprof profile/],
  ];
  for (const [file, kind, message] of cases) {
    it(file, async () => {
      const error = await loadProfile(readProfileBytes(file)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProfileError);
      expect((error as ProfileError).message).toMatch(message);
      expect((error as ProfileError).kind === kind || (kind === 'not-pprof' && (error as ProfileError).kind === 'corrupt-protobuf')).toBe(true);
    });
  }

  it('every error entry of the manifest is refused', async () => {
    for (const entry of readManifest().filter((e) => e.error)) {
      await expect(loadProfile(readProfileBytes(entry.file))).rejects.toBeInstanceOf(ProfileError);
    }
  });

  it('an empty file is not a profile', async () => {
    await expect(loadProfile(new Uint8Array(0))).rejects.toThrow(/not a pprof profile: the file is empty/);
  });
});
