/**
 * Paints a scene. All decisions (which boxes, what color, which label) are made by pure
 * functions; this only issues canvas calls, batched so that the fill style changes as
 * rarely as possible (software rasterization makes every state change count).
 */
import type { Canvas2D } from './canvas.ts';
import type { Scene } from './scene.ts';
import type { Theme } from './theme.ts';
import type { Viewport } from './viewport.ts';

export interface PaintStyle {
  theme: Theme;
  /** device pixel ratio: the canvas is width*dpr by height*dpr device pixels */
  dpr: number;
  /** width of one label character in CSS px (monospace font) */
  charWidth: number;
  /** fill color of a node */
  fill(node: number): string;
  /** text color on a node */
  textColor(node: number): string;
  /** label that fits maxChars characters, '' for none */
  label(node: number, maxChars: number): string;
  hovered: number;
  selected: number;
}

const GAP_PX = 1;
const MIN_GAPPED_PX = 4;
const TEXT_PADDING_PX = 4;

export function paintScene(ctx: Canvas2D, scene: Scene, viewport: Viewport, style: PaintStyle): void {
  const { theme, dpr } = style;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, viewport.width, viewport.height);

  const boxHeight = viewport.rowHeight - GAP_PX;
  const fills: string[] = new Array(scene.count);
  // Group boxes by fill so each color is set once.
  const byFill = new Map<string, number[]>();
  for (let i = 0; i < scene.count; i++) {
    const node = scene.node[i];
    const fill = node < 0 ? theme.sliver : style.fill(node);
    fills[i] = fill;
    let list = byFill.get(fill);
    if (!list) byFill.set(fill, (list = []));
    list.push(i);
  }
  for (const [fill, boxes] of byFill) {
    ctx.fillStyle = fill;
    for (const i of boxes) {
      const w = scene.w[i];
      // Narrow boxes keep their full width: a 1 px gap would make a dense region mostly gaps.
      ctx.fillRect(scene.x[i], scene.y[i], w >= MIN_GAPPED_PX ? w - GAP_PX : w, boxHeight);
    }
  }

  ctx.font = theme.font;
  ctx.textBaseline = 'middle';
  let currentText = '';
  for (let i = 0; i < scene.count; i++) {
    const node = scene.node[i];
    if (node < 0) continue;
    const maxChars = Math.floor((scene.w[i] - 2 * TEXT_PADDING_PX) / style.charWidth);
    if (maxChars < 1) continue;
    const text = style.label(node, maxChars);
    if (!text) continue;
    const color = style.textColor(node);
    if (color !== currentText) {
      ctx.fillStyle = color;
      currentText = color;
    }
    ctx.fillText(text, scene.x[i] + TEXT_PADDING_PX, scene.y[i] + boxHeight / 2 + 0.5);
  }

  outline(ctx, scene, style.hovered, theme.hover, boxHeight);
  outline(ctx, scene, style.selected, theme.selection, boxHeight);
}

function outline(ctx: Canvas2D, scene: Scene, node: number, color: string, boxHeight: number): void {
  if (node < 0) return;
  for (let i = 0; i < scene.count; i++) {
    if (scene.node[i] !== node) continue;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(scene.x[i] + 0.75, scene.y[i] + 0.75, Math.max(0, scene.w[i] - 2.5), boxHeight - 1.5);
    return;
  }
}
