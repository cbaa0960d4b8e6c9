/**
 * Hand-made profiles for exact-number tests, from folded stacks ("root;caller;callee").
 * Builds the same columnar Profile the decoder produces, one location per frame name.
 */
import type { Profile, SampleType } from '../../src/profile/model.ts';

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
  const stackPrefix: number[] = [];
  const stackLocation: number[] = [];
  const sampleStack: number[] = [];
  const values: number[] = [];
  for (const sample of samples) {
    let row = -1;
    for (const name of sample.stack.split(';').filter(Boolean)) {
      let fn = functionNames.indexOf(name);
      if (fn < 0) fn = functionNames.push(name) - 1;
      let found = -1;
      for (let r = 0; r < stackPrefix.length; r++) if (stackPrefix[r] === row && stackLocation[r] === fn) found = r;
      if (found < 0) {
        found = stackPrefix.length;
        stackPrefix.push(row);
        stackLocation.push(fn);
      }
      row = found;
    }
    sampleStack.push(row);
    values.push(...sample.values);
  }
  const n = functionNames.length;
  return {
    strings: [...strings, ...functionNames],
    sampleTypes,
    defaultSampleType: sampleTypes.length - 1,
    sampleCount: samples.length,
    sampleStack: Int32Array.from(sampleStack),
    stackCount: stackPrefix.length,
    stackPrefix: Int32Array.from(stackPrefix),
    stackLocation: Uint32Array.from(stackLocation),
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
