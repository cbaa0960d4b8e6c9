/**
 * Colors and tooltips of the plain (non-diff) graphs: package colors, search dimming,
 * and a tooltip with self and total. Shared by the flame graph and the sandwich view.
 * A null tree (a graph waiting for its first profile) draws nothing, so its callbacks
 * are never called; they exist so the hooks run the same way with or without a tree.
 */
import { useCallback } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import type { FrameStats } from '../profile/functions.ts';
import { paletteIndicesFor } from '../state/derived.ts';
import type { Theme } from '../render/theme.ts';
import { TooltipTitle, ValueRow } from './TooltipParts.tsx';
import { nodeSelf, totalOf } from '../profile/tree-columns.ts';

export function useFrameColors(tree: CallTree | null, theme: Theme, matched: Uint8Array | null) {
  const palette = tree ? paletteIndicesFor(tree, theme.palette.length) : null;
  const fill = useCallback(
    (node: number) => {
      if (!tree || !palette) return theme.dimmedFill;
      const frame = tree.frame[node];
      if (matched && !matched[frame]) return theme.dimmedFill;
      return theme.palette[palette[frame]];
    },
    [tree, matched, theme, palette],
  );
  return { fill, textColor: useTextColor(tree, theme, matched) };
}

/** Label color: dimmed on frames a search leaves out. */
export function useTextColor(tree: CallTree | null, theme: Theme, matched: Uint8Array | null) {
  return useCallback(
    (node: number) => (tree && matched && !matched[tree.frame[node]] ? theme.dimmedText : theme.frameText),
    [tree, matched, theme],
  );
}

/** Tooltip content: name, file, self and total (with % of `percentOf`), and the function's total when known. */
export function useFrameTooltip(tree: CallTree | null, column: number, unit: string, percentOf: number, stats: FrameStats | null) {
  return useCallback(
    (node: number) => {
      if (!tree) return null;
      const frame = tree.frame[node];
      const self = nodeSelf(tree, column, node);
      const total = totalOf(tree, column)[node];
      return (
        <>
          <TooltipTitle tree={tree} frame={frame} />
          <table>
            <tbody>
              <ValueRow label="Self" value={self} unit={unit} percentOf={percentOf} testId="tooltip-self" />
              <ValueRow label="Total" value={total} unit={unit} percentOf={percentOf} testId="tooltip-total" />
              {stats && node !== 0 && <ValueRow label="Function total" value={stats.total[frame]} unit={unit} percentOf={percentOf} />}
            </tbody>
          </table>
        </>
      );
    },
    [tree, column, unit, percentOf, stats],
  );
}
