import { expect, test } from '@playwright/test';
import { brushTimeline, flamegraph, ingestSeries, openProfiles, rootTotal, seriesTotal } from './support.ts';
import type { IngestedSeries } from './support.ts';

const WALL = 'wall:wall:nanoseconds:wall:nanoseconds';
let series: IngestedSeries;

test.beforeAll(async ({ baseURL }) => {
  series = await ingestSeries(baseURL!, `checkout-${Date.now().toString(36)}`);
});

test('pick a service and type, brush windows 04-07: the total is their sum', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('profile-type').selectOption(WALL);
  await page.getByTestId('service').selectOption(series.service);
  await expect(page.getByTestId('timeline').getByTestId('timeline-point')).toHaveCount(8);
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  expect(await rootTotal(page)).toBe(seriesTotal('cpu', [0, 1, 2, 3, 4, 5, 6, 7], 'wall'));

  // From between windows 03 and 04 to after window 07.
  const t = series.times;
  await brushTimeline(page, (t[3] + t[4]) / 2, t[7] + 60_000);
  await expect.poll(() => rootTotal(page)).toBe(seriesTotal('cpu', [4, 5, 6, 7], 'wall'));
  const url = new URL(page.url());
  expect(url.searchParams.get('from')).toMatch(/^\d+$/);

  // The permalink reopens the same window, view and total.
  await page.getByTestId('search').fill('computeTax');
  await page.getByRole('button', { name: 'Icicle' }).click();
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(flamegraph(other)).toHaveAttribute('data-state', 'ready');
  await expect(flamegraph(other)).toHaveAttribute('data-orientation', 'icicle');
  await expect(other.getByTestId('search')).toHaveValue('computeTax');
  await expect(other.getByTestId('profile-type')).toHaveValue(WALL);
  expect(await rootTotal(other)).toBe(seriesTotal('cpu', [4, 5, 6, 7], 'wall'));
  await other.close();
});

test('a relative link still resolves relative to now', async ({ page }) => {
  const query = `${WALL}{service_name="${series.service}"}`;
  await page.goto(`/?v=1&query=${encodeURIComponent(query)}&from=now-1h&until=now`);
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  expect(await rootTotal(page)).toBe(seriesTotal('cpu', [0, 1, 2, 3, 4, 5, 6, 7], 'wall'));
  // 30 minutes back from now covers the windows placed in the last 30 minutes only.
  await page.getByRole('button', { name: '15m' }).click();
  const recent = series.times.map((t, i) => [t, i]).filter(([t]) => t >= Date.now() - 15 * 60_000).map(([, i]) => i);
  await expect.poll(() => rootTotal(page)).toBe(seriesTotal('cpu', recent, 'wall'));
  expect(new URL(page.url()).searchParams.get('from')).toBe('now-15m');
});

test('back and forward move through the changes', async ({ page }) => {
  const query = `${WALL}{service_name="${series.service}"}`;
  await page.goto(`/?v=1&query=${encodeURIComponent(query)}`);
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page).toHaveURL(/view=table/);
  await page.goBack();
  await expect(page).not.toHaveURL(/view=table/);
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  await page.goForward();
  await expect(page).toHaveURL(/view=table/);
  await expect(page.getByTestId('function-table')).toBeVisible();
});

test('invalid link parameters show a notice and the page still works', async ({ page }) => {
  await page.goto('/?v=1&view=pie&from=yesterday&source=javascript:alert(1)');
  await expect(page.getByRole('status').filter({ hasText: 'Ignored link parameter view' })).toBeVisible();
  await expect(page.getByText('only http and https')).toBeVisible();
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
});

test('dropping the 8 series files makes a timeline; picking two shows their sum', async ({ page }) => {
  await page.goto('/');
  const files = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `series/checkout-0${i}.cpu.pb.gz`);
  await openProfiles(page, files);
  const points = page.getByTestId('timeline').getByTestId('timeline-point');
  await expect(points).toHaveCount(8);
  expect(await rootTotal(page)).toBe(seriesTotal('cpu', [0, 1, 2, 3, 4, 5, 6, 7], 'wall'));
  const times = await points.evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('data-time'))).sort((a, b) => a - b));
  await brushTimeline(page, times[2] - 300, times[3] + 300);
  await expect.poll(() => rootTotal(page)).toBe(seriesTotal('cpu', [2, 3], 'wall'));
});
