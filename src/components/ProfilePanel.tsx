/**
 * The plain (non-diff) view of a call tree: breadcrumb, flame graph or icicle, and the
 * function table beside it (or the table alone). Reads the stores, derives colors and
 * tooltips, and keeps the zoom in the URL state as a frame path.
 *
 * While the first tree loads it renders the same panes, tree-less: the graph's canvas
 * then takes its size and allocates its backing store (page faults, tens of ms on a large
 * screen) while the worker decodes, not in the frame that draws the profile, and the
 * canvas element is the one the profile is painted on.
 */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { columnOf } from '../profile/calltree.ts';
import type { FrameStats } from '../profile/functions.ts';
import { findFramePath, framePath } from '../profile/navigation.ts';
import { framesBySelfFor, layoutFor, selectedTypeIndex, statsFor } from '../state/derived.ts';
import type { Layout } from '../state/derived.ts';
import { useViewStore } from '../state/store.ts';
import type { LoadStatus } from '../state/store.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import type { Orientation } from '../render/viewport.ts';
import { Breadcrumb } from './Breadcrumb.tsx';
import { FlameGraph } from './FlameGraph.tsx';
import { FunctionTable } from './FunctionTable.tsx';
import { useTheme } from './useTheme.ts';
import { useHighlight } from './useHighlight.ts';
import { useFrameColors, useFrameTooltip } from './useFrameStyle.tsx';
import { totalOf } from '../profile/tree-columns.ts';

const TABLE_FALLBACK_MS = 400;

interface Props {
  /** null while the first tree loads (status 'loading') */
  tree: CallTree | null;
  groups: ProfileSummary[][];
  status: LoadStatus;
  showGraph: boolean;
  orientation: Orientation;
}

/** What the panel shows of a tree: the chosen sample type's column and its derived values. */
interface ShownColumn {
  type: number;
  column: number;
  unit: string;
  layout: Layout;
  stats: FrameStats;
  rootTotal: number;
}

function shownColumn(tree: CallTree, sampleType: string | null, groups: ProfileSummary[][]): ShownColumn {
  const type = selectedTypeIndex(tree, sampleType, groups.flat());
  const column = columnOf(tree, 0, type);
  return {
    type,
    column,
    unit: tree.sampleTypes[type].unit,
    layout: layoutFor(tree, column),
    stats: statsFor(tree, column),
    rootTotal: totalOf(tree, column)[0],
  };
}

export function ProfilePanel({ tree, groups, status, showGraph, orientation }: Props) {
  const sampleType = useViewStore((s) => s.sampleType);
  const focusPath = useViewStore((s) => s.focus);
  const setView = useViewStore((s) => s.set);
  const theme = useTheme();

  const shown = tree ? shownColumn(tree, sampleType, groups) : null;
  const column = shown?.column ?? 0;
  const highlight = useHighlight(tree, column);

  // The graph paints first; the table follows, rendered in a transition (showTable below):
  // the two never share one long task, and a new profile's first frames are not held up
  // by table rows.
  const [tableReadyFor, setTableReadyFor] = useState<CallTree | null>(null);
  const tableTree = showGraph ? tableReadyFor : tree;
  useEffect(() => {
    // A graph that cannot paint (no room on screen) must not hold the table back for long.
    const timer = setTimeout(() => setTableReadyFor(tree), TABLE_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [tree]);

  // In a transition, React renders the table in slices that yield to the browser.
  const showTable = useCallback((painted: CallTree) => startTransition(() => setTableReadyFor(painted)), []);

  const focusNode = useMemo(() => {
    const node = tree ? findFramePath(tree, focusPath) : -1;
    return node >= 0 ? node : 0;
  }, [tree, focusPath]);
  const onFocus = useCallback((node: number) => tree && setView({ focus: framePath(tree, node) }), [tree, setView]);

  const { fill, textColor } = useFrameColors(tree, theme, highlight.frames);
  const tooltip = useFrameTooltip(tree, column, shown?.unit ?? '', shown?.rootTotal ?? 0, shown?.stats ?? null);
  const graphName = orientation === 'flame' ? 'Flame graph' : 'Icicle graph';

  return (
    <div className={`panel ${showGraph ? 'panel-both' : ''}`}>
      {showGraph && (
        <section className="graph-pane" aria-label={graphName}>
          {tree ? <Breadcrumb tree={tree} focus={focusNode} onFocus={onFocus} /> : <nav className="breadcrumb" aria-label="Zoom path" />}
          <FlameGraph
            tree={tree}
            layout={shown?.layout ?? null}
            orientation={orientation}
            theme={theme}
            focus={focusNode}
            onFocus={onFocus}
            fill={fill}
            textColor={textColor}
            tooltip={tooltip}
            status={status === 'loading' || !tree ? 'loading' : 'ready'}
            rootTotal={shown?.rootTotal ?? 0}
            onFirstPaint={showTable}
            ariaLabel={tree && shown ? `${graphName} of ${tree.sampleTypes[shown.type].type}` : `${graphName}, loading`}
          />
        </section>
      )}
      {tree && shown && tableTree === tree ? (
        <FunctionTable tree={tree} stats={shown.stats} order={framesBySelfFor(tree, column)} unit={shown.unit} rootTotal={shown.rootTotal} />
      ) : (
        <section className="table-pane" aria-label="Functions" aria-busy="true" />
      )}
    </div>
  );
}
