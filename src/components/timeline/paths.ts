/**
 * SVG path data for a series: one `<path>` for the line and one for the area under it, so
 * thousands of points cost two DOM nodes. Pure: pixels in, strings out.
 */
import { pixelOfTime, pixelOfValue } from './scales.ts';
import type { TimelineScales } from './scales.ts';
import type { TimelinePoint } from './types.ts';

export interface SeriesPaths {
  line: string;
  area: string;
}

/** A tenth of a pixel is finer than anything drawn and keeps path strings short. */
const r = (v: number) => Math.round(v * 10) / 10;

/**
 * Runs of points drawn as one connected line. With per-bucket totals, a missing bucket
 * means no data there, so the line breaks instead of drawing a slope across the hole.
 */
export function splitAtGaps(points: TimelinePoint[], stepMs: number | undefined): TimelinePoint[][] {
  if (points.length === 0) return [];
  if (stepMs === undefined || stepMs <= 0) return [points];
  const runs: TimelinePoint[][] = [];
  let run: TimelinePoint[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    if (points[i].time - points[i - 1].time > stepMs * 1.5) {
      runs.push(run);
      run = [];
    }
    run.push(points[i]);
  }
  runs.push(run);
  return runs;
}

export function seriesPaths(scales: TimelineScales, points: TimelinePoint[]): SeriesPaths {
  const baseline = r(Math.min(Math.max(scales.y(0), 0), scales.height));
  // An isolated bucket would be an invisible zero-length line: give it the bucket's width.
  const halfBucket = Math.max(1.5, scales.stepMs ? (scales.x(scales.stepMs) - scales.x(0)) / 2 : 1.5);
  let line = '';
  let area = '';
  for (const run of splitAtGaps(points, scales.stepMs)) {
    const xs = run.map((p) => r(pixelOfTime(scales, p.time)));
    const ys = run.map((p) => r(pixelOfValue(scales, p.value)));
    if (run.length === 1) {
      const x0 = r(xs[0] - halfBucket);
      const x1 = r(xs[0] + halfBucket);
      line += `M${x0},${ys[0]}H${x1}`;
      area += `M${x0},${baseline}V${ys[0]}H${x1}V${baseline}Z`;
      continue;
    }
    let trace = `M${xs[0]},${ys[0]}`;
    for (let i = 1; i < run.length; i++) trace += `L${xs[i]},${ys[i]}`;
    line += trace;
    area += `${trace}L${xs[xs.length - 1]},${baseline}L${xs[0]},${baseline}Z`;
  }
  return { line, area };
}
