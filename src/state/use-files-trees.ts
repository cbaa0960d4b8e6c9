/**
 * When the profiles on screen come from files: keeps the plain view's tree in step with
 * the selected time window, and the diff's tree with its two windows.
 */
import { useEffect } from 'react';
import { diffGroups, filesInWindow } from '../sources/local-files.ts';
import { showTree, showsGroups } from './session.ts';
import { useDataStore, useViewStore } from './store.ts';

export function useFilesTrees(): void {
  const active = useDataStore((s) => s.activeSource === 'files');
  const files = useDataStore((s) => s.files);
  const from = useViewStore((s) => s.from);
  const until = useViewStore((s) => s.until);
  const groupBy = useViewStore((s) => s.groupBy);
  const diffing = useViewStore((s) => s.view === 'diff');
  const leftFrom = useViewStore((s) => s.leftFrom);
  const leftUntil = useViewStore((s) => s.leftUntil);
  const rightFrom = useViewStore((s) => s.rightFrom);
  const rightUntil = useViewStore((s) => s.rightUntil);

  useEffect(() => {
    if (!active || files.length === 0) return;
    const selected = filesInWindow(files, from, until);
    const groups = [selected.length > 0 ? selected : files];
    // Opening files already built their tree: only rebuild for another window or grouping.
    if (showsGroups(useDataStore.getState().main, groups, groupBy)) return;
    void showTree('main', groups, groupBy);
  }, [active, files, from, until, groupBy]);

  useEffect(() => {
    if (!active || !diffing || files.length === 0) return;
    const { baseline, comparison } = diffGroups(files, [leftFrom, leftUntil], [rightFrom, rightUntil]);
    void showTree('diff', [baseline, comparison], groupBy);
  }, [active, diffing, files, leftFrom, leftUntil, rightFrom, rightUntil, groupBy]);
}
