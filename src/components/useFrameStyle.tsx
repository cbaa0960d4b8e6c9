/**
 * Colors and tooltips of the plain (non-diff) graphs: package colors, search dimming,
 * and a tooltip with self and total. Shared by the flame graph and the sandwich view.
 */
import { useCallback } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import type { FrameStats } from '../profile/functions.ts';
import { formatPercent, formatValue } from '../profile/units.ts';
import { paletteIndicesFor } from '../state/derived.ts';
import type { Theme } from '../render/theme.ts';

export function useFrameColors(tree: CallTree, theme: Theme, matched: Uint8Array | null) {
  const palette = paletteIndicesFor(tree, theme.palette.length);
  const fill = useCallback(
    (node: number) => {
      const frame = tree.frame[node];
      if (matched && !matched[frame]) return theme.dimmedFill;
      return theme.palette[palette[frame]];
    },
    [tree, matched, theme, palette],
  );
  return { fill, textColor: useTextColor(tree, theme, matched) };
}

/** Label color: dimmed on frames a search leaves out. */
export function useTextColor(tree: CallTree, theme: Theme, matched: Uint8Array | null) {
  return useCallback(
    (node: number) => (matched && !matched[tree.frame[node]] ? theme.dimmedText : theme.frameText),
    [tree, matched, theme],
  );
}

/** Tooltip content: name, file, self and total (with % of `percentOf`), and the function's total when known. */
export function useFrameTooltip(tree: CallTree, column: number, unit: string, percentOf: number, stats: FrameStats | null) {
  return useCallback(
    (node: number) => {
      const frame = tree.frame[node];
      const self = tree.self[column][node];
      const total = tree.total[column][node];
      return (
        <>
          <div className="tooltip-title">{tree.frames.name[frame]}</div>
          {tree.frames.file[frame] && <div className="tooltip-file">{tree.frames.file[frame]}</div>}
          <table>
            <tbody>
              <tr>
                <th scope="row">Self</th>
                <td data-testid="tooltip-self">{formatValue(self, unit)}</td>
                <td>{formatPercent(self, percentOf)}</td>
              </tr>
              <tr>
                <th scope="row">Total</th>
                <td data-testid="tooltip-total">{formatValue(total, unit)}</td>
                <td>{formatPercent(total, percentOf)}</td>
              </tr>
              {stats && node !== 0 && (
                <tr>
                  <th scope="row">Function total</th>
                  <td>{formatValue(stats.total[frame], unit)}</td>
                  <td>{formatPercent(stats.total[frame], percentOf)}</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      );
    },
    [tree, column, unit, percentOf, stats],
  );
}
