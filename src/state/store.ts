/**
 * The app's zustand stores.
 * - `useViewStore`: the permalink state (what the URL says) plus its setters.
 * - `useDataStore`: what is loaded: status, progress, errors, profile summaries and the
 *   current call tree. The tree is held by reference (its typed arrays are never copied
 *   into React state); components read it and hand it to the renderer.
 */
import { create } from 'zustand';
import type { CallTree } from '../profile/calltree.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import type { LoadProgress } from '../worker/client.ts';
import { DEFAULT_VIEW_STATE } from './view-state.ts';
import type { ViewState } from './view-state.ts';

export interface ViewStore extends ViewState {
  set(patch: Partial<ViewState>): void;
  /** replaces the whole state, e.g. from a permalink or history navigation */
  replace(state: ViewState): void;
}

export const useViewStore = create<ViewStore>((set) => ({
  ...DEFAULT_VIEW_STATE,
  set: (patch) => set(patch),
  replace: (state) => set(state),
}));

export type LoadStatus = 'empty' | 'loading' | 'ready' | 'error';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

export interface DataStore {
  status: LoadStatus;
  progress: LoadProgress | null;
  /** where the current data came from, shown to the user */
  origin: string;
  profiles: ProfileSummary[];
  tree: CallTree | null;
  notices: Notice[];
  setLoading(origin: string): void;
  setProgress(progress: LoadProgress | null): void;
  setLoaded(profiles: ProfileSummary[], tree: CallTree | null): void;
  setTree(tree: CallTree): void;
  setFailed(): void;
  notify(kind: Notice['kind'], message: string): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const useDataStore = create<DataStore>((set) => ({
  status: 'empty',
  progress: null,
  origin: '',
  profiles: [],
  tree: null,
  notices: [],
  setLoading: (origin) => set({ status: 'loading', origin, progress: null }),
  setProgress: (progress) => set({ progress }),
  setLoaded: (profiles, tree) => set({ profiles, tree, status: tree ? 'ready' : 'empty', progress: null }),
  setTree: (tree) => set({ tree, status: 'ready' }),
  setFailed: () => set((s) => ({ status: s.tree ? 'ready' : 'error', progress: null })),
  notify: (kind, message) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.message !== message), { id: nextNoticeId++, kind, message }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Transient UI state that is not part of a permalink. */
export interface UiStore {
  /** function picked in the table: highlighted in the graph, by name so it survives rebuilds */
  highlightedFunction: string | null;
  setHighlightedFunction(name: string | null): void;
}

export const useUiStore = create<UiStore>((set) => ({
  highlightedFunction: null,
  setHighlightedFunction: (name) => set({ highlightedFunction: name }),
}));
