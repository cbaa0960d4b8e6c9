/**
 * Hand-made profiles for exact-number tests, from folded stacks ("root;caller;callee").
 * Builds the same columnar Profile the decoder produces, one location per frame name.
 */
import type { Profile, SampleType } from '../../src/profile/model.ts';
import { IdIndex } from '../../src/profile/id-index.ts';
import { writeVarint } from '../../src/profile/stacks.ts';

export interface FoldedSample {
  stack: string;
  values: number[];
}

export function profileFromFolded(samples: FoldedSample[], sampleTypes: SampleType[] = [{ type: 'cpu', unit: 'nanoseconds' }], timeNanos = 0): Profile {
  const strings = [''];
  const stringIndex = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  sampleTypes.forEach((t) => {
    stringIndex(t.type);
    stringIndex(t.unit);
  });
  const functionNames: string[] = [];
  // Stacks as pprof stores them: packed varint location ids, leaf first (ids = index + 1).
  const stackBytes: number[] = [];
  const stackStart: number[] = [];
  const stackEnd: number[] = [];
  const values: number[] = [];
  for (const sample of samples) {
    const ids = sample.stack
      .split(';')
      .filter(Boolean)
      .map((name) => {
        let fn = functionNames.indexOf(name);
        if (fn < 0) fn = functionNames.push(name) - 1;
        return fn + 1;
      })
      .reverse();
    stackStart.push(stackBytes.length);
    for (const id of ids) writeVarint(stackBytes, id);
    stackEnd.push(stackBytes.length);
    values.push(...sample.values);
  }
  const n = functionNames.length;
  return {
    strings: [...strings, ...functionNames],
    sampleTypes,
    defaultSampleType: sampleTypes.length - 1,
    sampleCount: samples.length,
    stackBytes: Uint8Array.from(stackBytes),
    stackStart: Uint32Array.from(stackStart),
    stackEnd: Uint32Array.from(stackEnd),
    locationIndex: new IdIndex(Array.from({ length: n + 1 }, (_, i) => i).slice(1), 'location'),
    values: Float64Array.from(values),
    labels: null,
    locationCount: n,
    lineOffsets: Uint32Array.from({ length: n + 1 }, (_, i) => i),
    lineFunction: Int32Array.from({ length: n }, (_, i) => i),
    lineNumber: new Float64Array(n),
    locationMapping: new Int32Array(n).fill(-1),
    locationAddressHi: new Uint32Array(n),
    locationAddressLo: new Uint32Array(n),
    functionCount: n,
    functionName: Int32Array.from({ length: n }, (_, i) => strings.length + i),
    functionSystemName: Int32Array.from({ length: n }, (_, i) => strings.length + i),
    functionFilename: new Int32Array(n),
    functionStartLine: new Float64Array(n),
    mappingCount: 0,
    mappingFilename: new Int32Array(0),
    mappingBuildId: new Int32Array(0),
    dropFrames: 0,
    keepFrames: 0,
    timeNanos,
    durationNanos: 0,
    periodType: null,
    period: 0,
    comments: [],
  };
}
