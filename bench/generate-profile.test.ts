import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESET_SIZES, generateProfile, writeProfile } from './generate-profile.ts';
import type { GeneratorOptions } from './generate-profile.ts';
import { ProtoWriter } from './pprof-writer.ts';

const OPTIONS: GeneratorOptions = { seed: 7, stacks: 3000, maxDepth: 180 };
const bytes = generateProfile(OPTIONS);
const profile = Profile.decode(bytes);

const str = (p: Profile, index: number | bigint) => p.stringTable.strings[Number(index)];
const typesOf = (p: Profile) => p.sampleType.map((t) => `${str(p, t.type)}/${str(p, t.unit)}`);
const byId = <T extends { id: number | bigint }>(items: T[]) => new Map(items.map((item) => [Number(item.id), item]));

/** Function ids per sample, leaf first, with inlined lines expanded: what a flame graph shows. */
function framesOf(p: Profile): number[][] {
  const locations = byId(p.location);
  return p.sample.map((s) => s.locationId.flatMap((id) => locations.get(Number(id))!.line.map((l) => Number(l.functionId))));
}

const hasDirectRecursion = (frames: number[]) => frames.some((f, i) => i > 0 && frames[i - 1] === f);
/** f ... g ... f with something else in between (the g -> f back edge, not f calling itself). */
function hasIndirectRecursion(frames: number[]): boolean {
  const lastSeen = new Map<number, number>();
  return frames.some((f, i) => {
    const j = lastSeen.get(f);
    lastSeen.set(f, i);
    return j !== undefined && frames.slice(j + 1, i).some((g) => g !== f);
  });
}

describe('generateProfile', () => {
  it('is deterministic: the same seed gives identical bytes, another seed different ones', () => {
    expect(Buffer.from(generateProfile(OPTIONS)).equals(bytes)).toBe(true);
    expect(Buffer.from(generateProfile({ ...OPTIONS, seed: 8 })).equals(bytes)).toBe(false);
  });

  it('keeps the same synthetic program when only the number of stacks changes', () => {
    const names = (stacks: number) => {
      const p = Profile.decode(generateProfile({ seed: 3, stacks, functions: 500 }));
      return p.function.map((f) => str(p, f.name));
    };
    expect(names(200)).toEqual(names(800));
  });

  it('decodes with pprof-format with the requested sample count, types and metadata', () => {
    expect(profile.sample).toHaveLength(OPTIONS.stacks);
    expect(typesOf(profile)).toEqual(['samples/count', 'cpu/nanoseconds']);
    expect(str(profile, profile.defaultSampleType)).toBe('cpu');
    expect(`${str(profile, profile.periodType!.type)}/${str(profile, profile.periodType!.unit)}`).toBe('cpu/nanoseconds');
    expect(Number(profile.period)).toBe(10_000_000);
    expect(profile.timeNanos).toBe(1_700_000_000_000_000_000n); // beyond 2^53: must stay exact
    expect(Number(profile.durationNanos)).toBe(60_000_000_000);
    expect(profile.stringTable.strings[0]).toBe('');
    expect(profile.function).toHaveLength(1000); // default: stacks / 10, at least 1000
    expect(profile.mapping.length).toBeGreaterThanOrEqual(3);
  });

  it('honours period, time and duration overrides', () => {
    const p = Profile.decode(generateProfile({ seed: 1, stacks: 200, period: 1_000_000, timeNanos: 1n, durationNanos: 5_000_000_000 }));
    expect([Number(p.period), Number(p.timeNanos), Number(p.durationNanos)]).toEqual([1_000_000, 1, 5_000_000_000]);
    for (const s of p.sample) expect(BigInt(s.value[1])).toBe(BigInt(s.value[0]) * 1_000_000n);
  });

  it('has no dangling references and unique ids', () => {
    const locations = byId(profile.location), functions = byId(profile.function), mappings = byId(profile.mapping);
    expect(locations.size).toBe(profile.location.length);
    expect(functions.size).toBe(profile.function.length);
    const dangling = [
      ...profile.sample.flatMap((s) => s.locationId.filter((id) => !locations.has(Number(id))).map((id) => `location ${id}`)),
      ...profile.location.filter((l) => !mappings.has(Number(l.mappingId))).map((l) => `mapping ${l.mappingId}`),
      ...profile.location.flatMap((l) => l.line.filter((line) => !functions.has(Number(line.functionId))).map((line) => `function ${line.functionId}`)),
    ];
    expect(dangling).toEqual([]);
    const strings = profile.function.flatMap((f) => [f.name, f.filename]).map(Number);
    expect(Math.max(...strings)).toBeLessThan(profile.stringTable.strings.length);
  });

  it('makes every sample a distinct stack', () => {
    expect(new Set(profile.sample.map((s) => s.locationId.join(','))).size).toBe(OPTIONS.stacks);
  });

  it('reaches maxDepth exactly, never exceeds it, and keeps most stacks 20-80 frames deep', () => {
    const depths = framesOf(profile).map((f) => f.length);
    expect(Math.max(...depths)).toBe(OPTIONS.maxDepth);
    const share = (pred: (d: number) => boolean) => depths.filter(pred).length / depths.length;
    expect(share((d) => d >= 20 && d <= 80)).toBeGreaterThan(0.7);
    expect(share((d) => d > 80)).toBeGreaterThan(0.1); // the deep tail exists
    expect(share((d) => d > 120)).toBeGreaterThan(0.05);
  });

  it('has inlined frames (several Lines in one Location) and direct and indirect recursion', () => {
    const inlined = profile.location.filter((l) => l.line.length > 1);
    expect(inlined.length).toBeGreaterThan(profile.location.length * 0.02);
    const stacks = framesOf(profile);
    expect(stacks.filter(hasDirectRecursion).length).toBeGreaterThan(OPTIONS.stacks * 0.01);
    expect(stacks.filter(hasIndirectRecursion).length).toBeGreaterThan(OPTIONS.stacks * 0.02);
  });

  it('looks like a real program: few roots, Zipf-hot leaves, long language-specific names', () => {
    const functions = byId(profile.function);
    const name = (id: number) => str(profile, functions.get(id)!.name);
    const stacks = framesOf(profile);
    const roots = new Set(stacks.map((f) => name(f[f.length - 1])));
    expect(roots.size).toBeLessThanOrEqual(6);
    expect(roots).toContain('runtime.goexit');
    const leafCounts = new Map<string, number>();
    for (const f of stacks) leafCounts.set(name(f[0]), (leafCounts.get(name(f[0])) ?? 0) + 1);
    const hottest = Math.max(...leafCounts.values());
    expect(hottest / OPTIONS.stacks).toBeGreaterThan(0.1); // one leaf (memmove) dominates self time...
    expect(leafCounts.size).toBeGreaterThan(100); // ...over a long tail
    const names = profile.function.map((f) => str(profile, f.name));
    expect(names.some((n) => n.includes('std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char>>'))).toBe(true);
    expect(names.some((n) => /^com\.example\.\w+\.service\.\w+\$\w+\.lambda\$\w+\$\d$/.test(n))).toBe(true);
    expect(names.some((n) => /^github\.com\/acme\/shop\/internal\/\w+\.\(\*\w+\)\.\w+/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(profile.sample.some((s) => s.label.length > 0)).toBe(true);
  });

  it('round-trips values above 2^31 exactly (pprof-format hands them back as BigInt)', () => {
    const cpu = profile.sample.map((s) => s.value[1]);
    expect(cpu.some((v) => typeof v === 'bigint' && v > 2n ** 31n)).toBe(true);
    // cpu/nanoseconds is exactly samples/count * period, so any lost bit would show up here.
    for (const s of profile.sample) expect(BigInt(s.value[1])).toBe(BigInt(s.value[0]) * 10_000_000n);
  });

  it('writes Go heap-profile style alloc profiles with consistent values', () => {
    const p = Profile.decode(generateProfile({ seed: 2, stacks: 1500, kind: 'alloc' }));
    expect(typesOf(p)).toEqual(['alloc_objects/count', 'alloc_space/bytes', 'inuse_objects/count', 'inuse_space/bytes']);
    expect(str(p, p.defaultSampleType)).toBe('inuse_space');
    for (const s of p.sample) {
      const [allocObjects, allocSpace, inuseObjects, inuseSpace] = s.value.map(BigInt);
      expect(inuseObjects <= allocObjects && inuseSpace <= allocSpace).toBe(true);
      expect(allocSpace % allocObjects).toBe(0n); // one object size per allocation site
    }
    expect(p.sample.some((s) => BigInt(s.value[1]) > 2n ** 31n)).toBe(true);
    expect(p.sample.some((s) => s.label.some((l) => str(p, l.key) === 'bytes' && str(p, l.numUnit) === 'bytes'))).toBe(true);
  });

  it('is encoded exactly as pprof-format would re-encode it', () => {
    expect(Buffer.from(Profile.decode(bytes).encode()).equals(bytes)).toBe(true);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateProfile({ seed: 1, stacks: 0 })).toThrow(RangeError);
    expect(() => generateProfile({ seed: 1, stacks: 10, maxDepth: 3 })).toThrow(/maxDepth/);
    expect(() => generateProfile({ seed: 1, stacks: 10, functions: 10 })).toThrow(/functions/);
    expect(() => generateProfile({ seed: 1.5, stacks: 10 })).toThrow(/seed/);
  });

  it('has benchmark presets in increasing size, at a sane number of bytes per stack', () => {
    expect(Object.values(PRESET_SIZES)).toEqual([...Object.values(PRESET_SIZES)].sort((a, b) => a - b));
    const perStack = bytes.length / OPTIONS.stacks;
    expect(perStack).toBeGreaterThan(100);
    expect(perStack).toBeLessThan(300);
  });
});

describe('ProtoWriter', () => {
  /** Independent varint reader (BigInt all the way) to check the writer against. */
  function readVarints(buf: Uint8Array): bigint[] {
    const out: bigint[] = [];
    let v = 0n, shift = 0n;
    for (const byte of buf) {
      v |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if (byte < 0x80) {
        out.push(v);
        v = 0n;
        shift = 0n;
      }
    }
    return out;
  }

  it('encodes int64 values exactly around the 2^31, 2^32 and 2^53 boundaries and for negatives', () => {
    const values = [0, 127, 128, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1, 2n ** 53n + 1n, 2n ** 63n - 1n];
    const w = new ProtoWriter(4); // tiny on purpose: exercises growth
    for (const v of values) w.varint(v);
    w.varint(-1); // int64 -1 is ten bytes of two's complement on the wire
    expect(readVarints(w.finish())).toEqual([...values.map(BigInt), 2n ** 64n - 1n]);
    expect(() => w.varint(1.5)).toThrow();
  });
});

describe('writeProfile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flamelens-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gzips when the name ends in .gz and writes raw bytes otherwise', () => {
    const gz = join(dir, 'p.pb.gz'), raw = join(dir, 'p.pb');
    expect(writeProfile(gz, bytes)).toBeLessThan(bytes.length / 2);
    writeProfile(raw, bytes);
    expect(gunzipSync(readFileSync(gz)).equals(bytes)).toBe(true);
    expect(readFileSync(raw).equals(bytes)).toBe(true);
  });
});

const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasGo)('go tool pprof (the reference implementation)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flamelens-gopprof-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The "of N<unit> total" figure of `go tool pprof -top`, with the unit pinned so it prints exact integers. */
  function goTotal(file: string, sampleIndex: string, unit = ''): bigint {
    const unitFlag = unit ? [`-unit=${unit}`] : [];
    const r = spawnSync('go', ['tool', 'pprof', '-top', `-sample_index=${sampleIndex}`, ...unitFlag, '-symbolize=none', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const m = new RegExp(`of (\\d+)${unit} total`).exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    return BigInt(m![1]);
  }
  const sum = (p: Profile, index: number) => p.sample.reduce((acc, s) => acc + BigInt(s.value[index]), 0n);

  it('accepts a cpu profile and totals it exactly as we do', () => {
    const file = join(dir, 'cpu.pb.gz');
    writeProfile(file, bytes);
    expect(goTotal(file, 'cpu', 'ns')).toBe(sum(profile, 1));
    expect(goTotal(file, 'samples')).toBe(sum(profile, 0));
  });

  it('accepts an alloc profile and totals it exactly as we do', () => {
    const allocBytes = generateProfile({ seed: 5, stacks: 1000, kind: 'alloc' });
    const file = join(dir, 'alloc.pb');
    writeProfile(file, allocBytes);
    expect(goTotal(file, 'alloc_space', 'B')).toBe(sum(Profile.decode(allocBytes), 1));
  });
});
