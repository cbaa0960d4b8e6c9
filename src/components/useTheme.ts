import { useSyncExternalStore } from 'react';
import { DARK_THEME, LIGHT_THEME } from '../render/theme.ts';
import type { Theme } from '../render/theme.ts';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The canvas theme that follows the system's light/dark setting, live. */
export function useTheme(): Theme {
  const dark = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
  return dark ? DARK_THEME : LIGHT_THEME;
}
