/**
 * Turns uploaded bytes into raw pprof bytes: gunzips when the gzip magic is
 * there (pprof files usually are gzipped, but raw protobuf is valid too), with
 * a cap on the decompressed size so a small gzip bomb cannot exhaust memory.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ApiError, formatBytes, invalidArgument, tooLarge } from '../errors.ts';

const gunzipAsync = promisify(gunzip);

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function unpackPprof(body: Buffer, maxDecompressedBytes: number): Promise<Buffer> {
  if (body.length === 0) throw invalidArgument('empty profile: the request carried no pprof bytes');
  if (!isGzip(body)) {
    if (body.length > maxDecompressedBytes) {
      throw tooLarge(`profile is ${formatBytes(body.length)}; the limit is ${formatBytes(maxDecompressedBytes)}`);
    }
    return body;
  }
  try {
    // Async gunzip runs on libuv's thread pool, off the event loop.
    return await gunzipAsync(body, { maxOutputLength: maxDecompressedBytes });
  } catch (error) {
    throw gunzipError(error, maxDecompressedBytes);
  }
}

function gunzipError(error: unknown, limit: number): ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
    return tooLarge(`decompressed profile exceeds the limit of ${formatBytes(limit)}`);
  }
  if (code === 'Z_BUF_ERROR') return invalidArgument(`truncated gzip data: ${message}`);
  return invalidArgument(`corrupt gzip data: ${message}`);
}
