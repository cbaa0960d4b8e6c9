/**
 * A call tree's value columns: sample values added onto their nodes (self), then summed up
 * the tree (total); one column per (group, sample type). A tree holds the totals; self
 * values are derived from them where needed (selfOf, nodeSelf).
 *
 * Columns can be deferred. A tree built for one sample type (the worker builds for the
 * type on screen) carries, for the other types, only what computes them: each sample's
 * node and its value of each such type. A column is computed the first time it is read,
 * through selfOf / totalOf. Why: the other types are needed only if a person switches to
 * them, and their columns are most of a tree's memory: a Float64Array per type and
 * group (2.3 MB per type for node-tsc-large's 290k nodes), against 8 bytes per sample
 * for the values kept here; heap profiles have four types.
 */
import type { CallTree } from './calltree.ts';
import { isInstantaneous } from './model.ts';
import type { Profile, SampleType } from './model.ts';

/** One profile's part of a tree's deferred columns. */
export interface DeferredSamples {
  group: number;
  /** preorder node of each sample */
  nodes: Int32Array;
  /**
   * Per sample type of the tree: this profile's value of that type for each sample, or
   * null when it adds nothing to the type's column (the type is computed already, the
   * profile lacks it, or it is an instantaneous type and this is not the group's latest
   * profile).
   */
  byType: (Float64Array | null)[];
}

export interface DeferredColumns {
  samples: DeferredSamples[];
}

/** Total (self plus descendants) per node in `column`, computed now if the tree deferred it. */
export function totalOf(tree: CallTree, column: number): Float64Array {
  return tree.total[column] ?? materialize(tree, column);
}

/** Self value per node in `column`: derived from the totals on first use, then kept in the tree. */
export function selfOf(tree: CallTree, column: number): Float64Array {
  let self = tree.self[column];
  if (!self) {
    self = selfFromTotals(totalOf(tree, column), tree.parent);
    tree.self[column] = self;
  }
  return self;
}

/** One node's self value: its total less its children's (no column is derived for it). */
export function nodeSelf(tree: CallTree, column: number, node: number): number {
  const total = totalOf(tree, column);
  let self = total[node];
  for (let child = node + 1; child < tree.subtreeEnd[node]; child = tree.subtreeEnd[child]) self -= total[child];
  return self;
}

function materialize(tree: CallTree, column: number): Float64Array {
  if (!tree.deferred || column < 0 || column >= tree.total.length) {
    throw new RangeError(`the tree has no column ${column}`);
  }
  const types = tree.sampleTypes.length;
  const group = Math.floor(column / types);
  const type = column % types;
  const total = new Float64Array(tree.nodeCount);
  for (const part of tree.deferred.samples) {
    const values = part.group === group ? part.byType[type] : null;
    if (values) addColumn(total, part.nodes, values, 1, 0);
  }
  sumUpTree(total, tree.parent);
  // Kept in the tree itself: its identity keys every derived value, and a column, once
  // computed, never changes.
  tree.total[column] = total;
  if (tree.total.every((c) => c !== undefined)) tree.deferred = null;
  return total;
}

/**
 * Adds a profile's sample values onto their nodes in the columns of its group that are
 * present, and returns, for the absent (deferred) ones, what computes them later: each
 * sample's value of those types. Instantaneous types (memory in use) count only in the
 * group's latest profile: summing snapshots would double-count.
 */
export function addSampleValues(
  profile: Profile,
  sampleNodes: Int32Array,
  sampleTypes: SampleType[],
  columns: (Float64Array | undefined)[],
  group: number,
  isLatest: boolean,
): DeferredSamples {
  const stride = profile.sampleTypes.length;
  const byType: (Float64Array | null)[] = sampleTypes.map(() => null);
  for (let t = 0; t < stride; t++) {
    const own = profile.sampleTypes[t];
    if (!isLatest && isInstantaneous(own)) continue;
    const type = treeTypeIndex(sampleTypes, own);
    const column = columns[group * sampleTypes.length + type];
    if (column) {
      addColumn(column, sampleNodes, profile.values, stride, t);
    } else {
      const values = new Float64Array(profile.sampleCount);
      for (let s = 0; s < values.length; s++) values[s] = profile.values[s * stride + t];
      byType[type] = values;
    }
  }
  return { group, nodes: sampleNodes, byType };
}

function treeTypeIndex(sampleTypes: SampleType[], own: SampleType): number {
  return sampleTypes.findIndex((u) => u.type === own.type && u.unit === own.unit);
}

/**
 * One sample type's values onto their nodes. A function of its own, like the totals pass
 * below: a loop the JIT compiles while it runs loses that code each time the loop ends,
 * and these run once per column.
 */
function addColumn(column: Float64Array, sampleNodes: Int32Array, values: Float64Array, stride: number, offset: number): void {
  for (let s = 0; s < sampleNodes.length; s++) column[sampleNodes[s]] += values[s * stride + offset];
}

/**
 * Self values become totals, in place: each node's value is added to its parent's, leaves
 * first (parents precede children in preorder). Values are integers (pprof's are int64):
 * sums are exact below 2^53, so selfFromTotals gives the self values back exactly.
 */
export function sumUpTree(values: Float64Array, parent: Int32Array): Float64Array {
  for (let i = values.length - 1; i > 0; i--) values[parent[i]] += values[i];
  return values;
}

/** Self values from totals: each node's total less its children's. */
export function selfFromTotals(total: Float64Array, parent: Int32Array): Float64Array {
  const self = total.slice();
  for (let i = 1; i < total.length; i++) self[parent[i]] -= total[i];
  return self;
}
