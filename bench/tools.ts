/**
 * The two tools compared side by side: Flamelens (the built app) and speedscope (its
 * release build from node_modules), each served by the same tiny static server on its own
 * loopback origin, and what "ready to take a file" and "painted" mean for each.
 */
import { join } from 'node:path';
import type { Page } from 'playwright';
import { prepareApp } from './app-build.ts';
import type { BuiltApp } from './app-build.ts';
import { PROJECT_ROOT } from './inputs.ts';
import { WEBGL_DRAW_PROBE, nextFrames } from './page-scripts.ts';
import type { ReadyKind } from './page-scripts.ts';
import type { Resources } from './resources.ts';
import { startStaticServer } from './static-server.ts';

export interface Tool {
  name: ReadyKind;
  url: string;
  /** the page's file picker */
  fileInput: string;
  /** extra probes installed before the page's scripts */
  initScripts: string[];
  /** resolves once the freshly opened page can take a file and has gone quiet */
  settle(page: Page): Promise<void>;
  /** after the measured load: waits for what the tool shows after its graph, to report it */
  afterLoad?(page: Page, t0: number): Promise<void>;
}

/** Startup work (fetches, first layout) must not land inside the measured load. */
async function quiet(page: Page): Promise<void> {
  await page.evaluate(nextFrames, 2);
  await page.waitForTimeout(300);
}

export async function startFlamelens(resources: Resources): Promise<{ tool: Tool; build: BuiltApp }> {
  const build = prepareApp(resources);
  const server = await startStaticServer(build.dir);
  resources.add('flamelens static server', () => server.close());
  const tool: Tool = {
    name: 'flamelens',
    url: server.url,
    fileInput: 'input[type=file]',
    initScripts: [],
    async settle(page) {
      await page.waitForSelector('input[type=file]', { state: 'attached' });
      // The app warms its worker up at start (off the main thread) and says when it is done.
      await page.waitForSelector('html[data-flamelens-worker="ready"]', { state: 'attached', timeout: 10_000 });
      await quiet(page);
    },
    async afterLoad(page, t0) {
      // The function table renders after the graph (a React transition): its mark comes later.
      await page
        .waitForFunction((since) => performance.getEntriesByName('flamelens:table').some((m) => m.startTime >= since), t0, { timeout: 5_000 })
        .catch(() => undefined);
    },
  };
  return { tool, build };
}

export const SPEEDSCOPE_DIR = join(PROJECT_ROOT, 'node_modules', 'speedscope', 'dist', 'release');

export async function startSpeedscope(resources: Resources): Promise<Tool> {
  const server = await startStaticServer(SPEEDSCOPE_DIR);
  resources.add('speedscope static server', () => server.close());
  return {
    name: 'speedscope',
    url: server.url,
    // The landing page's "Browse" button is a label for this hidden input.
    fileInput: 'input[type=file]#file',
    initScripts: [WEBGL_DRAW_PROBE],
    async settle(page) {
      await page.waitForSelector('input[type=file]#file', { state: 'attached' });
      // speedscope ignores a file chosen before its WebGL canvas exists (loadProfile returns early).
      await page.waitForSelector('canvas', { state: 'attached' });
      await quiet(page);
    },
  };
}
