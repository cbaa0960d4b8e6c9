/**
 * Summary statistics for timings. The machine is shared and noisy, so every figure is a
 * median of several runs, with p95 where there are enough samples for it to mean something.
 */

export interface Summary {
  n: number;
  median: number;
  /** nearest-rank p95: with fewer than 20 samples this is the maximum */
  p95: number;
  min: number;
  max: number;
}

/** Median of a non-empty list: the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Nearest-rank percentile (the smallest value with at least p% of samples at or below it).
 * Chosen over interpolation because it always returns a measured value: a p95 redraw time
 * is a redraw that really happened.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}
