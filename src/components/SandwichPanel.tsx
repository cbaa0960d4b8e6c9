/**
 * The sandwich view: pick a function in the table; above, who calls it (the function at
 * the bottom, its callers stacked up); below, what it calls (the function on top). The
 * function is the last frame of `focus`, so zooming into a frame in the flame graph and
 * switching to this view shows that frame's function, and the link keeps it.
 */
import { useCallback, useMemo, useState } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { columnOf } from '../profile/calltree.ts';
import { sandwich } from '../profile/sandwich.ts';
import { framesBySelfFor, layoutFor, selectedTypeIndex, statsFor } from '../state/derived.ts';
import { useViewStore } from '../state/store.ts';
import type { LoadStatus } from '../state/store.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import { FlameGraph } from './FlameGraph.tsx';
import { FunctionTable } from './FunctionTable.tsx';
import { useFrameColors, useFrameTooltip } from './useFrameStyle.tsx';
import { useHighlight } from './useHighlight.ts';
import { useTheme } from './useTheme.ts';
import type { Orientation } from '../render/viewport.ts';
import { totalOf } from '../profile/tree-columns.ts';

interface Props {
  tree: CallTree;
  groups: ProfileSummary[][];
  status: LoadStatus;
}

export function SandwichPanel({ tree, groups, status }: Props) {
  const sampleType = useViewStore((s) => s.sampleType);
  const focus = useViewStore((s) => s.focus);
  const setView = useViewStore((s) => s.set);
  const type = selectedTypeIndex(tree, sampleType, groups.flat());
  const column = columnOf(tree, 0, type);
  const unit = tree.sampleTypes[type].unit;
  const stats = statsFor(tree, column);
  const rootTotal = totalOf(tree, column)[0];

  // The chosen function: the focus's last frame, else the function with the most self.
  const chosen = useMemo(() => {
    const named = focus.length > 0 ? tree.frames.name.indexOf(focus[focus.length - 1]) : -1;
    if (named > 0) return named;
    const order = framesBySelfFor(tree, column);
    return order.length > 0 ? order[0] : -1;
  }, [tree, column, focus]);
  const parts = useMemo(() => (chosen > 0 ? sandwich(tree, chosen) : null), [tree, chosen]);
  const name = chosen > 0 ? tree.frames.name[chosen] : '';
  const pickFunction = useCallback((picked: string) => setView({ focus: [picked] }), [setView]);

  return (
    <div className="panel panel-both sandwich">
      <FunctionTable tree={tree} stats={stats} order={framesBySelfFor(tree, column)} unit={unit} rootTotal={rootTotal} onPick={pickFunction} pickedName={name} />
      {parts && (
        <section className="graph-pane sandwich-pane" aria-label={`Callers and callees of ${name}`}>
          <h2 className="pane-title">
            Callers of <code>{name}</code>
          </h2>
          <SandwichGraph tree={parts.callers} column={column} unit={unit} percentOf={rootTotal} orientation="flame" status={status} testId="flamegraph-callers" label={`Callers of ${name}`} />
          <h2 className="pane-title">
            Callees of <code>{name}</code>
          </h2>
          <SandwichGraph tree={parts.callees} column={column} unit={unit} percentOf={rootTotal} orientation="icicle" status={status} testId="flamegraph" label={`Callees of ${name}`} />
        </section>
      )}
    </div>
  );
}

interface GraphProps {
  tree: CallTree;
  column: number;
  unit: string;
  percentOf: number;
  orientation: Orientation;
  status: LoadStatus;
  testId: string;
  label: string;
}

/** One half of the sandwich: its zoom is its own, and resets when the function changes. */
function SandwichGraph({ tree, column, unit, percentOf, orientation, status, testId, label }: GraphProps) {
  const theme = useTheme();
  const [zoom, setZoom] = useState({ tree, node: 0 });
  const focus = zoom.tree === tree ? zoom.node : 0;
  const onFocus = useCallback((node: number) => setZoom({ tree, node }), [tree]);
  const highlight = useHighlight(tree, column);
  const { fill, textColor } = useFrameColors(tree, theme, highlight.frames);
  const tooltip = useFrameTooltip(tree, column, unit, percentOf, null);
  return (
    <FlameGraph
      tree={tree}
      layout={layoutFor(tree, column)}
      orientation={orientation}
      theme={theme}
      focus={focus}
      onFocus={onFocus}
      fill={fill}
      textColor={textColor}
      tooltip={tooltip}
      status={status === 'loading' ? 'loading' : 'ready'}
      rootTotal={totalOf(tree, column)[0]}
      testId={testId}
      ariaLabel={label}
    />
  );
}
