import { describe, expect, it } from 'vitest';
import {
  brushToWindow,
  buildScales,
  clickToWindow,
  collectSlots,
  formatDisplayValue,
  gestureToWindow,
  inferStepMs,
  isRate,
  nearestIndex,
  nearestPoint,
  pixelOfTime,
  pixelOfValue,
  pointWindow,
  timeAtPixel,
  timeTicks,
  toDisplayValue,
  valueDomain,
  valueTicks,
} from './scales.ts';
import type { TimelineSeries } from './types.ts';

// 2024-01-15 12:00:00 UTC. Ten minutes over 600 px: one pixel is exactly one second.
const T0 = 1_705_320_000_000;
const SECOND = 1000;
const range = { from: T0, until: T0 + 600 * SECOND };
const MiB = 2 ** 20;

/** 61 buckets of 10 s, CPU nanoseconds: value i * 1e8 at T0 + 10 s * i (peak 6e9 ns). */
const cpu: TimelineSeries = {
  label: 'cpu',
  points: Array.from({ length: 61 }, (_, i) => ({ time: T0 + i * 10 * SECOND, value: i * 1e8 })),
};
/** Eight dropped profiles of 10 s each, one a minute, starting at 00:30 into the range. */
const dropped: TimelineSeries = {
  label: 'files',
  points: Array.from({ length: 8 }, (_, i) => ({ time: T0 + (30 + 60 * i) * SECOND, value: 1000 * (i + 1), durationMs: 10 * SECOND })),
};

const cpuScales = () => buildScales({ series: [cpu], range, unit: 'nanoseconds', stepMs: 10 * SECOND, width: 600, height: 100, utc: true });

describe('series -> scales', () => {
  it('maps the range onto the plot width and back', () => {
    const scales = cpuScales();
    expect(scales.x.domain().map((d) => d.getTime())).toEqual([T0, T0 + 600_000]);
    expect(pixelOfTime(scales, T0)).toBe(0);
    expect(pixelOfTime(scales, T0 + 150 * SECOND)).toBe(150);
    expect(pixelOfTime(scales, T0 + 600 * SECOND)).toBe(600);
  });

  it('shows CPU time per 10 s bucket as seconds per second, with 10% headroom', () => {
    const scales = cpuScales();
    expect(scales.rate).toBe(true);
    // Peak 6e9 ns in 10 s = 6e8 ns/s = 0.6 s/s; domain top 0.66 s/s.
    const [low, high] = scales.y.domain();
    expect(low).toBe(0);
    expect(high).toBeCloseTo(6.6e8, 0);
    expect(pixelOfValue(scales, 0)).toBe(100);
    // 3.3e9 ns per bucket = 0.33 s/s = half of the domain.
    expect(pixelOfValue(scales, 3.3e9)).toBeCloseTo(50, 9);
  });

  it('gives [0, max * 1.1] for plain values and [0, 1] when there is nothing to show', () => {
    const heap: TimelineSeries = { label: 'heap', points: [{ time: T0, value: 40 * MiB }, { time: T0 + 10_000, value: 10 * MiB }] };
    expect(valueDomain([heap], 'bytes')[1]).toBeCloseTo(44 * MiB, 3);
    expect(valueDomain([], 'bytes')).toEqual([0, 1]);
    expect(valueDomain([{ label: 'idle', points: [] }], 'nanoseconds', 10_000)).toEqual([0, 1]);
    expect(valueDomain([{ label: 'zeros', points: [{ time: T0, value: 0 }, { time: T0 + 1, value: 0 }] }], 'count')).toEqual([0, 1]);
  });
});

describe('pixel -> time', () => {
  it('inverts the x scale and clamps outside the plot', () => {
    const scales = cpuScales();
    expect(timeAtPixel(scales, 150)).toBe(T0 + 150 * SECOND);
    expect(timeAtPixel(scales, 0.5)).toBe(T0 + 500);
    expect(timeAtPixel(scales, -40)).toBe(T0);
    expect(timeAtPixel(scales, 900)).toBe(T0 + 600 * SECOND);
  });
});

describe('ticks', () => {
  it('labels a 10 minute range every minute, in hours and minutes', () => {
    const labels = timeTicks(cpuScales()).map((t) => t.label);
    expect(labels).toEqual(['12:00', '12:01', '12:02', '12:03', '12:04', '12:05', '12:06', '12:07', '12:08', '12:09', '12:10']);
    expect(timeTicks(cpuScales())[3].position).toBe(180);
  });

  it('labels a 2 minute range with seconds, and a 2 day range with dates at midnight', () => {
    const short = buildScales({ series: [], range: { from: T0, until: T0 + 120 * SECOND }, unit: 'count', width: 600, height: 100, utc: true });
    expect(timeTicks(short).slice(0, 3).map((t) => t.label)).toEqual(['12:00:00', '12:00:15', '12:00:30']);
    const days = buildScales({ series: [], range: { from: T0, until: T0 + 2 * 86_400_000 }, unit: 'count', width: 600, height: 100, utc: true });
    const labels = timeTicks(days).map((t) => t.label);
    expect(labels).toContain('Jan 16');
    expect(labels).toContain('Jan 17');
    expect(labels).toContain('18:00');
  });

  it('puts round rates on the y axis of CPU time', () => {
    const ticks = valueTicks(cpuScales());
    expect(ticks.map((t) => t.label)).toEqual(['0 s/s', '0.2 s/s', '0.4 s/s', '0.6 s/s']);
    expect(ticks[0].position).toBe(100);
  });

  it('puts binary steps on the y axis of bytes', () => {
    const heap: TimelineSeries = { label: 'heap', points: [{ time: T0, value: 40 * MiB }] };
    const scales = buildScales({ series: [heap], range, unit: 'bytes', width: 600, height: 100 });
    expect(valueTicks(scales).map((t) => t.label)).toEqual(['0 B', '20 MiB', '40 MiB']);
  });

  it('shows only the zero line when all values are zero', () => {
    const scales = buildScales({ series: [], range, unit: 'nanoseconds', stepMs: 10_000, width: 600, height: 100 });
    expect(valueTicks(scales)).toEqual([{ value: 0, position: 100, label: '0 s/s' }]);
  });
});

describe('rate conversion', () => {
  it('turns time per step into time per second, and nothing else', () => {
    expect(isRate('nanoseconds', 10_000)).toBe(true);
    expect(isRate('nanoseconds', undefined)).toBe(false);
    expect(isRate('bytes', 10_000)).toBe(false);
    expect(toDisplayValue(5e9, 'nanoseconds', 10_000)).toBe(5e8);
    expect(toDisplayValue(30_000, 'milliseconds', 15_000)).toBe(2000);
    expect(toDisplayValue(4096, 'bytes', 10_000)).toBe(4096);
    expect(formatDisplayValue(5e8, 'nanoseconds', true)).toBe('0.5 s/s');
    expect(formatDisplayValue(2000, 'milliseconds', true)).toBe('2 s/s');
    expect(formatDisplayValue(38 * MiB, 'bytes', false)).toBe('38 MiB');
  });
});

describe('brush -> window', () => {
  it('snaps a brush over buckets to whole buckets', () => {
    const scales = cpuScales();
    const slots = collectSlots([cpu], 10 * SECOND);
    // 95 s .. 212 s covers the points at 100 s .. 210 s; each bucket is its point ± 5 s.
    expect(brushToWindow(scales, slots, 95, 212)).toEqual({ from: T0 + 95 * SECOND, until: T0 + 215 * SECOND });
    // Right to left is the same brush.
    expect(brushToWindow(scales, slots, 212, 95)).toEqual({ from: T0 + 95 * SECOND, until: T0 + 215 * SECOND });
  });

  it('selects exactly the two dropped profiles a brush crosses', () => {
    const scales = buildScales({ series: [dropped], range, unit: 'count', width: 600, height: 100 });
    const slots = collectSlots([dropped]);
    const window = brushToWindow(scales, slots, 80, 160); // profiles at 90 s and 150 s
    expect(window).toEqual({ from: T0 + 90 * SECOND, until: T0 + 160 * SECOND });
    const picked = dropped.points.filter((p) => p.time >= window.from && p.time < window.until);
    expect(picked.map((p) => p.value)).toEqual([2000, 3000]);
  });

  it('keeps the brushed times when it crosses no data', () => {
    const scales = buildScales({ series: [dropped], range, unit: 'count', width: 600, height: 100 });
    expect(brushToWindow(scales, collectSlots([dropped]), 100, 140)).toEqual({ from: T0 + 100 * SECOND, until: T0 + 140 * SECOND });
    expect(brushToWindow(scales, [], 10, 20)).toEqual({ from: T0 + 10 * SECOND, until: T0 + 20 * SECOND });
  });
});

describe('click -> one point', () => {
  it('selects the nearest bucket, step/2 either side', () => {
    const scales = cpuScales();
    const slots = collectSlots([cpu], 10 * SECOND);
    expect(clickToWindow(scales, slots, 103)).toEqual({ from: T0 + 95 * SECOND, until: T0 + 105 * SECOND });
    // A pointer that moves under 3 px is a click too.
    expect(gestureToWindow(scales, slots, 101, 103)).toEqual({ from: T0 + 95 * SECOND, until: T0 + 105 * SECOND });
  });

  it('selects a dropped profile by its own duration', () => {
    const scales = buildScales({ series: [dropped], range, unit: 'count', width: 600, height: 100 });
    expect(clickToWindow(scales, collectSlots([dropped]), 130)).toEqual({ from: T0 + 150 * SECOND, until: T0 + 160 * SECOND });
  });

  it('infers the step from the spacing of points when neither step nor durations are known', () => {
    const bare: TimelineSeries = { label: 'bare', points: dropped.points.map(({ time, value }) => ({ time, value })) };
    expect(inferStepMs([bare])).toBe(60 * SECOND);
    const scales = buildScales({ series: [bare], range, unit: 'count', width: 600, height: 100 });
    expect(clickToWindow(scales, collectSlots([bare]), 90)).toEqual({ from: T0 + 60 * SECOND, until: T0 + 120 * SECOND });
  });

  it('handles empty and single-point series', () => {
    const scales = cpuScales();
    expect(clickToWindow(scales, collectSlots([]), 100)).toBeNull();
    const one: TimelineSeries = { label: 'one', points: [{ time: T0 + 300 * SECOND, value: 7 }] };
    expect(clickToWindow(scales, collectSlots([one], 10 * SECOND), 10)).toEqual({ from: T0 + 295 * SECOND, until: T0 + 305 * SECOND });
    // Nothing tells how long a lone point lasts: it selects just its own millisecond.
    expect(clickToWindow(scales, collectSlots([one]), 10)).toEqual({ from: T0 + 300 * SECOND, until: T0 + 300 * SECOND + 1 });
    expect(valueDomain([one], 'count')[1]).toBeCloseTo(7.7, 12);
  });

  it('merges points of several series at one time into one slot', () => {
    const a: TimelineSeries = { label: 'a', points: [{ time: T0, value: 1, durationMs: 10_000 }] };
    const b: TimelineSeries = { label: 'b', points: [{ time: T0, value: 2, durationMs: 15_000 }] };
    expect(collectSlots([a, b])).toEqual([{ time: T0, from: T0, until: T0 + 15_000 }]);
    expect(pointWindow({ time: T0, value: 1 }, 15_001)).toEqual({ from: T0 - 7501, until: T0 + 7501 });
  });
});

describe('nearest point for hover', () => {
  it('finds the point nearest to a pixel column', () => {
    const scales = cpuScales();
    const near = nearestPoint(scales, [cpu], 104);
    expect(near?.index).toBe(10);
    expect(near?.point).toEqual({ time: T0 + 100 * SECOND, value: 1e9 });
    expect(near?.x).toBe(100);
    // 1e9 ns per 10 s = 0.1 s/s, and the axis tops out at 0.66 s/s.
    expect(near?.y).toBeCloseTo(100 - 100 / 6.6, 9);
    expect(nearestPoint(scales, [cpu], 106)?.index).toBe(11);
    expect(nearestPoint(scales, [cpu], -50)?.index).toBe(0);
    expect(nearestPoint(scales, [cpu], 9999)?.index).toBe(60);
  });

  it('picks across series and gives nothing for no data', () => {
    const scales = cpuScales();
    const offBeat: TimelineSeries = { label: 'off-beat', points: [{ time: T0 + 93 * SECOND, value: 1 }] };
    expect(nearestPoint(scales, [cpu, offBeat], 92)?.seriesIndex).toBe(1);
    // Equally near: the first series wins.
    expect(nearestPoint(scales, [cpu, dropped], 90)?.seriesIndex).toBe(0);
    expect(nearestPoint(scales, [], 88)).toBeNull();
    expect(nearestPoint(scales, [{ label: 'empty', points: [] }], 88)).toBeNull();
    expect(nearestIndex([], 5)).toBe(-1);
    expect(nearestIndex([{ time: 10, value: 1 }], 5)).toBe(0);
  });
});
