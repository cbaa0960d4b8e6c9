/**
 * Messages between the main thread and the profile worker. The worker owns the decoded
 * profiles (big typed arrays); the main thread only ever receives summaries and built
 * call trees, whose arrays are transferred, not copied.
 */
import type { CallTree } from '../profile/calltree.ts';
import type { ProfileErrorKind } from '../profile/errors.ts';
import type { GroupBy } from '../profile/frames.ts';
import type { SampleType } from '../profile/model.ts';

/** What the UI needs to know about a loaded profile without holding its arrays. */
export interface ProfileSummary {
  id: number;
  name: string;
  sampleTypes: SampleType[];
  defaultSampleType: number;
  /** unix milliseconds of `time_nanos`, 0 when the profile has none */
  timeMs: number;
  durationMs: number;
  totals: number[];
  sampleCount: number;
  rawBytes: number;
  /** wall time spent in the worker, for the status line and benchmarks */
  loadMs: number;
  /** pprof `period` and `period_type`: how much one sample stands for */
  period: number;
  periodType: SampleType | null;
}

export interface LoadFailure {
  name: string;
  kind: ProfileErrorKind;
  message: string;
}

/** A file to decode: a Blob (a dropped File is read straight from disk) or bytes. */
export interface FileInput {
  name: string;
  data: Blob | ArrayBuffer;
}

export type WorkerRequest =
  /**
   * decode; with `buildAs`, also build the tree of all of them at once (saves a round trip).
   * `sampleType` names the type on screen (null: the profiles' default): its columns come derived.
   */
  | { type: 'load'; requestId: number; files: FileInput[]; buildAs?: GroupBy; sampleType: string | null }
  | { type: 'tree'; requestId: number; groups: number[][]; groupBy: GroupBy; sampleType: string | null }
  | { type: 'release'; requestId: number; ids: number[] };

export type WorkerResponse =
  /** the worker has started and warmed up (requestId 0: not an answer to a request) */
  | { type: 'ready'; requestId: 0 }
  | { type: 'progress'; requestId: number; file: number; files: number; stage: 'inflate' | 'decode' | 'tree'; fraction: number }
  | { type: 'loaded'; requestId: number; profiles: ProfileSummary[]; failures: LoadFailure[]; built?: BuiltTree; spans: WorkerSpan[] }
  | ({ type: 'tree'; requestId: number } & BuiltTree)
  | { type: 'released'; requestId: number }
  | { type: 'failed'; requestId: number; kind: ProfileErrorKind; message: string };

/**
 * One stage of the worker's work (inflate, decode, tree, derive), in epoch milliseconds
 * (performance.timeOrigin + now()) so the page can place it on its own timeline.
 */
export interface WorkerSpan {
  name: 'inflate' | 'decode' | 'tree' | 'derive';
  start: number;
  end: number;
}

export interface BuiltTree {
  tree: CallTree;
  derived: TreeDerived;
  buildMs: number;
}

/**
 * Values the views need at once, computed in the worker with the tree so the main thread
 * only draws: box left edges and the function table's self/total, for the columns of the
 * sample type on screen (other types are derived on the main thread when picked).
 */
export interface TreeDerived {
  columns: DerivedColumn[];
  /** palette slot per frame (package color) */
  framePalette: Uint8Array;
}

export interface DerivedColumn {
  column: number;
  starts: Float64Array;
  frameSelf: Float64Array;
  frameTotal: Float64Array;
  /** frames with a non-zero total, in the function table's default order (self, largest first) */
  framesBySelf: Int32Array;
}

export function treeTransferables(tree: CallTree, derived: TreeDerived): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    tree.frame,
    tree.parent,
    tree.depth,
    tree.subtreeEnd,
    ...tree.self.filter((c) => c !== undefined),
    ...tree.total.filter((c) => c !== undefined),
    ...(tree.deferred?.samples.flatMap((part) => [part.nodes, ...part.byType.filter((v) => v !== null)]) ?? []),
    ...derived.columns.flatMap((c) => [c.starts, c.frameSelf, c.frameTotal, c.framesBySelf]),
    derived.framePalette,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
