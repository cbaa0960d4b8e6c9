/**
 * The tree the current view shows (the plain slot, or the diff slot in the diff view)
 * and the sample type chosen for it.
 */
import type { CallTree } from '../profile/calltree.ts';
import { columnOf } from '../profile/calltree.ts';
import type { SampleType } from '../profile/model.ts';
import { selectedTypeIndex } from './derived.ts';
import { useDataStore, useViewStore } from './store.ts';
import type { SlotName, TreeSlot } from './store.ts';

export interface CurrentTree {
  slotName: SlotName;
  slot: TreeSlot;
  tree: CallTree | null;
  typeIndex: number;
  sampleType: SampleType | null;
  /** the column drawn: group 0, or the comparison (group 1) in a diff */
  column: number;
}

export function useCurrentTree(): CurrentTree {
  const diffing = useViewStore((s) => s.view === 'diff');
  const sampleType = useViewStore((s) => s.sampleType);
  const slotName: SlotName = diffing ? 'diff' : 'main';
  const slot = useDataStore((s) => s[slotName]);
  const tree = slot.tree;
  if (!tree) return { slotName, slot, tree, typeIndex: 0, sampleType: null, column: 0 };
  const typeIndex = selectedTypeIndex(tree, sampleType, slot.groups.flat());
  return {
    slotName,
    slot,
    tree,
    typeIndex,
    sampleType: tree.sampleTypes[typeIndex],
    column: columnOf(tree, tree.groups - 1, typeIndex),
  };
}
