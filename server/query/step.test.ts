import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { bucketize, stepMillis } from './step.ts';

describe('step bucketing', () => {
  it('puts each value in the step that starts at or before it, labelled with the step start', () => {
    const values = [
      { ts: 1000, value: 1 },
      { ts: 1999, value: 2 },
      { ts: 2000, value: 4 },
      { ts: 5500, value: 8 },
      { ts: 999, value: 100 }, // before start: ignored
      { ts: 7001, value: 100 }, // after end: ignored
    ];
    expect(bucketize(values, 1000, 7000, 1000)).toEqual([
      { timestamp: 1000, value: 3 },
      { timestamp: 2000, value: 4 },
      { timestamp: 5000, value: 8 },
    ]);
    expect(bucketize(values, 1000, 7000, 1000, 'average')[0]).toEqual({ timestamp: 1000, value: 1.5 });
  });

  it('keeps the sum of all points equal to the sum of values in range, for any step', () => {
    const values = Array.from({ length: 500 }, (_, i) => ({ ts: 10_000 + i * 37, value: i }));
    const expected = values.reduce((a, v) => a + v.value, 0);
    for (const step of [1, 13, 250, 1000, 60_000]) {
      expect(bucketize(values, 10_000, 40_000, step).reduce((a, p) => a + p.value, 0)).toBe(expected);
    }
  });

  it('validates the step and caps the number of points', () => {
    expect(stepMillis(0.5, 0, 1000)).toBe(500);
    expect(() => stepMillis(0, 0, 1000)).toThrow(ApiError);
    expect(() => stepMillis(-1, 0, 1000)).toThrow(/positive/);
    expect(() => stepMillis(1, 0, 86_400_000)).toThrow(/limit is 11000/);
  });
});
