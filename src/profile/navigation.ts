/**
 * Moving around the call tree: parents, children, siblings, and frame paths (the names
 * from the root down to a node, as permalinks store them in `focus`). All O(depth) or
 * O(siblings) thanks to the preorder layout: a node's first child is the next index and
 * its next sibling is where its subtree ends.
 */
import type { CallTree } from './calltree.ts';

type TreeShape = Pick<CallTree, 'parent' | 'subtreeEnd' | 'frame' | 'frames' | 'depth' | 'nodeCount'>;

export function firstChild(tree: TreeShape, node: number): number {
  return node + 1 < tree.subtreeEnd[node] ? node + 1 : -1;
}

export function nextSibling(tree: TreeShape, node: number): number {
  const parent = tree.parent[node];
  if (parent < 0) return -1;
  const next = tree.subtreeEnd[node];
  return next < tree.subtreeEnd[parent] ? next : -1;
}

export function previousSibling(tree: TreeShape, node: number): number {
  const parent = tree.parent[node];
  if (parent < 0) return -1;
  let previous = -1;
  for (let c = parent + 1; c < node; c = tree.subtreeEnd[c]) previous = c;
  return previous;
}

export function children(tree: TreeShape, node: number): number[] {
  const out: number[] = [];
  for (let c = node + 1; c < tree.subtreeEnd[node]; c = tree.subtreeEnd[c]) out.push(c);
  return out;
}

/** Ancestors from the root down to and including `node`. */
export function ancestry(tree: TreeShape, node: number): number[] {
  const path: number[] = [];
  for (let n = node; n >= 0; n = tree.parent[n]) path.push(n);
  return path.reverse();
}

/** Frame names from below the root to `node` (empty for the root). */
export function framePath(tree: TreeShape, node: number): string[] {
  return ancestry(tree, node)
    .slice(1)
    .map((n) => tree.frames.name[tree.frame[n]]);
}

/** The node reached by following `names` from the root, or -1 when the path does not exist in this tree. */
export function findFramePath(tree: TreeShape, names: readonly string[]): number {
  let node = 0;
  for (const name of names) {
    let next = -1;
    for (let c = node + 1; c < tree.subtreeEnd[node]; c = tree.subtreeEnd[c]) {
      if (tree.frames.name[tree.frame[c]] === name) {
        next = c;
        break;
      }
    }
    if (next < 0) return -1;
    node = next;
  }
  return node;
}
