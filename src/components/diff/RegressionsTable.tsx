/**
 * The diff's ranked table: functions by how much their self (or total) grew, comparison
 * minus normalized baseline. A "≈" marks changes within sampling noise.
 */
import { useMemo, useState } from 'react';
import type { RegressionRow, RegressionSortKey } from '../../profile/diff.ts';
import { sortRegressionRows } from '../../profile/diff.ts';
import { parseSearch } from '../../profile/search.ts';
import { formatDelta, formatPercent, formatValue } from '../../profile/units.ts';
import { useViewStore } from '../../state/store.ts';
import { useVirtualRows } from '../useVirtualRows.ts';
import { SortableHeader, SpacerRow } from '../TableParts.tsx';
import type { SortState } from '../TableParts.tsx';

const ROW_HEIGHT = 24;

interface Props {
  rows: RegressionRow[];
  unit: string;
  comparisonTotal: number;
  picked: string | null;
  onPick(row: RegressionRow): void;
}

const COLUMNS: { key: RegressionSortKey; label: string; title: string }[] = [
  { key: 'comparisonSelf', label: 'Self', title: 'Self in the comparison, with the normalized baseline' },
  { key: 'deltaSelf', label: 'Δ self', title: 'Comparison minus normalized baseline, self' },
  { key: 'deltaTotal', label: 'Δ total', title: 'Comparison minus normalized baseline, total' },
];

export function RegressionsTable({ rows, unit, comparisonTotal, picked, onPick }: Props) {
  const search = useViewStore((s) => s.search);
  const [sort, setSort] = useState<SortState<RegressionSortKey>>({ key: 'deltaSelf', reversed: false });
  const shown = useMemo(() => {
    const parsed = parseSearch(search);
    const filtered = parsed.ok && parsed.regex ? rows.filter((r) => parsed.regex!.test(r.name)) : rows.slice();
    return sortRegressionRows(filtered, sort.key, sort.reversed);
  }, [rows, search, sort]);
  const { containerRef, onScroll, first, last, padTop, padBottom } = useVirtualRows(shown.length, ROW_HEIGHT);

  return (
    <section className="table-pane" aria-label="Regressions">
      <div className="table-scroll" ref={containerRef} onScroll={onScroll}>
        <table className="function-table regressions" data-testid="regressions" data-rows={shown.length}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortableHeader key={c.key} column={c.key} label={c.label} title={c.title} className="num" sort={sort} onSort={setSort} />
              ))}
              <SortableHeader column="name" label="Function" title="Function name" className="name" sort={sort} onSort={setSort} textual />
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={padTop} columns={4} />
            {shown.slice(first, last).map((row) => (
              <tr
                key={row.frame}
                data-function={row.name}
                data-baseline={row.baselineSelf}
                data-comparison={row.comparisonSelf}
                data-delta={row.deltaSelf}
                data-baseline-total={row.baselineTotal}
                data-comparison-total={row.comparisonTotal}
                data-delta-total={row.deltaTotal}
                data-status={row.status}
                data-noise={row.selfSignificant ? undefined : 'true'}
                aria-selected={picked === row.name}
                className={picked === row.name ? 'picked' : undefined}
                onClick={() => onPick(row)}
                style={{ height: ROW_HEIGHT }}
              >
                <td className="num" title={`baseline ${formatValue(row.baselineSelf, unit)} → comparison ${formatValue(row.comparisonSelf, unit)}`}>
                  {formatValue(row.comparisonSelf, unit)}
                  <span className="pct">{formatPercent(row.comparisonSelf, comparisonTotal)}</span>
                </td>
                <DeltaCell delta={row.deltaSelf} significant={row.selfSignificant} unit={unit} />
                <DeltaCell delta={row.deltaTotal} significant={row.totalSignificant} unit={unit} />
                <td className="name">
                  {row.status === 'new' && <span className="badge badge-new">new</span>}
                  {row.status === 'removed' && <span className="badge badge-removed">gone</span>}
                  {row.name}
                </td>
              </tr>
            ))}
            <SpacerRow height={padBottom} columns={4} />
          </tbody>
        </table>
        {shown.length === 0 && <p className="table-empty">No function matches the search.</p>}
      </div>
    </section>
  );
}

/** A signed change, colored by direction, marked "≈" when it is within sampling noise. */
function DeltaCell({ delta, significant, unit }: { delta: number; significant: boolean; unit: string }) {
  return (
    <td className={`num delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`}>
      {!significant && delta !== 0 && (
        <span className="noise" title="Within sampling noise (|z| < 3)">
          ≈
        </span>
      )}
      {formatDelta(delta, unit)}
    </td>
  );
}
