/**
 * The view state: everything a permalink restores. Small, serializable values only;
 * profiles and trees live in the data store, never here.
 */
import type { GroupBy } from '../profile/frames.ts';

export type ViewKind = 'flame' | 'icicle' | 'table' | 'sandwich' | 'diff';
export type DiffMode = 'relative' | 'absolute';

export const VIEW_KINDS: readonly ViewKind[] = ['flame', 'icicle', 'table', 'sandwich', 'diff'];
export const GROUP_BYS: readonly GroupBy[] = ['function', 'line'];
export const DIFF_MODES: readonly DiffMode[] = ['relative', 'absolute'];

export interface ViewState {
  /** backend base URL; null = the server that served the app */
  source: string | null;
  /** `<profileTypeID>{<label selector>}` */
  query: string;
  /** unix ms as text, or relative `now-1h`, `now` */
  from: string;
  until: string;
  view: ViewKind;
  /** sample type name, null = the profile's default */
  sampleType: string | null;
  /** focused frame path, root first */
  focus: string[];
  search: string;
  groupBy: GroupBy;
  diffMode: DiffMode;
  leftFrom: string;
  leftUntil: string;
  rightFrom: string;
  rightUntil: string;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  source: null,
  query: '',
  from: 'now-1h',
  until: 'now',
  view: 'flame',
  sampleType: null,
  focus: [],
  search: '',
  groupBy: 'function',
  diffMode: 'relative',
  leftFrom: '',
  leftUntil: '',
  rightFrom: '',
  rightUntil: '',
};
