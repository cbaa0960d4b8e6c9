/**
 * Canvas text set-up that costs once per page: the label font's character width, and the
 * first use of that font on a canvas. In a fresh tab the first measureText with the label
 * font takes ~25 ms (the font stack is resolved family by family) and the first labels
 * drawn pay again for their glyphs; `prewarmCanvasText` does both while the page is idle,
 * so they are not on the path of the first profile's paint.
 */
import type { Theme } from '../render/theme.ts';
import { LIGHT_THEME } from '../render/theme.ts';

/** Width of one label character per font, measured once. */
const charWidths = new Map<string, number>();

/** The labels' font is monospaced: one character width fits any label. */
export function measureCharWidth(theme: Theme): number {
  let width = charWidths.get(theme.font);
  if (width === undefined) {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return theme.fontSize * 0.6;
    context.font = theme.font;
    width = context.measureText('MMMMMMMMMM').width / 10;
    charWidths.set(theme.font, width);
  }
  return width;
}

/** The printable ASCII range: what nearly every frame label is made of. */
const GLYPHS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Resolves the label font and draws its common glyphs once, off the path of any paint. */
export function prewarmCanvasText(theme: Theme = LIGHT_THEME): void {
  measureCharWidth(theme);
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 16;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.font = theme.font;
  context.fillText(GLYPHS, 0, theme.fontSize);
}
