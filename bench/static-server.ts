/**
 * A tiny static file server on loopback for the browser benchmarks: serves one directory
 * (the app's built files, or speedscope's release files) with correct content types.
 *
 * Why not the embedded server: it serves dist/ too, but it is being changed by others
 * while we measure, and both tools should be served the same way (same server, same
 * headers, no compression), so the comparison measures the apps and not their hosting.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { contentTypeOf } from '../server/http/content-types.ts';


export interface StaticServer {
  /** base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export { contentTypeOf };

/** Maps a URL path to a file under root; null when it would escape root. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = resolve(root, relative === '' ? 'index.html' : relative);
  return full === root || full.startsWith(root + sep) ? full : null;
}

export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    void (async () => {
      let file = resolveUnder(root, request.url ?? '/');
      if (file && (await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = file ? await readFile(file).catch(() => null) : null;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        // The app probes its backend with POSTs on start; there is none here, and it copes.
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no backend in the benchmark');
      } else if (!body) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      } else {
        response.writeHead(200, { 'content-type': contentTypeOf(file!), 'content-length': body.length, 'cache-control': 'no-cache' });
        response.end(request.method === 'HEAD' ? undefined : body);
      }
    })();
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
