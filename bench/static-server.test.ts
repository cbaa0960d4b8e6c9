import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveUnder, startStaticServer } from './static-server.ts';

describe('resolveUnder', () => {
  it('maps URL paths inside the root, / to index.html', () => {
    expect(resolveUnder('/srv', '/')).toBe('/srv/index.html');
    expect(resolveUnder('/srv', '/assets/a.js?v=1')).toBe('/srv/assets/a.js');
  });
  it('refuses paths that climb out of the root', () => {
    expect(resolveUnder('/srv', '/../etc/passwd')).toBe('/srv/etc/passwd');
    expect(resolveUnder('/srv', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/etc/passwd');
    expect(resolveUnder('/srv', '/%E0%A4%A')).toBeNull();
  });
});

describe('startStaticServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-static-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files with their content type, 404 otherwise', async () => {
    writeFileSync(join(dir, 'index.html'), '<p>hi</p>');
    writeFileSync(join(dir, 'app.js'), 'export {}');
    const server = await startStaticServer(dir);
    try {
      const page = await fetch(server.url);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe('<p>hi</p>');
      expect((await fetch(`${server.url}app.js`)).headers.get('content-type')).toBe(contentTypeOf('x.js'));
      expect((await fetch(`${server.url}missing.css`)).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
