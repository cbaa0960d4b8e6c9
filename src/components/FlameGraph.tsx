/**
 * The flame graph canvas: sizing (device-pixel-ratio aware), painting on animation
 * frames, pointer and keyboard interaction. What to draw is decided by `render/`; what a
 * box looks like and what the tooltip says are decided by the parent (plain view or diff).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { CallTree } from '../profile/calltree.ts';
import { firstChild, nextSibling, previousSibling } from '../profile/navigation.ts';
import type { Layout } from '../state/derived.ts';
import { nodeAt } from '../render/hit-test.ts';
import { paintScene } from '../render/paint.ts';
import { buildScene, createScene } from '../render/scene.ts';
import { LabelCache } from '../render/text.ts';
import type { Theme } from '../render/theme.ts';
import { clampScroll, ROW_HEIGHT, rowTop } from '../render/viewport.ts';
import type { Orientation, Viewport } from '../render/viewport.ts';
import { Tooltip } from './Tooltip.tsx';
import { measureCharWidth } from './canvas-text.ts';

const MAX_PAINT_MEASURES = 5000;
let paintCount = 0;

export type FlameGraphState = 'empty' | 'loading' | 'ready' | 'error';

export interface FlameGraphProps {
  tree: CallTree | null;
  layout: Layout | null;
  orientation: Orientation;
  theme: Theme;
  /** the zoomed node */
  focus: number;
  onFocus(node: number): void;
  fill(node: number): string;
  textColor(node: number): string;
  tooltip(node: number): ReactNode;
  /** empty/loading/error as the data store says; 'ready' is set here once a tree is painted */
  status: FlameGraphState;
  /** the root's value in the sample type's unit, exposed as `data-root-total` for tests and tools */
  rootTotal: number;
  /** `data-testid` of the wrapper; "flamegraph" unless a view shows two graphs */
  testId?: string;
  /** called after the first paint of each new tree */
  onFirstPaint?(tree: CallTree): void;
  /** what the graph shows; the keyboard hint is added here, where the keys are handled */
  ariaLabel: string;
}

const KEYBOARD_HINT = 'Arrow keys move between frames, Enter zooms, Escape resets.';

interface Size {
  width: number;
  height: number;
}

/** The element's content box (what ResizeObserver's contentRect reports), measured now. */
function contentBox(element: HTMLElement): Size {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const px = (value: string) => parseFloat(value) || 0;
  return {
    width: rect.width - px(style.borderLeftWidth) - px(style.borderRightWidth) - px(style.paddingLeft) - px(style.paddingRight),
    height: rect.height - px(style.borderTopWidth) - px(style.borderBottomWidth) - px(style.paddingTop) - px(style.paddingBottom),
  };
}

/** Sizes within half a pixel draw the same canvas: no second paint for rounding noise. */
function sameSize(a: Size, b: Size): boolean {
  return Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
}

function useElementSize(ref: React.RefObject<HTMLElement | null>, measureAtMount: boolean): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const measureNow = useRef(measureAtMount);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measured at mount, so a new graph paints in the very next frame instead of waiting
    // a frame for the observer's first report. Not when mounted to wait for a tree: the
    // observer reports long before a file is decoded, and the task that shows the loading
    // state does not force a layout.
    if (measureNow.current) {
      const mounted = contentBox(element);
      setSize((old) => (sameSize(old, mounted) ? old : mounted));
    }
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((old) => (sameSize(old, { width, height }) ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * Gives the canvas the device-pixel size of its box; true when it had to change (which
 * clears it). Checked before every draw too: the device pixel ratio can change alone.
 */
function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): boolean {
  const dpr = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(width * dpr);
  const pixelHeight = Math.round(height * dpr);
  if (canvas.width === pixelWidth && canvas.height === pixelHeight) return false;
  canvas.width = pixelWidth;
  canvas.height = pixelHeight;
  return true;
}

export function FlameGraph(props: FlameGraphProps) {
  const { tree, layout, orientation, theme, focus, onFocus, fill, textColor, tooltip, status, onFirstPaint } = props;
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Mounted without a tree: the panes shown while a file loads.
  const waiting = tree === null;
  const size = useElementSize(wrapperRef, !waiting);
  const [scroll, setScroll] = useState(0);
  const [hovered, setHovered] = useState(-1);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [selected, setSelected] = useState(-1);
  const [paintedTree, setPaintedTree] = useState<CallTree | null>(null);
  const sceneRef = useRef(createScene());
  const paintedRef = useRef<CallTree | null>(null);
  const labels = useMemo(() => new LabelCache(), []);
  const charWidth = useMemo(() => measureCharWidth(theme), [theme]);

  // A new tree invalidates node indices held in local state.
  const [stateTree, setStateTree] = useState(tree);
  if (stateTree !== tree) {
    setStateTree(tree);
    setHovered(-1);
    setSelected(-1);
    setScroll(0);
  }

  const viewport: Viewport = useMemo(
    () => ({ width: size.width, height: size.height, rowHeight: ROW_HEIGHT, orientation, focus, scroll }),
    [size.width, size.height, orientation, focus, scroll],
  );
  const maxDepth = tree?.maxDepth ?? 0;

  // The canvas takes its size (and the background) as soon as its box is known, not in the
  // frame that draws the graph: allocating a new backing store is costly (page faults) and
  // the first graph's frame is the longest task of a load. Also no black frame after a resize.
  // Waiting for a first tree, that is a task of its own: the page shows its loading state
  // first, and no task holds both.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0 || size.height === 0) return;
    const clear = () => {
      if (!fitCanvas(canvas, size.width, size.height)) return;
      const context = canvas.getContext('2d', { alpha: false });
      if (!context) return;
      context.fillStyle = theme.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
    };
    if (!waiting) return clear();
    const timer = setTimeout(clear, 0);
    return () => clearTimeout(timer);
  }, [size.width, size.height, theme, waiting]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !tree || !layout || size.width === 0 || size.height === 0) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      fitCanvas(canvas, size.width, size.height);
      const context = canvas.getContext('2d', { alpha: false });
      if (!context) return;
      // Every redraw is measured (`flamelens:paint` entries): the benchmark reads them.
      const started = performance.now();
      const scene = buildScene(tree, layout.starts, layout.widths, viewport, sceneRef.current);
      sceneRef.current = scene;
      const names = tree.frames.name;
      paintScene(context, scene, viewport, {
        theme,
        dpr,
        charWidth,
        fill,
        textColor,
        label: (node, maxChars) => labels.fit(names[tree.frame[node]], maxChars),
        hovered,
        selected,
      });
      performance.measure('flamelens:paint', { start: started, end: performance.now() });
      // Keep the timeline buffer bounded in a long session.
      if (++paintCount % MAX_PAINT_MEASURES === 0) performance.clearMeasures('flamelens:paint');
      if (paintedRef.current !== tree) {
        paintedRef.current = tree;
        performance.mark('flamelens:painted');
        setPaintedTree(tree);
        onFirstPaint?.(tree);
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [tree, layout, viewport, theme, charWidth, fill, textColor, labels, hovered, selected, size.width, size.height, onFirstPaint]);

  const hitTest = useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      if (!tree || !layout || !canvasRef.current) return -1;
      const rect = canvasRef.current.getBoundingClientRect();
      return nodeAt(tree, layout.starts, layout.widths, viewport, event.clientX - rect.left, event.clientY - rect.top);
    },
    [tree, layout, viewport],
  );

  const onMouseMove = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const node = hitTest(event);
    setHovered(node);
    const rect = wrapperRef.current!.getBoundingClientRect();
    setPointer(node >= 0 ? { x: event.clientX - rect.left, y: event.clientY - rect.top } : null);
  };

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const node = hitTest(event);
    if (node >= 0) {
      setSelected(node);
      onFocus(node);
    }
  };

  const scrollBy = useCallback(
    (delta: number) => setScroll((s) => clampScroll(viewport, maxDepth, s + delta)),
    [viewport, maxDepth],
  );

  // Wheel scrolls the rows when they overflow; a non-passive listener so the page does not also scroll.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      if (clampScroll(viewport, maxDepth, Number.MAX_VALUE) === 0) return;
      event.preventDefault();
      scrollBy(orientation === 'icicle' ? event.deltaY : -event.deltaY);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [viewport, maxDepth, orientation, scrollBy]);

  /** Scrolls just enough for a node's row to be on screen. */
  const reveal = (node: number) => {
    if (!tree) return;
    const top = rowTop(viewport, tree.depth[node]);
    if (top < 0) scrollBy(orientation === 'icicle' ? top : -top);
    else if (top + ROW_HEIGHT > viewport.height) {
      const overflow = top + ROW_HEIGHT - viewport.height;
      scrollBy(orientation === 'icicle' ? overflow : -overflow);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!tree) return;
    const current = selected >= 0 ? selected : focus;
    const towardsLeaves = () => {
      const child = firstChild(tree, current);
      return child >= 0 ? widestChild(tree, layout, current) : -1;
    };
    let next = -1;
    switch (event.key) {
      case 'ArrowUp':
        next = orientation === 'flame' ? towardsLeaves() : tree.parent[current];
        break;
      case 'ArrowDown':
        next = orientation === 'flame' ? tree.parent[current] : towardsLeaves();
        break;
      case 'ArrowLeft':
        next = previousSibling(tree, current);
        break;
      case 'ArrowRight':
        next = nextSibling(tree, current);
        break;
      case 'Enter':
        onFocus(current);
        event.preventDefault();
        return;
      case 'Escape':
        setSelected(-1);
        onFocus(0);
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next < 0) return;
    // Moving outside the zoomed subtree zooms out to keep the selection visible.
    if (next < focus || next >= tree.subtreeEnd[focus]) {
      if (!(next <= focus && tree.subtreeEnd[next] >= tree.subtreeEnd[focus])) onFocus(tree.parent[next] >= 0 ? tree.parent[next] : 0);
    }
    setSelected(next);
    reveal(next);
  };

  const state: FlameGraphState = status !== 'ready' ? status : tree && paintedTree === tree ? 'ready' : 'loading';
  const tooltipNode = hovered >= 0 ? hovered : -1;

  return (
    <div
      className="flamegraph"
      data-testid={props.testId ?? 'flamegraph'}
      data-state={state}
      data-orientation={orientation}
      data-root-total={state === 'ready' ? props.rootTotal : undefined}
      ref={wrapperRef}
      tabIndex={0}
      role="application"
      aria-label={`${props.ariaLabel}. ${KEYBOARD_HINT}`}
      aria-roledescription="flame graph"
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (selected < 0 && tree) setSelected(focus);
      }}
    >
      <canvas
        ref={canvasRef}
        style={{ width: size.width, height: size.height }}
        onMouseMove={onMouseMove}
        onMouseLeave={() => {
          setHovered(-1);
          setPointer(null);
        }}
        onClick={onClick}
      />
      {tree && tooltipNode >= 0 && pointer && (
        <Tooltip x={pointer.x} y={pointer.y} bounds={size}>
          {tooltip(tooltipNode)}
        </Tooltip>
      )}
      {tree && selected >= 0 && (
        <div className="sr-only" aria-live="polite">
          {tree.frames.name[tree.frame[selected]]}
        </div>
      )}
    </div>
  );
}

function widestChild(tree: CallTree, layout: Layout | null, node: number): number {
  let best = -1;
  let bestWidth = -1;
  for (let c = node + 1; c < tree.subtreeEnd[node]; c = tree.subtreeEnd[c]) {
    const w = layout ? layout.widths[c] : 0;
    if (w > bestWidth) {
      best = c;
      bestWidth = w;
    }
  }
  return best;
}
