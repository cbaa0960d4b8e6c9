/**
 * Main-thread handle on the profile worker: promises instead of messages, progress as a
 * callback, and cancellation. A decode cannot be interrupted from outside, so cancelling
 * terminates the worker and starts a fresh one (its loaded profiles go with it; callers
 * reload what they still need).
 */
import type { CallTree } from '../profile/calltree.ts';
import { ProfileError } from '../profile/errors.ts';
import type { GroupBy } from '../profile/frames.ts';
import type { BuiltTree, FileInput, LoadFailure, ProfileSummary, TreeDerived, WorkerRequest, WorkerResponse, WorkerSpan } from './protocol.ts';

export interface LoadProgress {
  file: number;
  files: number;
  stage: 'inflate' | 'decode' | 'tree';
  fraction: number;
}

type Pending = {
  resolve: (response: WorkerResponse) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: LoadProgress) => void;
};

/** Distributes Omit over a union, so each request variant keeps its own fields. */
type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

export class ProfileWorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  /** called when a (new) worker has started and warmed up */
  onReady?: () => void;

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./profile-worker.ts', import.meta.url), { type: 'module', name: 'flamelens-profiles' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    worker.onerror = (event) => this.failAll(new ProfileError('corrupt-protobuf', `the profile worker failed: ${event.message}`));
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'ready') {
      this.onReady?.();
      return;
    }
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.pending.delete(message.requestId);
    if (message.type === 'failed') pending.reject(new ProfileError(message.kind, message.message));
    else pending.resolve(message);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private request(
    message: WithoutRequestId<WorkerRequest>,
    transfer: Transferable[] = [],
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<WorkerResponse> {
    const requestId = this.nextRequestId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, onProgress });
      worker.postMessage({ ...message, requestId } as WorkerRequest, transfer);
    });
  }

  /** Starts the worker ahead of the first file, so its script is loaded and compiled by then. */
  prewarm(): void {
    this.ensureWorker();
  }

  /**
   * Decodes files in the worker (ArrayBuffers are transferred: callers must not reuse
   * them; Blobs and Files are shared). With `buildAs`, the tree of all of them comes back
   * in the same answer, with the views' values for `sampleType` (null: the default type).
   */
  async load(
    files: FileInput[],
    onProgress?: (progress: LoadProgress) => void,
    buildAs?: GroupBy,
    sampleType: string | null = null,
  ): Promise<{ profiles: ProfileSummary[]; failures: LoadFailure[]; built?: BuiltTree }> {
    const transfer = files.flatMap((f) => (f.data instanceof ArrayBuffer ? [f.data] : []));
    const response = await this.request({ type: 'load', files, buildAs, sampleType }, transfer, onProgress);
    if (response.type !== 'loaded') throw new Error(`unexpected worker response ${response.type}`);
    recordSpans(response.spans);
    return { profiles: response.profiles, failures: response.failures, built: response.built };
  }

  async tree(
    groups: number[][],
    groupBy: GroupBy,
    sampleType: string | null,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<{ tree: CallTree; derived: TreeDerived }> {
    const response = await this.request({ type: 'tree', groups, groupBy, sampleType }, [], onProgress);
    if (response.type !== 'tree') throw new Error(`unexpected worker response ${response.type}`);
    return { tree: response.tree, derived: response.derived };
  }

  async release(ids: number[]): Promise<void> {
    if (ids.length > 0 && this.worker) await this.request({ type: 'release', ids });
  }

  /** Abandons everything in flight: pending promises reject with a 'cancelled' error. */
  cancel(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    this.failAll(new ProfileError('cancelled', 'loading was cancelled'));
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}

/**
 * The worker's stages as performance measures on the page's timeline
 * (`flamelens:worker-inflate`, ...), where DevTools and the benchmark see them.
 */
function recordSpans(spans: WorkerSpan[]): void {
  for (const span of spans) {
    performance.measure(`flamelens:worker-${span.name}`, { start: span.start - performance.timeOrigin, end: span.end - performance.timeOrigin });
  }
}
