/**
 * Lays a tree built in creation order (as samples were walked) out in preorder with
 * children sorted by frame name: the layout every view of a call tree relies on.
 */
import type { FrameTable } from './frames.ts';

/** A tree's structure in preorder, and where each creation-order node went. */
export interface PreorderShape {
  /** creation index -> preorder index */
  position: Int32Array;
  frame: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  subtreeEnd: Int32Array;
  maxDepth: number;
}

/**
 * Lays out a tree built in creation order (node 0 the root, every parent created before
 * its children) in preorder with children sorted by frame name. Memory is what page
 * faults cost here, so temporaries are few, and `scratch` (arrays the caller no longer
 * needs: two for the grouping, one for `position`, which may be `parent` itself) is used
 * for them when large enough: one counting sort groups children by parent, small groups
 * are insertion-sorted by name rank, and the walk's stack touches only as many pages as
 * the tree is deep.
 */
export function preorderShape(frames: FrameTable, parent: Int32Array, frame: Int32Array, scratch: Int32Array[] = []): PreorderShape {
  const n = parent.length;
  const rank = frameRanks(frames.name);

  // Children grouped by parent: block p is children[childStart[p], childStart[p + 1]).
  const childStart = zeroedScratch(scratch[0], n + 1);
  for (let i = 1; i < n; i++) childStart[parent[i]]++;
  let sum = 0;
  for (let p = 0; p < n; p++) childStart[p] = sum += childStart[p];
  childStart[n] = sum;
  const children = zeroedScratch(scratch[1], Math.max(0, n - 1));
  // Filling from the back moves each block's end to its start: no cursor array needed.
  for (let i = n - 1; i >= 1; i--) children[--childStart[parent[i]]] = i;
  for (let p = 0; p < n; p++) sortByRank(children, childStart[p], childStart[p + 1], frame, rank);

  // `parent` is not read past this point, so scratch[2] may be `parent` itself.
  const position = zeroedScratch(scratch[2], n);
  const outFrame = new Int32Array(n);
  const outParent = new Int32Array(n);
  const depth = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  // As deep as the tree can be, so the walk never grows them; only the pages the real depth
  // reaches are ever touched.
  const stackNode = new Int32Array(n + 1);
  const stackCursor = new Int32Array(n + 1);
  let maxDepth = 0;
  let next = 0;
  if (n > 0) {
    outParent[0] = -1;
    outFrame[0] = frame[0];
    next = 1;
    stackNode[0] = 0;
    stackCursor[0] = childStart[0];
  }
  let top = n > 0 ? 1 : 0;
  while (top > 0) {
    const level = top - 1;
    const node = stackNode[level];
    const cursor = stackCursor[level];
    if (cursor < childStart[node + 1]) {
      stackCursor[level] = cursor + 1;
      const child = children[cursor];
      const at = next++;
      position[child] = at;
      outFrame[at] = frame[child];
      outParent[at] = position[node];
      depth[at] = top;
      if (top > maxDepth) maxDepth = top;
      stackNode[top] = child;
      stackCursor[top] = childStart[child];
      top++;
    } else {
      subtreeEnd[position[node]] = next;
      top--;
    }
  }
  return { position, frame: outFrame, parent: outParent, depth, subtreeEnd, maxDepth };
}

/** `length` zeros: in `array` when it is large enough (memory already touched), new otherwise. */
function zeroedScratch(array: Int32Array | undefined, length: number): Int32Array {
  return array && array.length >= length ? array.subarray(0, length).fill(0) : new Int32Array(length);
}

/** Children are few per node: insertion sort by name rank, a real sort for the rare wide node. */
function sortByRank(children: Int32Array, from: number, to: number, frame: Int32Array, rank: Int32Array): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    children.subarray(from, to).sort((a, b) => rank[frame[a]] - rank[frame[b]]);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const child = children[i];
    const key = rank[frame[child]];
    let j = i - 1;
    while (j >= from && rank[frame[children[j]]] > key) {
      children[j + 1] = children[j];
      j--;
    }
    children[j + 1] = child;
  }
}

/** Rank of every frame in name order (the root first), so sorting compares integers, not strings. */
function frameRanks(names: string[]): Int32Array {
  const ids = names.map((_, i) => i);
  ids.sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  const rank = new Int32Array(names.length);
  ids.forEach((frame, r) => (rank[frame] = r));
  return rank;
}
