/**
 * Which node is under the pointer: the inverse of the scene's geometry. O(depth x
 * siblings): from the focused node, descend to the child whose span contains x.
 */
import type { Viewport } from './viewport.ts';
import { depthAt } from './viewport.ts';
import type { SceneTree } from './scene.ts';

export function nodeAt(
  tree: SceneTree,
  starts: Float64Array,
  widths: Float64Array,
  viewport: Viewport,
  x: number,
  y: number,
): number {
  if (x < 0 || x >= viewport.width || y < 0 || y >= viewport.height) return -1;
  const target = depthAt(viewport, y);
  const focus = viewport.focus;
  if (target < 0 || !(widths[focus] > 0)) return -1;
  if (target <= tree.depth[focus]) {
    let node = focus;
    while (tree.depth[node] > target) node = tree.parent[node];
    return node;
  }
  const scale = viewport.width / widths[focus];
  const value = starts[focus] + x / scale;
  let node = focus;
  while (tree.depth[node] < target) {
    let next = -1;
    for (let c = node + 1; c < tree.subtreeEnd[node]; c = tree.subtreeEnd[c]) {
      if (value >= starts[c] && value < starts[c] + widths[c]) {
        next = c;
        break;
      }
    }
    if (next < 0) return -1;
    node = next;
  }
  return node;
}
