/**
 * The in-browser decode rate: the same pipeline as the Node figures (inflate with
 * DecompressionStream, decodePprof, buildCallTree), on the page's main thread in Chromium,
 * through the existing bench/decode-harness page served by a Vite dev server. This is the
 * engine and code the app's worker runs, without the worker's messaging around it.
 */
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright';
import { createServer } from 'vite';
import { newBenchContext } from './browser.ts';
import { PROJECT_ROOT, sharedLargeProfile } from './inputs.ts';
import { log } from './log.ts';
import { fmtInt, fmtMs, fmtRate, rateMBs } from './report.ts';
import type { Row } from './report.ts';
import type { Resources } from './resources.ts';
import { summarize } from './stats.ts';

interface HarnessResult {
  rawBytes: number;
  inflateMs: number;
  decodeMs: number;
  treeMs: number;
  nodes: number;
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
  const { port } = probe.address() as AddressInfo;
  await new Promise((closed) => probe.close(closed));
  return port;
}

/** A dev server for the harness only: no project config (no proxy, no plugins), a private cache. */
async function startHarnessServer(resources: Resources): Promise<string> {
  const port = await freePort();
  const server = await createServer({
    configFile: false,
    root: PROJECT_ROOT,
    cacheDir: resources.tempDir('vite-cache'),
    logLevel: 'silent',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  resources.add('vite dev server (decode harness)', () => server.close());
  await server.listen();
  return `http://127.0.0.1:${port}/bench/decode-harness.html`;
}

export async function runBrowserDecode(browser: Browser, resources: Resources, quick: boolean): Promise<Row[]> {
  const url = await startHarnessServer(resources);
  const context = await newBenchContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof (window as { __runBench?: unknown }).__runBench === 'function');
    const base64 = Buffer.from(sharedLargeProfile()).toString('base64');
    const warmups = quick ? 1 : 2;
    const runs = quick ? 3 : 7;
    const results: HarnessResult[] = [];
    log(`browser decode: ${warmups} + ${runs} runs of the harness on node-tsc-large`);
    for (let i = 0; i < warmups + runs; i++) {
      // A full GC first (--expose-gc), so no run pays for the previous one's garbage.
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      const result = (await page.evaluate(
        (data) => (window as unknown as { __runBench(b: string): Promise<unknown> }).__runBench(data),
        base64,
      )) as HarnessResult;
      if (i >= warmups) results.push(result);
    }
    return harnessRows(results);
  } finally {
    await context.close().catch(() => undefined);
  }
}

function harnessRows(results: HarnessResult[]): Row[] {
  const section = 'browser: decode in Chromium (main thread, decode harness)';
  const raw = results[0].rawBytes;
  const decode = summarize(results.map((r) => r.decodeMs));
  const inflate = summarize(results.map((r) => r.inflateMs));
  const tree = summarize(results.map((r) => r.treeMs));
  return [
    {
      section,
      figure: 'in-browser decode rate, node-tsc-large',
      value: `${fmtRate(raw, decode.median)} (${fmtMs(decode.median)})`,
      target: '(Node: ≥ 100 MB/s)',
      status: 'INFO',
      note: `median of ${decode.n}, p95 ${fmtMs(decode.p95)}`,
      data: { mbPerS: rateMBs(raw, decode.median), decodeMs: decode },
    },
    {
      section,
      figure: 'in-browser inflate (DecompressionStream) / call-tree build',
      value: `${fmtMs(inflate.median)} / ${fmtMs(tree.median)}`,
      status: 'INFO',
      note: `${fmtInt(results[0].nodes)} nodes; median of ${tree.n}`,
      data: { inflateMs: inflate, treeMs: tree },
    },
  ];
}
