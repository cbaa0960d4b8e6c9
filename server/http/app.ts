/**
 * The HTTP application: API routes, the built app, CORS, security headers and
 * one error format. Bodies are read as raw bytes by every route (each route
 * decodes its own format) under a per-route size limit that Fastify enforces
 * from Content-Length before reading, and while streaming when there is none.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { ApiError, formatBytes, invalidArgument, tooLarge } from '../errors.ts';
import type { Querier } from '../query/querier.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import { sendError } from './connect.ts';
import { registerIngestRoutes } from './ingest-routes.ts';
import { registerQueryRoutes } from './query-routes.ts';
import { createStaticHandler } from './static.ts';

const API_PREFIXES = ['/querier.v1.QuerierService/', '/push.v1.PusherService/'];
const CORS_ALLOWED_HEADERS = 'content-type, content-encoding, connect-protocol-version, connect-timeout-ms, authorization, x-scope-orgid';

function isApiPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/ingest' || API_PREFIXES.some((p) => path.startsWith(p));
}

function allowedOrigin(config: ServerConfig, origin: string | undefined): string | undefined {
  if (!origin || config.corsOrigins.length === 0) return undefined;
  if (config.corsOrigins.includes('*')) return '*';
  return config.corsOrigins.includes(origin) ? origin : undefined;
}

/** Bytes of an oversized upload the server reads and throws away so the client can read its 413. */
const LINGER_MAX_BYTES = 32 << 20;

/**
 * An oversized body is never buffered, but closing the socket while the client
 * is still sending makes the kernel reset the connection, and the client may
 * never see the 413. So the rest of the upload is read and discarded (up to a
 * cap; past it, or when Content-Length announces more, the connection closes).
 */
function lingerOnOversizedBody(request: FastifyRequest, reply: FastifyReply): void {
  const announced = Number(request.headers['content-length']);
  if (announced > LINGER_MAX_BYTES) return; // Fastify answers with Connection: close
  reply.removeHeader('connection');
  let drained = 0;
  request.raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > LINGER_MAX_BYTES) request.raw.socket.destroy();
  });
  request.raw.resume();
}

/** Turns whatever a route threw into an ApiError with a reason a client can show. */
export function toApiError(error: unknown, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    const sent = request.headers['content-length'];
    return tooLarge(`request body ${sent ? `of ${formatBytes(Number(sent))} ` : ''}exceeds the limit of ${formatBytes(limit ?? 0)}`);
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return invalidArgument('Content-Length does not match the body sent');
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiError('invalid_argument', fastifyError.message, fastifyError.statusCode);
  }
  return new ApiError('internal', `internal error: ${(error as Error).message}`);
}

export function buildApp(config: ServerConfig, store: ProfileStore, querier: Querier): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: config.limits.maxQueryBodyBytes, return503OnClosing: true });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!isApiPath(request.url)) return;
    const origin = allowedOrigin(config, request.headers.origin);
    if (origin) {
      reply.header('access-control-allow-origin', origin);
      if (origin !== '*') reply.header('vary', 'Origin');
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error, request);
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') lingerOnOversizedBody(request, reply);
    if (apiError.httpStatus >= 500) console.error(`flamelens: ${request.method} ${request.url}: ${(error as Error).stack ?? error}`);
    return sendError(reply, apiError);
  });

  registerIngestRoutes(app, store, config);
  registerQueryRoutes(app, querier, config.limits.maxQueryBodyBytes);

  app.options('/*', async (request, reply) => {
    if (!isApiPath(request.url)) return reply.code(404).send();
    if (!allowedOrigin(config, request.headers.origin)) {
      return sendError(reply, new ApiError('invalid_argument', 'cross-origin requests are not enabled for this origin (see --cors-origin)', 403));
    }
    return reply
      .code(204)
      .header('access-control-allow-methods', 'POST, OPTIONS')
      .header('access-control-allow-headers', CORS_ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send();
  });

  app.get('/ready', async (_request, reply) => reply.header('content-type', 'text/plain').send('ready\n'));

  const methodNotAllowed = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    sendError(reply.header('allow', 'POST'), new ApiError('invalid_argument', `${request.method} is not allowed here: the API takes POST`, 405));
  app.get('/ingest', methodNotAllowed);
  for (const prefix of API_PREFIXES) app.get(`${prefix}*`, methodNotAllowed);

  app.get('/*', createStaticHandler(config.distDir));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (API_PREFIXES.some((p) => path.startsWith(p))) {
      return sendError(reply, new ApiError('unimplemented', `unknown procedure ${path.slice(1)}`, 404));
    }
    return sendError(reply, new ApiError('not_found', `no route for ${request.method} ${path}`));
  });

  return app;
}
