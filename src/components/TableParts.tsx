/**
 * Pieces shared by the virtualized, sortable tables (functions, regressions).
 */
import type { ReactNode } from 'react';

export interface SortState<K extends string> {
  key: K;
  reversed: boolean;
}

/**
 * A column header that sorts on click: numbers sort largest first, names A-Z; a second
 * click on the active column reverses.
 */
export function SortableHeader<K extends string>({
  column,
  label,
  title,
  className,
  sort,
  onSort,
  textual,
}: {
  column: K;
  label: ReactNode;
  title?: string;
  className: string;
  sort: SortState<K>;
  onSort(next: SortState<K>): void;
  /** sorts A-Z by default instead of largest first */
  textual?: boolean;
}) {
  const active = sort.key === column;
  const descending = textual ? sort.reversed : !sort.reversed;
  return (
    <th scope="col" className={className} title={title} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => onSort({ key: column, reversed: active ? !sort.reversed : false })}>
        {label}
        <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/** Stands in for the rows a virtualized table does not render. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
