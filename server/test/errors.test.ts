/**
 * Bad inputs and limits: each is refused with the right status and a reason,
 * and none leaves anything behind in the store.
 */
import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRequest } from '../../src/sources/pyroscope/messages.ts';
import { connectJson, ingestRaw, ingestUrl, profileFile, runServerToExit, startServerProcess, tempDataDir, type ServerProcess } from './harness.ts';

const Q = '/querier.v1.QuerierService';

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { code: string; message: string };
  return { status: response.status, ...body };
}

describe('bad uploads and queries', () => {
  let server: ServerProcess;
  const ingest = (body: Uint8Array<ArrayBuffer>, name = 'bad') => ingestRaw(server.url, body, { name });

  beforeAll(async () => {
    server = await startServerProcess(['--max-body-size', '128KiB', '--max-profile-size', '1MiB']);
  });
  afterAll(async () => server?.stop());

  it('refuses truncated gzip', async () => {
    const e = await errorOf(await ingest(profileFile('edge/truncated.pb.gz')));
    expect(e).toMatchObject({ status: 400, code: 'invalid_argument' });
    expect(e.message).toMatch(/truncated gzip data/);
  });

  it('refuses bytes that are not a profile, gzipped or not', async () => {
    for (const body of [profileFile('edge/not-pprof.pb.gz'), new Uint8Array(gzipSync('{"not": "a profile"}')), new Uint8Array(Buffer.from('hello'))]) {
      const e = await errorOf(await ingest(body));
      expect(e.status).toBe(400);
      expect(e.message).toMatch(/^not a pprof profile: /);
    }
    expect((await errorOf(await ingest(new Uint8Array(0)))).message).toMatch(/empty profile/);
  });

  it('refuses a body over the limit, announced by Content-Length, before reading it', async () => {
    const e = await errorOf(await ingest(new Uint8Array(400 * 1024)));
    expect(e).toMatchObject({ status: 413, code: 'resource_exhausted' });
    expect(e.message).toMatch(/of 400 KiB exceeds the limit of 128 KiB/);
  });

  it('refuses a streamed body (no Content-Length) once it passes the limit', async () => {
    // node:http, so the test sees the early 413 even though the server stops reading mid-upload.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(ingestUrl(server.url, { name: 'bad' }), { method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      let sent = 0;
      const pump = (): void => {
        if (sent >= 4 << 20 || request.destroyed) return void request.end();
        sent += 16 * 1024;
        request.write(new Uint8Array(16 * 1024), () => setImmediate(pump));
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('refuses a gzip bomb at the decompression limit', async () => {
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(32 << 20)));
    expect(bomb.length).toBeLessThan(128 * 1024);
    const e = await errorOf(await ingest(bomb));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/decompressed profile exceeds the limit of 1 MiB/);
  });

  it('refuses bad /ingest parameters', async () => {
    const body = profileFile('series/checkout-00.cpu.pb.gz');
    expect((await errorOf(await ingest(body, 'bad name'))).message).toMatch(/application name/);
    expect((await errorOf(await ingest(body, ''))).message).toMatch(/application name is required/);
    const jfr = await fetch(ingestUrl(server.url, { name: 'a', format: 'jfr' }), { method: 'POST', body });
    expect((await errorOf(jfr)).message).toMatch(/format=jfr is not supported/);
    const badFrom = await fetch(ingestUrl(server.url, { name: 'a' }) + '&from=yesterday', { method: 'POST', body });
    expect((await errorOf(badFrom)).message).toMatch(/from must be a unix time/);
  });

  it('refuses a Push whose second profile is bad, and stores neither', async () => {
    const good = profileFile('series/checkout-00.cpu.pb.gz');
    const request = PushRequest.encode({
      series: [{ labels: [{ name: 'service_name', value: 'half' }], samples: [{ rawProfile: good, ID: '' }, { rawProfile: profileFile('edge/not-pprof.pb.gz'), ID: '' }] }],
    });
    const response = await fetch(new URL('/push.v1.PusherService/Push', server.url), { method: 'POST', headers: { 'content-type': 'application/proto' }, body: request });
    expect(response.status).toBe(400);
    const values = await connectJson(server.url, `${Q}/LabelValues`, { name: 'service_name' });
    expect(values.json).toEqual({});
  });

  it('refuses bad label selectors, time ranges, steps and profile types', async () => {
    const base = { profileTypeID: 'wall:wall:nanoseconds:wall:nanoseconds', labelSelector: '{}', start: 1000, end: 2000 };
    const cases: [string, object, RegExp][] = [
      ['SelectMergeProfile', { ...base, labelSelector: '{service_name="a"' }, /bad label selector/],
      ['SelectMergeProfile', { ...base, labelSelector: 'service_name="a"' }, /bad label selector/],
      ['SelectMergeProfile', { ...base, labelSelector: '{a=~"("}' }, /invalid regular expression/],
      ['SelectMergeProfile', { ...base, start: 3000 }, /before start/],
      ['SelectMergeProfile', { ...base, start: 0, end: 0 }, /required/],
      ['SelectMergeProfile', { ...base, start: 'soon' }, /expected an integer/],
      ['SelectMergeProfile', { ...base, profileTypeID: 'cpu' }, /not of the form/],
      ['SelectSeries', { ...base, step: 0 }, /step must be a positive/],
      ['SelectSeries', { ...base, start: -5, step: 1 }, /must not be negative/],
      ['LabelNames', { matchers: ['{x'] }, /bad label selector/],
      ['LabelValues', { name: '' }, /name .* is required/],
    ];
    for (const [method, body, reason] of cases) {
      const { status, json } = await connectJson(server.url, `${Q}/${method}`, body);
      expect(status, `${method} ${JSON.stringify(body)}`).toBe(400);
      expect((json as { code: string }).code).toBe('invalid_argument');
      expect((json as { message: string }).message).toMatch(reason);
    }
  });

  it('refuses malformed request bodies and unsupported content types', async () => {
    const post = (body: BodyInit, contentType: string) =>
      fetch(new URL(`${Q}/ProfileTypes`, server.url), { method: 'POST', headers: { 'content-type': contentType }, body });
    expect((await errorOf(await post('{', 'application/json'))).message).toMatch(/invalid JSON/);
    expect((await errorOf(await post(new Uint8Array([0x08]), 'application/proto'))).message).toMatch(/truncated varint/);
    const unsupported = await post('x', 'text/plain');
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get('accept-post')).toMatch(/application\/proto/);
  });

  it('answers unknown routes with 404 and GETs on the API with 405', async () => {
    expect((await errorOf(await fetch(new URL('/nope', server.url), { method: 'POST' }))).status).toBe(404);
    const unknown = await errorOf(await fetch(new URL(`${Q}/SelectHeatmap`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(unknown).toMatchObject({ status: 404, code: 'unimplemented' });
    expect((await fetch(new URL(`${Q}/ProfileTypes`, server.url))).status).toBe(405);
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
  });

  it('serves the app shell with a strict Content-Security-Policy, with SPA fallback', async () => {
    for (const path of ['/', '/some/app/route?query=x']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      for (const directive of ["script-src 'self'", "worker-src 'self' blob:", "connect-src 'self' http: https:", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(directive);
      }
    }
  });

  it('left nothing behind from any refused request', async () => {
    expect((await connectJson(server.url, `${Q}/ProfileTypes`, {})).json).toEqual({});
  });
});

describe('CORS', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess(['--cors-origin', 'http://app.example']);
  });
  afterAll(async () => server?.stop());

  it('answers preflights and marks responses for the allowed origin only', async () => {
    const preflight = await fetch(new URL(`${Q}/ProfileTypes`, server.url), {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const allowed = await fetch(new URL(`${Q}/ProfileTypes`, server.url), { method: 'POST', headers: { origin: 'http://app.example', 'content-type': 'application/json' }, body: '{}' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.example');
    const other = await fetch(new URL(`${Q}/ProfileTypes`, server.url), { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await fetch(new URL(`${Q}/ProfileTypes`, server.url), { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(otherPreflight.status).toBe(403);
  });
});

describe('startup problems are clear errors', () => {
  it('refuses a data path that is a file', async () => {
    const dir = tempDataDir();
    const file = `${dir}/not-a-dir`;
    await import('node:fs').then((fs) => fs.writeFileSync(file, 'x'));
    const { code, output } = await runServerToExit(['--no-build', '--no-self-profile', '--port', '0', '--data', file]);
    expect(code).toBe(1);
    expect(output).toMatch(/cannot start: the data path .* is not a directory/);
  });

  it('refuses a port in use and an unknown flag', async () => {
    const occupier = createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((occupier.address() as AddressInfo).port);
      const busy = await runServerToExit(['--no-build', '--no-self-profile', '--port', port, '--data', tempDataDir()]);
      expect(busy.code).toBe(1);
      expect(busy.output).toMatch(/port is already in use/);
    } finally {
      occupier.close();
    }
    const flag = await runServerToExit(['--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.output).toMatch(/Unknown option '--bogus'/);
  });
});
