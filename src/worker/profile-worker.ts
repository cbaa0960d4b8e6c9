/// <reference lib="webworker" />
/**
 * The Web Worker entry: inflate, decode and build call trees off the main thread, so the
 * page stays responsive while a 100 MB profile loads. Every failure is caught here and
 * answered as a message: nothing thrown ever escapes the worker.
 */
import { buildCallTree, columnOf, unionSampleTypes } from '../profile/calltree.ts';
import type { CallTree } from '../profile/calltree.ts';
import { frameStats, functionRows } from '../profile/functions.ts';
import { framePaletteIndices } from '../render/colors.ts';
import { PALETTE_SIZE } from '../render/theme.ts';
import { computeStarts, nonNegative } from '../render/scene.ts';
import { asProfileError } from '../profile/errors.ts';
import { loadProfile } from '../profile/load.ts';
import { chooseSampleType, sampleTotals } from '../profile/model.ts';
import type { Profile } from '../profile/model.ts';
import type { BuiltTree, LoadFailure, ProfileSummary, TreeDerived, WorkerRequest, WorkerResponse, WorkerSpan } from './protocol.ts';
import type { GroupBy } from '../profile/frames.ts';
import { treeTransferables } from './protocol.ts';
import { warmUpProfileFile } from './warm-up-profile.ts';
import { totalOf } from '../profile/tree-columns.ts';

declare const self: DedicatedWorkerGlobalScope;

const profiles = new Map<number, Profile>();
const PROGRESS_INTERVAL_MS = 150;
let nextProfileId = 1;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function summarize(id: number, name: string, profile: Profile, rawBytes: number, loadMs: number): ProfileSummary {
  return {
    id,
    name,
    sampleTypes: profile.sampleTypes,
    defaultSampleType: profile.defaultSampleType,
    timeMs: profile.timeNanos / 1e6,
    durationMs: profile.durationNanos / 1e6,
    totals: sampleTotals(profile),
    sampleCount: profile.sampleCount,
    rawBytes,
    loadMs,
    period: profile.period,
    periodType: profile.periodType,
  };
}

/**
 * Progress messages for one request, at most every PROGRESS_INTERVAL_MS per stage: a few
 * updates a second are enough to read, and each one re-renders and repaints the page,
 * which on two cores takes time from this very work.
 */
function progressPoster(requestId: number, file: number, files: number): (stage: 'inflate' | 'decode' | 'tree', fraction: number) => void {
  let lastStage = '';
  let lastPost = 0;
  return (stage, fraction) => {
    const now = performance.now();
    if (stage === lastStage && now - lastPost < PROGRESS_INTERVAL_MS) return;
    lastStage = stage;
    lastPost = now;
    post({ type: 'progress', requestId, file, files, stage, fraction });
  };
}

/** Epoch milliseconds: comparable across the worker and the page. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

async function load(request: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const loaded: ProfileSummary[] = [];
  const failures: LoadFailure[] = [];
  const spans: WorkerSpan[] = [];
  const files = request.files.length;
  for (let file = 0; file < files; file++) {
    const { name, data } = request.files[file];
    const started = epochNow();
    try {
      const { profile, rawBytes, inflateMs, decodeMs } = await loadProfile(data instanceof Blob ? data : new Uint8Array(data), {
        onStage: progressPoster(request.requestId, file, files),
      });
      const id = nextProfileId++;
      profiles.set(id, profile);
      spans.push({ name: 'inflate', start: started, end: started + inflateMs }, { name: 'decode', start: started + inflateMs, end: started + inflateMs + decodeMs });
      loaded.push(summarize(id, name, profile, rawBytes, epochNow() - started));
    } catch (error) {
      const { kind, message } = asProfileError(error);
      failures.push({ name, kind, message });
    }
  }
  const usable = loaded.filter((p) => p.sampleCount > 0).map((p) => p.id);
  const treeProgress = progressPoster(request.requestId, 0, 1);
  const built =
    request.buildAs && usable.length > 0
      ? buildTree([usable], request.buildAs, request.sampleType, (fraction) => treeProgress('tree', fraction), spans)
      : undefined;
  post({ type: 'loaded', requestId: request.requestId, profiles: loaded, failures, built, spans }, built ? treeTransferables(built.tree, built.derived) : []);
}

function buildTree(
  groupIds: number[][],
  groupBy: GroupBy,
  sampleType: string | null,
  onProgress?: (fraction: number) => void,
  spans: WorkerSpan[] = [],
): BuiltTree {
  const groups = groupIds.map((ids) =>
    ids.map((id) => {
      const profile = profiles.get(id);
      if (!profile) throw new Error(`profile ${id} is no longer loaded`);
      return profile;
    }),
  );
  const started = epochNow();
  const first = groups.flat()[0];
  const type = chooseSampleType(unionSampleTypes(groups.flat()), sampleType, first?.sampleTypes[first.defaultSampleType]?.type);
  // The type on screen now; the others' columns are computed if and when they are shown.
  const tree = buildCallTree({ groups, groupBy, onProgress, eagerType: type });
  const built = epochNow();
  const derived = deriveColumns(tree, type);
  const ended = epochNow();
  spans.push({ name: 'tree', start: started, end: built }, { name: 'derive', start: built, end: ended });
  return { tree, derived, buildMs: ended - started };
}

/** The views' values for one sample type, in every group's column of it. */
function deriveColumns(tree: CallTree, type: number): TreeDerived {
  const columns = Array.from({ length: tree.groups }, (_, group) => {
    const column = columnOf(tree, group, type);
    const stats = frameStats(tree, column);
    return {
      column,
      starts: computeStarts(tree, nonNegative(totalOf(tree, column))),
      frameSelf: stats.self,
      frameTotal: stats.total,
      framesBySelf: Int32Array.from(functionRows(tree, stats, 'self'), (row) => row.frame),
    };
  });
  return { columns, framePalette: framePaletteIndices(tree.frames.name, tree.frames.file, PALETTE_SIZE) };
}

function tree(request: Extract<WorkerRequest, { type: 'tree' }>): void {
  const progress = progressPoster(request.requestId, 0, 1);
  const built = buildTree(request.groups, request.groupBy, request.sampleType, (fraction) => progress('tree', fraction));
  post({ type: 'tree', requestId: request.requestId, ...built }, treeTransferables(built.tree, built.derived));
}

/**
 * Runs the whole pipeline on a small synthetic profile a few times when the worker
 * starts, so the JIT has seen and optimized the hot loops, and every branch in them,
 * before a person's file arrives: measured on node-tsc-large, a cold first load spends
 * about half its time in code that is not optimized yet. Off the main thread, bounded in
 * time; failures are ignored.
 */
const WARM_UP_BUDGET_MS = 400;
const WARM_UP_ROUNDS = 30;

const warmUp = (async () => {
  try {
    const example = await warmUpProfileFile();
    const started = performance.now();
    for (let round = 0; round < WARM_UP_ROUNDS && performance.now() - started < WARM_UP_BUDGET_MS; round++) {
      const { profile, rawBytes } = await loadProfile(example);
      summarize(0, 'warm-up', profile, rawBytes, 0);
      deriveColumns(buildCallTree({ groups: [[profile]], groupBy: 'function', eagerType: profile.defaultSampleType }), profile.defaultSampleType);
    }
  } catch {
    // A warm-up that fails costs nothing but speed: the first real load warms up instead.
  }
  post({ type: 'ready', requestId: 0 });
})();

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  await warmUp;
  try {
    switch (request.type) {
      case 'load':
        await load(request);
        break;
      case 'tree':
        tree(request);
        break;
      case 'release':
        for (const id of request.ids) profiles.delete(id);
        post({ type: 'released', requestId: request.requestId });
        break;
    }
  } catch (error) {
    const { kind, message } = asProfileError(error);
    post({ type: 'failed', requestId: request.requestId, kind, message });
  }
};
