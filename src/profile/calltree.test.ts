import { describe, expect, it } from 'vitest';
import { buildCallTree, columnOf } from './calltree.ts';
import { frameStats, functionRows } from './functions.ts';
import { findFramePath, framePath, nextSibling, previousSibling, firstChild } from './navigation.ts';
import { parseSearch, searchTree } from './search.ts';
import { profileFromFolded } from '../../test/support/folded.ts';
import { selfOf, totalOf } from './tree-columns.ts';

const profile = profileFromFolded([
  { stack: 'main;a;b', values: [10] },
  { stack: 'main;a', values: [5] },
  { stack: 'main;c;a;b', values: [3] },
  { stack: 'main;c;c', values: [2] },
  { stack: '', values: [1] },
]);
const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
const total = totalOf(tree, 0);
const self = selfOf(tree, 0);
const node = (path: string) => findFramePath(tree, path.split(';'));

describe('call tree', () => {
  it('sums totals up the tree and keeps empty stacks on the root', () => {
    expect(total[0]).toBe(21);
    expect(self[0]).toBe(1);
    expect(total[node('main')]).toBe(20);
    expect(total[node('main;a')]).toBe(15);
    expect(self[node('main;a')]).toBe(5);
    expect(total[node('main;c')]).toBe(5);
    expect(total[node('main;c;c')]).toBe(2);
  });

  it('is in preorder with children sorted by name', () => {
    expect(Array.from({ length: tree.nodeCount }, (_, i) => framePath(tree, i).join(';'))).toEqual([
      '',
      'main',
      'main;a',
      'main;a;b',
      'main;c',
      'main;c;a',
      'main;c;a;b',
      'main;c;c',
    ]);
    expect(Array.from(tree.depth)).toEqual([0, 1, 2, 3, 2, 3, 4, 3]);
    expect(Array.from(tree.subtreeEnd)).toEqual([8, 8, 4, 4, 8, 7, 7, 8]);
    expect(tree.maxDepth).toBe(4);
  });

  it('navigates siblings and children', () => {
    expect(firstChild(tree, node('main'))).toBe(node('main;a'));
    expect(nextSibling(tree, node('main;a'))).toBe(node('main;c'));
    expect(previousSibling(tree, node('main;c'))).toBe(node('main;a'));
    expect(nextSibling(tree, node('main;c'))).toBe(-1);
    expect(findFramePath(tree, ['main', 'nope'])).toBe(-1);
  });
});

describe('function table', () => {
  it('counts recursion once in total and sorts by self', () => {
    const stats = frameStats(tree, columnOf(tree, 0, 0));
    const rows = functionRows(tree, stats).map((r) => [r.name, r.self, r.total]);
    expect(rows).toEqual([
      ['b', 13, 13],
      ['a', 5, 18],
      ['c', 2, 5],
      ['main', 0, 20],
    ]);
  });
});

describe('search', () => {
  it('sums the topmost matches once per stack', () => {
    const parsed = parseSearch('^(a|b)$');
    expect(parsed.ok).toBe(true);
    const result = searchTree(tree, (parsed as { regex: RegExp }).regex, 0);
    expect(result.matchedTotal).toBe(18);
    expect(result.matchedFrameCount).toBe(2);
  });

  it('reports an invalid pattern instead of throwing', () => {
    const parsed = parseSearch('a(');
    expect(parsed.ok).toBe(false);
    expect((parsed as { error: string }).error).toMatch(/^invalid regular expression/);
  });
});

describe('instantaneous sample types', () => {
  const heap = (timeNanos: number, retained: number) =>
    profileFromFolded(
      [
        { stack: 'main;cache', values: [retained, 10] },
        { stack: 'main;work', values: [5, 20] },
      ],
      [
        { type: 'inuse_space', unit: 'bytes' },
        { type: 'alloc_space', unit: 'bytes' },
      ],
      timeNanos,
    );

  it('take the latest snapshot of a group and sum the rest', () => {
    const tree = buildCallTree({ groups: [[heap(2e9, 300), heap(1e9, 100), heap(3e9, 700)]], groupBy: 'function' });
    const cache = findFramePath(tree, ['main', 'cache']);
    expect(totalOf(tree, 0)[cache]).toBe(700);
    expect(totalOf(tree, 0)[0]).toBe(705);
    expect(totalOf(tree, 1)[cache]).toBe(30);
    expect(totalOf(tree, 1)[0]).toBe(90);
  });
});
