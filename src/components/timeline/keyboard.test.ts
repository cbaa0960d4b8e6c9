import { describe, expect, it } from 'vitest';
import { initialWindow, keyboardStepMs, moveWindow, resizeWindow } from './keyboard.ts';
import { collectSlots } from './scales.ts';
import type { TimelineSeries } from './types.ts';

const T0 = 1_705_320_000_000;
const S = 1000;
const range = { from: T0, until: T0 + 600 * S };
const at = (fromS: number, untilS: number) => ({ from: T0 + fromS * S, until: T0 + untilS * S });

/** Buckets of 10 s at 0 s, 10 s, ... 600 s. */
const cpu: TimelineSeries = { label: 'cpu', points: Array.from({ length: 61 }, (_, i) => ({ time: T0 + i * 10 * S, value: 1 })) };
const cpuSlots = collectSlots([cpu], 10 * S);
/** Eight 10 s profiles, one a minute from 30 s. */
const dropped: TimelineSeries = {
  label: 'files',
  points: Array.from({ length: 8 }, (_, i) => ({ time: T0 + (30 + 60 * i) * S, value: 1, durationMs: 10 * S })),
};
const droppedSlots = collectSlots([dropped]);

describe('keyboard window editing', () => {
  it('moves a bucket window by one bucket', () => {
    expect(moveWindow(at(95, 105), cpuSlots, 1, range, 10 * S)).toEqual(at(105, 115));
    expect(moveWindow(at(95, 125), cpuSlots, -1, range, 10 * S)).toEqual(at(85, 115));
  });

  it('stops at the first and last point', () => {
    expect(moveWindow(at(-5, 5), cpuSlots, -1, range, 10 * S)).toEqual(at(-5, 5));
    expect(moveWindow(at(595, 605), cpuSlots, 1, range, 10 * S)).toEqual(at(595, 605));
  });

  it('grows and shrinks at the end, never below one point', () => {
    expect(resizeWindow(at(95, 105), cpuSlots, 1, range, 10 * S)).toEqual(at(95, 115));
    expect(resizeWindow(at(95, 125), cpuSlots, -1, range, 10 * S)).toEqual(at(95, 115));
    expect(resizeWindow(at(95, 105), cpuSlots, -1, range, 10 * S)).toEqual(at(95, 105));
  });

  it('steps from one dropped profile to the next', () => {
    expect(moveWindow(at(90, 100), droppedSlots, 1, range, 60 * S)).toEqual(at(150, 160));
    expect(resizeWindow(at(90, 100), droppedSlots, 1, range, 60 * S)).toEqual(at(90, 160));
  });

  it('moves by the step in time where there are no points, inside the range', () => {
    expect(moveWindow(at(100, 140), [], 1, range, 10 * S)).toEqual(at(110, 150));
    expect(moveWindow(at(0, 10), [], -1, range, 10 * S)).toEqual(at(0, 10));
    expect(resizeWindow(at(100, 140), [], 1, range, 10 * S)).toEqual(at(100, 150));
    expect(resizeWindow(at(100, 110), [], -1, range, 10 * S)).toEqual(at(100, 110));
  });

  it('starts at the latest point when nothing is selected', () => {
    expect(initialWindow(cpuSlots, range, 10 * S)).toEqual(at(595, 605));
    expect(initialWindow(droppedSlots, range, 60 * S)).toEqual(at(450, 460));
    expect(initialWindow([], range, 30 * S)).toEqual(at(570, 600));
  });

  it('takes the step from the data, else a twentieth of the range', () => {
    expect(keyboardStepMs([cpu], range, 15 * S)).toBe(15 * S);
    expect(keyboardStepMs([dropped], range)).toBe(60 * S);
    expect(keyboardStepMs([], range)).toBe(30 * S);
  });
});
