/**
 * Geometry shared by drawing and hit-testing: where a depth's row is on screen and which
 * rows are visible. One renderer, two orientations: flame (root at the bottom) and icicle
 * (root on top). `scroll` is how far the view has moved away from the root's edge, so it
 * means the same in both orientations.
 */
export type Orientation = 'flame' | 'icicle';

export interface Viewport {
  /** CSS pixels */
  width: number;
  height: number;
  rowHeight: number;
  orientation: Orientation;
  /** the zoomed node: it spans the full width, its ancestors are drawn above/below it */
  focus: number;
  /** CSS pixels scrolled away from the root's edge, 0..maxScroll */
  scroll: number;
}

export const ROW_HEIGHT = 18;

/** Top edge of a depth's row, in CSS pixels from the top of the canvas. */
export function rowTop(viewport: Viewport, depth: number): number {
  const { rowHeight, scroll, height } = viewport;
  return viewport.orientation === 'icicle'
    ? depth * rowHeight - scroll
    : height - (depth + 1) * rowHeight + scroll;
}

/** Depth whose row contains canvas y, or -1 above/below the rows. */
export function depthAt(viewport: Viewport, y: number): number {
  const { rowHeight, scroll, height } = viewport;
  const depth =
    viewport.orientation === 'icicle'
      ? Math.floor((y + scroll) / rowHeight)
      : Math.ceil((height + scroll - y) / rowHeight) - 1;
  return depth >= 0 ? depth : -1;
}

/** Inclusive range of depths with at least one visible pixel. */
export function visibleDepths(viewport: Viewport): [number, number] {
  const { rowHeight, scroll, height } = viewport;
  const first = Math.max(0, Math.floor(scroll / rowHeight));
  const last = Math.floor((scroll + height) / rowHeight);
  return [first, last];
}

export function maxScroll(viewport: Viewport, maxDepth: number): number {
  return Math.max(0, (maxDepth + 1) * viewport.rowHeight - viewport.height);
}

export function clampScroll(viewport: Viewport, maxDepth: number, scroll: number): number {
  return Math.min(Math.max(0, scroll), maxScroll(viewport, maxDepth));
}
