/**
 * The profiles the bench measures: the shared real one (node-tsc-large, 7.9 MB raw) and
 * generated ones at the generator's preset sizes. Generating the 500k-stack profile takes
 * seconds, so each generated profile is made (and gzipped) once per process and shared by
 * the sections that run in it. The browser's 100 MB file is made by a child process
 * instead (generatedFileApart): this one then never holds, nor collects, its memory while
 * Chromium loads it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PRESET_SIZES, generateProfile } from './generate-profile.ts';
import type { PresetName } from './generate-profile.ts';
import { log } from './log.ts';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** DESIGN.md: the shared corpus lives beside the project, in ../shared/profiles/. */
export const SHARED_LARGE_PROFILE = resolve(PROJECT_ROOT, '../shared/profiles/node-tsc-large.cpu.pb.gz');
/** Fixed so every run measures byte-identical profiles. */
const SEED = 1;

export function sharedLargeProfile(): Uint8Array {
  if (!existsSync(SHARED_LARGE_PROFILE)) throw new Error(`the shared large profile is missing: ${SHARED_LARGE_PROFILE}`);
  return new Uint8Array(readFileSync(SHARED_LARGE_PROFILE));
}

export interface GeneratedInput {
  preset: PresetName;
  stacks: number;
  raw: Uint8Array;
  /** gzip level 6, like the profilers' own output */
  gz: Uint8Array;
}

const cache = new Map<PresetName, GeneratedInput>();

export function generatedProfile(preset: PresetName): GeneratedInput {
  let input = cache.get(preset);
  if (!input) {
    const stacks = PRESET_SIZES[preset];
    const started = performance.now();
    const raw = generateProfile({ seed: SEED, stacks, kind: 'cpu' });
    const gz = gzipSync(raw, { level: 6 });
    log(`generated ${preset} (${stacks} stacks, ${(raw.length / 1e6).toFixed(1)} MB raw) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    input = { preset, stacks, raw, gz };
    cache.set(preset, input);
  }
  return input;
}

/** Lets a large generated profile be collected once no section needs it any more. */
export function forgetGenerated(preset: PresetName): void {
  cache.delete(preset);
}

/** A generated profile's gzip written to `dir` by a child process, with its sizes. */
export function generatedFileApart(preset: PresetName, dir: string): { path: string; rawBytes: number; gzBytes: number } {
  const path = join(dir, `generated-${preset}.cpu.pb.gz`);
  const started = performance.now();
  const args = ['--import', 'tsx', 'bench/generate-profile.ts', '--preset', preset, '--seed', String(SEED), '--out', path];
  const child = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`generating ${preset} ended with ${child.status ?? child.signal}`);
  const gzBytes = statSync(path).size;
  // The gzip trailer's last four bytes: the raw size (mod 2^32; these profiles are far smaller).
  const trailer = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, trailer, 0, 4, gzBytes - 4);
  } finally {
    closeSync(fd);
  }
  const rawBytes = trailer.readUInt32LE(0);
  log(`generated ${preset} (${PRESET_SIZES[preset]} stacks, ${(rawBytes / 1e6).toFixed(1)} MB raw) in a child process in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { path, rawBytes, gzBytes };
}
