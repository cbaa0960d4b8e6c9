import { describe, expect, it } from 'vitest';
import { buildCallTree } from './calltree.ts';
import { findFramePath } from './navigation.ts';
import { sandwich, topmostNodes } from './sandwich.ts';
import { profileFromFolded } from '../../test/support/folded.ts';
import { selfOf, totalOf } from './tree-columns.ts';

const tree = buildCallTree({
  groups: [
    [
      profileFromFolded([
        { stack: 'main;a;parse;lex', values: [10] },
        { stack: 'main;b;parse', values: [5] },
        { stack: 'main;b;parse;parse;lex', values: [3] },
        { stack: 'main;c', values: [7] },
      ]),
    ],
  ],
  groupBy: 'function',
});
const parse = tree.frames.name.indexOf('parse');

describe('sandwich', () => {
  it('finds the topmost occurrences only', () => {
    expect(topmostNodes(tree, parse)).toEqual([findFramePath(tree, ['main', 'a', 'parse']), findFramePath(tree, ['main', 'b', 'parse'])]);
  });

  it('merges the callees under the function, recursion counted once', () => {
    const { callees } = sandwich(tree, parse);
    expect(callees.frames.name[callees.frame[0]]).toBe('parse');
    expect(totalOf(callees, 0)[0]).toBe(18);
    expect(selfOf(callees, 0)[0]).toBe(5);
    expect(totalOf(callees, 0)[findFramePath(callees, ['lex'])]).toBe(10);
    expect(totalOf(callees, 0)[findFramePath(callees, ['parse', 'lex'])]).toBe(3);
  });

  it('inverts the callers with each path weighted by its total', () => {
    const { callers } = sandwich(tree, parse);
    expect(totalOf(callers, 0)[0]).toBe(18);
    expect(totalOf(callers, 0)[findFramePath(callers, ['a'])]).toBe(10);
    expect(totalOf(callers, 0)[findFramePath(callers, ['b'])]).toBe(8);
    expect(totalOf(callers, 0)[findFramePath(callers, ['b', 'main'])]).toBe(8);
    expect(findFramePath(callers, ['c'])).toBe(-1);
  });
});
