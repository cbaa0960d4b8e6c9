import { describe, expect, it } from 'vitest';
import { isInstantaneousProfileType, latestSnapshotRange, snapshotStepSeconds } from './snapshots.ts';

describe('snapshots of instantaneous types', () => {
  it('recognizes in-use memory types', () => {
    expect(isInstantaneousProfileType('memory:inuse_space:bytes:space:bytes')).toBe(true);
    expect(isInstantaneousProfileType('memory:alloc_space:bytes:space:bytes')).toBe(false);
    expect(isInstantaneousProfileType('process_cpu:cpu:nanoseconds:cpu:nanoseconds')).toBe(false);
  });

  it('picks the latest non-empty bucket inside the window', () => {
    const window = { from: 1_000_000, until: 1_100_000 };
    const series = [
      {
        labels: [],
        points: [
          { timestamp: 1_010_000, value: 5 },
          { timestamp: 1_050_000, value: 7 },
          { timestamp: 1_070_000, value: 0 },
          { timestamp: 1_200_000, value: 9 },
        ],
      },
    ];
    expect(latestSnapshotRange(series, window, 1)).toEqual({ from: 1_049_001, until: 1_050_999 });
    expect(latestSnapshotRange([], window, 1)).toBeNull();
    expect(snapshotStepSeconds({ from: 0, until: 3600e3 })).toBe(2);
  });
});
