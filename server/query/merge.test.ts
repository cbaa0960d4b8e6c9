import { gunzipSync } from 'node:zlib';
import { Function as PprofFunction, Line, Location, Mapping, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { decodePprof } from '../pprof/decode.ts';
import { profileFile } from '../test/harness.ts';
import { ProfileMerger } from './merge.ts';

const header = {
  sampleType: { type: 'wall', unit: 'nanoseconds' },
  periodType: { type: 'wall', unit: 'nanoseconds' },
  timeNanos: 1_700_000_000_000_000_000,
  durationNanos: 10_000_000_000,
};

/** Flat value per function name (innermost frame of each sample), read with pprof-format. */
function flatByFunction(bytes: Uint8Array, valueIndex: number): Map<string, number> {
  const p = Profile.decode(bytes);
  const s = p.stringTable.strings;
  const fns = new Map(p.function.map((f) => [Number(f.id), s[Number(f.name)]]));
  const locs = new Map(p.location.map((l) => [Number(l.id), l]));
  const flat = new Map<string, number>();
  for (const sample of p.sample) {
    const leaf = locs.get(Number(sample.locationId[0]))!;
    const name = fns.get(Number(leaf.line[0].functionId))!;
    flat.set(name, (flat.get(name) ?? 0) + Number(sample.value[valueIndex]));
  }
  return flat;
}

/** A tiny profile: one sample per stack of function names (root last), ids assigned in the given order. */
function synthetic(stacks: [string[], number][], idOrder: string[]): Buffer {
  const strings = new StringTable();
  const functions = idOrder.map((name, i) => new PprofFunction({ id: i + 1, name: strings.dedup(name) }));
  const locations = idOrder.map((_, i) => new Location({ id: i + 1, line: [new Line({ functionId: i + 1, line: 10 })] }));
  const samples = stacks.map(([names, value]) => new Sample({ locationId: names.map((n) => idOrder.indexOf(n) + 1), value: [value] }));
  const sampleType = [new ValueType({ type: strings.dedup('wall'), unit: strings.dedup('nanoseconds') })];
  return Buffer.from(new Profile({ sampleType, sample: samples, location: locations, function: functions, stringTable: strings }).encode());
}

describe('ProfileMerger', () => {
  it('interns functions and locations by content, so the same stack from two profiles is one sample', () => {
    const a = synthetic([[['leaf', 'main'], 5], [['other', 'main'], 1]], ['main', 'leaf', 'other']);
    const b = synthetic([[['leaf', 'main'], 7]], ['leaf', 'main']); // different ids for the same functions
    const merger = new ProfileMerger();
    merger.add(decodePprof(a), 0);
    merger.add(decodePprof(b), 0);
    const out = Profile.decode(merger.encode(header));
    const s = out.stringTable.strings;
    expect(out.function.map((f) => s[Number(f.name)]).sort()).toEqual(['leaf', 'main', 'other']);
    expect(out.sample.map((x) => Number(x.value[0])).sort((p, q) => p - q)).toEqual([1, 12]);
    expect(s[Number(out.sampleType[0].type)]).toBe('wall');
    expect(Number(out.timeNanos)).toBe(header.timeNanos);
    expect(Number(out.durationNanos)).toBe(header.durationNanos);
  });

  it('merges unsymbolized frames by their address relative to the mapping, across load addresses', () => {
    const binary = (loadAddress: number, value: number): Buffer => {
      const strings = new StringTable();
      const mapping = new Mapping({ id: 1, memoryStart: loadAddress, memoryLimit: loadAddress + 0x10000, filename: strings.dedup('/usr/bin/app') });
      const locations = [new Location({ id: 1, mappingId: 1, address: loadAddress + 0x420 })];
      const sampleType = [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })];
      const sample = [new Sample({ locationId: [1], value: [value] })];
      return Buffer.from(new Profile({ sampleType, sample, mapping: [mapping], location: locations, stringTable: strings }).encode());
    };
    const merger = new ProfileMerger();
    merger.add(decodePprof(binary(0x400000, 3)), 0);
    merger.add(decodePprof(binary(0x7f0000, 4)), 0);
    const out = Profile.decode(merger.encode(header));
    expect(out.mapping).toHaveLength(1);
    expect(out.location).toHaveLength(1);
    expect(out.sample.map((x) => Number(x.value[0]))).toEqual([7]);
  });

  it('merges real profiles: totals add up and every function keeps its flat value', () => {
    const files = ['series/checkout-00.cpu.pb.gz', 'series/checkout-04.cpu.pb.gz', 'series/checkout-07.cpu.pb.gz'];
    const raws = files.map((f) => gunzipSync(profileFile(f)));
    const merger = new ProfileMerger();
    for (const raw of raws) merger.add(decodePprof(raw), 1);
    const merged = merger.encode(header);
    const expected = new Map<string, number>();
    for (const raw of raws) for (const [name, v] of flatByFunction(raw, 1)) expected.set(name, (expected.get(name) ?? 0) + v);
    const actual = flatByFunction(merged, 0);
    for (const [name, v] of expected) expect(actual.get(name) ?? 0, name).toBe(v);
    const sum = [...expected.values()].reduce((x, y) => x + y, 0);
    expect(merger.total()).toBe(sum);
  });

  it('merging a profile with itself doubles every value and adds no samples', () => {
    const raw = gunzipSync(profileFile('node-tsc.cpu.pb.gz'));
    const once = new ProfileMerger();
    once.add(decodePprof(raw), 1);
    const twice = new ProfileMerger();
    twice.add(decodePprof(raw), 1);
    twice.add(decodePprof(raw), 1);
    expect(twice.sampleCount).toBe(once.sampleCount);
    expect(twice.total()).toBe(2 * once.total());
    expect(once.total()).toBe(12657040000);
  });

  it('encodes an empty merge as a valid profile with the requested sample type', () => {
    const out = Profile.decode(new ProfileMerger().encode(header));
    expect(out.sample).toHaveLength(0);
    expect(out.stringTable.strings[Number(out.periodType!.unit)]).toBe('nanoseconds');
  });
});
