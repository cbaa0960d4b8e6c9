/**
 * Diff math for a two-group call tree (group 0 = baseline, group 1 = comparison).
 *
 * Normalization: in `relative` mode (the default) the baseline is scaled to the
 * comparison's total, so a longer or busier comparison window does not read as a
 * regression everywhere; a frame's delta is then the change in its *share*, expressed in
 * the comparison's units. In `absolute` mode values are compared as recorded.
 *
 * Noise: profiles are samples, so small deltas are often chance. Values are turned back
 * into sample counts (value / period) and tested:
 * - relative mode asks "did this frame's share of samples change?": the two-proportion
 *   z-test (pooled), the standard test for comparing two binomial proportions;
 * - absolute mode asks "did this frame's sample count change?": counts are Poisson, and
 *   under "no change" (x_c - x_b) / sqrt(x_c + x_b) is approximately standard normal.
 * A change counts as real when |z| >= 3 rather than the usual 1.96: a diff tests hundreds
 * of frames at once, and at p < 0.05 one in twenty unchanged frames would light up;
 * |z| >= 3 (p ~ 0.003) keeps false alarms to a few per thousand frames.
 */
import type { CallTree } from './calltree.ts';
import { columnOf } from './calltree.ts';
import { ROOT_FRAME } from './frames.ts';
import type { FrameStats } from './functions.ts';
import { selfOf, totalOf } from './tree-columns.ts';

export type DiffMode = 'relative' | 'absolute';

export const NOISE_Z = 3;

export interface DiffOptions {
  mode: DiffMode;
  /** sample type index in tree.sampleTypes */
  type: number;
  /** value of one sample in each side (pprof `period`, in the sample type's unit); 0 = unknown */
  baselinePeriod: number;
  comparisonPeriod: number;
}

export interface DiffSetup {
  mode: DiffMode;
  baselineColumn: number;
  comparisonColumn: number;
  baselineTotal: number;
  comparisonTotal: number;
  /** multiplier applied to baseline values before comparing */
  scale: number;
  /** value of one sample, per side, used to recover counts for the noise test */
  baselineUnit: number;
  comparisonUnit: number;
}

/** Smallest positive self value: one sample's worth when the period is unknown. */
function smallestSample(self: Float64Array): number {
  let min = Infinity;
  for (let i = 0; i < self.length; i++) if (self[i] > 0 && self[i] < min) min = self[i];
  return Number.isFinite(min) ? min : 1;
}

export function diffSetup(tree: CallTree, options: DiffOptions): DiffSetup {
  const baselineColumn = columnOf(tree, 0, options.type);
  const comparisonColumn = columnOf(tree, 1, options.type);
  const baselineTotal = totalOf(tree, baselineColumn)[0];
  const comparisonTotal = totalOf(tree, comparisonColumn)[0];
  const scale = options.mode === 'relative' && baselineTotal > 0 ? comparisonTotal / baselineTotal : 1;
  return {
    mode: options.mode,
    baselineColumn,
    comparisonColumn,
    baselineTotal,
    comparisonTotal,
    scale,
    baselineUnit: options.baselinePeriod > 0 ? options.baselinePeriod : smallestSample(selfOf(tree, baselineColumn)),
    comparisonUnit: options.comparisonPeriod > 0 ? options.comparisonPeriod : smallestSample(selfOf(tree, comparisonColumn)),
  };
}

/**
 * z-score of a change from `baseline` to `comparison` (raw, unscaled values of one frame),
 * given each side's total. Positive = grew. 0 when there is nothing to compare.
 */
export function changeZ(setup: DiffSetup, baseline: number, comparison: number): number {
  const xb = Math.max(0, baseline) / setup.baselineUnit;
  const xc = Math.max(0, comparison) / setup.comparisonUnit;
  if (setup.mode === 'absolute') {
    const n = xb + xc;
    return n > 0 ? (xc - xb) / Math.sqrt(n) : 0;
  }
  const nb = setup.baselineTotal / setup.baselineUnit;
  const nc = setup.comparisonTotal / setup.comparisonUnit;
  if (nb <= 0 || nc <= 0) return 0;
  const pooled = (xb + xc) / (nb + nc);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nb + 1 / nc));
  if (!(se > 0)) return 0;
  return (xc / nc - xb / nb) / se;
}

export type ChangeStatus = 'new' | 'removed' | 'grew' | 'shrank' | 'unchanged';

/** How a frame changed: new/removed when one side is empty, else by sign when the change beats the noise. */
export function changeStatus(setup: DiffSetup, baseline: number, comparison: number): ChangeStatus {
  if (baseline === 0 && comparison === 0) return 'unchanged';
  if (baseline === 0) return 'new';
  if (comparison === 0) return 'removed';
  const z = changeZ(setup, baseline, comparison);
  if (Math.abs(z) < NOISE_Z) return 'unchanged';
  return z > 0 ? 'grew' : 'shrank';
}

/** Per-node values in the comparison's terms, and widths for the union layout. */
export interface NodeDiff {
  /** normalized baseline total per node */
  baseline: Float64Array;
  /** comparison total per node */
  comparison: Float64Array;
  /**
   * Box widths: baseline + comparison. A sum, not a max, so children always fit inside
   * their parent and frames that exist on only one side still get room.
   */
  widths: Float64Array;
}

export function nodeDiff(tree: CallTree, setup: DiffSetup): NodeDiff {
  const b = totalOf(tree, setup.baselineColumn);
  const c = totalOf(tree, setup.comparisonColumn);
  const n = tree.nodeCount;
  const baseline = new Float64Array(n);
  const widths = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    baseline[i] = b[i] * setup.scale;
    widths[i] = Math.max(0, baseline[i]) + Math.max(0, c[i]);
  }
  return { baseline, comparison: c, widths };
}

export interface RegressionRow {
  frame: number;
  name: string;
  /** normalized baseline self */
  baselineSelf: number;
  comparisonSelf: number;
  /** comparison minus normalized baseline */
  deltaSelf: number;
  baselineTotal: number;
  comparisonTotal: number;
  deltaTotal: number;
  /** the self change is beyond sampling noise */
  selfSignificant: boolean;
  totalSignificant: boolean;
  status: ChangeStatus;
}

export type RegressionSortKey = 'deltaSelf' | 'deltaTotal' | 'name' | 'comparisonSelf' | 'comparisonTotal';

/**
 * One row per function present on either side, from the per-side function stats (pprof
 * semantics: recursion counted once in totals). Sorted by self growth, largest first.
 */
export function regressionRows(tree: CallTree, setup: DiffSetup, baseline: FrameStats, comparison: FrameStats): RegressionRow[] {
  const rows: RegressionRow[] = [];
  const names = tree.frames.name;
  for (let f = 0; f < names.length; f++) {
    if (f === ROOT_FRAME) continue;
    const bt = baseline.total[f];
    const ct = comparison.total[f];
    if (bt === 0 && ct === 0) continue;
    const bs = baseline.self[f];
    const cs = comparison.self[f];
    rows.push({
      frame: f,
      name: names[f],
      baselineSelf: bs * setup.scale,
      comparisonSelf: cs,
      deltaSelf: cs - bs * setup.scale,
      baselineTotal: bt * setup.scale,
      comparisonTotal: ct,
      deltaTotal: ct - bt * setup.scale,
      selfSignificant: Math.abs(changeZ(setup, bs, cs)) >= NOISE_Z,
      totalSignificant: Math.abs(changeZ(setup, bt, ct)) >= NOISE_Z,
      status: changeStatus(setup, bt, ct),
    });
  }
  return sortRegressionRows(rows, 'deltaSelf');
}

export function sortRegressionRows(rows: RegressionRow[], key: RegressionSortKey, reversed = false): RegressionRow[] {
  const byName = (a: RegressionRow, b: RegressionRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const compare = key === 'name' ? byName : (a: RegressionRow, b: RegressionRow) => b[key] - a[key] || byName(a, b);
  return rows.sort(reversed ? (a, b) => -compare(a, b) : compare);
}
