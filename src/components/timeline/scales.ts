/**
 * The timeline's geometry, free of React and the DOM: scales from data to pixels and back,
 * axis ticks and their labels, and how pointer gestures snap to the data (a brush to whole
 * points, a click to one point). Pixels are relative to the plot area, (0, 0) at its top
 * left; times are unix milliseconds.
 */
import { scaleLinear, scaleTime, scaleUtc } from 'd3-scale';
import type { ScaleLinear, ScaleTime } from 'd3-scale';
import { formatRate, formatValue, unitKind } from '../../profile/units.ts';
import { formatTickTime } from './time-format.ts';
import type { TimelinePoint, TimelineSeries, TimeWindow } from './types.ts';

/** Headroom above the largest value, so the peak does not touch the top edge. */
const HEADROOM = 1.1;
/** A pointer that moves less than this between down and up is a click, not a brush. */
export const CLICK_TOLERANCE_PX = 3;
/** Roughly how much room one tick label gets, which decides how many ticks fit. */
const X_TICK_SPACING_PX = 100;
const Y_TICK_SPACING_PX = 30;

export interface ScaleOptions {
  series: TimelineSeries[];
  range: TimeWindow;
  unit: string;
  stepMs?: number;
  /** size of the plot area in pixels */
  width: number;
  height: number;
  /** label times in UTC instead of local time */
  utc?: boolean;
}

export interface TimelineScales {
  /** unix ms -> x pixel */
  x: ScaleTime<number, number>;
  /** displayed value (see `toDisplayValue`) -> y pixel, 0 at the top */
  y: ScaleLinear<number, number>;
  unit: string;
  /** true when values are drawn as a rate per second rather than per-point totals */
  rate: boolean;
  /** no value above zero (or no points at all): the y axis has nothing to measure */
  empty: boolean;
  stepMs: number | undefined;
  utc: boolean;
  width: number;
  height: number;
}

export interface Tick {
  value: number;
  /** pixel along the axis */
  position: number;
  label: string;
}

// ---------------------------------------------------------------------------------------
// Values: what is drawn is either the raw per-point total or, for time units aggregated in
// steps, a rate per second (CPU seconds per second reads as cores and does not change when
// the step changes with the range).

export function isRate(unit: string, stepMs: number | undefined): boolean {
  return unitKind(unit) === 'time' && stepMs !== undefined && stepMs > 0;
}

export function toDisplayValue(value: number, unit: string, stepMs: number | undefined): number {
  return isRate(unit, stepMs) ? value / ((stepMs as number) / 1000) : value;
}

export function formatDisplayValue(displayValue: number, unit: string, rate: boolean): string {
  return rate ? formatRate(displayValue, unit) : formatValue(displayValue, unit);
}

/** [0, max * 1.1] of the displayed values; [0, 1] when there is nothing above zero. */
export function valueDomain(series: TimelineSeries[], unit: string, stepMs?: number): [number, number] {
  let min = 0;
  let max = 0;
  for (const s of series) {
    for (const p of s.points) {
      const v = toDisplayValue(p.value, unit, stepMs);
      if (v > max) max = v;
      if (v < min) min = v;
    }
  }
  const low = min < 0 ? min * HEADROOM : 0;
  const high = max > 0 ? max * HEADROOM : low < 0 ? 0 : 1;
  return [low, high];
}

// ---------------------------------------------------------------------------------------
// Scales

/** An empty or inverted range would make every time map to NaN; widen it to 1 ms. */
function timeDomain(range: TimeWindow): [number, number] {
  return range.until > range.from ? [range.from, range.until] : [range.from, range.from + 1];
}

export function buildTimeScale(range: TimeWindow, width: number, utc = false): ScaleTime<number, number> {
  const [from, until] = timeDomain(range);
  return (utc ? scaleUtc() : scaleTime()).domain([new Date(from), new Date(until)]).range([0, Math.max(0, width)]);
}

export function buildValueScale(series: TimelineSeries[], unit: string, stepMs: number | undefined, height: number): ScaleLinear<number, number> {
  return scaleLinear().domain(valueDomain(series, unit, stepMs)).range([Math.max(0, height), 0]);
}

export function buildScales(options: ScaleOptions): TimelineScales {
  const { series, range, unit, stepMs, width, height, utc = false } = options;
  const y = buildValueScale(series, unit, stepMs, height);
  return {
    x: buildTimeScale(range, width, utc),
    y,
    unit,
    rate: isRate(unit, stepMs),
    empty: y.domain()[0] === 0 && !series.some((s) => s.points.some((p) => p.value > 0)),
    stepMs,
    utc,
    width,
    height,
  };
}

export function pixelOfTime(scales: TimelineScales, time: number): number {
  return scales.x(time);
}

/** y pixel of a raw point value (converted to a rate when the scales show rates). */
export function pixelOfValue(scales: TimelineScales, value: number): number {
  return scales.y(toDisplayValue(value, scales.unit, scales.stepMs));
}

/** The time under an x pixel; pixels outside the plot clamp to its edges. */
export function timeAtPixel(scales: TimelineScales, px: number): number {
  const clamped = Math.min(Math.max(px, 0), scales.width);
  return scales.x.invert(clamped).getTime();
}

// ---------------------------------------------------------------------------------------
// Ticks

export function timeTicks(scales: TimelineScales): Tick[] {
  const count = Math.max(2, Math.floor(scales.width / X_TICK_SPACING_PX));
  const dates = scales.x.ticks(count);
  const [from, until] = scales.x.domain().map((d) => d.getTime());
  const tickStep = dates.length > 1 ? dates[1].getTime() - dates[0].getTime() : until - from;
  return dates.map((d) => ({
    value: d.getTime(),
    position: scales.x(d),
    label: formatTickTime(d.getTime(), tickStep, scales.utc),
  }));
}

/**
 * Round values for the y axis. Bytes get binary steps (10 MiB, 20 MiB) so that labels,
 * which print binary units, come out round too; everything else gets decimal steps.
 */
export function valueTicks(scales: TimelineScales): Tick[] {
  // Fractions of a nanosecond or a byte under an all-zero series would only be noise.
  if (scales.empty) return [{ value: 0, position: scales.y(0), label: formatDisplayValue(0, scales.unit, scales.rate) }];
  const count = Math.max(2, Math.floor(scales.height / Y_TICK_SPACING_PX));
  const [low, high] = scales.y.domain();
  const base = unitKind(scales.unit) === 'bytes' ? binaryBase(Math.max(Math.abs(low), Math.abs(high))) : 1;
  const values = scaleLinear()
    .domain([low / base, high / base])
    .ticks(count)
    .map((v) => v * base);
  return values.map((value) => ({
    value,
    position: scales.y(value),
    label: formatDisplayValue(value, scales.unit, scales.rate),
  }));
}

/** The largest power of 1024 not above `value` (1 for values below 1 KiB). */
function binaryBase(value: number): number {
  let base = 1;
  while (base * 1024 <= value) base *= 1024;
  return base;
}

// ---------------------------------------------------------------------------------------
// Slots: the pieces of time a gesture can select. Each point stands for a window of time:
// its profile's own [time, time + duration] when known, otherwise the bucket
// [time - step/2, time + step/2]. Points of several series at one time share one slot.

export interface Slot extends TimeWindow {
  time: number;
}

/** The smallest distance between two points of a series: the step of a regular series. */
export function inferStepMs(series: TimelineSeries[]): number | undefined {
  let step = Infinity;
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) {
      const gap = s.points[i].time - s.points[i - 1].time;
      if (gap > 0 && gap < step) step = gap;
    }
  }
  return Number.isFinite(step) ? step : undefined;
}

/** The window one point stands for; 1 ms when neither its duration nor a step is known. */
export function pointWindow(point: TimelinePoint, stepMs: number | undefined): TimeWindow {
  if (point.durationMs !== undefined && point.durationMs > 0) {
    return { from: point.time, until: point.time + point.durationMs };
  }
  if (stepMs !== undefined && stepMs > 0) {
    return { from: Math.floor(point.time - stepMs / 2), until: Math.ceil(point.time + stepMs / 2) };
  }
  return { from: point.time, until: point.time + 1 };
}

/** All slots, oldest first. Without `stepMs`, the step is inferred from the spacing of points. */
export function collectSlots(series: TimelineSeries[], stepMs?: number): Slot[] {
  const step = stepMs !== undefined && stepMs > 0 ? stepMs : inferStepMs(series);
  const byTime = new Map<number, Slot>();
  for (const s of series) {
    for (const p of s.points) {
      const w = pointWindow(p, step);
      const slot = byTime.get(p.time);
      if (!slot) byTime.set(p.time, { time: p.time, from: w.from, until: w.until });
      else {
        slot.from = Math.min(slot.from, w.from);
        slot.until = Math.max(slot.until, w.until);
      }
    }
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** The smallest window covering slots[first..last]. */
export function slotsWindow(slots: Slot[], first: number, last: number): TimeWindow {
  let from = Infinity;
  let until = -Infinity;
  for (let i = first; i <= last; i++) {
    from = Math.min(from, slots[i].from);
    until = Math.max(until, slots[i].until);
  }
  return { from, until };
}

/** Index of the first slot whose time is >= `time` (slots.length when none). */
function lowerBound(slots: Slot[], time: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices [first, last] of the slots whose time lies in [from, until]; null when none. */
export function slotsBetween(slots: Slot[], from: number, until: number): [number, number] | null {
  const first = lowerBound(slots, from);
  let last = lowerBound(slots, until);
  if (last === slots.length || slots[last].time > until) last--;
  return first <= last ? [first, last] : null;
}

// ---------------------------------------------------------------------------------------
// Gestures

/**
 * The window a brush from pixel x0 to x1 (either order) selects: the union of the slots
 * whose point lies under the brush, so a brush across two of eight profiles selects exactly
 * those two. A brush between points takes the slots it overlaps; with no data at all it
 * keeps the brushed times as they are.
 */
export function brushToWindow(scales: TimelineScales, slots: Slot[], x0: number, x1: number): TimeWindow {
  const t0 = timeAtPixel(scales, Math.min(x0, x1));
  const t1 = timeAtPixel(scales, Math.max(x0, x1));
  const under = slotsBetween(slots, t0, t1);
  if (under) return slotsWindow(slots, under[0], under[1]);
  const overlapping = slots.filter((s) => s.until > t0 && s.from < t1);
  if (overlapping.length > 0) return slotsWindow(overlapping, 0, overlapping.length - 1);
  return { from: Math.round(t0), until: Math.round(t1) };
}

/** The slot whose point is nearest to pixel `px`; -1 when there are no slots. */
export function nearestSlot(scales: TimelineScales, slots: Slot[], px: number): number {
  if (slots.length === 0) return -1;
  const time = scales.x.invert(px).getTime();
  const i = lowerBound(slots, time);
  if (i === 0) return 0;
  if (i === slots.length) return slots.length - 1;
  return time - slots[i - 1].time <= slots[i].time - time ? i - 1 : i;
}

/** A click selects the window of the single nearest point; null when there are no points. */
export function clickToWindow(scales: TimelineScales, slots: Slot[], px: number): TimeWindow | null {
  const i = nearestSlot(scales, slots, px);
  return i < 0 ? null : { from: slots[i].from, until: slots[i].until };
}

/** What a pointer gesture from x0 to x1 selects: a click when it barely moved, else a brush. */
export function gestureToWindow(scales: TimelineScales, slots: Slot[], x0: number, x1: number): TimeWindow | null {
  return Math.abs(x1 - x0) < CLICK_TOLERANCE_PX ? clickToWindow(scales, slots, x1) : brushToWindow(scales, slots, x0, x1);
}

// ---------------------------------------------------------------------------------------
// Hover

/** Index of the point nearest in time in a sorted list of points; -1 when empty. */
export function nearestIndex(points: TimelinePoint[], time: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  if (lo === points.length) return points.length - 1;
  return time - points[lo - 1].time <= points[lo].time - time ? lo - 1 : lo;
}

export interface NearestPoint {
  seriesIndex: number;
  index: number;
  point: TimelinePoint;
  /** pixel position of the point */
  x: number;
  y: number;
}

/** The point nearest to pixel column `px` over all series (ties go to the first series). */
export function nearestPoint(scales: TimelineScales, series: TimelineSeries[], px: number): NearestPoint | null {
  const time = scales.x.invert(px).getTime();
  let best: NearestPoint | null = null;
  for (let seriesIndex = 0; seriesIndex < series.length; seriesIndex++) {
    const points = series[seriesIndex].points;
    const index = nearestIndex(points, time);
    if (index < 0) continue;
    const point = points[index];
    const x = scales.x(point.time);
    if (!best || Math.abs(x - px) < Math.abs(best.x - px)) {
      best = { seriesIndex, index, point, x, y: pixelOfValue(scales, point.value) };
    }
  }
  return best;
}
