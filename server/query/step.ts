/**
 * Time bucketing for SelectSeries, as Pyroscope's querier does it (rangeSeries):
 * points sit at start, start + step, start + 2·step, ... and the point at
 * time t sums the profiles in (t - step, t]; a profile exactly at `start` gets
 * the first point. The timestamp is the bucket's end, not its start. Buckets
 * without profiles have no point. (Pyroscope drops profiles after the last
 * point that fits before `end`; here they get one more point, so the points
 * always add up to everything in the range.)
 */
import { invalidArgument } from '../errors.ts';

export const MAX_POINTS_PER_SERIES = 11_000;

export type Aggregation = 'sum' | 'average';

export interface TimedValue {
  ts: number;
  value: number;
}

export interface SeriesPoint {
  value: number;
  timestamp: number;
}

/** Checks the step against the range; returns the step in milliseconds. */
export function stepMillis(stepSeconds: number, start: number, end: number): number {
  if (!Number.isFinite(stepSeconds) || stepSeconds <= 0) {
    throw invalidArgument(`step must be a positive number of seconds, got ${stepSeconds}`);
  }
  const stepMs = stepSeconds * 1000;
  const points = Math.floor((end - start) / stepMs) + 1;
  if (points > MAX_POINTS_PER_SERIES) {
    throw invalidArgument(
      `step ${stepSeconds}s over a ${(end - start) / 1000}s range gives ${points} points; the limit is ${MAX_POINTS_PER_SERIES}`,
    );
  }
  return stepMs;
}

export function bucketIndex(ts: number, start: number, stepMs: number): number {
  return Math.ceil((ts - start) / stepMs);
}

/** Aggregates values (any order) into points sorted by time. Values outside [start, end] are ignored. */
export function bucketize(
  values: readonly TimedValue[],
  start: number,
  end: number,
  stepMs: number,
  aggregation: Aggregation = 'sum',
): SeriesPoint[] {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const { ts, value } of values) {
    if (ts < start || ts > end) continue;
    const k = bucketIndex(ts, start, stepMs);
    const bucket = sums.get(k);
    if (bucket) {
      bucket.sum += value;
      bucket.count++;
    } else sums.set(k, { sum: value, count: 1 });
  }
  return [...sums.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, { sum, count }]) => ({
      timestamp: Math.floor(start + k * stepMs),
      value: aggregation === 'average' ? sum / count : sum,
    }));
}
