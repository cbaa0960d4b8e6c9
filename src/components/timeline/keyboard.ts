/**
 * Keyboard editing of a window, free of React: ArrowLeft/ArrowRight move it by one step,
 * Shift+ArrowRight grows it by one step at its end, Shift+ArrowLeft shrinks it. A step is
 * one point of data (one bucket, or one dropped profile), so the window stays snapped to
 * the data as a brush would; where there is no data it is the aggregation step in time.
 */
import { inferStepMs, slotsBetween, slotsWindow } from './scales.ts';
import type { Slot } from './scales.ts';
import type { TimelineSeries, TimeWindow } from './types.ts';

export type Direction = -1 | 1;

/** The time one key press moves by where there are no points: the step, else a 20th of the range. */
export function keyboardStepMs(series: TimelineSeries[], range: TimeWindow, stepMs?: number): number {
  if (stepMs !== undefined && stepMs > 0) return stepMs;
  return inferStepMs(series) ?? Math.max(1, Math.round((range.until - range.from) / 20));
}

/** Indices of the slots whose point lies in the half-open window [from, until). */
function slotsInside(slots: Slot[], window: TimeWindow): [number, number] | null {
  const found = slotsBetween(slots, window.from, window.until);
  if (!found) return null;
  const [first, last] = found;
  const end = slots[last].time >= window.until ? last - 1 : last;
  return first <= end ? [first, end] : null;
}

/** Where keyboard editing starts when there is no window yet: the latest point. */
export function initialWindow(slots: Slot[], range: TimeWindow, stepMs: number): TimeWindow {
  if (slots.length > 0) return slotsWindow(slots, slots.length - 1, slots.length - 1);
  return { from: range.until - stepMs, until: range.until };
}

/** Keeps a window whose middle would leave the range where it was. */
function withinRange(next: TimeWindow, current: TimeWindow, range: TimeWindow): TimeWindow {
  const middle = (next.from + next.until) / 2;
  return middle >= range.from && middle <= range.until ? next : current;
}

export function moveWindow(window: TimeWindow, slots: Slot[], direction: Direction, range: TimeWindow, stepMs: number): TimeWindow {
  const inside = slotsInside(slots, window);
  if (inside) {
    const first = inside[0] + direction;
    const last = inside[1] + direction;
    if (first < 0 || last >= slots.length) return window;
    return slotsWindow(slots, first, last);
  }
  const shift = direction * stepMs;
  return withinRange({ from: window.from + shift, until: window.until + shift }, window, range);
}

/** Grows (+1) or shrinks (-1) a window at its end; it never shrinks below one step. */
export function resizeWindow(window: TimeWindow, slots: Slot[], direction: Direction, range: TimeWindow, stepMs: number): TimeWindow {
  const inside = slotsInside(slots, window);
  if (inside) {
    const last = inside[1] + direction;
    if (last < inside[0] || last >= slots.length) return window;
    return slotsWindow(slots, inside[0], last);
  }
  const until = window.until + direction * stepMs;
  if (until - window.from < stepMs || until > range.until + stepMs) return window;
  return { from: window.from, until };
}
