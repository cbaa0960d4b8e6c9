/**
 * File bytes -> Profile: the whole pipeline a dropped file goes through, as one call.
 * Used by the worker and by tests, so both exercise exactly the same path.
 */
import { decodePprof } from './decode.ts';
import { asProfileError } from './errors.ts';
import { rawPprofBytes } from './gzip.ts';
import type { InflateOptions } from './gzip.ts';
import type { Profile } from './model.ts';

export interface LoadOptions extends InflateOptions {
  /** stage and fraction done, for a progress bar */
  onStage?: (stage: 'inflate' | 'decode', fraction: number) => void;
}

export interface LoadedProfile {
  profile: Profile;
  rawBytes: number;
  /** wall time reading (and inflating) the file, then decoding it: where a load's time goes */
  inflateMs: number;
  decodeMs: number;
}

/** Loads a profile from a file (a Blob: a dropped File, a fetched body) or from bytes. */
export async function loadProfile(input: Blob | Uint8Array, options: LoadOptions = {}): Promise<LoadedProfile> {
  try {
    const started = performance.now();
    const blob = input instanceof Uint8Array ? new Blob([input as Uint8Array<ArrayBuffer>]) : input;
    const raw = await rawPprofBytes(blob, {
      ...options,
      onProgress: (f) => options.onStage?.('inflate', f),
    });
    const inflated = performance.now();
    const profile = decodePprof(raw, { onProgress: (f) => options.onStage?.('decode', f) });
    return { profile, rawBytes: raw.length, inflateMs: inflated - started, decodeMs: performance.now() - inflated };
  } catch (error) {
    throw asProfileError(error);
  }
}
