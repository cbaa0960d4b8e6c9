/**
 * Permalinks: ViewState <-> query string, versioned with `v=1` (see DESIGN.md's URL
 * table). Parsing never fails: an unknown or invalid parameter becomes a notice and the
 * default, so a mangled link still opens a working page.
 */
import { DEFAULT_VIEW_STATE, DIFF_MODES, GROUP_BYS, VIEW_KINDS } from './view-state.ts';
import type { DiffMode, ViewKind, ViewState } from './view-state.ts';
import { isValidTime } from './time.ts';
import type { GroupBy } from '../profile/frames.ts';

export const URL_VERSION = '1';

const TIME_KEYS = ['from', 'until', 'leftFrom', 'leftUntil', 'rightFrom', 'rightUntil'] as const;

/** Serialization order: stable, so equal states give equal links. */
const KEYS = [
  'source',
  'query',
  'from',
  'until',
  'view',
  'sampleType',
  'focus',
  'search',
  'groupBy',
  'diffMode',
  'leftFrom',
  'leftUntil',
  'rightFrom',
  'rightUntil',
] as const;

export interface ParsedLink {
  state: ViewState;
  notices: string[];
}

/** Accepts only http(s) URLs as backends: a link must not point the app at anything else. */
export function validSource(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  return (values as readonly string[]).includes(text) ? (text as T) : null;
}

export function parseLink(search: string): ParsedLink {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_VIEW_STATE };
  const notices: string[] = [];
  const invalid = (key: string, value: string, why: string) =>
    notices.push(`Ignored link parameter ${key}=${JSON.stringify(value.slice(0, 80))}: ${why}.`);

  const version = params.get('v');
  if (version !== null && version !== URL_VERSION) {
    notices.push(`This link is version ${JSON.stringify(version.slice(0, 10))}; this app reads version ${URL_VERSION}, so some settings may be lost.`);
  }
  for (const [key, value] of params) {
    switch (key) {
      case 'v':
        break;
      case 'source': {
        const source = validSource(value);
        if (source) state.source = source;
        else invalid(key, value, 'only http and https backend URLs are accepted');
        break;
      }
      case 'query':
        if (/^[A-Za-z0-9_:.-]+(\{.*\})?$/s.test(value)) state.query = value;
        else invalid(key, value, 'expected <profileType>{<label selector>}');
        break;
      case 'view': {
        const view = oneOf<ViewKind>(VIEW_KINDS, value);
        if (view) state.view = view;
        else invalid(key, value, `expected one of ${VIEW_KINDS.join(', ')}`);
        break;
      }
      case 'groupBy': {
        const groupBy = oneOf<GroupBy>(GROUP_BYS, value);
        if (groupBy) state.groupBy = groupBy;
        else invalid(key, value, `expected one of ${GROUP_BYS.join(', ')}`);
        break;
      }
      case 'diffMode': {
        const mode = oneOf<DiffMode>(DIFF_MODES, value);
        if (mode) state.diffMode = mode;
        else invalid(key, value, `expected one of ${DIFF_MODES.join(', ')}`);
        break;
      }
      case 'sampleType':
        if (value) state.sampleType = value;
        break;
      case 'focus':
        state.focus = value ? value.split(';') : [];
        break;
      case 'search':
        state.search = value;
        break;
      default:
        if ((TIME_KEYS as readonly string[]).includes(key)) {
          if (isValidTime(value)) state[key as (typeof TIME_KEYS)[number]] = value;
          else invalid(key, value, 'expected unix milliseconds or now-<n>[smhdw]');
        } else {
          notices.push(`Ignored unknown link parameter ${JSON.stringify(key.slice(0, 40))}.`);
        }
    }
  }
  return { state, notices };
}

function serializedValue(state: ViewState, key: (typeof KEYS)[number]): string | null {
  const value = state[key];
  const fallback = DEFAULT_VIEW_STATE[key];
  if (key === 'focus') return state.focus.length > 0 ? state.focus.join(';') : null;
  if (value === fallback || value === null || value === '') return null;
  return String(value);
}

/** Query string for a state (with `?`), listing only what differs from the defaults. */
export function serializeLink(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('v', URL_VERSION);
  for (const key of KEYS) {
    const value = serializedValue(state, key);
    if (value !== null) params.set(key, value);
  }
  return `?${params.toString()}`;
}

/** Changes that only refine what is on screen (typing a search) replace the history entry. */
export function isMinorChange(before: ViewState, after: ViewState): boolean {
  return KEYS.every((key) => key === 'search' || serializedValue(before, key) === serializedValue(after, key));
}
