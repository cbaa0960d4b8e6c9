import { expect, test } from '@playwright/test';
import { canvasPixel, flamegraph, formatValue, openProfiles, readableEntries, readManifest, rowPoint, tableRows } from './support.ts';

const withSamples = readableEntries().filter((entry) => entry.samples! > 0);

test.describe('every shared profile opens', () => {
  for (const entry of withSamples) {
    test(entry.file, async ({ page }) => {
      await page.goto('/');
      await openProfiles(page, [entry.file]);
      // The table starts sorted by self, like `go tool pprof -top` for the default sample type.
      const type = entry.sampleTypes!.findIndex((t) => t.default);
      const shown = type >= 0 ? type : entry.sampleTypes!.length - 1;
      await expect(page.getByTestId('sample-type')).toHaveValue(entry.sampleTypes![shown].type);
      const expectedTop = entry.top![shown].flat[0];
      const first = tableRows(page).first();
      await expect(first).toHaveAttribute('data-function', expectedTop.function);
      await expect(first).toHaveAttribute('data-self', String(expectedTop.flat));
      await expect(first).toHaveAttribute('data-total', String(expectedTop.cum));

      // Hovering the root shows the profile's total.
      const root = await rowPoint(page, 0);
      await page.mouse.move(root.x, root.y);
      const tooltip = page.getByTestId('tooltip');
      await expect(tooltip).toContainText('total');
      await expect(tooltip.getByTestId('tooltip-total')).toHaveText(formatValue(entry.totals![shown], entry.sampleTypes![shown].unit));
    });
  }
});

test('click zooms into a frame, Esc and the breadcrumb zoom back out', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  const crumbs = page.getByTestId('breadcrumb').getByRole('button');
  await expect(crumbs).toHaveCount(1);
  const frame = await rowPoint(page, 2, 0.5);
  await page.mouse.click(frame.x, frame.y);
  await expect(crumbs).toHaveCount(3);
  // The zoomed frame now spans the width: hovering its row at the far left shows its name.
  const zoomedName = await crumbs.last().textContent();
  const left = await rowPoint(page, 2, 0.02);
  await page.mouse.move(left.x, left.y);
  await expect(page.getByTestId('tooltip')).toContainText(zoomedName!);

  await flamegraph(page).press('Escape');
  await expect(crumbs).toHaveCount(1);

  await page.mouse.click(frame.x, frame.y);
  await expect(crumbs).toHaveCount(3);
  await crumbs.first().click();
  await expect(crumbs).toHaveCount(1);
});

test('keyboard: arrows move between frames and Enter zooms', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  await flamegraph(page).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('breadcrumb').getByRole('button')).toHaveCount(3);
});

test('flame and icicle put the root at opposite edges', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  const canvas = flamegraph(page).locator('canvas');
  const box = (await canvas.boundingBox())!;
  const hoverRootName = async (y: number) => {
    await page.mouse.move(box.x + box.width / 2, y);
    return page.getByTestId('tooltip').locator('.tooltip-title').textContent();
  };
  await expect(flamegraph(page)).toHaveAttribute('data-orientation', 'flame');
  expect(await hoverRootName(box.y + box.height - 5)).toBe('total');
  await page.getByRole('button', { name: 'Icicle' }).click();
  await expect(flamegraph(page)).toHaveAttribute('data-orientation', 'icicle');
  expect(await hoverRootName(box.y + 5)).toBe('total');
});

test('switching the sample type changes the table', async ({ page }) => {
  const entry = readManifest().find((e) => e.file === 'go-regexp.mem.pb.gz')!;
  await page.goto('/');
  await openProfiles(page, [entry.file]);
  for (const type of ['inuse_space', 'alloc_objects']) {
    const index = entry.sampleTypes!.findIndex((t) => t.type === type);
    await page.getByTestId('sample-type').selectOption(type);
    const first = tableRows(page).first();
    await expect(first).toHaveAttribute('data-function', entry.top![index].flat[0].function);
    await expect(first).toHaveAttribute('data-self', String(entry.top![index].flat[0].flat));
  }
});

test('a regular expression search highlights matches and dims the rest', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  const root = await rowPoint(page, 0);
  const box = (await flamegraph(page).locator('canvas').boundingBox())!;
  const rootPixel = () => canvasPixel(page, root.x - box.x, root.y - box.y);
  const before = await rootPixel();

  await page.getByTestId('search').fill('regexp\\.\\(\\*machine\\)\\.(add|step)$');
  await expect(page.getByTestId('search-summary')).toContainText('2 functions');
  // The root matches nothing: it is drawn dimmed.
  await expect.poll(rootPixel).not.toEqual(before);
  await expect(tableRows(page)).toHaveCount(2);
  await expect(tableRows(page).first()).toHaveAttribute('data-function', 'regexp.(*machine).add');

  await page.getByTestId('search').fill('(unclosed');
  await expect(page.getByTestId('search-summary')).toContainText('invalid regular expression');
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
});

test('"/" focuses the search', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  await flamegraph(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(page.getByTestId('search')).toBeFocused();
});

test.describe('broken files give a clear message and the app stays usable', () => {
  const cases: [string, RegExp][] = [
    ['edge/truncated.pb.gz', /truncated gzip data/],
    ['edge/not-pprof.pb.gz', /not a pprof profile/],
    ['edge/nearly-empty.cpu.pb.gz', /no samples/],
  ];
  for (const [file, message] of cases) {
    test(file, async ({ page }) => {
      await page.goto('/');
      await page.locator('input[type=file]').setInputFiles((await import('./support.ts')).profilePath(file));
      await expect(page.getByRole('alert')).toContainText(message);
      await openProfiles(page, ['go-regexp.cpu.pb.gz']);
      await expect(tableRows(page).first()).toHaveAttribute('data-function', 'regexp.(*machine).add');
    });
  }
});

test('sandwich: callers and callees of a function carry its total', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  await page.getByRole('button', { name: 'Sandwich' }).click();
  const row = page.getByTestId('function-table').locator('tbody tr[data-function="regexp.(*Regexp).doExecute"]');
  await row.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe('regexp.(*Regexp).doExecute');
  const total = await row.getAttribute('data-total');
  await expect(page.getByTestId('flamegraph-callers')).toHaveAttribute('data-root-total', total!);
  await expect(flamegraph(page)).toHaveAttribute('data-root-total', total!);
});

test('grouping by line splits functions by line and keeps the total', async ({ page }) => {
  await page.goto('/');
  await openProfiles(page, ['go-regexp.cpu.pb.gz']);
  const total = await flamegraph(page).getAttribute('data-root-total');
  await page.getByLabel('Group by').selectOption('line');
  await expect(tableRows(page).first()).toHaveAttribute('data-function', /^regexp\.\(\*machine\)\.add:\d+$/);
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');
  await expect(flamegraph(page)).toHaveAttribute('data-root-total', total!);
});
