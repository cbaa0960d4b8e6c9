/**
 * Turns one uploaded pprof into what the store keeps: validated bytes, the
 * series labels, the timestamp and one total per sample type. Everything that
 * can be wrong with an upload is found here, before anything is written.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { invalidArgument } from '../errors.ts';
import { decodePprof, type DecodedPprof } from '../pprof/decode.ts';
import { isGzip, unpackPprof } from '../pprof/unpack.ts';
import { PprofFormatError } from '../pprof/wire.ts';
import type { ProfileToStore } from '../store/profile-store.ts';
import { profileNameFor, profileTypesFor } from './profile-type.ts';

const gzipAsync = promisify(gzip);

/** Profiles stamped before 1971 are treated as unstamped (as Pyroscope does for old agents). */
const EARLIEST_PLAUSIBLE_NANOS = 365 * 86_400 * 1e9;

export interface UploadContext {
  /** series labels other than __name__ (service_name, pyroscope_spy, tags) */
  labels: Record<string, string>;
  /** the profile name (__name__) when the uploader set one; derived from the sample types otherwise */
  profileName?: string;
  /** the upload's `from`, used when the profile carries no time */
  fallbackTimeMs: number;
}

export function decodeUpload(raw: Buffer): DecodedPprof {
  try {
    return decodePprof(raw);
  } catch (error) {
    if (error instanceof PprofFormatError) throw invalidArgument(`not a pprof profile: ${error.message}`);
    throw error;
  }
}

export function profileTimeMs(profile: DecodedPprof, fallbackMs: number): number {
  if (profile.timeNanos < EARLIEST_PLAUSIBLE_NANOS) return fallbackMs;
  // Integer division: nanosecond times are beyond 2^53, where dividing doubles can round up a millisecond.
  return Number(BigInt(profile.timeNanos) / 1_000_000n);
}

export async function prepareUpload(body: Buffer, context: UploadContext, maxDecompressedBytes: number): Promise<ProfileToStore> {
  const raw = await unpackPprof(body, maxDecompressedBytes);
  const profile = decodeUpload(raw);
  const sampleTypes = profile.sampleTypes.map((vt) => ({ type: profile.string(vt.type), unit: profile.string(vt.unit) }));
  const periodType = profile.periodType && {
    type: profile.string(profile.periodType.type),
    unit: profile.string(profile.periodType.unit),
  };
  const name = context.profileName ?? profileNameFor(sampleTypes.map((st) => st.type));
  if (name === '') throw invalidArgument('not a pprof profile: its sample types have no names');
  const totals = profile.totals();
  const seen = new Set<string>();
  const types = profileTypesFor(name, sampleTypes, periodType)
    .map((parts, sampleIndex) => ({ parts, sampleIndex, total: totals[sampleIndex] }))
    // A profile listing the same sample type twice is stored under its first one.
    .filter((t) => !seen.has(t.parts.id) && seen.add(t.parts.id));
  return {
    labels: { ...context.labels, __name__: name },
    tsMs: profileTimeMs(profile, context.fallbackTimeMs),
    pprofGzip: isGzip(body) ? body : await gzipAsync(raw),
    types,
  };
}
