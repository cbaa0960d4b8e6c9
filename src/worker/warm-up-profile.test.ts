import { describe, expect, it } from 'vitest';
import { Profile as PprofFormatProfile } from 'pprof-format';
import { buildCallTree } from '../profile/calltree.ts';
import { decodePprof } from '../profile/decode.ts';
import { loadProfile } from '../profile/load.ts';
import { warmUpProfileBytes, warmUpProfileFile } from './warm-up-profile.ts';

describe('the warm-up profile', () => {
  const bytes = warmUpProfileBytes();
  const profile = decodePprof(bytes);
  const reference = PprofFormatProfile.decode(bytes);

  it('is a valid pprof profile that pprof-format reads the same way', () => {
    expect(profile.sampleCount).toBe(reference.sample.length);
    expect(profile.locationCount).toBe(reference.location.length);
    expect(profile.strings).toEqual(reference.stringTable.strings);
    expect(profile.sampleTypes.map((t) => t.type)).toEqual(['samples', 'cpu']);
  });

  it('takes the paths real profiles take and a small example does not', () => {
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
    const children = new Int32Array(tree.nodeCount);
    for (let node = 1; node < tree.nodeCount; node++) children[tree.parent[node]]++;
    // A node wide enough for the tree's hash table to grow (48 children fill its first one).
    expect(Math.max(...children)).toBeGreaterThan(48);
    // Stacks deeper than any fixed-size buffer of 256.
    expect(tree.maxDepth).toBeGreaterThan(300);
    const ids = reference.location.map((l) => Number(l.id));
    // Location ids of one, two and four varint bytes.
    expect(ids.some((id) => id < 128) && ids.some((id) => id >= 128 && id < 16384) && ids.some((id) => id >= 2 ** 21)).toBe(true);
    // Values beyond 31 bits, and a time beyond 2^53.
    expect(reference.sample.some((s) => s.value.some((v) => Number(v) > 2 ** 31))).toBe(true);
    expect(BigInt(reference.timeNanos)).toBeGreaterThan(2n ** 53n);
    // String and numeric labels, inlined frames, an unsymbolized location, non-ASCII names.
    expect(reference.sample.some((s) => s.label.some((l) => Number(l.str) > 0))).toBe(true);
    expect(reference.sample.some((s) => s.label.some((l) => Number(l.num) > 0 && Number(l.numUnit) > 0))).toBe(true);
    expect(reference.location.some((l) => l.line.length === 2)).toBe(true);
    expect(reference.location.some((l) => l.line.length === 0)).toBe(true);
    expect(tree.frames.name).toContain('[service]');
    expect(tree.frames.name.some((name) => name.includes('Größe'))).toBe(true);
  });

  it('loads as a gzipped file through the same path as a dropped one', async () => {
    const loaded = await loadProfile(await warmUpProfileFile());
    expect(loaded.rawBytes).toBe(bytes.length);
    expect(loaded.profile.sampleCount).toBe(profile.sampleCount);
  });
});
