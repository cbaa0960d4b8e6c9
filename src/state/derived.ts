/**
 * Values derived from a call tree, computed once per (tree, column) and cached by tree
 * identity: a new tree is a new object, so stale entries simply become garbage.
 */
import type { CallTree } from '../profile/calltree.ts';
import { frameStats, functionRows } from '../profile/functions.ts';
import { PALETTE_SIZE } from '../render/theme.ts';
import type { FrameStats } from '../profile/functions.ts';
import { computeStarts, nonNegative } from '../render/scene.ts';
import { framePaletteIndices } from '../render/colors.ts';
import { chooseSampleType } from '../profile/model.ts';
import type { ProfileSummary, TreeDerived } from '../worker/protocol.ts';
import { totalOf } from '../profile/tree-columns.ts';

interface Memo<T> {
  (tree: CallTree, key: number): T;
  /** stores a value computed elsewhere (in the worker) */
  prime(tree: CallTree, key: number, value: T): void;
}

function memo<T>(compute: (tree: CallTree, key: number) => T): Memo<T> {
  const cache = new WeakMap<CallTree, Map<number, T>>();
  const entries = (tree: CallTree) => {
    let byKey = cache.get(tree);
    if (!byKey) cache.set(tree, (byKey = new Map()));
    return byKey;
  };
  const get = (tree: CallTree, key: number) => {
    const byKey = entries(tree);
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = compute(tree, key)));
    return value;
  };
  return Object.assign(get, { prime: (tree: CallTree, key: number, value: T) => void entries(tree).set(key, value) });
}

export interface Layout {
  widths: Float64Array;
  starts: Float64Array;
}

/** Box widths (the column's totals, negatives as 0) and left edges. */
export const layoutFor = memo<Layout>((tree, column) => {
  const widths = nonNegative(totalOf(tree, column));
  return { widths, starts: computeStarts(tree, widths) };
});

export const statsFor = memo<FrameStats>((tree, column) => frameStats(tree, column));

export const paletteIndicesFor = memo<Uint8Array>((tree, paletteSize) =>
  framePaletteIndices(tree.frames.name, tree.frames.file, paletteSize),
);

/** Frames with a non-zero total in the function table's default order (self, largest first). */
export const framesBySelfFor = memo<Int32Array>((tree, column) => Int32Array.from(functionRows(tree, statsFor(tree, column), 'self'), (row) => row.frame));

/** Index in tree.sampleTypes of the chosen type name, else the first profile's default. */
export function selectedTypeIndex(tree: CallTree, sampleType: string | null, profiles: ProfileSummary[]): number {
  const first = profiles[0];
  return chooseSampleType(tree.sampleTypes, sampleType, first?.sampleTypes[first.defaultSampleType]?.type);
}

/** Seeds the caches with what the worker computed alongside the tree. */
export function primeDerived(tree: CallTree, derived: TreeDerived): void {
  for (const { column, starts, frameSelf, frameTotal, framesBySelf } of derived.columns) {
    layoutFor.prime(tree, column, { widths: nonNegative(totalOf(tree, column)), starts });
    statsFor.prime(tree, column, { self: frameSelf, total: frameTotal });
    framesBySelfFor.prime(tree, column, framesBySelf);
  }
  paletteIndicesFor.prime(tree, PALETTE_SIZE, derived.framePalette);
}
