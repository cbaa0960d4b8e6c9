/** Pieces of the graphs' tooltips: the frame's name and file, and a value row with its percentage. */
import type { CallTree } from '../profile/calltree.ts';
import { formatPercent, formatValue } from '../profile/units.ts';

export function TooltipTitle({ tree, frame }: { tree: CallTree; frame: number }) {
  const file = tree.frames.file[frame];
  return (
    <>
      <div className="tooltip-title">{tree.frames.name[frame]}</div>
      {file && <div className="tooltip-file">{file}</div>}
    </>
  );
}

interface ValueRowProps {
  label: string;
  value: number;
  unit: string;
  /** the value's percentage is of this */
  percentOf: number;
  testId?: string;
}

export function ValueRow({ label, value, unit, percentOf, testId }: ValueRowProps) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{formatValue(value, unit)}</td>
      <td>{formatPercent(value, percentOf)}</td>
    </tr>
  );
}
