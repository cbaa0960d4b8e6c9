/**
 * Search: which frames match a regular expression, and what share of the total the
 * matching stacks hold. A stack counts once even when several of its frames match, so
 * the matched total is the sum over the topmost matching nodes.
 */
import type { CallTree } from './calltree.ts';

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

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

export function searchTree(tree: CallTree, regex: RegExp, column: number): SearchResult {
  const { matched, count } = matchFrames(tree.frames.name, regex);
  const total = tree.total[column];
  let matchedTotal = 0;
  for (let i = 0; i < tree.nodeCount; ) {
    if (matched[tree.frame[i]]) {
      matchedTotal += total[i];
      i = tree.subtreeEnd[i];
    } else i++;
  }
  return { matchedFrames: matched, matchedFrameCount: count, matchedTotal };
}
