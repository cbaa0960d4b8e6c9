/**
 * Search: which frames match a regular expression, and what share of the total the
 * matching stacks hold. A stack counts once even when several of its frames match, so
 * the matched total is the sum over the topmost matching nodes.
 */
import type { CallTree } from './calltree.ts';
import { totalOf } from './tree-columns.ts';

export interface SearchResult {
  /** 1 for frames whose name matches */
  matchedFrames: Uint8Array;
  matchedFrameCount: number;
  /** total of the stacks that contain a match, in the column's unit */
  matchedTotal: number;
}

export type ParsedSearch = { ok: true; regex: RegExp | null } | { ok: false; error: string };

/** Empty text means "no search"; an invalid pattern is reported, never thrown. */
export function parseSearch(text: string): ParsedSearch {
  if (text.trim() === '') return { ok: true, regex: null };
  try {
    return { ok: true, regex: new RegExp(text, 'i') };
  } catch (error) {
    return { ok: false, error: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function matchFrames(names: readonly string[], regex: RegExp): { matched: Uint8Array; count: number } {
  const matched = new Uint8Array(names.length);
  let count = 0;
  // Frame 0 is the synthetic root: never a match.
  for (let f = 1; f < names.length; f++) {
    if (regex.test(names[f])) {
      matched[f] = 1;
      count++;
    }
  }
  return { matched, count };
}

/** Frames named exactly `name` (a function picked in the table). */
export function framesNamed(names: readonly string[], name: string): { matched: Uint8Array; count: number } {
  const matched = new Uint8Array(names.length);
  let count = 0;
  for (let f = 1; f < names.length; f++) {
    if (names[f] === name) {
      matched[f] = 1;
      count++;
    }
  }
  return { matched, count };
}

/** Total of the stacks through any marked frame: the sum over the topmost marked nodes. */
export function markedTotal(tree: CallTree, marked: Uint8Array, column: number): number {
  const total = totalOf(tree, column);
  let sum = 0;
  for (let i = 0; i < tree.nodeCount; ) {
    if (marked[tree.frame[i]]) {
      sum += total[i];
      i = tree.subtreeEnd[i];
    } else i++;
  }
  return sum;
}

export function searchTree(tree: CallTree, regex: RegExp, column: number): SearchResult {
  const { matched, count } = matchFrames(tree.frames.name, regex);
  return { matchedFrames: matched, matchedFrameCount: count, matchedTotal: markedTotal(tree, matched, column) };
}
