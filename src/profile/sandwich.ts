/**
 * The sandwich view of one function: who calls it (callers, an inverted tree rooted at
 * the function) and what it calls (callees, the merge of every subtree rooted at it).
 * Recursion is counted once: only the topmost occurrence of the function on each path
 * contributes, as in the function table's totals.
 */
import type { CallTree } from './calltree.ts';
import { treeFromCreationOrder } from './calltree.ts';
import { TreeNodes } from './tree-nodes.ts';
import { selfOf, totalOf } from './tree-columns.ts';

export interface Sandwich {
  callers: CallTree;
  callees: CallTree;
}

/** Nodes of `frame` with no ancestor of the same frame, in preorder. */
export function topmostNodes(tree: CallTree, frame: number): number[] {
  const nodes: number[] = [];
  for (let i = 0; i < tree.nodeCount; ) {
    if (tree.frame[i] === frame) {
      nodes.push(i);
      i = tree.subtreeEnd[i];
    } else i++;
  }
  return nodes;
}

/** Value columns that grow with the rows interned so far. */
class GrowingColumns {
  columns: Float64Array[];

  constructor(count: number) {
    this.columns = Array.from({ length: count }, () => new Float64Array(1024));
  }

  add(row: number, column: number, value: number): void {
    if (row >= this.columns[column].length) {
      this.columns = this.columns.map((old) => {
        const grown = new Float64Array(Math.max(row + 1, old.length * 2));
        grown.set(old);
        return grown;
      });
    }
    this.columns[column][row] += value;
  }
}

function finish(tree: CallTree, nodes: TreeNodes, values: GrowingColumns): CallTree {
  const { parent, frame } = nodes.finish();
  const self = values.columns.map((column) => column.slice(0, parent.length));
  return treeFromCreationOrder(tree.frames, tree.sampleTypes, tree.groups, parent, frame, self);
}

export function sandwich(tree: CallTree, frame: number): Sandwich {
  const columns = tree.total.length;
  // Every type's columns: the view's trees carry them all, so switching type works there too.
  const selfColumns = Array.from({ length: columns }, (_, c) => selfOf(tree, c));
  const totalColumns = Array.from({ length: columns }, (_, c) => totalOf(tree, c));
  const tops = topmostNodes(tree, frame);

  // Callees: every node below a topmost occurrence, re-rooted at the function.
  const calleeNodes = new TreeNodes();
  const root = calleeNodes.addRoot(frame);
  const calleeSelf = new GrowingColumns(columns);
  const mapped = new Int32Array(tree.nodeCount);
  for (const top of tops) {
    mapped[top] = root;
    for (let c = 0; c < columns; c++) calleeSelf.add(root, c, selfColumns[c][top]);
    for (let i = top + 1; i < tree.subtreeEnd[top]; i++) {
      const row = calleeNodes.child(mapped[tree.parent[i]], tree.frame[i]);
      mapped[i] = row;
      for (let c = 0; c < columns; c++) calleeSelf.add(row, c, selfColumns[c][i]);
    }
  }

  // Callers: the path from each topmost occurrence up to the root, inverted. A path's
  // weight is the occurrence's total; it is booked as self at the outermost caller so the
  // totals of the inverted tree add up along each path.
  const callerNodes = new TreeNodes();
  const callerRoot = callerNodes.addRoot(frame);
  const callerSelf = new GrowingColumns(columns);
  for (const top of tops) {
    let row = callerRoot;
    for (let a = tree.parent[top]; a > 0; a = tree.parent[a]) row = callerNodes.child(row, tree.frame[a]);
    for (let c = 0; c < columns; c++) callerSelf.add(row, c, totalColumns[c][top]);
  }

  return { callers: finish(tree, callerNodes, callerSelf), callees: finish(tree, calleeNodes, calleeSelf) };
}
