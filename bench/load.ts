/**
 * One measured load: a fresh context, open the tool, let it settle, then time from "file
 * chosen" to "profile painted + 2 animation frames", in the page's own clock. Also reads
 * the long tasks of that window, the app's phase marks, and (optionally) the JS heap.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { heapAfterGc, newBenchContext } from './browser.ts';
import type { PageHeap } from './browser.ts';
import { armLoadWaiter, awaitLoad, readLoadFacts } from './page-scripts.ts';
import type { ReadyKind } from './page-scripts.ts';
import type { Tool } from './tools.ts';

export interface LoadRun {
  tool: ReadyKind;
  /** page clock (performance.now()) right before the file was set on the input */
  t0: number;
  /** t0 (right before the file is set on the input) to painted + 2 frames */
  ms: number;
  /** t0 to the moment the painted condition was seen */
  paintedMs: number;
  /** the page's performance marks (flamelens:load-start, ...), in ms after t0 */
  marks: Record<string, number>;
  /** the worker's stages (flamelens:worker-inflate, ...): ms after t0 and duration */
  workerSpans: Record<string, { start: number; duration: number }>;
  /** main-thread tasks over 50 ms that started within the load */
  longTasks: { start: number; duration: number }[];
  heap: PageHeap | null;
}

export interface LoadOptions {
  timeoutMs: number;
  heap: boolean;
  /** init scripts on top of the tool's own */
  initScripts?: string[];
  /** runs on the loaded page before its context is closed (the redraw figures use this) */
  after?: (page: Page, context: BrowserContext) => Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function measureLoad(browser: Browser, tool: Tool, file: string, options: LoadOptions): Promise<LoadRun> {
  const context = await newBenchContext(browser, [...tool.initScripts, ...(options.initScripts ?? [])]);
  try {
    const page = await context.newPage();
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error(`${tool.name}: the tab crashed`))));
    crashed.catch(() => undefined);
    await page.goto(tool.url, { waitUntil: 'load' });
    await tool.settle(page);
    await page.evaluate(armLoadWaiter, tool.name);
    await page.setInputFiles(tool.fileInput, file);
    const times = await withTimeout(Promise.race([page.evaluate(awaitLoad), crashed]), options.timeoutMs, `${tool.name} load`);
    await tool.afterLoad?.(page, times.t0);
    const facts = await page.evaluate(readLoadFacts);
    const marks: Record<string, number> = {};
    for (const mark of facts.marks) if (mark.time >= times.t0) marks[mark.name] = mark.time - times.t0;
    const workerSpans: LoadRun['workerSpans'] = {};
    for (const m of facts.measures) {
      if (m.start >= times.t0 && m.name.startsWith('flamelens:worker-')) workerSpans[m.name] = { start: m.start - times.t0, duration: m.duration };
    }
    const run: LoadRun = {
      tool: tool.name,
      t0: times.t0,
      ms: times.t1 - times.t0,
      paintedMs: times.paintedAt - times.t0,
      marks,
      workerSpans,
      longTasks: facts.longTasks.filter((t) => t.start >= times.t0 && t.start < times.t1),
      heap: options.heap ? await heapAfterGc(context, page) : null,
    };
    await options.after?.(page, context);
    return run;
  } finally {
    await context.close().catch(() => undefined);
  }
}
