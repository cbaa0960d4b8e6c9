/**
 * Orchestrates loading: bytes from files, URLs or a backend go to the worker; summaries
 * and call trees come back into the data store's slots. Opening files cancels whatever
 * is in flight (terminating the worker), so dropping a second file never waits on the
 * first; every async step checks it is still current before touching the store.
 */
import { ProfileError } from '../profile/errors.ts';
import type { GroupBy } from '../profile/frames.ts';
import { ProfileWorkerClient } from '../worker/client.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import { primeDerived } from './derived.ts';
import { useDataStore } from './store.ts';
import type { SlotName } from './store.ts';

const worker = new ProfileWorkerClient();
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isCancelled(error: unknown): boolean {
  return error instanceof ProfileError && error.kind === 'cancelled';
}

function store() {
  return useDataStore.getState();
}

/** Decodes bytes in the worker, reporting failures as notices. */
async function decode(files: NamedBytes[]): Promise<ProfileSummary[]> {
  const { profiles, failures } = await worker.load(files, (progress) => store().setProgress(progress));
  store().setProgress(null);
  for (const failure of failures) store().notify('error', failure.name ? `${failure.name}: ${failure.message}` : failure.message);
  for (const p of profiles) {
    if (p.sampleCount === 0 && profiles.length === 1) {
      store().notify('error', `${p.name}: no samples: the profile is valid but holds no samples to show`);
    }
  }
  return profiles;
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
    );
    if (!current()) return;
    primeDerived(tree, derived);
    performance.mark(`flamelens:tree-${slot}`);
    store().setSlot(slot, { status: 'ready', tree, groups });
  } catch (error) {
    if (!current() || isCancelled(error)) return;
    store().notify('error', messageOf(error));
    store().setSlot(slot, { status: 'error' });
  }
}

/** Opens files (several at once make a timeline). Their trees are built by the files hooks. */
export async function openBytes(files: NamedBytes[], origin: string): Promise<ProfileSummary[]> {
  performance.mark('flamelens:load-start');
  if (worker.busy) worker.cancel();
  const myEpoch = ++epoch;
  const previous = [...store().files.map((p) => p.id), ...backendProfiles.main, ...backendProfiles.diff];
  backendProfiles.main = [];
  backendProfiles.diff = [];
  store().setSource('files', origin);
  store().setSlot('main', { status: 'loading' });
  try {
    await worker.release(previous);
    const profiles = await decode(files);
    if (myEpoch !== epoch) return [];
    performance.mark('flamelens:decoded');
    const usable = profiles.filter((p) => p.sampleCount > 0);
    store().setFiles(usable);
    if (usable.length === 0) store().setSlot('main', { status: 'error' });
    return usable;
  } catch (error) {
    if (myEpoch !== epoch || isCancelled(error)) return [];
    store().notify('error', messageOf(error));
    store().setSlot('main', { status: 'error' });
    return [];
  }
}

export async function openFiles(files: File[]): Promise<ProfileSummary[]> {
  const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
  return openBytes(read, files.length === 1 ? files[0].name : `${files.length} files`);
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
    const bytes = await response.arrayBuffer();
    const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.host);
    return await openBytes([{ name, bytes }], parsed.href);
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
    for (const group of groups) summaries.push(await decode(group.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) }))));
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
