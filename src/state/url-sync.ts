/**
 * Keeps the view store and the address bar in step. The store is the source of truth;
 * the URL follows it (push for navigation, replace for typing), and Back/Forward put
 * the URL's state back into the store.
 */
import { useEffect } from 'react';
import { useDataStore, useViewStore } from './store.ts';
import { isMinorChange, parseLink, serializeLink } from './url.ts';
import type { ViewState } from './view-state.ts';

function viewState(): ViewState {
  const { set: _set, replace: _replace, ...state } = useViewStore.getState();
  return state;
}

/** Reads the link the page was opened with, before the first render that needs it. */
export function applyInitialLink(): void {
  const { state, notices } = parseLink(window.location.search);
  useViewStore.getState().replace(state);
  for (const notice of notices) useDataStore.getState().notify('info', notice);
  const canonical = serializeLink(state);
  if (canonical !== window.location.search) window.history.replaceState(null, '', canonical + window.location.hash);
}

let replacingHistory = false;

/** Sets view state without a new history entry: for defaults the app picks, not navigation. */
export function setViewReplacing(patch: Partial<ViewState>): void {
  replacingHistory = true;
  try {
    useViewStore.getState().set(patch);
  } finally {
    replacingHistory = false;
  }
}

export function useUrlSync(): void {
  useEffect(() => {
    let previous = viewState();
    let applyingHistory = false;
    const unsubscribe = useViewStore.subscribe(() => {
      const next = viewState();
      const link = serializeLink(next);
      if (!applyingHistory && link !== window.location.search) {
        if (replacingHistory || isMinorChange(previous, next)) window.history.replaceState(null, '', link);
        else window.history.pushState(null, '', link);
      }
      previous = next;
    });
    const onPopState = () => {
      applyingHistory = true;
      useViewStore.getState().replace(parseLink(window.location.search).state);
      applyingHistory = false;
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
