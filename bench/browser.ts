/**
 * Headless Chromium for the browser figures: Debian's /usr/bin/chromium (Playwright cannot
 * download its own here), one browser per run, a fresh context (no cache, no storage) per
 * measured page, and the JS heap read over CDP for the page and its workers.
 */
import { chromium } from 'playwright';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { LONG_TASK_PROBE, NAME_SHIM } from './page-scripts.ts';
import type { Resources } from './resources.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium.ts';

export const VIEWPORT = { width: 1920, height: 1080 } as const;

const BENCH_ARGS = [
  ...CHROMIUM_ARGS,
  // Unbucketed heap figures and a callable gc() for the in-page harness.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

export async function launchChromium(resources: Resources): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: BENCH_ARGS,
  });
  resources.add('chromium', () => browser.close());
  return browser;
}

/** A fresh context at 1920x1080, 1x pixels, with the long-task probe installed before any page script. */
export async function newBenchContext(browser: Browser, initScripts: string[] = []): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  for (const script of [NAME_SHIM, LONG_TASK_PROBE, ...initScripts]) await context.addInitScript(script);
  return context;
}

export interface HeapFigure {
  /** V8 heap in use, after a full GC */
  heapBytes: number;
  /** ArrayBuffer backing stores (typed arrays live here, outside the V8 heap) */
  arrayBufferBytes: number;
}

export interface PageHeap {
  main: HeapFigure;
  workers: HeapFigure[];
  /** heap + ArrayBuffers of the page and all its workers: what the profile costs in JS memory */
  totalBytes: number;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

const toFigure = (u: HeapUsage): HeapFigure => ({ heapBytes: u.usedSize, arrayBufferBytes: u.backingStorageSize ?? 0 });

/**
 * JS memory of a page after a forced GC, workers included. The app keeps its profile in a
 * worker and in typed arrays, speedscope in JS objects on the main thread: counting only
 * the main thread's V8 heap (performance.memory) would flatter the app, so this sums heap
 * and ArrayBuffer backing stores over the page and every dedicated worker.
 *
 * Workers are reached with the CDP session's non-flat auto-attach (messages wrapped in
 * Target.sendMessageToTarget), because Playwright's CDPSession only talks to pages.
 */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<PageHeap> {
  const session = await context.newCDPSession(page);
  try {
    const workerSessions: string[] = [];
    session.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') workerSessions.push(event.sessionId);
    });
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    // Attach events for existing workers may trail the reply; wait (briefly) for all of them.
    const expected = page.workers().length;
    for (let waited = 0; workerSessions.length < expected && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (workerSessions.length < expected) throw new Error(`heap: reached ${workerSessions.length} of ${expected} workers`);
    const workers: HeapFigure[] = [];
    for (const sessionId of workerSessions) {
      await sendToTarget(session, sessionId, 'HeapProfiler.collectGarbage');
      workers.push(toFigure((await sendToTarget(session, sessionId, 'Runtime.getHeapUsage')) as HeapUsage));
    }
    await session.send('HeapProfiler.collectGarbage');
    const main = toFigure(await session.send('Runtime.getHeapUsage'));
    const sum = (f: HeapFigure) => f.heapBytes + f.arrayBufferBytes;
    return { main, workers, totalBytes: sum(main) + workers.reduce((n, f) => n + sum(f), 0) };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

let nextMessageId = 1_000_000;

function sendToTarget(session: CDPSession, sessionId: string, method: string): Promise<unknown> {
  const id = nextMessageId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (event.sessionId !== sessionId || reply.id !== id) return;
      session.off('Target.receivedMessageFromTarget', onMessage);
      if (reply.error) reject(new Error(`${method} in a worker: ${reply.error.message}`));
      else resolve(reply.result);
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject);
  });
}
