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
 * Cost: one pass over the samples' location ids, read from the pprof bytes; an intern per
 * node not shared with the previous sample's path; one pass to add the sample values.
 */
import { FrameInterner, ROOT_FRAME, locationFrames } from './frames.ts';
import type { FrameTable, GroupBy, LocationFrames } from './frames.ts';
import type { Profile, SampleType } from './model.ts';
import { createScratch, decodeStackIds } from './stacks.ts';
import type { IdScratch } from './stacks.ts';
import { TreeNodes } from './tree-nodes.ts';
import { preorderShape } from './preorder.ts';
import type { PreorderShape } from './preorder.ts';
import { addSampleValues, sumUpTree } from './tree-columns.ts';
import type { DeferredColumns, DeferredSamples } from './tree-columns.ts';

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
  /**
   * Self plus all descendants, per node, per column (group * sampleTypes.length + type);
   * undefined while deferred. Read columns with totalOf / selfOf (tree-columns.ts).
   */
  total: (Float64Array | undefined)[];
  /**
   * Self value per node, per column: derived from the totals when first asked for (selfOf)
   * and kept here; a tree is built and sent with totals only.
   */
  self: (Float64Array | undefined)[];
  /** what computes the deferred columns; null when every column is there */
  deferred: DeferredColumns | null;
}

export interface CallTreeInput {
  /** groups of profiles: [[...profiles]] for one view, [baseline, comparison] for a diff */
  groups: Profile[][];
  groupBy: GroupBy;
  /** fraction of samples placed so far, now and then (large profiles take seconds) */
  onProgress?: (fraction: number) => void;
  /**
   * The sample type (index in unionSampleTypes) whose columns are computed now; the other
   * types' columns are deferred to their first read. Every column is computed when absent.
   */
  eagerType?: number;
}

const PROGRESS_EVERY_SAMPLES = 16384;

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
  // Real profiles share most prefixes (node-tsc-large: 290k nodes for 67k samples).
  const samples = all.reduce((n, p) => n + p.sampleCount, 0);
  const nodes = new TreeNodes(samples * 8 + 1024);
  const root = nodes.addRoot(ROOT_FRAME);

  // Structure first: every sample's stack becomes a path of nodes.
  let done = 0;
  const sampleNodes = all.map((profile) => {
    const placed = walkSamples(profile, interner, nodes, root, (walked) => input.onProgress?.((done + walked) / samples));
    done += profile.sampleCount;
    return placed;
  });

  const { parent: creationParent, frame: creationFrame, scratch } = nodes.finish();
  // The creation-order parents are not needed after the layout, which can reuse them.
  const shape = preorderShape(interner.table, creationParent, creationFrame, [...scratch, creationParent]);
  const n = shape.frame.length;
  const types = sampleTypes.length;
  const eager = input.eagerType;
  const deferring = eager !== undefined && types > 1;
  // Sample values are added here as self values, then summed up the tree in place.
  const values = Array.from({ length: input.groups.length * types }, (_, column) =>
    deferring && column % types !== eager ? undefined : new Float64Array(n),
  );

  // Then values, straight into preorder slots: one pass over the samples of each profile.
  const deferred: DeferredSamples[] = [];
  let p = 0;
  input.groups.forEach((group, g) => {
    const latest = latestProfile(group);
    for (const profile of group) {
      const placed = sampleNodes[p++];
      toPreorder(placed, shape.position);
      const rest = addSampleValues(profile, placed, sampleTypes, values, g, profile === latest);
      if (deferring) deferred.push(rest);
    }
  });

  return finishTree(interner.table, sampleTypes, input.groups.length, shape, values, deferring ? { samples: deferred } : null);
}

/** Creation-order node indices -> preorder ones, in place. */
function toPreorder(nodes: Int32Array, position: Int32Array): void {
  for (let s = 0; s < nodes.length; s++) nodes[s] = position[nodes[s]];
}

/** The profile with the latest `time_nanos` (the last one listed among equals). */
export function latestProfile(group: Profile[]): Profile | undefined {
  let latest: Profile | undefined;
  for (const profile of group) if (!latest || profile.timeNanos >= latest.timeNanos) latest = profile;
  return latest;
}

/**
 * The node of each sample, from its stack's location ids read in the pprof bytes, root
 * first, each location expanded into its inlined frames. Walked in blocks, with progress
 * reported between them (see StackWalk).
 */
function walkSamples(profile: Profile, interner: FrameInterner, tree: TreeNodes, root: number, onProgress: (walked: number) => void): Int32Array {
  const walk = new StackWalk(profile, locationFrames(profile, interner), tree, root);
  for (let block = 0; block < profile.sampleCount; block += PROGRESS_EVERY_SAMPLES) {
    onProgress(block);
    walk.run(block, Math.min(profile.sampleCount, block + PROGRESS_EVERY_SAMPLES));
  }
  return walk.nodes;
}

/**
 * Consecutive samples usually share most of their root-side path (92% of location
 * references in node-tsc-large). Ids are stored leaf first, so a shared root-side path is
 * a shared byte suffix: comparing the bytes of this sample and the previous one from the
 * end (four at a time) finds the shared ids without decoding them, and only the rest is
 * decoded and interned. Where each id of the previous path starts, counted from the end
 * of its bytes, tells how many whole ids the shared bytes hold.
 *
 * Written for the JIT as much as for the reader: the hot loop is a method called once per
 * block (optimized as a whole after the worker's warm-up, instead of replaced on the stack
 * mid-loop), it calls no callback, and its arrays are sized for the longest stack up front
 * (an id takes at least a byte), so no branch the warm-up has not taken can deoptimize it
 * in the middle of a load.
 */
class StackWalk {
  /** the node of each sample */
  readonly nodes: Int32Array;
  private readonly profile: Profile;
  private readonly frames: LocationFrames;
  private readonly tree: TreeNodes;
  private readonly root: number;
  private readonly words: DataView;
  private readonly scratch: IdScratch;
  /** the previous sample's path, root side first: node reached, and its id's start as bytes before the stack's end */
  private readonly pathNodes: Int32Array;
  private readonly pathOffsets: Int32Array;
  private pathDepth = 0;
  private previousStart = 0;
  private previousEnd = 0;

  constructor(profile: Profile, frames: LocationFrames, tree: TreeNodes, root: number) {
    this.profile = profile;
    this.frames = frames;
    this.tree = tree;
    this.root = root;
    const bytes = profile.stackBytes;
    this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const capacity = longestStackBytes(profile) + 1;
    this.scratch = createScratch(capacity);
    this.pathNodes = new Int32Array(capacity);
    this.pathOffsets = new Int32Array(capacity);
    this.nodes = new Int32Array(profile.sampleCount);
  }

  /** Places samples [from, to), each after the one before it. */
  run(from: number, to: number): void {
    const { stackBytes: bytes, stackStart, stackEnd, locationIndex } = this.profile;
    const { offsets, frames } = this.frames;
    const { words, scratch, pathNodes, pathOffsets, tree, root, nodes } = this;
    let pathDepth = this.pathDepth;
    let previousStart = this.previousStart;
    let previousEnd = this.previousEnd;
    for (let s = from; s < to; s++) {
      const start = stackStart[s];
      const end = stackEnd[s];
      let a = end;
      let b = previousEnd;
      while (a - 4 >= start && b - 4 >= previousStart && words.getInt32(a - 4) === words.getInt32(b - 4)) {
        a -= 4;
        b -= 4;
      }
      while (a > start && b > previousStart && bytes[a - 1] === bytes[b - 1]) {
        a--;
        b--;
      }
      const sharedBytes = end - a;
      let shared = sharedIds(pathOffsets, pathDepth, sharedBytes);
      // An id starting exactly where the shared bytes do is whole here only if a varint ends right before it.
      if (shared > 0 && pathOffsets[shared - 1] === sharedBytes && a > start && bytes[a - 1] >= 0x80) shared--;
      const freshEnd = shared > 0 ? end - pathOffsets[shared - 1] : end;

      const fresh = decodeStackIds(bytes, start, freshEnd, scratch);
      let node = shared > 0 ? pathNodes[shared - 1] : root;
      const { ids, starts } = scratch;
      for (let k = 0; k < fresh; k++) {
        const loc = locationIndex.require(ids[fresh - 1 - k], 'a sample');
        // Frames are stored innermost first; the tree goes from the caller inwards.
        for (let f = offsets[loc + 1] - 1; f >= offsets[loc]; f--) node = tree.child(node, frames[f]);
        pathNodes[shared + k] = node;
        pathOffsets[shared + k] = end - starts[fresh - 1 - k];
      }
      pathDepth = shared + fresh;
      previousStart = start;
      previousEnd = end;
      nodes[s] = node;
    }
    this.pathDepth = pathDepth;
    this.previousStart = previousStart;
    this.previousEnd = previousEnd;
  }
}

function longestStackBytes(profile: Profile): number {
  let longest = 0;
  for (let s = 0; s < profile.sampleCount; s++) longest = Math.max(longest, profile.stackEnd[s] - profile.stackStart[s]);
  return longest;
}

/** How many ids of the path start within the last `sharedBytes` bytes (offsets grow with depth). */
function sharedIds(pathOffsets: Int32Array, depth: number, sharedBytes: number): number {
  let low = 0;
  let high = depth;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (pathOffsets[mid] <= sharedBytes) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The tree from its preorder shape and its self values per column, which become the
 * totals in place (no second array per column: selfOf derives self values if asked).
 */
export function finishTree(
  frames: FrameTable,
  sampleTypes: SampleType[],
  groups: number,
  shape: PreorderShape,
  selfValues: (Float64Array | undefined)[],
  deferred: DeferredColumns | null = null,
): CallTree {
  const n = shape.frame.length;
  const total = selfValues.map((column) => column && sumUpTree(column, shape.parent));
  return {
    frames,
    sampleTypes,
    groups,
    nodeCount: n,
    frame: shape.frame,
    parent: shape.parent,
    depth: shape.depth,
    subtreeEnd: shape.subtreeEnd,
    maxDepth: shape.maxDepth,
    total,
    self: [],
    deferred,
  };
}

/** Builds a tree from creation-order columns (used by the sandwich view's trees). */
export function treeFromCreationOrder(
  frames: FrameTable,
  sampleTypes: SampleType[],
  groups: number,
  parent: Int32Array,
  frame: Int32Array,
  creationSelf: Float64Array[],
): CallTree {
  const shape = preorderShape(frames, parent, frame);
  const self = creationSelf.map((column) => {
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) out[shape.position[i]] = column[i];
    return out;
  });
  return finishTree(frames, sampleTypes, groups, shape, self);
}
