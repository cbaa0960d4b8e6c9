/**
 * Flame graph redraw times at 1920x1080 on node-tsc-large, read from the app's own
 * `flamelens:paint` measures (scene build + canvas calls of one full redraw), while the
 * mouse hovers over frames (each new hovered frame redraws the outline) and while zooming
 * (clicks on frames at several depths, then Escape to reset). Each action is followed by
 * two animation frames so every redraw it causes has run before the next action.
 */
import type { Browser, Page } from 'playwright';
import { ROW_HEIGHT } from '../src/render/viewport.ts';
import { SHARED_LARGE_PROFILE } from './inputs.ts';
import { measureLoad } from './load.ts';
import { log } from './log.ts';
import { nextFrames } from './page-scripts.ts';
import { fmtInt, fmtMs, passOrMiss } from './report.ts';
import type { Row } from './report.ts';
import { summarize } from './stats.ts';
import type { Tool } from './tools.ts';

const SECTION = 'browser: flame graph redraw, node-tsc-large at 1920x1080';
const REDRAW_TARGET_MS = 16;
const CANVAS = '[data-testid="flamegraph"] canvas';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Paint {
  start: number;
  duration: number;
}

const readPaints = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('flamelens:paint').map((e) => ({ start: e.startTime, duration: e.duration })));
const clearPaints = (page: Page) => page.evaluate(() => performance.clearMeasures('flamelens:paint'));
const settle = (page: Page) => page.evaluate(nextFrames, 2);

/** Page coordinates of depth `depth`'s row centre (flame orientation: the root row is at the bottom). */
function rowY(box: Box, depth: number): number {
  return box.y + box.height - (depth + 1) * ROW_HEIGHT + ROW_HEIGHT / 2;
}

/** Deterministic positions: the same sweep every run. Shallow rows are wider, so they are hovered more. */
function* hoverPoints(box: Box, count: number): Generator<[number, number]> {
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const rows = Math.floor(box.height / ROW_HEIGHT);
  for (let i = 0; i < count; i++) {
    const depth = Math.floor(random() ** 2 * rows);
    yield [box.x + 1 + random() * (box.width - 2), rowY(box, depth)];
  }
}

async function hover(page: Page, box: Box, count: number): Promise<Paint[]> {
  await clearPaints(page);
  for (const [x, y] of hoverPoints(box, count)) {
    await page.mouse.move(x, y);
    await page.evaluate(nextFrames, 1);
  }
  await settle(page);
  return readPaints(page);
}

interface ZoomFigures {
  paints: Paint[];
  /** input event -> end of the redraw it caused (includes the React work before the paint) */
  latencies: number[];
  clicks: number;
  missed: number;
}

/** Runs `act`, then returns the redraws it caused and the time from its input event to the last one's end. */
async function timedAction(page: Page, eventType: 'mousedown' | 'keydown', act: () => Promise<void>): Promise<{ paints: Paint[]; latency: number | null }> {
  await settle(page);
  await clearPaints(page);
  await page.evaluate((type) => {
    const w = window as unknown as { __benchInputAt?: number };
    w.__benchInputAt = undefined;
    window.addEventListener(type, (e) => (w.__benchInputAt = e.timeStamp), { capture: true, once: true });
  }, eventType);
  await act();
  await settle(page);
  const paints = await readPaints(page);
  const inputAt = await page.evaluate(() => (window as unknown as { __benchInputAt?: number }).__benchInputAt ?? null);
  const last = paints[paints.length - 1];
  return { paints, latency: last && inputAt !== null ? last.start + last.duration - inputAt : null };
}

async function zoom(page: Page, box: Box, cycles: number[], depths: number[], hoversPerCycle: number): Promise<{ zoom: ZoomFigures; hover: Paint[] }> {
  const figures: ZoomFigures = { paints: [], latencies: [], clicks: 0, missed: 0 };
  const hovers: Paint[] = [];
  const record = (result: { paints: Paint[]; latency: number | null }) => {
    figures.paints.push(...result.paints);
    if (result.latency !== null) figures.latencies.push(result.latency);
  };
  for (const fraction of cycles) {
    const x = box.x + box.width * fraction;
    for (const depth of depths) {
      await page.mouse.move(x, rowY(box, depth));
      const result = await timedAction(page, 'mousedown', async () => {
        await page.mouse.down();
        await page.mouse.up();
      });
      figures.clicks++;
      if (result.paints.length === 0) figures.missed++; // no frame under the pointer: nothing to zoom into
      record(result);
    }
    hovers.push(...(await hover(page, box, hoversPerCycle)));
    // Escape goes to the focused flame graph (the click focused it) and resets the zoom.
    record(await timedAction(page, 'keydown', () => page.keyboard.press('Escape')));
  }
  return { zoom: figures, hover: hovers };
}

export async function runRedraw(browser: Browser, app: Tool, quick: boolean): Promise<Row[]> {
  let rows: Row[] = [];
  await measureLoad(browser, app, SHARED_LARGE_PROFILE, {
    timeoutMs: 120_000,
    heap: false,
    after: async (page) => {
      const box = await page.locator(CANVAS).boundingBox();
      if (!box) throw new Error('redraw: the flame graph canvas has no box');
      log(`redraw: hovering and zooming over a ${Math.round(box.width)}x${Math.round(box.height)} canvas`);
      const hovered = await hover(page, box, quick ? 120 : 400);
      const cycles = quick ? [0.5, 0.3] : [0.5, 0.3, 0.7, 0.15];
      const zoomed = await zoom(page, box, cycles, [1, 3, 6, 10, 15, 21, 28], quick ? 20 : 40);
      rows = redrawRows(box, [...hovered, ...zoomed.hover], zoomed.zoom);
    },
  });
  return rows;
}

function redrawRows(box: Box, hovered: Paint[], zoomed: ZoomFigures): Row[] {
  const h = summarize(hovered.map((p) => p.duration));
  const z = summarize(zoomed.paints.map((p) => p.duration));
  const all = summarize([...hovered, ...zoomed.paints].map((p) => p.duration));
  const latency = summarize(zoomed.latencies);
  const canvas = `canvas ${Math.round(box.width)}x${Math.round(box.height)} CSS px`;
  return [
    {
      section: SECTION,
      figure: 'redraw while hovering (median / p95)',
      value: `${fmtMs(h.median)} / ${fmtMs(h.p95)}`,
      status: 'INFO',
      note: `${fmtInt(h.n)} redraws, max ${fmtMs(h.max)}; ${canvas}`,
      data: { ms: h },
    },
    {
      section: SECTION,
      figure: 'redraw while zooming (median / p95)',
      value: `${fmtMs(z.median)} / ${fmtMs(z.p95)}`,
      status: 'INFO',
      note: `${fmtInt(z.n)} redraws from ${zoomed.clicks} clicks (${zoomed.missed} on empty space) and Escape resets, max ${fmtMs(z.max)}`,
      data: { ms: z, clicks: zoomed.clicks, missed: zoomed.missed },
    },
    {
      section: SECTION,
      figure: 'redraw p95, hovering and zooming',
      value: fmtMs(all.p95),
      target: `≤ ${REDRAW_TARGET_MS} ms`,
      status: all.n === 0 ? 'ERROR' : passOrMiss(all.p95 <= REDRAW_TARGET_MS),
      note: `flamelens:paint measures: scene build + canvas calls; median ${fmtMs(all.median)} of ${fmtInt(all.n)}`,
      data: { ms: all },
    },
    {
      section: SECTION,
      figure: 'zoom: click/Escape event -> redrawn (median / p95)',
      value: `${fmtMs(latency.median)} / ${fmtMs(latency.p95)}`,
      status: 'INFO',
      note: 'input event timestamp to the end of the redraw it caused: adds the React/layout work before the paint',
      data: { ms: latency },
    },
  ];
}
