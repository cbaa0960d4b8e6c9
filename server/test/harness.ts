/**
 * Test helpers: run the real server (`node --import tsx server/main.ts`) as a
 * child process on a free loopback port, and talk to it over real HTTP.
 * Node runs main.ts directly (not through the tsx CLI) so SIGKILL reaches the
 * server itself.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const PROFILES_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'profiles');

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit */
  kill(): Promise<void>;
}

/** Test data directories live under one parent; those left by runs over an hour ago are removed. */
const TEST_DIRS_ROOT = join(tmpdir(), 'flamelens-tests');
mkdirSync(TEST_DIRS_ROOT, { recursive: true });
for (const entry of readdirSync(TEST_DIRS_ROOT)) {
  const dir = join(TEST_DIRS_ROOT, entry);
  try {
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  } catch {
    // another run is cleaning up too, or a mount is still busy: leave it
  }
}

export function tempDataDir(prefix = 'data-'): string {
  return mkdtempSync(join(TEST_DIRS_ROOT, prefix));
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
}

/** Runs main.ts with the given flags and resolves with its exit code and output (for startup failures). */
export async function runServerToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: PROJECT_ROOT });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await waitForExit(child);
  return { code, output };
}

export async function startServerProcess(extraArgs: string[] = [], dataDir = tempDataDir()): Promise<ServerProcess> {
  const args = ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir, '--no-build', ...extraArgs];
  if (!extraArgs.some((a) => a.startsWith('--self-profile'))) args.push('--no-self-profile');
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (d: Buffer): void => {
      output += d.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolveUrl(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    dataDir,
    child,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}

/** A file from shared/profiles, in an ArrayBuffer-backed array (usable as a fetch body). */
export function profileFile(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(PROFILES_DIR, name)));
}

export interface ManifestEntry {
  file: string;
  sampleTypes?: { type: string; unit: string }[];
  totals?: number[];
  time?: string;
  samples?: number;
}

export function manifest(): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(PROFILES_DIR, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] }).files;
}

/** "2026-11-24 15:01:55.592999936 +0000 UTC" -> unix ms (floor), as the store keys profiles. */
export function manifestTimeMs(time: string): number {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))? \+0000 UTC$/.exec(time);
  if (!match) throw new Error(`unexpected manifest time ${time}`);
  const fraction = (match[3] ?? '').padEnd(3, '0').slice(0, 3);
  return Date.parse(`${match[1]}T${match[2]}Z`) + Number(fraction);
}

export interface IngestParams {
  name: string;
  from?: number;
  until?: number;
  spyName?: string;
  format?: string;
}

export function ingestUrl(base: string, params: IngestParams): string {
  const url = new URL('/ingest', base);
  url.searchParams.set('name', params.name);
  url.searchParams.set('format', params.format ?? 'pprof');
  if (params.from !== undefined) url.searchParams.set('from', String(params.from));
  if (params.until !== undefined) url.searchParams.set('until', String(params.until));
  if (params.spyName) url.searchParams.set('spyName', params.spyName);
  return url.toString();
}

export async function ingestRaw(base: string, body: Uint8Array<ArrayBuffer>, params: IngestParams): Promise<Response> {
  return fetch(ingestUrl(base, params), {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream' },
  });
}

export async function connectJson(base: string, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** SelectMergeProfile in binary, as the app asks it; returns the pprof bytes. */
export async function selectMergeProfile(base: string, request: { profileTypeID: string; labelSelector: string; start: number; end: number }): Promise<Buffer> {
  const { SelectMergeProfileRequest } = await import('../../src/sources/pyroscope/messages.ts');
  const response = await fetch(new URL('/querier.v1.QuerierService/SelectMergeProfile', base), {
    method: 'POST',
    headers: { 'content-type': 'application/proto' },
    body: SelectMergeProfileRequest.encode(request),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`SelectMergeProfile: ${response.status} ${bytes.toString()}`);
  return bytes;
}

/**
 * Totals per `type:unit` of a pprof (gzipped or not), read with pprof-format,
 * a decoder independent of the server's own.
 */
export function pprofTotals(bytes: Uint8Array): Map<string, number> {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const p = Profile.decode(raw);
  const strings = p.stringTable.strings;
  const totals = new Map<string, number>();
  p.sampleType.forEach((st, i) => {
    const key = `${strings[Number(st.type)]}:${strings[Number(st.unit)]}`;
    let sum = 0;
    for (const sample of p.sample) sum += Number(sample.value[i]);
    totals.set(key, (totals.get(key) ?? 0) + sum);
  });
  return totals;
}

/** The sample total `go tool pprof -raw` reads from a pprof file (single sample type), or undefined without Go. */
export function goPprofTotal(file: string): number | undefined {
  const result = spawnSync('go', ['tool', 'pprof', '-raw', file], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const samples = result.stdout.split('Samples:\n')[1]?.split(/\n\S/)[0] ?? '';
  let total = 0;
  for (const match of samples.matchAll(/^\s+(-?\d+): /gm)) total += Number(match[1]);
  return total;
}

export const hasGo = spawnSync('go', ['version']).status === 0;

/** The profile the durability tests and the crash soak ingest again and again, with its oracle figures. */
export function durabilityProfile(): { body: Uint8Array<ArrayBuffer>; profileTypeID: string; wallTotal: number; timeMs: number } {
  const file = 'series/checkout-01.cpu.pb.gz';
  const entry = manifest().find((e) => e.file === file)!;
  return { body: profileFile(file), profileTypeID: 'wall:wall:nanoseconds:wall:nanoseconds', wallTotal: entry.totals![1], timeMs: manifestTimeMs(entry.time!) };
}
