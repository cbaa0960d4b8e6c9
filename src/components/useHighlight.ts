import { useMemo } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { framesNamed, markedTotal, parseSearch, searchTree } from '../profile/search.ts';
import { useUiStore, useViewStore } from '../state/store.ts';

export interface Highlight {
  /** 1 per highlighted frame; null when nothing is highlighted (everything drawn normally) */
  frames: Uint8Array | null;
  /** total of the stacks through a highlighted frame */
  matchedTotal: number;
  matchedFrameCount: number;
  /** the search text is not a valid regular expression */
  error: string | null;
}

/** Frames to highlight: the function picked in the table, else the search's matches. */
export function useHighlight(tree: CallTree | null, column: number): Highlight {
  const search = useViewStore((s) => s.search);
  const picked = useUiStore((s) => s.highlightedFunction);
  return useMemo(() => {
    const none: Highlight = { frames: null, matchedTotal: 0, matchedFrameCount: 0, error: null };
    if (!tree) return none;
    if (picked !== null) {
      const { matched, count } = framesNamed(tree.frames.name, picked);
      return { frames: matched, matchedTotal: markedTotal(tree, matched, column), matchedFrameCount: count, error: null };
    }
    const parsed = parseSearch(search);
    if (!parsed.ok) return { ...none, error: parsed.error };
    if (!parsed.regex) return none;
    const result = searchTree(tree, parsed.regex, column);
    return { frames: result.matchedFrames, matchedTotal: result.matchedTotal, matchedFrameCount: result.matchedFrameCount, error: null };
  }, [tree, column, search, picked]);
}
