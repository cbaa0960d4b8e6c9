/**
 * What to draw, as a pure function of (tree, widths, viewport): the list of boxes on
 * screen. Work is proportional to what is visible, not to the tree:
 * - a subtree narrower than MIN_BOX_PX is skipped in one step (preorder: jump to its
 *   subtreeEnd), and adjacent skipped subtrees on a row merge into one "sliver" box, so
 *   dense regions read as filled rather than as holes;
 * - subtrees below the last visible row are skipped the same way.
 */
import type { CallTree } from '../profile/calltree.ts';
import type { Viewport } from './viewport.ts';
import { rowTop, visibleDepths } from './viewport.ts';

/** Boxes narrower than this (CSS px) are not drawn on their own. */
export const MIN_BOX_PX = 0.5;
/** Merged slivers narrower than this are not drawn at all. */
const MIN_SLIVER_PX = 1;

export type SceneTree = Pick<CallTree, 'nodeCount' | 'parent' | 'depth' | 'subtreeEnd'>;

/** Boxes in draw order; node = -1 marks a merged sliver. Arrays are reused between frames. */
export interface Scene {
  count: number;
  node: Int32Array;
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
}

export function createScene(capacity = 4096): Scene {
  return {
    count: 0,
    node: new Int32Array(capacity),
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    w: new Float32Array(capacity),
  };
}

function push(scene: Scene, node: number, x: number, y: number, w: number): void {
  if (scene.count === scene.node.length) {
    const grown = createScene(scene.count * 2);
    grown.node.set(scene.node);
    grown.x.set(scene.x);
    grown.y.set(scene.y);
    grown.w.set(scene.w);
    scene.node = grown.node;
    scene.x = grown.x;
    scene.y = grown.y;
    scene.w = grown.w;
  }
  const i = scene.count++;
  scene.node[i] = node;
  scene.x[i] = x;
  scene.y[i] = y;
  scene.w[i] = w;
}

/**
 * Left edge of every node in value units, children packed left to right from their
 * parent's left edge in (name) order; the parent's self value is the space on the right.
 * In preorder a node's children follow it before any other node at their depth, so one
 * cursor per depth suffices.
 */
export function computeStarts(tree: Pick<CallTree, 'nodeCount' | 'depth' | 'maxDepth'>, widths: Float64Array): Float64Array {
  const n = tree.nodeCount;
  const start = new Float64Array(n);
  const nextAt = new Float64Array(tree.maxDepth + 2);
  for (let i = 1; i < n; i++) {
    const d = tree.depth[i];
    const x = nextAt[d];
    start[i] = x;
    nextAt[d] = x + widths[i];
    nextAt[d + 1] = x;
  }
  return start;
}

/** Widths must not be negative: negative values (possible in diff profiles) get no space. */
export function nonNegative(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) if (values[i] < 0) return values.map((v) => (v < 0 ? 0 : v));
  return values;
}

export function buildScene(
  tree: SceneTree,
  starts: Float64Array,
  widths: Float64Array,
  viewport: Viewport,
  scene: Scene = createScene(),
): Scene {
  scene.count = 0;
  const focus = viewport.focus;
  const [firstDepth, lastDepth] = visibleDepths(viewport);
  const { depth, subtreeEnd } = tree;

  // The focused node and its ancestors span the full width.
  for (let a = focus; a >= 0; a = tree.parent[a]) {
    const d = depth[a];
    if (d >= firstDepth && d <= lastDepth && widths[focus] > 0) push(scene, a, 0, rowTop(viewport, d), viewport.width);
  }
  const focusWidth = widths[focus];
  if (!(focusWidth > 0)) return scene;
  const scale = viewport.width / focusWidth;
  const origin = starts[focus];

  // Pending sliver run per depth: [left, right) in px.
  const runLeft = new Float64Array(lastDepth + 2).fill(-1);
  const runRight = new Float64Array(lastDepth + 2);
  const flush = (d: number) => {
    if (runLeft[d] >= 0 && runRight[d] - runLeft[d] >= MIN_SLIVER_PX) {
      push(scene, -1, runLeft[d], rowTop(viewport, d), runRight[d] - runLeft[d]);
    }
    runLeft[d] = -1;
  };

  const end = subtreeEnd[focus];
  for (let i = focus + 1; i < end; ) {
    const d = depth[i];
    if (d > lastDepth) {
      i = subtreeEnd[i];
      continue;
    }
    const w = widths[i] * scale;
    const x = (starts[i] - origin) * scale;
    if (w < MIN_BOX_PX) {
      if (w > 0 && d >= firstDepth) {
        if (runLeft[d] >= 0 && x - runRight[d] <= MIN_BOX_PX) runRight[d] = x + w;
        else {
          flush(d);
          runLeft[d] = x;
          runRight[d] = x + w;
        }
      }
      i = subtreeEnd[i];
      continue;
    }
    if (d >= firstDepth) {
      if (runLeft[d] >= 0) flush(d);
      push(scene, i, x, rowTop(viewport, d), w);
    }
    i++;
  }
  for (let d = firstDepth; d <= lastDepth; d++) flush(d);
  return scene;
}
