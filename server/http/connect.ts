/**
 * The Connect protocol's unary calls over HTTP/1.1: POST, the codec named by
 * Content-Type (`application/json` or `application/proto`), the response in the
 * request's codec, errors as `{"code", "message"}` JSON with the HTTP status of
 * the code. Request bodies may be gzipped (`Content-Encoding: gzip`).
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MessageCodec } from '../../src/sources/pyroscope/schema.ts';
import { ProtoDecodeError } from '../../src/sources/pyroscope/protowire.ts';
import { ApiError, formatBytes, invalidArgument, tooLarge } from '../errors.ts';

const gunzipAsync = promisify(gunzip);

export type Codec = 'json' | 'proto';

export const CONTENT_TYPES: Record<Codec, string> = { json: 'application/json', proto: 'application/proto' };

export function requestCodec(contentType: string | undefined): Codec {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return 'json';
  if (mediaType === 'application/proto' || mediaType === 'application/protobuf') return 'proto';
  throw new ApiError(
    'invalid_argument',
    `unsupported Content-Type ${JSON.stringify(contentType ?? '')}: send application/json or application/proto`,
    415,
  );
}

/** The request body as bytes, gunzipped if the client compressed it. */
export async function requestBytes(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const version = request.headers['connect-protocol-version'];
  if (version !== undefined && version !== '1') throw invalidArgument(`unsupported Connect-Protocol-Version ${JSON.stringify(version)}`);
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return body;
  if (encoding !== 'gzip') throw new ApiError('unimplemented', `unsupported Content-Encoding ${JSON.stringify(encoding)}: use gzip or identity`);
  try {
    return await gunzipAsync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(`decompressed request exceeds the limit of ${formatBytes(maxBytes)}`);
    }
    throw invalidArgument(`request body is not valid gzip: ${(error as Error).message}`);
  }
}

export function decodeMessage<T>(codec: Codec, bytes: Buffer, message: MessageCodec<T>): T {
  try {
    if (codec === 'proto') return message.decode(bytes);
    // An empty JSON body is the empty message, as in connect-go.
    return bytes.length === 0 ? message.create() : message.fromJsonString(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof ProtoDecodeError) throw invalidArgument(`malformed ${message.spec.typeName}: ${error.message}`);
    throw error;
  }
}

export function sendMessage<T>(reply: FastifyReply, codec: Codec, message: MessageCodec<T>, value: Partial<T>): FastifyReply {
  reply.header('content-type', CONTENT_TYPES[codec]);
  return reply.send(codec === 'proto' ? Buffer.from(message.encode(value)) : message.toJsonString(value));
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.httpStatus === 415) reply.header('accept-post', 'application/json, application/proto');
  return reply
    .code(error.httpStatus)
    .header('content-type', 'application/json')
    .send(JSON.stringify({ code: error.code, message: error.message }));
}
