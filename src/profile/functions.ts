/**
 * Per-frame totals for the function table, with `go tool pprof -top` semantics:
 * flat (self) is what the frame's nodes hold themselves; cum (total) counts each sample
 * once per frame even when the frame recurses, so only the topmost occurrence of a frame
 * on any root-to-leaf path contributes.
 */
import type { CallTree } from './calltree.ts';
import { ROOT_FRAME } from './frames.ts';
import { totalOf } from './tree-columns.ts';

export interface FrameStats {
  /** self value per frame id */
  self: Float64Array;
  /** total value per frame id, recursion counted once */
  total: Float64Array;
}

export function frameStats(tree: CallTree, column: number): FrameStats {
  const frames = tree.frames.name.length;
  const self = new Float64Array(frames);
  const total = new Float64Array(frames);
  const nodeTotal = totalOf(tree, column);
  const { frame, parent, subtreeEnd } = tree;
  // How many ancestors of the current node carry each frame.
  const onPath = new Int32Array(frames);
  const open = new Int32Array(tree.maxDepth + 2);
  let top = 0;
  for (let i = 0; i < tree.nodeCount; i++) {
    while (top > 0 && subtreeEnd[open[top - 1]] <= i) onPath[frame[open[--top]]]--;
    const f = frame[i];
    // A node's self is its total less its children's: each total is added to its own
    // frame and taken from its parent's (no self column needed).
    self[f] += nodeTotal[i];
    if (i > 0) self[frame[parent[i]]] -= nodeTotal[i];
    if (onPath[f] === 0) total[f] += nodeTotal[i];
    onPath[f]++;
    open[top++] = i;
  }
  return { self, total };
}

export interface FunctionRow {
  frame: number;
  name: string;
  self: number;
  total: number;
}

export type FunctionSortKey = 'self' | 'total' | 'name';

/**
 * Rows for every frame with a non-zero total (self may be 0), sorted like pprof:
 * by |key| descending, then by name. The root is not a function and is left out.
 */
export function functionRows(tree: CallTree, stats: FrameStats, sortBy: FunctionSortKey = 'self'): FunctionRow[] {
  const rows: FunctionRow[] = [];
  const names = tree.frames.name;
  for (let f = 0; f < names.length; f++) {
    if (f === ROOT_FRAME || stats.total[f] === 0) continue;
    rows.push({ frame: f, name: names[f], self: stats.self[f], total: stats.total[f] });
  }
  return sortFunctionRows(rows, sortBy);
}

export function sortFunctionRows(rows: FunctionRow[], sortBy: FunctionSortKey, ascending = false): FunctionRow[] {
  const byName = (a: FunctionRow, b: FunctionRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const compare =
    sortBy === 'name'
      ? byName
      : (a: FunctionRow, b: FunctionRow) => Math.abs(b[sortBy]) - Math.abs(a[sortBy]) || byName(a, b);
  rows.sort(ascending ? (a, b) => -compare(a, b) : compare);
  return rows;
}
