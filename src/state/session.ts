/**
 * Orchestrates loading: bytes from files or URLs go to the worker, summaries and the call
 * tree come back into the data store. One load at a time: a new load cancels the one in
 * flight (terminating the worker), so dropping a second file never waits on the first.
 */
import { ProfileError } from '../profile/errors.ts';
import type { GroupBy } from '../profile/frames.ts';
import { ProfileWorkerClient } from '../worker/client.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import { useDataStore, useViewStore } from './store.ts';

const worker = new ProfileWorkerClient();
let loadToken = 0;

export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

function describeFailure(name: string, message: string): string {
  return name ? `${name}: ${message}` : message;
}

function isCurrent(token: number): boolean {
  return token === loadToken;
}

/** Loads profiles into a fresh worker session and shows their merged tree. */
export async function loadBytes(files: NamedBytes[], origin: string): Promise<ProfileSummary[]> {
  const token = ++loadToken;
  const data = useDataStore.getState();
  if (worker.busy) worker.cancel();
  const previous = data.profiles.map((p) => p.id);
  data.setLoading(origin);
  try {
    await worker.release(previous);
    const { profiles, failures } = await worker.load(files, (progress) => {
      if (isCurrent(token)) useDataStore.getState().setProgress(progress);
    });
    if (!isCurrent(token)) return [];
    performance.mark('flamelens:decoded');
    for (const failure of failures) data.notify('error', describeFailure(failure.name, failure.message));
    const withSamples = profiles.filter((p) => p.sampleCount > 0);
    for (const p of profiles) {
      if (p.sampleCount === 0 && profiles.length === 1) {
        data.notify('error', describeFailure(p.name, 'no samples: the profile is valid but holds no samples to show'));
      }
    }
    if (withSamples.length === 0) {
      useDataStore.getState().setFailed();
      return profiles;
    }
    const tree = await worker.tree([profiles.map((p) => p.id)], useViewStore.getState().groupBy);
    if (!isCurrent(token)) return [];
    performance.mark('flamelens:tree');
    useDataStore.getState().setLoaded(profiles, tree);
    const view = useViewStore.getState();
    const types = tree.sampleTypes.map((t) => t.type);
    view.set({ focus: [], sampleType: view.sampleType && types.includes(view.sampleType) ? view.sampleType : null });
    return profiles;
  } catch (error) {
    if (!isCurrent(token)) return [];
    if (!(error instanceof ProfileError && error.kind === 'cancelled')) {
      data.notify('error', error instanceof Error ? error.message : String(error));
    }
    useDataStore.getState().setFailed();
    return [];
  }
}

export async function loadFiles(files: File[]): Promise<ProfileSummary[]> {
  performance.mark('flamelens:load-start');
  const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
  const origin = files.length === 1 ? files[0].name : `${files.length} files`;
  return loadBytes(read, origin);
}

export async function loadUrl(url: string): Promise<ProfileSummary[]> {
  performance.mark('flamelens:load-start');
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('only http(s) URLs can be opened');
  } catch (error) {
    useDataStore.getState().notify('error', `cannot open ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  useDataStore.getState().setLoading(parsed.href);
  try {
    const response = await fetch(parsed.href);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
    const bytes = await response.arrayBuffer();
    const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.host);
    return await loadBytes([{ name, bytes }], parsed.href);
  } catch (error) {
    useDataStore.getState().notify('error', `cannot fetch ${parsed.href}: ${error instanceof Error ? error.message : String(error)}`);
    useDataStore.getState().setFailed();
    return [];
  }
}

/** Rebuilds the tree from already loaded profiles (another grouping, another time window, a diff). */
export async function rebuildTree(groups: number[][], groupBy: GroupBy): Promise<void> {
  const token = loadToken;
  try {
    const tree = await worker.tree(groups, groupBy);
    if (isCurrent(token)) useDataStore.getState().setTree(tree);
  } catch (error) {
    if (isCurrent(token) && !(error instanceof ProfileError && error.kind === 'cancelled')) {
      useDataStore.getState().notify('error', error instanceof Error ? error.message : String(error));
    }
  }
}
