/**
 * The plain (non-diff) view of a call tree: breadcrumb, flame graph or icicle, and the
 * function table beside it (or the table alone). Reads the stores, derives colors and
 * tooltips, and keeps the zoom in the URL state as a frame path.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { columnOf } from '../profile/calltree.ts';
import { findFramePath, framePath } from '../profile/navigation.ts';
import { framesBySelfFor, layoutFor, selectedTypeIndex, statsFor } from '../state/derived.ts';
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

const TABLE_FALLBACK_MS = 400;

interface Props {
  tree: CallTree;
  groups: ProfileSummary[][];
  status: LoadStatus;
  showGraph: boolean;
  orientation: Orientation;
}

export function ProfilePanel({ tree, groups, status, showGraph, orientation }: Props) {
  const sampleType = useViewStore((s) => s.sampleType);
  const focusPath = useViewStore((s) => s.focus);
  const setView = useViewStore((s) => s.set);
  const theme = useTheme();

  const type = selectedTypeIndex(tree, sampleType, groups.flat());
  const column = columnOf(tree, 0, type);
  const unit = tree.sampleTypes[type].unit;
  const layout = layoutFor(tree, column);
  const stats = statsFor(tree, column);
  const rootTotal = tree.total[column][0];
  const highlight = useHighlight(tree, column);

  // The graph paints first and the table follows in the next frame: the two never share
  // one long task, and a new profile's first frame is not held up by table rows.
  const [tableReadyFor, setTableReadyFor] = useState<CallTree | null>(null);
  const tableTree = showGraph ? tableReadyFor : tree;
  useEffect(() => {
    // A graph that cannot paint (no room on screen) must not hold the table back for long.
    const timer = setTimeout(() => setTableReadyFor(tree), TABLE_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [tree]);

  const focusNode = useMemo(() => {
    const node = findFramePath(tree, focusPath);
    return node >= 0 ? node : 0;
  }, [tree, focusPath]);
  const onFocus = useCallback((node: number) => setView({ focus: framePath(tree, node) }), [tree, setView]);

  const { fill, textColor } = useFrameColors(tree, theme, highlight.frames);
  const tooltip = useFrameTooltip(tree, column, unit, rootTotal, stats);

  return (
    <div className={`panel ${showGraph ? 'panel-both' : ''}`}>
      {showGraph && (
        <section className="graph-pane" aria-label={orientation === 'flame' ? 'Flame graph' : 'Icicle graph'}>
          <Breadcrumb tree={tree} focus={focusNode} onFocus={onFocus} />
          <FlameGraph
            tree={tree}
            layout={layout}
            orientation={orientation}
            theme={theme}
            focus={focusNode}
            onFocus={onFocus}
            fill={fill}
            textColor={textColor}
            tooltip={tooltip}
            status={status === 'loading' ? 'loading' : 'ready'}
            rootTotal={rootTotal}
            onFirstPaint={setTableReadyFor}
            ariaLabel={`${orientation === 'flame' ? 'Flame graph' : 'Icicle graph'} of ${tree.sampleTypes[type].type}`}
          />
        </section>
      )}
      {tableTree === tree ? (
        <FunctionTable tree={tree} stats={stats} order={framesBySelfFor(tree, column)} unit={unit} rootTotal={rootTotal} />
      ) : (
        <section className="table-pane" aria-label="Functions" aria-busy="true" />
      )}
    </div>
  );
}
