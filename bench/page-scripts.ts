/**
 * Code that runs inside the benchmarked pages. Init scripts are plain JavaScript strings
 * (they run before the page's own scripts, on every document of a context); the functions
 * below are passed to `page.evaluate`, so they must not close over anything from Node.
 */

/** What the probes leave on `window`. */
export interface BenchWindow {
  __benchLongTasks?: { start: number; duration: number }[];
  __benchLongTaskObserver?: PerformanceObserver;
  __benchGlDraws?: number;
  __benchOnGlDraw?: () => void;
  __benchProgress?: { firstSeen: number | null; labels: string[]; lastSeen: number | null };
  __benchReady?: Promise<LoadTimes>;
  __benchT0?: number;
}

export interface LoadTimes {
  t0: number;
  /** when the painted condition was first seen */
  paintedAt: number;
  /** two animation frames after paintedAt: the end of the measured load */
  t1: number;
}

export type ReadyKind = 'flamelens' | 'speedscope';

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)` calls, which would be
 * undefined when Playwright serializes a function into the page: a no-op stand-in.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Records every main-thread task over 50 ms from the first script on (Long Tasks API). */
export const LONG_TASK_PROBE = `
  window.__benchLongTasks = [];
  try {
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ entryTypes: ['longtask'] });
    window.__benchLongTaskObserver = observer;
  } catch (e) { /* no Long Tasks API: reported as no data */ }`;

/**
 * speedscope draws its flame chart with WebGL (one window-sized canvas behind the views,
 * drawArrays only); counting draw calls tells when chart pixels were actually produced.
 */
export const WEBGL_DRAW_PROBE = `
  window.__benchGlDraws = 0;
  const original = WebGLRenderingContext.prototype.drawArrays;
  WebGLRenderingContext.prototype.drawArrays = function (...args) {
    const result = original.apply(this, args);
    window.__benchGlDraws++;
    if (window.__benchOnGlDraw) window.__benchOnGlDraw();
    return result;
  };`;

/** Notes when the app's role="progressbar" first shows, and every label it shows. */
export const PROGRESS_PROBE = `
  window.__benchProgress = { firstSeen: null, lastSeen: null, labels: [] };
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]');
    if (!bar) return;
    const p = window.__benchProgress;
    const now = performance.now();
    if (p.firstSeen === null) p.firstSeen = now;
    p.lastSeen = now;
    const label = bar.getAttribute('aria-label') || '';
    if (p.labels[p.labels.length - 1] !== label) p.labels.push(label);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'aria-valuenow'] });`;

/**
 * Runs in the page right before the file is handed to the file input: records t0 and arms
 * a waiter that resolves two animation frames after the tool has painted the profile.
 *   flamelens:  [data-testid="flamegraph"][data-state="ready"] (set after its first canvas paint)
 *   speedscope: its flame chart view is mounted (a canvas other than the window-sized WebGL one,
 *               with a non-zero size) and a WebGL draw call has run since then.
 * A MutationObserver (and, for speedscope, the draw-call probe) re-checks on every change,
 * so detection is not delayed by polling.
 */
export function armLoadWaiter(kind: ReadyKind): void {
  const w = window as unknown as BenchWindow;
  const t0 = performance.now();
  w.__benchT0 = t0;
  w.__benchReady = new Promise<LoadTimes>((resolve, reject) => {
    let done = false;
    let viewMounted = false;
    const observer = new MutationObserver(() => check(false));
    const finish = (error: Error | null) => {
      done = true;
      observer.disconnect();
      w.__benchOnGlDraw = undefined;
      if (error) return reject(error);
      const paintedAt = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ t0, paintedAt, t1: performance.now() })));
    };
    const check = (fromDraw: boolean) => {
      if (done) return;
      if (kind === 'flamelens') {
        if (document.querySelector('[data-testid="flamegraph"][data-state="error"]')) finish(new Error('the app showed an error state'));
        else if (document.querySelector('[data-testid="flamegraph"][data-state="ready"]')) finish(null);
        return;
      }
      // speedscope: the first canvas is the window-sized WebGL one; the views add their own.
      const canvases = Array.from(document.querySelectorAll('canvas')).slice(1);
      if (!viewMounted) viewMounted = canvases.some((c) => c.clientWidth > 0 && c.clientHeight > 0);
      if (viewMounted && fromDraw) finish(null);
    };
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    w.__benchOnGlDraw = () => check(true);
  });
}

export function awaitLoad(): Promise<LoadTimes> {
  const ready = (window as unknown as BenchWindow).__benchReady;
  return ready ?? Promise.reject(new Error('the load waiter was not armed'));
}

export interface PageLoadFacts {
  longTasks: { start: number; duration: number }[];
  marks: { name: string; time: number }[];
  /** the app's performance measures (the worker's stages among them) */
  measures: { name: string; start: number; duration: number }[];
}

/** Long tasks and the app's performance marks, read once the load is over. */
export function readLoadFacts(): PageLoadFacts {
  const w = window as unknown as BenchWindow;
  // Entries still queued for the observer callback would be missed otherwise.
  for (const e of w.__benchLongTaskObserver?.takeRecords() ?? []) w.__benchLongTasks?.push({ start: e.startTime, duration: e.duration });
  return {
    longTasks: w.__benchLongTasks ?? [],
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, time: m.startTime })),
    measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, duration: m.duration })),
  };
}

/** Resolves after `n` animation frames: lets pending paints happen before the next step. */
export function nextFrames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}
