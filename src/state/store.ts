/**
 * The app's zustand stores.
 * - `useViewStore`: the permalink state (what the URL says) plus its setters.
 * - `useDataStore`: what is loaded: where from, progress, notices, and two tree slots
 *   (the plain view and the diff). Trees are held by reference: their typed arrays are
 *   never copied into React state; components read them and hand them to the renderer.
 * - `useUiStore`: transient UI state that is not part of a link.
 */
import { create } from 'zustand';
import type { CallTree } from '../profile/calltree.ts';
import type { GroupBy } from '../profile/frames.ts';
import type { ProfileSummary } from '../worker/protocol.ts';
import type { LoadProgress } from '../worker/client.ts';
import type { DiffPaletteName } from '../render/diff-colors.ts';
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
/** Where the profiles on screen come from. */
export type ActiveSource = 'none' | 'files' | 'backend';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** One tree on screen: the profiles it was built from, per group (one group, or baseline and comparison). */
export interface TreeSlot {
  status: LoadStatus;
  tree: CallTree | null;
  groups: ProfileSummary[][];
  /** how the tree's frames were grouped */
  groupBy?: GroupBy;
}

const EMPTY_SLOT: TreeSlot = { status: 'empty', tree: null, groups: [] };

export type SlotName = 'main' | 'diff';

export interface DataStore {
  activeSource: ActiveSource;
  /** what the user opened, shown in the header */
  origin: string;
  progress: LoadProgress | null;
  /** every profile opened from files (the local timeline) */
  files: ProfileSummary[];
  main: TreeSlot;
  diff: TreeSlot;
  notices: Notice[];
  setSource(activeSource: ActiveSource, origin: string): void;
  setProgress(progress: LoadProgress | null): void;
  setSlot(name: SlotName, patch: Partial<TreeSlot>): void;
  notify(kind: Notice['kind'], message: string): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const useDataStore = create<DataStore>((set) => ({
  activeSource: 'none',
  origin: '',
  progress: null,
  files: [],
  main: EMPTY_SLOT,
  diff: EMPTY_SLOT,
  notices: [],
  setSource: (activeSource, origin) => set({ activeSource, origin, main: EMPTY_SLOT, diff: EMPTY_SLOT, files: [], progress: null }),
  setProgress: (progress) => set({ progress }),
  setSlot: (name, patch) => set((s) => ({ [name]: { ...s[name], ...patch } })),
  notify: (kind, message) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.message !== message), { id: nextNoticeId++, kind, message }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export interface UiStore {
  /** function picked in a table: highlighted in the graph, by name so it survives rebuilds */
  highlightedFunction: string | null;
  setHighlightedFunction(name: string | null): void;
  diffPalette: DiffPaletteName;
  setDiffPalette(palette: DiffPaletteName): void;
  /** "now" for resolving relative ranges; moved forward by Refresh and quick ranges */
  rangeAnchor: number;
  refreshRange(): void;
  /** which window the next brush on the diff timeline sets */
  diffBrush: 'baseline' | 'comparison';
  setDiffBrush(kind: 'baseline' | 'comparison'): void;
  /** a backend named by a link, waiting for the user's go-ahead */
  confirmedSources: string[];
  confirmSource(source: string): void;
}

const PALETTE_KEY = 'flamelens.diffPalette';

function storedPalette(): DiffPaletteName {
  try {
    return globalThis.localStorage?.getItem(PALETTE_KEY) === 'orange-blue' ? 'orange-blue' : 'red-green';
  } catch {
    return 'red-green';
  }
}

export const useUiStore = create<UiStore>((set) => ({
  highlightedFunction: null,
  setHighlightedFunction: (name) => set({ highlightedFunction: name }),
  diffPalette: storedPalette(),
  setDiffPalette: (diffPalette) => {
    try {
      globalThis.localStorage?.setItem(PALETTE_KEY, diffPalette);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    set({ diffPalette });
  },
  rangeAnchor: Date.now(),
  refreshRange: () => set({ rangeAnchor: Date.now() }),
  diffBrush: 'baseline',
  setDiffBrush: (diffBrush) => set({ diffBrush }),
  confirmedSources: [],
  confirmSource: (source) => set((s) => ({ confirmedSources: [...s.confirmedSources, source] })),
}));
