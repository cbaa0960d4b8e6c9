import { expect, test } from '@playwright/test';
import { Function as PprofFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { gzipSync } from 'node:zlib';
import { flamegraph, rowPoint, tableRows } from './support.ts';

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">';
const HOSTILE_FILE = '"><script>window.__pwned=2</script>.go';

/** A real pprof whose function and file names are HTML and script. */
function hostileProfile(): Buffer {
  const strings = new StringTable();
  const profile = new Profile({
    stringTable: strings,
    sampleType: [new ValueType({ type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') })],
  });
  profile.function.push(new PprofFunction({ id: 1, name: strings.dedup('main'), filename: strings.dedup('main.go') }));
  profile.function.push(new PprofFunction({ id: 2, name: strings.dedup(HOSTILE_NAME), filename: strings.dedup(HOSTILE_FILE) }));
  profile.location.push(new Location({ id: 1, line: [new Line({ functionId: 1, line: 3 })] }));
  profile.location.push(new Location({ id: 2, line: [new Line({ functionId: 2, line: 7 })] }));
  profile.sample.push(new Sample({ locationId: [2, 1], value: [900] }));
  profile.sample.push(new Sample({ locationId: [1], value: [100] }));
  return gzipSync(profile.encode());
}

test('function and file names that are HTML render as text everywhere', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles({ name: `${HOSTILE_NAME}.pb.gz`, mimeType: 'application/octet-stream', buffer: hostileProfile() });
  await expect(flamegraph(page)).toHaveAttribute('data-state', 'ready');

  // Table: the row carries the name as text.
  await expect(tableRows(page).first()).toHaveAttribute('data-function', HOSTILE_NAME);
  await expect(tableRows(page).first().locator('td.name')).toHaveText(HOSTILE_NAME);

  // Tooltip: hover the hostile frame (two rows above the root), name and file as text.
  const frame = await rowPoint(page, 2, 0.3);
  await page.mouse.move(frame.x, frame.y);
  await expect(page.getByTestId('tooltip').locator('.tooltip-title')).toHaveText(HOSTILE_NAME);
  await expect(page.getByTestId('tooltip').locator('.tooltip-file')).toHaveText(HOSTILE_FILE);

  // Breadcrumb after zooming into it.
  await page.mouse.click(frame.x, frame.y);
  await expect(page.getByTestId('breadcrumb').getByRole('button').last()).toHaveText(HOSTILE_NAME);

  // Title and origin show the file name as text.
  await expect(page).toHaveTitle(`${HOSTILE_NAME}.pb.gz · Flamelens`);
  await expect(page.getByTestId('origin')).toHaveText(`${HOSTILE_NAME}.pb.gz`);

  // Search for it, then look for anything that ran or got injected.
  await page.getByTestId('search').fill('onerror');
  await expect(page.getByTestId('search-summary')).toContainText('1 functions');
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the server sends a strict Content-Security-Policy with the app', async ({ request }) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
});

test('a link to another backend is not queried until the user agrees', async ({ page }) => {
  const contacted: string[] = [];
  await page.route('http://198.51.100.7:4040/**', (route) => {
    contacted.push(route.request().url());
    return route.abort();
  });
  await page.goto('/?v=1&source=http%3A%2F%2F198.51.100.7%3A4040&query=process_cpu%3Acpu%3Ananoseconds%3Acpu%3Ananoseconds%7B%7D');
  await expect(page.getByText('This link asks Flamelens to query')).toBeVisible();
  await page.waitForTimeout(500);
  expect(contacted).toEqual([]);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect.poll(() => contacted.length).toBeGreaterThan(0);
  await expect(page.getByRole('alert').first()).toContainText('198.51.100.7');
});
