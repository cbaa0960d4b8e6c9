/**
 * The function table (pprof's -top): every function with a non-zero total, sortable by
 * self, total or name, filtered by the search. Rows are virtualized (only what is on
 * screen is in the DOM, plus a margin once the table has been scrolled; the top rows
 * always are at first paint).
 */
import { memo, useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import type { FrameStats, FunctionSortKey } from '../profile/functions.ts';
import { sortFunctionRows } from '../profile/functions.ts';
import { parseSearch } from '../profile/search.ts';
import { formatPercent, formatValue } from '../profile/units.ts';
import { useUiStore, useViewStore } from '../state/store.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import { SortableHeader, SpacerRow } from './TableParts.tsx';
import type { SortState } from './TableParts.tsx';

const ROW_HEIGHT = 24;
const ROW_STYLE = { height: ROW_HEIGHT };

interface Props {
  tree: CallTree;
  stats: FrameStats;
  /** frames in the default order (self, largest first), see framesBySelfFor */
  order: Int32Array;
  unit: string;
  rootTotal: number;
  /** what a row click does; by default it toggles the function's highlight in the graph */
  onPick?(name: string): void;
  /** the row shown as picked; by default the highlighted function */
  pickedName?: string;
}

export function FunctionTable({ tree, stats, order, unit, rootTotal, onPick, pickedName }: Props) {
  const search = useViewStore((s) => s.search);
  const highlighted = useUiStore((s) => s.highlightedFunction);
  const setHighlighted = useUiStore((s) => s.setHighlightedFunction);
  const picked = pickedName ?? highlighted;
  const toggleHighlight = useCallback((name: string) => setHighlighted(highlighted === name ? null : name), [highlighted, setHighlighted]);
  const pick = onPick ?? toggleHighlight;
  const [sort, setSort] = useState<SortState<FunctionSortKey>>({ key: 'self', reversed: false });

  // Frames in display order. The default order comes precomputed (from the worker);
  // row objects are made only for the rows on screen.
  const frames = useMemo(() => {
    const names = tree.frames.name;
    const parsed = parseSearch(search);
    const shown = parsed.ok && parsed.regex ? order.filter((f) => parsed.regex!.test(names[f])) : order;
    if (sort.key === 'self' && !sort.reversed) return shown;
    const rows = Array.from(shown, (frame) => ({ frame, name: names[frame], self: stats.self[frame], total: stats.total[frame] }));
    return Int32Array.from(sortFunctionRows(rows, sort.key, sort.reversed), (row) => row.frame);
  }, [tree, order, stats, search, sort]);

  const { containerRef, onScroll, first, last, padTop, padBottom } = useVirtualRows(frames.length, ROW_HEIGHT);
  // When a tree's rows are first in the page (the benchmark reports it after the graph's paint).
  useLayoutEffect(() => {
    performance.mark('flamelens:table');
  }, [tree]);
  const names = tree.frames.name;
  const files = tree.frames.file;

  return (
    <section className="table-pane" aria-label="Functions">
      <div className="table-scroll" ref={containerRef} onScroll={onScroll}>
        <table className="function-table" data-testid="function-table" data-rows={frames.length}>
          <thead>
            <tr>
              <SortableHeader column="self" label="Self" className="num" sort={sort} onSort={setSort} />
              <SortableHeader column="total" label="Total" className="num" sort={sort} onSort={setSort} />
              <SortableHeader column="name" label="Function" className="name" sort={sort} onSort={setSort} textual />
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={padTop} columns={3} />
            {Array.from(frames.subarray(first, last), (frame) => (
              <FunctionRow
                key={frame}
                name={names[frame]}
                file={files[frame]}
                self={stats.self[frame]}
                total={stats.total[frame]}
                unit={unit}
                rootTotal={rootTotal}
                picked={picked === names[frame]}
                onPick={pick}
              />
            ))}
            <SpacerRow height={padBottom} columns={3} />
          </tbody>
        </table>
        {frames.length === 0 && <p className="table-empty">No function matches the search.</p>}
      </div>
    </section>
  );
}

interface RowProps {
  name: string;
  file: string;
  self: number;
  total: number;
  unit: string;
  rootTotal: number;
  picked: boolean;
  onPick(name: string): void;
}

/**
 * One function's row. Memoized on plain values: when the visible range moves (a scroll,
 * or the first measurement of the table's height) only the rows entering it render.
 */
const FunctionRow = memo(function FunctionRow({ name, file, self, total, unit, rootTotal, picked, onPick }: RowProps) {
  return (
    <tr
      data-function={name}
      data-self={self}
      data-total={total}
      aria-selected={picked}
      className={picked ? 'picked' : undefined}
      onClick={() => onPick(name)}
      style={ROW_STYLE}
    >
      <ValueCell value={self} unit={unit} rootTotal={rootTotal} />
      <ValueCell value={total} unit={unit} rootTotal={rootTotal} />
      <td className="name" title={file || name}>
        {name}
      </td>
    </tr>
  );
});

/** A value with its percentage of the root, over a bar of that share (the cell's background, see styles.css). */
function ValueCell({ value, unit, rootTotal }: { value: number; unit: string; rootTotal: number }) {
  const share = Math.min(100, Math.abs(value / (rootTotal || 1)) * 100);
  return (
    <td className="num" style={{ '--share': `${share}%` } as CSSProperties}>
      {formatValue(value, unit)}
      <span className="pct">{formatPercent(value, rootTotal)}</span>
    </td>
  );
}
