/**
 * The diff against an independent tool: for the shared series, baseline = windows 00-03
 * and comparison = windows 04-07, the top self deltas of the regressions table must be
 * `go tool pprof -top -diff_base`'s, names and values, in absolute and relative modes.
 *
 * Relative mode: pprof's -normalize scales the comparison to the baseline's total, we
 * scale the baseline to the comparison's total (so deltas read in the comparison's
 * units). The two differ by the constant factor C/B, applied here; pprof also rounds
 * each scaled sample to an integer, hence the small tolerance in that mode only.
 *
 * In-use memory is instantaneous: a window is its latest snapshot (03 and 07), and pprof
 * is given exactly those files.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../src/profile/calltree.ts';
import { diffSetup, regressionRows } from '../src/profile/diff.ts';
import type { DiffMode, RegressionRow } from '../src/profile/diff.ts';
import { frameStats } from '../src/profile/functions.ts';
import { loadProfile } from '../src/profile/load.ts';
import { valuePerSample } from '../src/profile/model.ts';
import { hasGo, mergeWithPprof, pprofTop } from './support/go-pprof.ts';
import type { TopRow } from './support/go-pprof.ts';
import { PROFILES_DIR, readProfileBytes } from './support/shared-profiles.ts';

const series = (kind: 'cpu' | 'heap', windows: number[]) => windows.map((w) => `series/checkout-0${w}.${kind}.pb.gz`);

async function ourTop(baselineFiles: string[], comparisonFiles: string[], typeName: string, mode: DiffMode, count: number) {
  const load = (files: string[]) => Promise.all(files.map(async (f) => (await loadProfile(readProfileBytes(f))).profile));
  const [baseline, comparison] = await Promise.all([load(baselineFiles), load(comparisonFiles)]);
  const tree = buildCallTree({ groups: [baseline, comparison], groupBy: 'function' });
  const type = tree.sampleTypes.findIndex((t) => t.type === typeName);
  const period = (p: (typeof baseline)[number]) => valuePerSample(tree.sampleTypes[type], p.period, p.periodType);
  const setup = diffSetup(tree, { mode, type, baselinePeriod: period(baseline[0]), comparisonPeriod: period(comparison[0]) });
  const rows = regressionRows(tree, setup, frameStats(tree, setup.baselineColumn), frameStats(tree, setup.comparisonColumn));
  // pprof -top: drop nodes with |cum| under 0.5% of the base's total, then order by |flat|, then name.
  const threshold = 0.005 * setup.baselineTotal * (mode === 'relative' ? setup.scale : 1);
  const top = rows
    .filter((r: RegressionRow) => Math.abs(r.deltaTotal) > threshold)
    .sort((a, b) => Math.abs(b.deltaSelf) - Math.abs(a.deltaSelf) || (a.name < b.name ? -1 : 1))
    .slice(0, count);
  return { top, setup };
}

function pprofDiff(baselineFiles: string[], comparisonFiles: string[], sampleIndex: string, unit: string, normalize: boolean): TopRow[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'flamelens-diff-'));
  const merge = (files: string[], name: string) => {
    const out = path.join(dir, name);
    mergeWithPprof(
      files.map((f) => path.join(PROFILES_DIR, f)),
      out,
    );
    return out;
  };
  const base = merge(baselineFiles, 'base.pb.gz');
  const comparison = merge(comparisonFiles, 'comparison.pb.gz');
  const args = [`-sample_index=${sampleIndex}`, '-nodecount=5', `-diff_base=${base}`, comparison];
  return pprofTop(normalize ? ['-normalize', ...args] : args, unit);
}

const cases = [
  { title: 'CPU (wall), windows 00-03 vs 04-07', kind: 'cpu' as const, type: 'wall', unit: 'ns', baseline: series('cpu', [0, 1, 2, 3]), comparison: series('cpu', [4, 5, 6, 7]) },
  { title: 'in-use heap, latest snapshots 03 vs 07', kind: 'heap' as const, type: 'inuse_space', unit: 'B', baseline: series('heap', [3]), comparison: series('heap', [7]) },
];

describe.skipIf(!hasGo)('the regressions table agrees with go tool pprof -diff_base', () => {
  for (const c of cases) {
    it(`${c.title}, absolute`, async () => {
      const expected = pprofDiff(c.baseline, c.comparison, c.type, c.unit, false);
      expect(expected).toHaveLength(5);
      const { top } = await ourTop(c.baseline, c.comparison, c.type, 'absolute', 5);
      expect(top.map((r) => ({ name: r.name, flat: r.deltaSelf, cum: r.deltaTotal }))).toEqual(expected);
    });

    it(`${c.title}, relative`, async () => {
      const expected = pprofDiff(c.baseline, c.comparison, c.type, c.unit, true);
      const { top, setup } = await ourTop(c.baseline, c.comparison, c.type, 'relative', 5);
      expect(top.map((r) => r.name)).toEqual(expected.map((r) => r.name));
      top.forEach((row, i) => {
        const pprofInOurUnits = expected[i].flat * setup.scale;
        expect(Math.abs(row.deltaSelf - pprofInOurUnits)).toBeLessThanOrEqual(Math.max(2, Math.abs(row.deltaSelf) * 2e-3));
      });
    });
  }

  it('in the window heap diff, cacheReceipt is new and holds ~38.7 MiB', async () => {
    const { top } = await ourTop(series('heap', [0, 1, 2, 3]), series('heap', [4, 5, 6, 7]), 'inuse_space', 'relative', 50);
    const cache = top.find((r) => r.name === 'cacheReceipt')!;
    const oracle = pprofTop(['-sample_index=inuse_space', path.join(PROFILES_DIR, 'series/checkout-07.heap.pb.gz')], 'B').find((r) => r.name === 'cacheReceipt')!;
    expect(cache.status).toBe('new');
    expect(cache.baselineTotal).toBe(0);
    expect(cache.deltaTotal).toBe(oracle.cum);
  });
});
