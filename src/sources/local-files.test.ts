import { describe, expect, it } from 'vitest';
import { diffGroups, filesExtent, filesInWindow, windowAround } from './local-files.ts';
import type { ProfileSummary } from '../worker/protocol.ts';

const file = (id: number, timeMs: number, durationMs = 2000): ProfileSummary => ({
  id,
  name: `f${id}`,
  sampleTypes: [],
  defaultSampleType: 0,
  timeMs,
  durationMs,
  totals: [],
  sampleCount: 1,
  rawBytes: 1,
  loadMs: 0,
  period: 0,
  periodType: null,
});
const files = [file(1, 10_000), file(2, 12_000), file(3, 14_000), file(4, 16_000), file(5, 0)];

describe('local file windows', () => {
  it('picks files mostly inside the window, keeping untimed ones', () => {
    // f2 covers 12000-14000 (inside), f3 14000-16000 (a quarter inside), f1 10000-12000 (half: not more).
    expect(filesInWindow(files, '11000', '14500').map((f) => f.id)).toEqual([2, 5]);
    expect(filesInWindow(files, '11000', '15100').map((f) => f.id)).toEqual([2, 3, 5]);
    expect(filesInWindow(files, 'now-1h', 'now')).toHaveLength(5);
  });

  it('keeps overlapping neighbours out of a window that fits two profiles', () => {
    // Profiles of 2006 ms every 2000 ms overlap by 6 ms; the window of two picks two.
    const overlapping = [0, 1, 2, 3].map((i) => file(i + 1, 10_000 + i * 2000, 2006));
    expect(filesInWindow(overlapping, '12000', '16006').map((f) => f.id)).toEqual([2, 3]);
  });

  it('spans the files', () => {
    expect(filesExtent(files)).toEqual({ from: 10_000, until: 18_000 });
    expect(filesExtent([file(1, 0)])).toBeNull();
  });

  it('splits into earlier and later halves without windows', () => {
    const groups = diffGroups(files.slice(0, 4), ['', ''], ['', '']);
    expect(groups.baseline.map((f) => f.id)).toEqual([1, 2]);
    expect(groups.comparison.map((f) => f.id)).toEqual([3, 4]);
    expect(windowAround(groups.comparison)).toEqual(['14000', '18000']);
  });

  it('uses the windows when given', () => {
    const groups = diffGroups(files, ['10000', '12000'], ['12000', '18000']);
    expect(groups.baseline.map((f) => f.id)).toEqual([1]);
    expect(groups.comparison.map((f) => f.id)).toEqual([2, 3, 4]);
  });
});
