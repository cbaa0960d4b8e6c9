import { describe, expect, it } from 'vitest';
import { buildCallTree } from './calltree.ts';
import { changeStatus, changeZ, diffSetup, nodeDiff, regressionRows } from './diff.ts';
import { frameStats } from './functions.ts';
import { findFramePath } from './navigation.ts';
import { profileFromFolded } from '../../test/support/folded.ts';

// Values in "samples" of 10 units each (period 10).
const baseline = profileFromFolded([
  { stack: 'main;work;tax', values: [100] },
  { stack: 'main;work;io', values: [300] },
  { stack: 'main;old', values: [100] },
]);
const comparison = profileFromFolded([
  { stack: 'main;work;tax', values: [400] },
  { stack: 'main;work;io', values: [300] },
  { stack: 'main;cache', values: [300] },
]);
const tree = buildCallTree({ groups: [[baseline], [comparison]], groupBy: 'function' });
const node = (path: string) => findFramePath(tree, path.split(';'));

describe('diff setup and node values', () => {
  it('scales the baseline to the comparison total in relative mode', () => {
    const setup = diffSetup(tree, { mode: 'relative', type: 0, baselinePeriod: 10, comparisonPeriod: 10 });
    expect(setup.baselineTotal).toBe(500);
    expect(setup.comparisonTotal).toBe(1000);
    expect(setup.scale).toBe(2);
    const values = nodeDiff(tree, setup);
    expect(values.baseline[node('main;work;tax')]).toBe(200);
    expect(values.comparison[node('main;work;tax')]).toBe(400);
    expect(values.widths[node('main;work;tax')]).toBe(600);
    // Union of both sides: `old` only in the baseline, `cache` only in the comparison.
    expect(values.baseline[node('main;old')]).toBe(200);
    expect(values.comparison[node('main;old')]).toBe(0);
    expect(values.widths[0]).toBe(2000);
  });

  it('compares raw values in absolute mode', () => {
    const setup = diffSetup(tree, { mode: 'absolute', type: 0, baselinePeriod: 10, comparisonPeriod: 10 });
    expect(setup.scale).toBe(1);
    expect(nodeDiff(tree, setup).baseline[node('main;work;tax')]).toBe(100);
  });
});

describe('noise test', () => {
  it('computes the Poisson z in absolute mode', () => {
    const setup = diffSetup(tree, { mode: 'absolute', type: 0, baselinePeriod: 10, comparisonPeriod: 10 });
    // 10 samples -> 40 samples: (40 - 10) / sqrt(50)
    expect(changeZ(setup, 100, 400)).toBeCloseTo(30 / Math.sqrt(50), 10);
    expect(changeStatus(setup, 100, 400)).toBe('grew');
    // 30 -> 30 samples: no change at all.
    expect(changeZ(setup, 300, 300)).toBe(0);
    expect(changeStatus(setup, 0, 300)).toBe('new');
    expect(changeStatus(setup, 100, 0)).toBe('removed');
  });

  it('computes the two-proportion z in relative mode', () => {
    const setup = diffSetup(tree, { mode: 'relative', type: 0, baselinePeriod: 10, comparisonPeriod: 10 });
    // io: 30 of 50 samples -> 30 of 100 samples
    const p = 60 / 150;
    const expected = (0.3 - 0.6) / Math.sqrt(p * (1 - p) * (1 / 50 + 1 / 100));
    expect(changeZ(setup, 300, 300)).toBeCloseTo(expected, 10);
    expect(changeStatus(setup, 300, 300)).toBe('shrank');
  });

  it('calls a small change noise', () => {
    const setup = diffSetup(tree, { mode: 'absolute', type: 0, baselinePeriod: 10, comparisonPeriod: 10 });
    // 100 -> 110 samples: z = 10 / sqrt(210) ~ 0.69
    expect(changeStatus(setup, 1000, 1100)).toBe('unchanged');
  });

  it('uses each side\'s own period', () => {
    const setup = diffSetup(tree, { mode: 'absolute', type: 0, baselinePeriod: 10, comparisonPeriod: 20 });
    // 10 samples vs 20 samples
    expect(changeZ(setup, 100, 400)).toBeCloseTo(10 / Math.sqrt(30), 10);
  });
});

describe('regression rows', () => {
  it('rank functions by self growth with exact deltas', () => {
    // One unit per sample: 100 -> 400 samples of `tax` is well beyond noise.
    const setup = diffSetup(tree, { mode: 'relative', type: 0, baselinePeriod: 1, comparisonPeriod: 1 });
    const rows = regressionRows(tree, setup, frameStats(tree, setup.baselineColumn), frameStats(tree, setup.comparisonColumn));
    expect(rows.map((r) => [r.name, r.baselineSelf, r.comparisonSelf, r.deltaSelf, r.status])).toEqual([
      ['cache', 0, 300, 300, 'new'],
      ['tax', 200, 400, 200, 'grew'],
      ['main', 0, 0, 0, 'unchanged'],
      ['work', 0, 0, 0, 'shrank'],
      ['old', 200, 0, -200, 'removed'],
      ['io', 600, 300, -300, 'shrank'],
    ]);
    const work = rows.find((r) => r.name === 'work')!;
    expect(work).toMatchObject({ baselineTotal: 800, comparisonTotal: 700, deltaTotal: -100 });
  });
});
