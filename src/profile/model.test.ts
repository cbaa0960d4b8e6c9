import { describe, expect, it } from 'vitest';
import { chooseSampleType } from './model.ts';

const types = [
  { type: 'samples', unit: 'count' },
  { type: 'cpu', unit: 'nanoseconds' },
  { type: 'alloc_space', unit: 'bytes' },
];

describe('chooseSampleType', () => {
  it('takes the wanted type, else the fallback (a default type), else the last, as pprof does', () => {
    expect(chooseSampleType(types, 'samples', 'cpu')).toBe(0);
    expect(chooseSampleType(types, 'inuse_space', 'cpu')).toBe(1);
    expect(chooseSampleType(types, null, undefined)).toBe(2);
    expect(chooseSampleType([], 'cpu', 'cpu')).toBe(0);
  });
});
