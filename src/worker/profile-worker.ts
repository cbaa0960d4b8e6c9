/// <reference lib="webworker" />
/**
 * The Web Worker entry: inflate, decode and build call trees off the main thread, so the
 * page stays responsive while a 100 MB profile loads. Every failure is caught here and
 * answered as a message: nothing thrown ever escapes the worker.
 */
import { buildCallTree } from '../profile/calltree.ts';
import type { CallTree } from '../profile/calltree.ts';
import { frameStats } from '../profile/functions.ts';
import { computeStarts, nonNegative } from '../render/scene.ts';
import { asProfileError } from '../profile/errors.ts';
import { loadProfile } from '../profile/load.ts';
import { sampleTotals } from '../profile/model.ts';
import type { Profile } from '../profile/model.ts';
import type { LoadFailure, ProfileSummary, TreeDerived, WorkerRequest, WorkerResponse } from './protocol.ts';
import { treeTransferables } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const profiles = new Map<number, Profile>();
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

async function load(request: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const loaded: ProfileSummary[] = [];
  const failures: LoadFailure[] = [];
  const files = request.files.length;
  for (let file = 0; file < files; file++) {
    const { name, bytes } = request.files[file];
    const started = performance.now();
    try {
      const { profile, rawBytes } = await loadProfile(new Uint8Array(bytes), {
        onStage: (stage, fraction) => post({ type: 'progress', requestId: request.requestId, file, files, stage, fraction }),
      });
      const id = nextProfileId++;
      profiles.set(id, profile);
      loaded.push(summarize(id, name, profile, rawBytes, performance.now() - started));
    } catch (error) {
      const { kind, message } = asProfileError(error);
      failures.push({ name, kind, message });
    }
  }
  post({ type: 'loaded', requestId: request.requestId, profiles: loaded, failures });
}

function deriveColumns(tree: CallTree): TreeDerived {
  const derived: TreeDerived = { starts: [], frameSelf: [], frameTotal: [] };
  for (let column = 0; column < tree.total.length; column++) {
    derived.starts.push(computeStarts(tree, nonNegative(tree.total[column])));
    const stats = frameStats(tree, column);
    derived.frameSelf.push(stats.self);
    derived.frameTotal.push(stats.total);
  }
  return derived;
}

function tree(request: Extract<WorkerRequest, { type: 'tree' }>): void {
  const groups = request.groups.map((ids) =>
    ids.map((id) => {
      const profile = profiles.get(id);
      if (!profile) throw new Error(`profile ${id} is no longer loaded`);
      return profile;
    }),
  );
  const started = performance.now();
  const built = buildCallTree({ groups, groupBy: request.groupBy });
  const derived = deriveColumns(built);
  post({ type: 'tree', requestId: request.requestId, tree: built, derived, buildMs: performance.now() - started }, treeTransferables(built, derived));
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
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
