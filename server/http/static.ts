/**
 * Serves the built app from dist/: files as they are, anything else that is
 * not an API route falls back to index.html (the app routes client-side), with
 * a strict Content-Security-Policy on every HTML response. When the app is not
 * built, a small page says so, and the API keeps working.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_TYPES } from './content-types.ts';

/** connect-src allows http: and https: so the app can reach another backend the user picks. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self' http: https:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');


const NOT_BUILT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Flamelens</title></head>
<body><h1>Flamelens</h1><p>The app is not built yet: run <code>npm run build</code> (or <code>npm start</code>
without <code>--no-build</code>). The profile store API is running.</p></body></html>`;

function sendHtml(reply: FastifyReply, html: string | Buffer): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('cache-control', 'no-cache')
    .send(html);
}

export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);

  async function existingFile(urlPath: string): Promise<string | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const path = resolve(join(root, decoded));
    if (path !== root && !path.startsWith(root + sep)) return undefined; // no escaping dist/
    try {
      return (await stat(path)).isFile() ? path : undefined;
    } catch {
      return undefined;
    }
  }

  async function sendIndex(reply: FastifyReply): Promise<FastifyReply> {
    try {
      return sendHtml(reply, await readFile(join(root, 'index.html')));
    } catch {
      return sendHtml(reply, NOT_BUILT_PAGE);
    }
  }

  return async function serveStatic(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const urlPath = request.url.split('?')[0];
    const file = urlPath === '/' ? undefined : await existingFile(urlPath);
    if (file) {
      const ext = extname(file).toLowerCase();
      if (ext === '.html') return sendHtml(reply, await readFile(file));
      reply.header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream');
      // Vite fingerprints everything under assets/, so those never change.
      reply.header('cache-control', urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.send(await readFile(file));
    }
    // A missing file (a path with an extension) is a 404; other paths are app routes.
    const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    if (lastSegment.includes('.')) {
      return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send(`not found: ${urlPath}`);
    }
    return sendIndex(reply);
  };
}
