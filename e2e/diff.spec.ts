import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flamegraph, ingestSeries, openProfiles, profilePath } from './support.ts';
import type { IngestedSeries } from './support.ts';
import { mergeWithPprof, pprofTop } from '../test/support/go-pprof.ts';
import type { TopRow } from '../test/support/go-pprof.ts';

const cpuFiles = (windows: number[]) => windows.map((w) => `series/checkout-0${w}.cpu.pb.gz`);
const heapFiles = (windows: number[]) => windows.map((w) => `series/checkout-0${w}.heap.pb.gz`);

/** `go tool pprof -top -diff_base` on the same windows: the independent figures. */
function pprofDiff(baseline: string[], comparison: string[], sampleIndex: string, unit: string): TopRow[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'flamelens-e2e-diff-'));
  const base = path.join(dir, 'base.pb.gz');
  const comp = path.join(dir, 'comp.pb.gz');
  mergeWithPprof(baseline.map(profilePath), base);
  mergeWithPprof(comparison.map(profilePath), comp);
  return pprofTop([`-sample_index=${sampleIndex}`, '-nodecount=20', `-diff_base=${base}`, comp], unit);
}

interface Row {
  name: string;
  delta: number;
  deltaTotal: number;
  status: string;
}

async function regressionRows(page: Page, count: number): Promise<Row[]> {
  const rows = page.getByTestId('regressions').locator('tbody tr[data-function]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll(
    (trs, n) =>
      trs.slice(0, n).map((tr) => ({
        name: tr.getAttribute('data-function')!,
        delta: Number(tr.getAttribute('data-delta')),
        deltaTotal: Number(tr.getAttribute('data-delta-total')),
        status: tr.getAttribute('data-status')!,
      })),
    count,
  );
}

/** Our top growth rows must be pprof's positive rows, in order, with the same values. */
async function expectGrowthLikePprof(page: Page, expected: TopRow[], count: number) {
  const growth = expected.filter((r) => r.flat > 0).sort((a, b) => b.flat - a.flat || (a.name < b.name ? -1 : 1)).slice(0, count);
  const ours = await regressionRows(page, count);
  expect(ours.map((r) => [r.name, r.delta])).toEqual(growth.map((r) => [r.name, r.flat]));
}

async function checkCpuDiff(page: Page) {
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  // Relative mode (the default): computeTax grows by about 340 ms, about 4x.
  const [top] = await regressionRows(page, 1);
  expect(top.name).toBe('computeTax');
  expect(top.delta).toBeGreaterThan(300e6);
  expect(top.delta).toBeLessThan(380e6);
  // Absolute mode: exactly what go tool pprof -diff_base reports.
  await page.getByRole('button', { name: 'Absolute' }).click();
  await expect(page).toHaveURL(/diffMode=absolute/);
  await expectGrowthLikePprof(page, pprofDiff(cpuFiles([0, 1, 2, 3]), cpuFiles([4, 5, 6, 7]), 'wall', 'ns'), 3);
}

async function checkHeapDiff(page: Page) {
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('sample-type')).toHaveValue('inuse_space');
  const oracle = pprofTop(['-sample_index=inuse_space', profilePath('series/checkout-07.heap.pb.gz')], 'B');
  const rows = await regressionRows(page, 30);
  const cache = rows.find((r) => r.name === 'cacheReceipt')!;
  expect(cache.status).toBe('new');
  expect(cache.deltaTotal).toBe(oracle.find((r) => r.name === 'cacheReceipt')!.cum);
  await page.getByRole('button', { name: 'Absolute' }).click();
  // In-use memory: each window is its latest snapshot, 03 and 07.
  await expectGrowthLikePprof(page, pprofDiff(heapFiles([3]), heapFiles([7]), 'inuse_space', 'B'), 3);
}

test.describe('diff of dropped files: earlier half vs later half', () => {
  test('CPU: computeTax is the top self regression, as go tool pprof says', async ({ page }) => {
    await page.goto('/');
    await openProfiles(page, cpuFiles([0, 1, 2, 3, 4, 5, 6, 7]));
    await page.getByRole('button', { name: 'Diff' }).click();
    await checkCpuDiff(page);
  });

  test('heap: cacheReceipt appears from nothing with ~38.7 MiB', async ({ page }) => {
    await page.goto('/');
    await openProfiles(page, heapFiles([0, 1, 2, 3, 4, 5, 6, 7]));
    await page.getByRole('button', { name: 'Diff' }).click();
    await checkHeapDiff(page);
  });

  test('clicking a row focuses its function in the flame graph', async ({ page }) => {
    await page.goto('/');
    await openProfiles(page, cpuFiles([0, 1, 2, 3, 4, 5, 6, 7]));
    await page.getByRole('button', { name: 'Diff' }).click();
    await page.getByTestId('regressions').locator('tbody tr[data-function="computeTax"]').click();
    await expect(page.getByTestId('breadcrumb').getByRole('button').last()).toHaveText('computeTax');
    await expect(page).toHaveURL(/focus=.*computeTax/);
  });
});

test.describe('diff through the embedded store', () => {
  let series: IngestedSeries;
  test.beforeAll(async ({ baseURL }) => {
    series = await ingestSeries(baseURL!, `diff-${Date.now().toString(36)}`);
  });

  const windowsLink = (query: string) => {
    const t = series.times;
    const params = new URLSearchParams({
      v: '1',
      view: 'diff',
      query,
      from: 'now-1h',
      until: 'now',
      leftFrom: String(t[0] - 1000),
      leftUntil: String(t[3] + 1000),
      rightFrom: String(t[4] - 1000),
      rightUntil: String(t[7] + 1000),
    });
    return `/?${params}`;
  };

  test('CPU (wall): computeTax, and the permalink reopens the same table', async ({ page }) => {
    await page.goto(windowsLink(`wall:wall:nanoseconds:wall:nanoseconds{service_name="${series.service}"}`));
    await checkCpuDiff(page);
    const table = await regressionRows(page, 5);
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(flamegraph(other)).toHaveAttribute('data-state', 'ready');
    expect(await regressionRows(other, 5)).toEqual(table);
    await other.close();
  });

  test('heap (inuse_space): cacheReceipt from nothing', async ({ page, request }) => {
    const types = await request.post('/querier.v1.QuerierService/ProfileTypes', { data: {} });
    const ids: string[] = ((await types.json()) as { profileTypes: { ID: string }[] }).profileTypes.map((t) => t.ID);
    const inuse = ids.find((id) => id.split(':')[1] === 'inuse_space')!;
    await page.goto(windowsLink(`${inuse}{service_name="${series.service}"}`));
    await checkHeapDiff(page);
  });
});
