/**
 * Hand-built hostile profiles for the fuzz corpus, encoded with pprof-format (an
 * independent encoder): extreme shapes that random mutation rarely reaches.
 */
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';

function base(types: [string, string][]): { profile: Profile; strings: StringTable } {
  const strings = new StringTable();
  const profile = new Profile({
    stringTable: strings,
    sampleType: types.map(([type, unit]) => new ValueType({ type: strings.dedup(type), unit: strings.dedup(unit) })),
  });
  return { profile, strings };
}

/** One stack `depth` frames deep (through `distinct` functions, so it also recurses). */
export function deepStack(depth: number, distinct = 7): Uint8Array {
  const { profile, strings } = base([['cpu', 'nanoseconds']]);
  for (let f = 1; f <= distinct; f++) {
    profile.function.push(new PprofFunction({ id: f, name: strings.dedup(`recurse${f}`) }));
    profile.location.push(new Location({ id: f, line: [new Line({ functionId: f, line: f })] }));
  }
  const ids = Array.from({ length: depth }, (_, i) => (i % distinct) + 1);
  profile.sample.push(new Sample({ locationId: ids, value: [1_000_000] }));
  return profile.encode();
}

/** `count` samples with no stack and a zero value: valid, and nothing to draw. */
export function emptySamples(count: number): Uint8Array {
  const { profile } = base([['samples', 'count']]);
  for (let i = 0; i < count; i++) profile.sample.push(new Sample({ locationId: [], value: [0] }));
  return profile.encode();
}

/** Values at the edges of int64: negative, beyond 2^31, beyond 2^53. */
export function extremeValues(): Uint8Array {
  const { profile, strings } = base([
    ['alloc_space', 'bytes'],
    ['delta', 'count'],
  ]);
  profile.function.push(new PprofFunction({ id: 1, name: strings.dedup('main') }));
  profile.location.push(new Location({ id: 1, line: [new Line({ functionId: 1 })] }));
  for (const value of [2n ** 31n + 7n, -(2n ** 40n), 2n ** 62n, -1n]) {
    profile.sample.push(new Sample({ locationId: [1], value: [value, -value] }));
  }
  return profile.encode();
}

/** Two locations and two functions with the same ids, and ids near 2^64. */
export function duplicateAndHugeIds(): Uint8Array {
  const { profile, strings } = base([['cpu', 'nanoseconds']]);
  const huge = 2n ** 64n - 5n;
  profile.function.push(new PprofFunction({ id: 1, name: strings.dedup('first') }));
  profile.function.push(new PprofFunction({ id: 1, name: strings.dedup('second') }));
  profile.function.push(new PprofFunction({ id: huge, name: strings.dedup('huge') }));
  profile.location.push(new Location({ id: 1, line: [new Line({ functionId: 1 })] }));
  profile.location.push(new Location({ id: 1, line: [new Line({ functionId: huge })] }));
  profile.location.push(new Location({ id: huge, line: [new Line({ functionId: 1 })] }));
  profile.sample.push(new Sample({ locationId: [1, huge], value: [10] }));
  return profile.encode();
}

/** A function whose name index points past the string table. */
export function missingString(): Uint8Array {
  const { profile, strings } = base([['cpu', 'nanoseconds']]);
  profile.function.push(new PprofFunction({ id: 1, name: 9_999 }));
  profile.location.push(new Location({ id: 1, line: [new Line({ functionId: 1 })] }));
  profile.sample.push(new Sample({ locationId: [1], value: [1] }));
  void strings;
  return profile.encode();
}

/** A sample that references a location that does not exist. */
export function danglingLocation(): Uint8Array {
  const { profile } = base([['cpu', 'nanoseconds']]);
  profile.sample.push(new Sample({ locationId: [42], value: [1] }));
  return profile.encode();
}
