import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { PROFILES_DIR, readManifest } from '../test/support/shared-profiles.ts';
import { ROW_HEIGHT } from '../src/render/viewport.ts';

export { readableEntries, readManifest, PROFILES_DIR } from '../test/support/shared-profiles.ts';
export { formatValue } from '../src/profile/units.ts';

export function profilePath(file: string): string {
  return path.join(PROFILES_DIR, file);
}

export function flamegraph(page: Page): Locator {
  return page.getByTestId('flamegraph');
}

/** Opens files through the real file input and waits for the first paint. */
export async function openProfiles(page: Page, files: string[]): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(files.map(profilePath));
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
}

/** Canvas coordinates (page space) of the middle of a row, `fromRoot` rows away from the root. */
export async function rowPoint(page: Page, fromRoot: number, xFraction = 0.5): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('flamegraph').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const orientation = await flamegraph(page).getAttribute('data-orientation');
  const y = orientation === 'icicle' ? box.y + fromRoot * ROW_HEIGHT + ROW_HEIGHT / 2 : box.y + box.height - fromRoot * ROW_HEIGHT - ROW_HEIGHT / 2;
  return { x: box.x + box.width * xFraction, y };
}

/** RGB of one canvas pixel, in CSS pixel coordinates relative to the canvas. */
export async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.getByTestId('flamegraph').locator('canvas').evaluate(
    (canvas: HTMLCanvasElement, [cx, cy]) => {
      const dpr = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas.getContext('2d')!.getImageData(Math.round(cx * dpr), Math.round(cy * dpr), 1, 1).data;
      return [data[0], data[1], data[2]] as [number, number, number];
    },
    [x, y],
  );
}

export function tableRows(page: Page): Locator {
  return page.getByTestId('function-table').locator('tbody tr[data-function]');
}

/** Relative series times: window i of the shared series lands at now - 55 min + i * 7 min. */
export const SERIES_SPACING_MS = 7 * 60_000;

export interface IngestedSeries {
  service: string;
  /** unix ms of each window, index = window number */
  times: number[];
}

/**
 * The shared profile re-stamped to `atMs`: a store files a profile under its own
 * `time_nanos` (as Pyroscope does; the upload's `from` only stands in when it is missing),
 * so spreading the series over the last hour means changing that one field. Values,
 * stacks and everything else stay as recorded (pprof-format round-trips them).
 */
function restamped(file: string, atMs: number): Uint8Array<ArrayBuffer> {
  const raw = gunzipSync(readFileSync(profilePath(file)));
  const profile = Profile.decode(raw);
  profile.timeNanos = BigInt(atMs) * 1_000_000n;
  return new Uint8Array(gzipSync(profile.encode()));
}

/**
 * Ingests the shared series over HTTP the way @pyroscope/nodejs does (raw gzipped pprof,
 * `application/octet-stream`), CPU and heap under one service name, spread over the last hour.
 */
export async function ingestSeries(baseURL: string, service: string): Promise<IngestedSeries> {
  const start = Math.floor((Date.now() - 55 * 60_000) / 1000) * 1000;
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    const at = start + i * SERIES_SPACING_MS;
    times.push(at);
    for (const kind of ['cpu', 'heap']) {
      const body = restamped(`series/checkout-0${i}.${kind}.pb.gz`, at);
      const from = Math.floor(at / 1000);
      const url = `${baseURL}/ingest?name=${encodeURIComponent(service)}&from=${from}&until=${from + 2}&format=pprof&spyName=nodespy`;
      const response = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/octet-stream' } });
      if (!response.ok) throw new Error(`ingest ${i} ${kind}: ${response.status} ${await response.text()}`);
    }
  }
  return { service, times };
}

/** Sum of the manifest's totals of a sample type over some series windows. */
export function seriesTotal(kind: 'cpu' | 'heap', windows: number[], type: string): number {
  const manifest = readManifest();
  return windows.reduce((sum, w) => {
    const entry = manifest.find((e) => e.file === `series/checkout-0${w}.${kind}.pb.gz`)!;
    return sum + entry.totals![entry.sampleTypes!.findIndex((t) => t.type === type)];
  }, 0);
}

/** Drags across the timeline from one time to another (page coordinates from the points' positions). */
export async function brushTimeline(page: Page, fromTime: number, untilTime: number): Promise<void> {
  const area = page.getByTestId('timeline').getByTestId('timeline-brush-area');
  const box = (await area.boundingBox())!;
  const points = page.getByTestId('timeline').getByTestId('timeline-point');
  await expect(points.first()).toBeVisible();
  // Map times to x through two known points (the first and last dots).
  const count = await points.count();
  const first = points.first();
  const last = points.nth(count - 1);
  const [t0, t1] = [Number(await first.getAttribute('data-time')), Number(await last.getAttribute('data-time'))];
  const b0 = (await first.boundingBox())!;
  const b1 = (await last.boundingBox())!;
  const [x0, x1] = [b0.x + b0.width / 2, b1.x + b1.width / 2];
  const xOf = (t: number) => x0 + ((t - t0) / (t1 - t0)) * (x1 - x0);
  const y = box.y + box.height / 2;
  await page.mouse.move(xOf(fromTime), y);
  await page.mouse.down();
  await page.mouse.move((xOf(fromTime) + xOf(untilTime)) / 2, y, { steps: 4 });
  await page.mouse.move(xOf(untilTime), y, { steps: 4 });
  await page.mouse.up();
}

/** The raw total of the tree on screen (sum of the root). */
export async function rootTotal(page: Page): Promise<number> {
  return Number(await flamegraph(page).getAttribute('data-root-total'));
}
