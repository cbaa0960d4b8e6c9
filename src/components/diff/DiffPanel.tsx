/**
 * The diff view: one flame graph of the union of baseline and comparison, colored by
 * change, and the regressions table beside it.
 */
import { useCallback, useMemo } from 'react';
import type { CallTree } from '../../profile/calltree.ts';
import { changeStatus, diffSetup, nodeDiff, regressionRows } from '../../profile/diff.ts';
import type { DiffSetup, NodeDiff, RegressionRow } from '../../profile/diff.ts';
import { valuePerSample } from '../../profile/model.ts';
import { findFramePath, framePath } from '../../profile/navigation.ts';
import { formatDelta } from '../../profile/units.ts';
import { diffFill } from '../../render/diff-colors.ts';
import { computeStarts } from '../../render/scene.ts';
import { selectedTypeIndex, statsFor } from '../../state/derived.ts';
import { useDataStore, useUiStore, useViewStore } from '../../state/store.ts';
import type { ProfileSummary } from '../../worker/protocol.ts';
import { Breadcrumb } from '../Breadcrumb.tsx';
import { FlameGraph } from '../FlameGraph.tsx';
import { useHighlight } from '../useHighlight.ts';
import { useTheme } from '../useTheme.ts';
import { useTextColor } from '../useFrameStyle.tsx';
import { TooltipTitle, ValueRow } from '../TooltipParts.tsx';
import { DiffHeader } from './DiffHeader.tsx';
import { RegressionsTable } from './RegressionsTable.tsx';
import { totalOf } from '../../profile/tree-columns.ts';

function periodOf(group: ProfileSummary[], tree: CallTree, type: number): number {
  const first = group[0];
  return first ? valuePerSample(tree.sampleTypes[type], first.period, first.periodType) : 0;
}

/** The node of a frame with the largest comparison total: where "focus this function" zooms. */
function widestNodeOf(tree: CallTree, frame: number, widths: Float64Array): number {
  let best = -1;
  for (let i = 0; i < tree.nodeCount; i++) if (tree.frame[i] === frame && (best < 0 || widths[i] > widths[best])) best = i;
  return best;
}

export function DiffPanel() {
  const slot = useDataStore((s) => s.diff);
  const filesActive = useDataStore((s) => s.activeSource === 'files');
  const tree = slot.tree;
  if (!tree || slot.groups.length !== 2) {
    const hint = filesActive
      ? 'Open two or more profiles to compare them: the earlier half is the baseline, the later half the comparison. Pick other windows on the timeline.'
      : 'Pick a baseline window and a comparison window on the timeline to see what changed.';
    return (
      <div className="flamegraph placeholder" data-testid="flamegraph" data-state={slot.status === 'loading' ? 'loading' : slot.status === 'error' ? 'error' : 'empty'}>
        {slot.status !== 'loading' && <p className="empty-state">{hint}</p>}
      </div>
    );
  }
  return <DiffContent tree={tree} groups={slot.groups} loading={slot.status === 'loading'} />;
}

function DiffContent({ tree, groups, loading }: { tree: CallTree; groups: ProfileSummary[][]; loading: boolean }) {
  const sampleType = useViewStore((s) => s.sampleType);
  const mode = useViewStore((s) => s.diffMode);
  const focusPath = useViewStore((s) => s.focus);
  const setView = useViewStore((s) => s.set);
  const palette = useUiStore((s) => s.diffPalette);
  const picked = useUiStore((s) => s.highlightedFunction);
  const setPicked = useUiStore((s) => s.setHighlightedFunction);
  const theme = useTheme();

  const type = selectedTypeIndex(tree, sampleType, groups.flat());
  const unit = tree.sampleTypes[type].unit;
  const setup: DiffSetup = useMemo(
    () =>
      diffSetup(tree, {
        mode,
        type,
        baselinePeriod: periodOf(groups[0], tree, type),
        comparisonPeriod: periodOf(groups[1], tree, type),
      }),
    [tree, mode, type, groups],
  );
  const values: NodeDiff = useMemo(() => nodeDiff(tree, setup), [tree, setup]);
  const layout = useMemo(() => ({ widths: values.widths, starts: computeStarts(tree, values.widths) }), [tree, values]);
  const rows = useMemo(
    () => regressionRows(tree, setup, statsFor(tree, setup.baselineColumn), statsFor(tree, setup.comparisonColumn)),
    [tree, setup],
  );
  const highlight = useHighlight(tree, setup.comparisonColumn);

  const focusNode = useMemo(() => Math.max(0, findFramePath(tree, focusPath)), [tree, focusPath]);
  const onFocus = useCallback((node: number) => setView({ focus: framePath(tree, node) }), [tree, setView]);

  const rawBaseline = totalOf(tree, setup.baselineColumn);
  const scheme = useMemo(() => ({ dark: theme.dark, palette }), [theme.dark, palette]);
  const matched = highlight.frames;
  const fill = useCallback(
    (node: number) => {
      if (matched && !matched[tree.frame[node]]) return theme.dimmedFill;
      const b = values.baseline[node];
      const c = values.comparison[node];
      const change = (c - b) / Math.max(b, c, Number.MIN_VALUE);
      return diffFill(changeStatus(setup, rawBaseline[node], c), change, scheme);
    },
    [tree, matched, theme, values, setup, rawBaseline, scheme],
  );
  const textColor = useTextColor(tree, theme, matched);
  const tooltip = useCallback(
    (node: number) => {
      const frame = tree.frame[node];
      const b = values.baseline[node];
      const c = values.comparison[node];
      const status = changeStatus(setup, rawBaseline[node], c);
      return (
        <>
          <TooltipTitle tree={tree} frame={frame} />
          <table>
            <tbody>
              <ValueRow
                label={`Baseline${mode === 'relative' ? ' (normalized)' : ''}`}
                value={b}
                unit={unit}
                percentOf={setup.comparisonTotal}
                testId="tooltip-baseline"
              />
              <ValueRow label="Comparison" value={c} unit={unit} percentOf={setup.comparisonTotal} testId="tooltip-comparison" />
              <tr>
                <th scope="row">Delta</th>
                <td data-testid="tooltip-delta">{formatDelta(c - b, unit)}</td>
                <td>{b > 0 ? `${c - b >= 0 ? '+' : ''}${(((c - b) / b) * 100).toFixed(1)}%` : c > 0 ? 'new' : ''}</td>
              </tr>
            </tbody>
          </table>
          <div className={`tooltip-status status-${status}`}>{STATUS_TEXT[status]}</div>
        </>
      );
    },
    [tree, values, setup, rawBaseline, unit, mode],
  );

  const onPick = useCallback(
    (row: RegressionRow) => {
      const node = widestNodeOf(tree, row.frame, values.widths);
      setPicked(row.name);
      if (node >= 0) setView({ focus: framePath(tree, node) });
    },
    [tree, values, setPicked, setView],
  );

  return (
    <div className="diff-view">
      <DiffHeader setup={setup} unit={unit} groups={groups} />
      <div className="panel panel-both">
        <section className="graph-pane" aria-label="Diff flame graph">
          <Breadcrumb tree={tree} focus={focusNode} onFocus={onFocus} />
          <FlameGraph
            tree={tree}
            layout={layout}
            orientation="flame"
            theme={theme}
            focus={focusNode}
            onFocus={onFocus}
            fill={fill}
            textColor={textColor}
            tooltip={tooltip}
            status={loading ? 'loading' : 'ready'}
            rootTotal={setup.comparisonTotal}
            ariaLabel="Diff flame graph: red frames grew, green shrank, grey changed within noise"
          />
        </section>
        <RegressionsTable rows={rows} unit={unit} comparisonTotal={setup.comparisonTotal} picked={picked} onPick={onPick} />
      </div>
    </div>
  );
}

const STATUS_TEXT = {
  grew: 'Grew beyond sampling noise',
  shrank: 'Shrank beyond sampling noise',
  unchanged: 'Change within sampling noise',
  new: 'Only in the comparison',
  removed: 'Only in the baseline',
} as const;
