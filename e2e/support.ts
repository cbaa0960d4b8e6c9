import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { PROFILES_DIR } from '../test/support/shared-profiles.ts';
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
