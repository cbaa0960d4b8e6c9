/**
 * gzip detection and inflation with `DecompressionStream` (browser and Node alike), with a
 * cap on the inflated size so a gzip bomb ends in a clear error instead of a dead tab.
 */
import { ProfileError } from './errors.ts';

/** Default ceiling on inflated bytes; a real 100k-stack profile is tens of MB. */
export const DEFAULT_MAX_INFLATED_BYTES = 1 << 30;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export interface InflateOptions {
  maxBytes?: number;
  /** fraction of the expected output produced so far */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1 << 20))} MiB`;
}

/** The gzip trailer's ISIZE: the inflated size modulo 2^32 (a hint, not a promise). */
async function declaredSize(blob: Blob): Promise<number> {
  if (blob.size < 18) return 0;
  const tail = new Uint8Array(await blob.slice(blob.size - 4).arrayBuffer());
  return (tail[0] | (tail[1] << 8) | (tail[2] << 16) | (tail[3] << 24)) >>> 0;
}

async function startsLikeGzip(blob: Blob): Promise<boolean> {
  return isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));
}

function inflateError(error: unknown): ProfileError {
  if (error instanceof ProfileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end|incomplete|truncat|Z_BUF_ERROR/i.test(message)) {
    return new ProfileError('truncated-gzip', 'truncated gzip data: the file ends before the compressed profile does');
  }
  return new ProfileError('corrupt-gzip', `corrupt gzip data: ${message}`);
}

/** Inflates a gzipped blob (a dropped File streams from disk: it is never read whole first). */
export async function inflate(blob: Blob, options: InflateOptions = {}, declared: Promise<number> = declaredSize(blob)): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const hint = await declared;
  // Trust the trailer for the first allocation only when it is plausible; grow otherwise.
  let out = new Uint8Array(hint > 0 && hint <= maxBytes ? hint : Math.min(maxBytes, Math.max(1 << 16, blob.size * 4)));
  let length = 0;
  const stream = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  try {
    for (;;) {
      if (options.signal?.aborted) throw new ProfileError('cancelled', 'loading was cancelled');
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > maxBytes) {
        throw new ProfileError('too-large', `profile too large: more than ${formatMiB(maxBytes)} once decompressed`);
      }
      if (length + value.length > out.length) {
        const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, length + value.length)));
        grown.set(out.subarray(0, length));
        out = grown;
      }
      out.set(value, length);
      length += value.length;
      if (options.onProgress && hint > 0) options.onProgress(Math.min(1, length / hint));
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw inflateError(error);
  }
  return length === out.length ? out : out.subarray(0, length);
}

/** Raw pprof bytes from a file: inflated when gzipped, read as-is otherwise. */
export async function rawPprofBytes(blob: Blob, options: InflateOptions = {}): Promise<Uint8Array> {
  if (blob.size === 0) throw new ProfileError('not-pprof', 'not a pprof profile: the file is empty');
  // Both ends of the file are read at once: each read is a round trip to the browser.
  const declared = declaredSize(blob);
  declared.catch(() => undefined);
  if (await startsLikeGzip(blob)) return inflate(blob, options, declared);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  if (blob.size > maxBytes) throw new ProfileError('too-large', `profile too large: more than ${formatMiB(maxBytes)}`);
  return new Uint8Array(await blob.arrayBuffer());
}
