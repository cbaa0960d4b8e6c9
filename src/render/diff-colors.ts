/**
 * Diff colors: red where a frame grew, green where it shrank (or orange/blue in the
 * colorblind-safe palette), grey where the change is within sampling noise, and distinct
 * hues for frames that are new or gone. Stronger color = larger relative change.
 */
import type { ChangeStatus } from '../profile/diff.ts';

export type DiffPaletteName = 'red-green' | 'orange-blue';

interface Hues {
  grew: number;
  shrank: number;
  added: number;
  removed: number;
}

const HUES: Record<DiffPaletteName, Hues> = {
  'red-green': { grew: 0, shrank: 130, added: 280, removed: 190 },
  // Orange vs blue stays distinct under deuteranopia and protanopia.
  'orange-blue': { grew: 28, shrank: 215, added: 300, removed: 175 },
};

export interface DiffColorScheme {
  dark: boolean;
  palette: DiffPaletteName;
}

function hsl(hue: number, saturation: number, lightness: number): string {
  return `hsl(${hue} ${saturation}% ${lightness}%)`;
}

/**
 * Fill for a frame. `change` is the relative change, delta / max(baseline, comparison),
 * in [-1, 1]; it sets the intensity.
 */
export function diffFill(status: ChangeStatus, change: number, scheme: DiffColorScheme): string {
  const hues = HUES[scheme.palette];
  const strength = Math.min(1, Math.abs(change));
  // Light mode: pale (weak) to saturated (strong); dark mode: dim to bright.
  const lightness = scheme.dark ? 26 + strength * 22 : 88 - strength * 36;
  switch (status) {
    case 'new':
      return hsl(hues.added, 55, scheme.dark ? 40 : 72);
    case 'removed':
      return hsl(hues.removed, 45, scheme.dark ? 34 : 78);
    case 'grew':
      return hsl(hues.grew, 75, lightness);
    case 'shrank':
      return hsl(hues.shrank, 55, lightness);
    default:
      return scheme.dark ? '#3b3b43' : '#dedee3';
  }
}

export const LEGEND: { status: ChangeStatus; label: string; change: number }[] = [
  { status: 'grew', label: 'grew', change: 0.8 },
  { status: 'shrank', label: 'shrank', change: 0.8 },
  { status: 'unchanged', label: 'within noise', change: 0 },
  { status: 'new', label: 'new', change: 1 },
  { status: 'removed', label: 'gone', change: 1 },
];
