/**
 * Orchestrates loading: bytes from files, URLs or a backend go to the worker; summaries
 * and call trees come back into the data store's slots. Opening files cancels whatever
 * is in flight (terminating the worker), so dropping a second file never waits on the
 * first; every async step checks it is still current before touching the store.
 */
import { ProfileError } from '../profile/errors.ts';
import type { GroupBy } from '../profile/frames.ts';
import { ProfileWorkerClient } from '../worker/client.ts';
import type { BuiltTree, FileInput, ProfileSummary } from '../worker/protocol.ts';
import { primeDerived } from './derived.ts';
import { useDataStore, useViewStore } from './store.ts';
import type { SlotName, TreeSlot } from './store.ts';

const worker = new ProfileWorkerClient();

/**
 * Called once the page is up: the worker's start-up then never delays the first file.
 * `data-flamelens-worker="ready"` on <html> says when it is warm (the benchmark waits for
 * it, as a person would wait for the page to finish opening).
 */
export function prewarmWorker(): void {
  worker.onReady = () => {
    document.documentElement.dataset.flamelensWorker = 'ready';
  };
  worker.prewarm();
}
/** Bumped when the set of loaded profiles is replaced; stale async results are dropped. */
let epoch = 0;
/** Latest build request per slot: a slower earlier build must not overwrite a newer one. */
const slotRequests: Record<SlotName, number> = { main: 0, diff: 0 };
/** Profiles decoded for the backend slots, released when replaced. */
const backendProfiles: Record<SlotName, number[]> = { main: [], diff: [] };

export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** True when a slot already shows exactly these groups, built the same way. */
export function showsGroups(slot: TreeSlot, groups: ProfileSummary[][], groupBy: GroupBy): boolean {
  return (
    slot.tree !== null &&
    slot.groupBy === groupBy &&
    slot.groups.length === groups.length &&
    slot.groups.every((g, i) => g.length === groups[i].length && g.every((p, j) => p.id === groups[i][j].id))
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isCancelled(error: unknown): boolean {
  return error instanceof ProfileError && error.kind === 'cancelled';
}

function store() {
  return useDataStore.getState();
}

/** Decodes files in the worker (and builds their tree when asked), reporting failures as notices. */
async function decode(files: FileInput[], buildAs?: GroupBy): Promise<{ profiles: ProfileSummary[]; built?: BuiltTree }> {
  const sampleType = useViewStore.getState().sampleType;
  const { profiles, failures, built } = await worker.load(files, (progress) => store().setProgress(progress), buildAs, sampleType);
  store().setProgress(null);
  for (const failure of failures) store().notify('error', failure.name ? `${failure.name}: ${failure.message}` : failure.message);
  for (const p of profiles) {
    if (p.sampleCount === 0 && profiles.length === 1) {
      store().notify('error', `${p.name}: no samples: the profile is valid but holds no samples to show`);
    }
  }
  return { profiles, built };
}

/** Builds a slot's tree from loaded profiles: one group for a plain view, two for a diff. */
export function showTree(slot: SlotName, groups: ProfileSummary[][], groupBy: GroupBy): Promise<void> {
  return buildInto(slot, ++slotRequests[slot], epoch, groups, groupBy);
}

async function buildInto(slot: SlotName, request: number, startEpoch: number, groups: ProfileSummary[][], groupBy: GroupBy): Promise<void> {
  const current = () => request === slotRequests[slot] && startEpoch === epoch;
  if (groups.every((g) => g.length === 0)) {
    store().setSlot(slot, { status: 'empty', tree: null, groups });
    return;
  }
  store().setSlot(slot, { status: 'loading' });
  try {
    const { tree, derived } = await worker.tree(
      groups.map((g) => g.map((p) => p.id)),
      groupBy,
      useViewStore.getState().sampleType,
      (progress) => store().setProgress(progress),
    );
    store().setProgress(null);
    if (!current()) return;
    primeDerived(tree, derived);
    performance.mark(`flamelens:tree-${slot}`);
    store().setSlot(slot, { status: 'ready', tree, groups, groupBy });
  } catch (error) {
    if (!current() || isCancelled(error)) return;
    store().notify('error', messageOf(error));
    store().setSlot(slot, { status: 'error' });
  }
}

/**
 * Opens files (several at once make a timeline). The worker builds the tree of all of
 * them in the same request; later windows and regroupings are built by the files hooks.
 */
export async function openInputs(files: FileInput[], origin: string): Promise<ProfileSummary[]> {
  performance.mark('flamelens:load-start');
  if (worker.busy) worker.cancel();
  const myEpoch = ++epoch;
  const previous = [...store().files.map((p) => p.id), ...backendProfiles.main, ...backendProfiles.diff];
  backendProfiles.main = [];
  backendProfiles.diff = [];
  // The files go to the worker before the page shows "loading": that render then runs
  // while the worker reads, not before it starts. (Messages keep their order: the old
  // profiles are released first.)
  const released = worker.release(previous);
  const groupBy = useViewStore.getState().groupBy;
  const decoding = decode(files, groupBy);
  store().setSource('files', origin);
  store().setSlot('main', { status: 'loading' });
  try {
    const [, { profiles, built }] = await Promise.all([released, decoding]);
    if (myEpoch !== epoch) return [];
    performance.mark('flamelens:decoded');
    const usable = profiles.filter((p) => p.sampleCount > 0);
    if (built) {
      primeDerived(built.tree, built.derived);
      performance.mark('flamelens:tree-main');
    }
    // One update: the files and their tree arrive together, so nothing renders in between.
    useDataStore.setState({
      files: usable,
      main: built ? { status: 'ready', tree: built.tree, groups: [usable], groupBy } : { status: usable.length > 0 ? 'loading' : 'error', tree: null, groups: [] },
    });
    return usable;
  } catch (error) {
    if (myEpoch !== epoch || isCancelled(error)) return [];
    store().notify('error', messageOf(error));
    store().setSlot('main', { status: 'error' });
    return [];
  }
}

export function openFiles(files: File[]): Promise<ProfileSummary[]> {
  return openInputs(
    files.map((file) => ({ name: file.name, data: file })),
    files.length === 1 ? files[0].name : `${files.length} files`,
  );
}

export async function openUrl(url: string): Promise<ProfileSummary[]> {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('only http(s) URLs can be opened');
  } catch (error) {
    store().notify('error', `cannot open ${url}: ${messageOf(error)}`);
    return [];
  }
  try {
    const response = await fetch(parsed.href);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
    const data = await response.blob();
    const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.host);
    return await openInputs([{ name, data }], parsed.href);
  } catch (error) {
    store().notify('error', `cannot fetch ${parsed.href}: ${messageOf(error)}`);
    return [];
  }
}

/**
 * Shows profiles fetched from a backend in a slot: one group for the plain view, two
 * (baseline, comparison) for the diff. The bytes are copied, since the caller's cache
 * keeps its own, and the worker takes ownership of what it is sent.
 */
export async function showBackendProfiles(slot: SlotName, groups: NamedBytes[][], groupBy: GroupBy): Promise<void> {
  const request = ++slotRequests[slot];
  const myEpoch = epoch;
  store().setSlot(slot, { status: 'loading' });
  try {
    const summaries: ProfileSummary[][] = [];
    for (const group of groups) summaries.push((await decode(group.map((f) => ({ name: f.name, data: f.bytes.slice(0) })))).profiles);
    const ids = summaries.flat().map((p) => p.id);
    if (request !== slotRequests[slot] || myEpoch !== epoch) {
      void worker.release(ids);
      return;
    }
    const stale = backendProfiles[slot];
    backendProfiles[slot] = ids;
    void worker.release(stale);
    await buildInto(slot, request, myEpoch, summaries, groupBy);
  } catch (error) {
    if (request !== slotRequests[slot] || isCancelled(error)) return;
    store().notify('error', messageOf(error));
    store().setSlot(slot, { status: 'error' });
  }
}

/** Switches to the backend as the source of what is on screen. */
export function activateBackend(origin: string): void {
  if (store().activeSource === 'backend' && store().origin === origin) return;
  epoch++;
  store().setSource('backend', origin);
}
