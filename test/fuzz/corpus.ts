/**
 * The fuzz corpus: every readable shared profile (raw and gzipped), crafted extremes, and
 * a gzip bomb; plus the case generator that mutates them with a seed.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { readProfileBytes, readableEntries } from '../support/shared-profiles.ts';
import { danglingLocation, deepStack, duplicateAndHugeIds, emptySamples, extremeValues, missingString } from './crafted.ts';
import { MUTATIONS, mutate, random } from './mutate.ts';

export interface Seed {
  name: string;
  raw: Uint8Array;
}

/** Raw (inflated) bytes of the shared profiles small enough to mutate quickly. */
export function seeds(maxBytes = 2 << 20): Seed[] {
  return readableEntries()
    .map((entry) => {
      const bytes = readProfileBytes(entry.file);
      const raw = bytes[0] === 0x1f ? new Uint8Array(gunzipSync(bytes)) : bytes;
      return { name: entry.file, raw };
    })
    .filter((seed) => seed.raw.length <= maxBytes);
}

export interface FixedCase {
  name: string;
  bytes: Uint8Array;
  /** the outcome a person should see */
  expect: 'decoded' | 'error';
}

let fixed: FixedCase[] | null = null;

/** Inputs with a known right answer (built once: the bomb takes a moment to compress). */
export function fixedCases(): FixedCase[] {
  fixed ??= buildFixedCases();
  return fixed;
}

function buildFixedCases(): FixedCase[] {
  // 256 MiB of zeros gzip to ~256 KiB: far past the cap the cases run with.
  const bomb = gzipSync(new Uint8Array(256 << 20), { level: 9 });
  return [
    { name: 'stack 100k frames deep, recursive', bytes: deepStack(100_000), expect: 'decoded' },
    { name: '1M empty samples', bytes: emptySamples(1_000_000), expect: 'decoded' },
    { name: 'negative and 64-bit values', bytes: extremeValues(), expect: 'decoded' },
    { name: 'duplicate and near-2^64 ids', bytes: duplicateAndHugeIds(), expect: 'decoded' },
    { name: 'function name past the string table', bytes: missingString(), expect: 'error' },
    { name: 'sample referencing a missing location', bytes: danglingLocation(), expect: 'error' },
    { name: 'gzip bomb (256 MiB of zeros)', bytes: new Uint8Array(bomb), expect: 'error' },
    { name: 'empty file', bytes: new Uint8Array(0), expect: 'error' },
  ];
}

export interface MutatedCase {
  index: number;
  seed: string;
  mutation: string;
  bytes: Uint8Array;
}

/**
 * Case `index` of a run: deterministic for (runSeed, index). One case in twenty mutates
 * the gzip stream itself (corrupt deflate data, bad trailers); another one in twenty
 * gzips a mutated profile (a valid gzip of a broken pprof), the rest are raw.
 */
export function mutatedCase(corpus: Seed[], runSeed: number, index: number): MutatedCase {
  const rand = random(runSeed * 1_000_003 + index);
  const seed = corpus[Math.floor(rand() * corpus.length)];
  const mutation = MUTATIONS[Math.floor(rand() * MUTATIONS.length)];
  if (index % 20 === 9) {
    return { index, seed: seed.name, mutation: `gzip-stream+${mutation}`, bytes: mutate(new Uint8Array(gzipSync(seed.raw)), mutation, rand) };
  }
  if (index % 20 === 19) {
    return { index, seed: seed.name, mutation: `gzipped+${mutation}`, bytes: new Uint8Array(gzipSync(mutate(seed.raw, mutation, rand))) };
  }
  return { index, seed: seed.name, mutation, bytes: mutate(seed.raw, mutation, rand) };
}
