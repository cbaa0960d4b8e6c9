import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { bucketize, stepMillis } from './step.ts';

describe('step bucketing', () => {
  it('puts each value in the step ending at or after it, labelled with the step end (as Pyroscope)', () => {
    const values = [
      { ts: 1000, value: 1 },
      { ts: 1999, value: 2 },
      { ts: 2000, value: 4 },
      { ts: 5500, value: 8 },
      { ts: 999, value: 100 }, // before start: ignored
      { ts: 7001, value: 100 }, // after end: ignored
    ];
    expect(bucketize(values, 1000, 7000, 1000)).toEqual([
      { timestamp: 1000, value: 1 },
      { timestamp: 2000, value: 6 },
      { timestamp: 6000, value: 8 },
    ]);
    expect(bucketize(values, 1000, 7000, 1000, 'average')[1]).toEqual({ timestamp: 2000, value: 3 });
    // After the last whole step: one more point rather than a lost profile.
    expect(bucketize([{ ts: 7000, value: 1 }], 1000, 7000, 4000)).toEqual([{ timestamp: 9000, value: 1 }]);
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
