/**
 * Light and dark themes for the canvas. The app picks one from the system's
 * `prefers-color-scheme`; the renderer only ever sees the resulting plain object.
 */
export interface Theme {
  dark: boolean;
  background: string;
  /** text drawn on frames */
  frameText: string;
  /** frames that do not match the search */
  dimmedFill: string;
  dimmedText: string;
  /** outline of the selected (keyboard) and hovered frames */
  selection: string;
  hover: string;
  /** merged runs of frames too narrow to draw one by one */
  sliver: string;
  /** categorical palette for packages; index = hash of the package name */
  palette: string[];
  font: string;
  fontSize: number;
}

/** Colors per palette: package colors are hashed into this many slots (in the worker). */
export const PALETTE_SIZE = 16;

function palette(lightness: number, saturation: number): string[] {
  // Hues stepped by the golden angle so neighbours in the list differ in hue.
  return Array.from({ length: PALETTE_SIZE }, (_, i) => {
    const hue = Math.round((i * 137.508) % 360);
    return `hsl(${hue} ${saturation}% ${lightness}%)`;
  });
}

const FONT_SIZE = 12;
const FONT = `${FONT_SIZE}px ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace`;

export const LIGHT_THEME: Theme = {
  dark: false,
  background: '#ffffff',
  frameText: '#1a1a1a',
  dimmedFill: '#e4e4e7',
  dimmedText: '#9a9aa2',
  selection: '#1d4ed8',
  hover: '#111111',
  sliver: '#d4d4d8',
  palette: palette(78, 62),
  font: FONT,
  fontSize: FONT_SIZE,
};

export const DARK_THEME: Theme = {
  dark: true,
  background: '#16161a',
  frameText: '#f4f4f5',
  dimmedFill: '#2a2a30',
  dimmedText: '#6b6b75',
  selection: '#93c5fd',
  hover: '#ffffff',
  sliver: '#3a3a42',
  palette: palette(34, 45),
  font: FONT,
  fontSize: FONT_SIZE,
};
