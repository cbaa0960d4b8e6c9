import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from './stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is NaN for no samples', () => {
    expect(median([])).toBeNaN();
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
  it('returns a measured value', () => {
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });
  it('is the maximum for fewer than 20 samples at p95', () => {
    expect(percentile([1, 2, 3, 4, 5], 95)).toBe(5);
  });
});

describe('summarize', () => {
  it('gives count, median, p95, min and max', () => {
    expect(summarize([2, 9, 4])).toEqual({ n: 3, median: 4, p95: 9, min: 2, max: 9 });
  });
});
