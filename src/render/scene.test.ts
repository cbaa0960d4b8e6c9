import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../profile/calltree.ts';
import { findFramePath } from '../profile/navigation.ts';
import { buildScene, computeStarts } from './scene.ts';
import { nodeAt } from './hit-test.ts';
import { rowTop, depthAt, visibleDepths } from './viewport.ts';
import type { Viewport } from './viewport.ts';
import { profileFromFolded } from '../../test/support/folded.ts';
import { totalOf } from '../profile/tree-columns.ts';

const profile = profileFromFolded([
  { stack: 'main;a;b', values: [600] },
  { stack: 'main;c', values: [399] },
  // 1/1000 of the width: a sub-pixel box at 200 px wide.
  { stack: 'main;d', values: [1] },
]);
const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
const widths = totalOf(tree, 0);
const starts = computeStarts(tree, widths);
const at = (path: string) => findFramePath(tree, path.split(';'));
const viewport = (over: Partial<Viewport> = {}): Viewport => ({
  width: 200,
  height: 100,
  rowHeight: 20,
  orientation: 'icicle',
  focus: 0,
  scroll: 0,
  ...over,
});

describe('scene', () => {
  it('places children left to right in proportion to their totals', () => {
    const scene = buildScene(tree, starts, widths, viewport());
    const boxes = Array.from({ length: scene.count }, (_, i) => [scene.node[i], scene.x[i], scene.y[i], Math.round(scene.w[i] * 10) / 10]);
    expect(boxes).toEqual([
      [0, 0, 0, 200],
      [at('main'), 0, 20, 200],
      [at('main;a'), 0, 40, 120],
      [at('main;a;b'), 0, 60, 120],
      [at('main;c'), 120, 40, 79.8],
    ]);
  });

  it('skips sub-pixel boxes and draws the flame orientation from the bottom', () => {
    const scene = buildScene(tree, starts, widths, viewport({ orientation: 'flame' }));
    expect(Array.from(scene.node.subarray(0, scene.count))).not.toContain(at('main;d'));
    expect(scene.y[0]).toBe(80);
    expect(rowTop(viewport({ orientation: 'flame' }), 1)).toBe(60);
  });

  it('zooms: the focused node spans the full width, its ancestors stay', () => {
    const scene = buildScene(tree, starts, widths, viewport({ focus: at('main;c') }));
    const byNode = new Map(Array.from({ length: scene.count }, (_, i) => [scene.node[i], scene.w[i]]));
    expect(byNode.get(at('main;c'))).toBe(200);
    expect(byNode.get(0)).toBe(200);
    expect(byNode.has(at('main;a'))).toBe(false);
  });

  it('only visits visible rows', () => {
    const scene = buildScene(tree, starts, widths, viewport({ height: 40 }));
    expect(visibleDepths(viewport({ height: 40 }))).toEqual([0, 2]);
    expect(Array.from(scene.node.subarray(0, scene.count))).not.toContain(at('main;a;b'));
  });
});

describe('hit testing inverts the layout', () => {
  it.each(['icicle', 'flame'] as const)('%s', (orientation) => {
    const v = viewport({ orientation });
    const scene = buildScene(tree, starts, widths, v);
    for (let i = 0; i < scene.count; i++) {
      const x = scene.x[i] + scene.w[i] / 2;
      const y = scene.y[i] + v.rowHeight / 2;
      expect(nodeAt(tree, starts, widths, v, x, y)).toBe(scene.node[i]);
    }
    expect(nodeAt(tree, starts, widths, v, 199, orientation === 'icicle' ? 61 : 39)).toBe(-1);
    expect(depthAt(v, orientation === 'icicle' ? 0 : 99)).toBe(0);
  });
});
