/**
 * The function table (pprof's -top): every function with a non-zero total, sortable by
 * self, total or name, filtered by the search. Rows are virtualized (only what is on
 * screen plus a margin is in the DOM; the top rows always are at first paint).
 */
import { useMemo, useState } from 'react';
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
  const pick = onPick ?? ((name: string) => setHighlighted(highlighted === name ? null : name));
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
  const rows = Array.from(frames.subarray(first, last), (frame) => ({
    frame,
    name: tree.frames.name[frame],
    self: stats.self[frame],
    total: stats.total[frame],
  }));

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
            {rows.map((row) => (
              <tr
                key={row.frame}
                data-function={row.name}
                data-self={row.self}
                data-total={row.total}
                aria-selected={picked === row.name}
                className={picked === row.name ? 'picked' : undefined}
                onClick={() => pick(row.name)}
                style={{ height: ROW_HEIGHT }}
              >
                <td className="num">
                  <span className="value">{formatValue(row.self, unit)}</span>
                  <span className="pct">{formatPercent(row.self, rootTotal)}</span>
                  <span className="bar" style={{ width: `${Math.min(100, Math.abs(row.self / (rootTotal || 1)) * 100)}%` }} />
                </td>
                <td className="num">
                  <span className="value">{formatValue(row.total, unit)}</span>
                  <span className="pct">{formatPercent(row.total, rootTotal)}</span>
                  <span className="bar" style={{ width: `${Math.min(100, Math.abs(row.total / (rootTotal || 1)) * 100)}%` }} />
                </td>
                <td className="name" title={tree.frames.file[row.frame] || row.name}>
                  {row.name}
                </td>
              </tr>
            ))}
            <SpacerRow height={padBottom} columns={3} />
          </tbody>
        </table>
        {frames.length === 0 && <p className="table-empty">No function matches the search.</p>}
      </div>
    </section>
  );
}
