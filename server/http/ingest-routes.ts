/**
 * The write side: Pyroscope's /ingest (what the SDKs call) and the Connect
 * PusherService/Push. A 2xx goes out only after the store has committed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PushRequest, PushResponse } from '../../src/sources/pyroscope/messages.ts';
import type { ServerConfig } from '../config.ts';
import { ApiError, invalidArgument } from '../errors.ts';
import { isValidLabelName, LabelSetError, parseAppName } from '../ingest/labelset.ts';
import { multipartBoundary, parseMultipart } from '../ingest/multipart.ts';
import { prepareUpload } from '../ingest/prepare.ts';
import type { ProfileStore, ProfileToStore } from '../store/profile-store.ts';
import { decodeMessage, requestBytes, requestCodec, sendMessage } from './connect.ts';

/** Unix time in seconds as the SDKs send it; larger numbers are read as ms, us or ns. */
export function parseUnixTime(text: string | undefined, param: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text.trim())) throw invalidArgument(`${param} must be a unix time in seconds, got ${JSON.stringify(text)}`);
  const n = Number(text);
  if (n > 1e17) return Math.floor(n / 1e6);
  if (n > 1e14) return Math.floor(n / 1e3);
  if (n > 1e11) return n;
  return n * 1000;
}

function ingestProfileBytes(request: FastifyRequest, body: Buffer): Buffer {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return body;
  const fields = parseMultipart(body, multipartBoundary(contentType));
  if ((fields.get('prev_profile')?.length ?? 0) > 0) {
    throw invalidArgument('prev_profile (cumulative profiles of old Go SDKs) is not supported: update the SDK');
  }
  const profile = fields.get('profile');
  if (!profile) throw invalidArgument('multipart upload without a "profile" field');
  return profile;
}

function ingestLabels(query: Record<string, string | undefined>): Record<string, string> {
  try {
    const { serviceName, labels } = parseAppName(query.name ?? '');
    const spy = query.spyName;
    return { ...labels, service_name: serviceName, ...(spy ? { pyroscope_spy: spy } : {}) };
  } catch (error) {
    if (error instanceof LabelSetError) throw invalidArgument(error.message);
    throw error;
  }
}

function pushLabels(pairs: { name: string; value: string }[]): { labels: Record<string, string>; profileName?: string } {
  const labels: Record<string, string> = {};
  let profileName: string | undefined;
  for (const { name, value } of pairs) {
    if (name === '__name__') profileName = value || undefined;
    else if (name.startsWith('__') || value === '') continue; // private or empty: not stored
    else if (!isValidLabelName(name)) throw invalidArgument(`invalid label name ${JSON.stringify(name)}`);
    else labels[name] = value;
  }
  labels.service_name ??= 'unknown_service';
  return { labels, profileName };
}

export function registerIngestRoutes(app: FastifyInstance, store: ProfileStore, config: ServerConfig): void {
  const { maxBodyBytes, maxProfileBytes } = config.limits;

  app.post('/ingest', { bodyLimit: maxBodyBytes }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const format = query.format ?? 'pprof';
    if (format !== 'pprof') {
      throw new ApiError('invalid_argument', `format=${format} is not supported by the embedded store: send pprof (format=pprof)`);
    }
    const labels = ingestLabels(query);
    const fromMs = parseUnixTime(query.from, 'from') ?? Date.now();
    const untilMs = parseUnixTime(query.until, 'until');
    if (untilMs !== undefined && untilMs < fromMs) throw invalidArgument(`until (${query.until}) is before from (${query.from})`);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const profile = await prepareUpload(ingestProfileBytes(request, body), { labels, fallbackTimeMs: fromMs }, maxProfileBytes);
    await store.write([profile]);
    return reply.code(200).send();
  });

  app.post('/push.v1.PusherService/Push', { bodyLimit: maxBodyBytes }, async (request, reply) => {
    const codec = requestCodec(request.headers['content-type']);
    const push = decodeMessage(codec, await requestBytes(request, maxBodyBytes), PushRequest);
    const profiles: ProfileToStore[] = [];
    const now = Date.now();
    for (const series of push.series) {
      const { labels, profileName } = pushLabels(series.labels);
      for (const sample of series.samples) {
        const context = { labels, profileName, fallbackTimeMs: now };
        profiles.push(await prepareUpload(Buffer.from(sample.rawProfile), context, maxProfileBytes));
      }
    }
    if (profiles.length > 0) await store.write(profiles);
    return sendMessage(reply, codec, PushResponse, {});
  });
}
