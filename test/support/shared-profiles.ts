/**
 * Access to the shared corpus (../shared/profiles) and its oracle, manifest.json, whose
 * figures were read by `go tool pprof`. Tests compare against these, never against
 * numbers copied into the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROFILES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/profiles');

export interface ManifestTopRow {
  function: string;
  flat: number;
  cum: number;
}

export interface ManifestEntry {
  file: string;
  bytes: number;
  error?: string;
  sampleTypes?: { type: string; unit: string; default: boolean }[];
  totals?: number[];
  samples?: number;
  distinctStacks?: number;
  time?: string;
  period?: number;
  top?: { sampleType: string; unit: string; flat: ManifestTopRow[] }[];
}

export function readManifest(): ManifestEntry[] {
  const manifest = JSON.parse(readFileSync(path.join(PROFILES_DIR, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] };
  return manifest.files;
}

export function readProfileBytes(file: string): Uint8Array {
  const buffer = readFileSync(path.join(PROFILES_DIR, file));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Entries go tool pprof could read, i.e. with figures to compare against. */
export function readableEntries(): ManifestEntry[] {
  return readManifest().filter((entry) => !entry.error);
}
