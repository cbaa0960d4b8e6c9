/**
 * The call tree: one node per distinct path of frames from the root, in preorder with
 * children sorted by name, so a subtree is a contiguous index range [i, subtreeEnd[i]).
 * That one property makes layout, culling, focus, search and the function table single
 * linear passes without recursion.
 *
 * A tree can be built from several groups of profiles at once (group 0 the baseline,
 * group 1 the comparison): the nodes are the union of both, which is exactly the shape
 * the diff view draws. Values live in columns, column = group * sampleTypes.length + type.
 *
 * Cost: the stack table already shares prefixes, so building is one intern per distinct
 * (stack row, inlined frame), plus one pass over the samples to add their values.
 */
import { FrameInterner, ROOT_FRAME, locationFrames } from './frames.ts';
import type { FrameTable, GroupBy } from './frames.ts';
import { isInstantaneous } from './model.ts';
import type { Profile, SampleType } from './model.ts';
import { PairInterner } from './pair-interner.ts';

export interface CallTree {
  frames: FrameTable;
  sampleTypes: SampleType[];
  /** number of profile groups: 1 for a plain view, 2 for a diff (baseline, comparison) */
  groups: number;
  nodeCount: number;
  /** frame per node (preorder); node 0 is the root, frame 0 */
  frame: Int32Array;
  /** parent node, -1 for the root; always smaller than the node's own index */
  parent: Int32Array;
  depth: Int32Array;
  /** exclusive end of the node's subtree in preorder */
  subtreeEnd: Int32Array;
  maxDepth: number;
  /** self value per node, per column (group * sampleTypes.length + type) */
  self: Float64Array[];
  /** self plus all descendants, per column */
  total: Float64Array[];
}

export interface CallTreeInput {
  /** groups of profiles: [[...profiles]] for one view, [baseline, comparison] for a diff */
  groups: Profile[][];
  groupBy: GroupBy;
}

export function columnOf(tree: Pick<CallTree, 'sampleTypes'>, group: number, type: number): number {
  return group * tree.sampleTypes.length + type;
}

/** Union of the sample types of all profiles, in order of first appearance; matched by type and unit. */
export function unionSampleTypes(profiles: Profile[]): SampleType[] {
  const types: SampleType[] = [];
  for (const p of profiles) {
    for (const t of p.sampleTypes) {
      if (!types.some((u) => u.type === t.type && u.unit === t.unit)) types.push({ ...t });
    }
  }
  return types;
}

export function buildCallTree(input: CallTreeInput): CallTree {
  const all = input.groups.flat();
  const sampleTypes = unionSampleTypes(all);
  const interner = new FrameInterner(input.groupBy);
  const expected = all.reduce((n, p) => n + p.stackCount, 1);
  const pairs = new PairInterner(expected);
  const root = pairs.intern(-1, ROOT_FRAME);

  // Structure first: map every stack row of every profile to a tree node.
  const stackNodes = all.map((profile) => {
    const { offsets, frames } = locationFrames(profile, interner);
    const nodes = new Int32Array(profile.stackCount);
    const { stackPrefix, stackLocation } = profile;
    for (let row = 0; row < profile.stackCount; row++) {
      const prefix = stackPrefix[row];
      let node = prefix < 0 ? root : nodes[prefix];
      const loc = stackLocation[row];
      // Frames are stored innermost first; the tree goes from the caller inwards.
      for (let k = offsets[loc + 1] - 1; k >= offsets[loc]; k--) node = pairs.intern(node, frames[k]);
      nodes[row] = node;
    }
    return nodes;
  });

  const { parent: creationParent, key: creationFrame, count } = pairs.finish();
  const columns = input.groups.length * sampleTypes.length;
  const creationSelf = Array.from({ length: columns }, () => new Float64Array(count));

  // Then values: one pass over the samples of each profile. Instantaneous types (memory
  // in use) take only the group's latest snapshot: summing snapshots would double-count.
  let p = 0;
  input.groups.forEach((group, g) => {
    const latest = latestProfile(group);
    for (const profile of group) {
      const include = (type: SampleType) => profile === latest || !isInstantaneous(type);
      addSampleValues(profile, stackNodes[p++], sampleTypes, creationSelf, g * sampleTypes.length, include);
    }
  });

  return treeFromCreationOrder(interner.table, sampleTypes, input.groups.length, creationParent, creationFrame, creationSelf);
}

/** The profile with the latest `time_nanos` (the last one listed among equals). */
export function latestProfile(group: Profile[]): Profile | undefined {
  let latest: Profile | undefined;
  for (const profile of group) if (!latest || profile.timeNanos >= latest.timeNanos) latest = profile;
  return latest;
}

function addSampleValues(
  profile: Profile,
  stackNodes: Int32Array,
  sampleTypes: SampleType[],
  self: Float64Array[],
  firstColumn: number,
  include: (type: SampleType) => boolean,
): void {
  const types = profile.sampleTypes.length;
  const values = profile.values;
  const sampleStack = profile.sampleStack;
  for (let t = 0; t < types; t++) {
    const own = profile.sampleTypes[t];
    if (!include(own)) continue;
    const column = self[firstColumn + sampleTypes.findIndex((u) => u.type === own.type && u.unit === own.unit)];
    for (let s = 0; s < profile.sampleCount; s++) {
      const row = sampleStack[s];
      column[row < 0 ? 0 : stackNodes[row]] += values[s * types + t];
    }
  }
}

/**
 * Finishes a tree built in creation order (node 0 the root, every parent created before
 * its children): preorder with children sorted by frame name, depths, subtree ends and
 * totals. Shared by every tree builder (call tree, sandwich callers and callees).
 */
export function treeFromCreationOrder(
  frames: FrameTable,
  sampleTypes: SampleType[],
  groups: number,
  parent: Int32Array,
  frame: Float64Array,
  self: Float64Array[],
): CallTree {
  const n = parent.length;
  const rank = frameRanks(frames.name);

  // Children lists, sorted by name, with two stable counting sorts (no comparisons):
  // first every node by its frame's rank, then that order by parent.
  const byRank = new Int32Array(rank.length + 1);
  for (let i = 1; i < n; i++) byRank[rank[frame[i]] + 1]++;
  for (let r = 0; r < rank.length; r++) byRank[r + 1] += byRank[r];
  const rankOrder = new Int32Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) rankOrder[byRank[rank[frame[i]]]++] = i;
  const childStart = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) childStart[parent[i] + 1]++;
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const fill = childStart.slice(0, n);
  const children = new Int32Array(Math.max(0, n - 1));
  for (let k = 0; k < rankOrder.length; k++) {
    const i = rankOrder[k];
    children[fill[parent[i]]++] = i;
  }

  // Iterative DFS (stacks can be thousands deep): preorder position of every node.
  const position = new Int32Array(n);
  const order = new Int32Array(n);
  const pending = new Int32Array(n);
  let top = 0;
  let next = 0;
  if (n > 0) pending[top++] = 0;
  while (top > 0) {
    const node = pending[--top];
    position[node] = next;
    order[next++] = node;
    for (let c = childStart[node + 1] - 1; c >= childStart[node]; c--) pending[top++] = children[c];
  }

  const outFrame = new Int32Array(n);
  const outParent = new Int32Array(n);
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const old = order[i];
    outFrame[i] = frame[old];
    const p = i === 0 ? -1 : position[parent[old]];
    outParent[i] = p;
    if (p >= 0) {
      depth[i] = depth[p] + 1;
      if (depth[i] > maxDepth) maxDepth = depth[i];
    }
  }
  const outSelf = self.map((column) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = column[order[i]];
    return out;
  });
  const total = outSelf.map((column) => {
    const out = column.slice();
    for (let i = n - 1; i > 0; i--) out[outParent[i]] += out[i];
    return out;
  });
  const subtreeEnd = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (subtreeEnd[i] < i + 1) subtreeEnd[i] = i + 1;
    const p = outParent[i];
    if (p >= 0 && subtreeEnd[p] < subtreeEnd[i]) subtreeEnd[p] = subtreeEnd[i];
  }

  return {
    frames,
    sampleTypes,
    groups,
    nodeCount: n,
    frame: outFrame,
    parent: outParent,
    depth,
    subtreeEnd,
    maxDepth,
    self: outSelf,
    total,
  };
}

/** Rank of every frame in name order (the root first), so sorting compares integers, not strings. */
function frameRanks(names: string[]): Int32Array {
  const ids = names.map((_, i) => i);
  ids.sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  const rank = new Int32Array(names.length);
  ids.forEach((frame, r) => (rank[frame] = r));
  return rank;
}
