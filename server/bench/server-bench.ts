/**
 * Prints the embedded store's figures (`npm run bench:server`):
 * - ingest rate (profiles/s) with 1, 4 and 16 concurrent clients posting the
 *   way @pyroscope/nodejs does (raw gzipped pprof to /ingest);
 * - SelectMergeProfile latency over 1 hour of 10-second profiles of one
 *   service (360 profiles), for three real profiles: a small service window
 *   (shared series, 2 s), a 10-second @pyroscope/nodejs wall profile recorded
 *   here from the SDK test workload, and a dense one (TypeScript compiler at
 *   ~660 Hz, 6k distinct stacks, 825 KB raw).
 * The server runs as its own process, as `npm start` runs it; the clients run
 * here. Figures are wall-clock on whatever else the machine is doing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { connectJson, ingestRaw, profileFile, PROJECT_ROOT, selectMergeProfile, startServerProcess, type ServerProcess } from '../test/harness.ts';

const INGEST_SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 5);
const HOUR_MS = 3_600_000;
const STEP_MS = 10_000;

/** The profile with its timestamp removed, so the store uses the upload's `from` instead. */
function untimed(gzipped: Uint8Array): Uint8Array<ArrayBuffer> {
  const profile = Profile.decode(gunzipSync(gzipped));
  profile.timeNanos = 0;
  return new Uint8Array(gzipSync(profile.encode()));
}

/** A real 10-second wall profile from @pyroscope/nodejs on the test workload (the SDK's 100 Hz default). */
function sdkTenSecondProfile(server: ServerProcess): Uint8Array<ArrayBuffer> {
  const records = join(server.dataDir, 'bench-uploads.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/test/fixtures/sdk-workload.ts', server.url, records, '10.5', '10000'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the SDK workload failed');
  const uploads = JSON.parse(readFileSync(records, 'utf8')) as { body: string }[];
  const bodies = uploads.map((u) => new Uint8Array(Buffer.from(u.body, 'base64')));
  // The wall profile is the one with a `wall` sample type; take the largest.
  const wall = bodies.filter((b) => gunzipSync(b).includes('wall')).sort((a, b) => b.length - a.length);
  return new Uint8Array(wall[0]);
}

async function ingestRate(server: ServerProcess, body: Uint8Array<ArrayBuffer>, clients: number, label: string): Promise<string> {
  let done = 0;
  let failed = 0;
  const deadline = Date.now() + INGEST_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < deadline) {
        const response = await ingestRaw(server.url, body, { name: `bench-ingest{client=c${c},profile=${label}}` });
        await response.arrayBuffer();
        if (response.status === 200) done++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rate = done / seconds;
  return `${label.padEnd(22)} ${String(clients).padStart(7)}   ${rate.toFixed(0).padStart(10)}   ${((rate * body.length) / 1e6).toFixed(1).padStart(8)}   ${failed}`;
}

async function loadHour(server: ServerProcess, service: string, body: Uint8Array<ArrayBuffer>, hourStart: number): Promise<void> {
  const queue = Array.from({ length: HOUR_MS / STEP_MS }, (_, i) => hourStart + i * STEP_MS);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
        const response = await ingestRaw(server.url, body, { name: service, from: t / 1000, until: t / 1000 + 10 });
        if (response.status !== 200) throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
      }
    }),
  );
}

async function timeMerge(server: ServerProcess, service: string, profileTypeID: string, hourStart: number): Promise<string> {
  const request = { profileTypeID, labelSelector: `{service_name="${service}"}`, start: hourStart, end: hourStart + HOUR_MS - 1 };
  await selectMergeProfile(server.url, request); // warm-up
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    size = (await selectMergeProfile(server.url, request)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const seriesStarted = performance.now();
  const { status } = await connectJson(server.url, '/querier.v1.QuerierService/SelectSeries', { ...request, step: 10 });
  const seriesMs = performance.now() - seriesStarted;
  if (status !== 200) throw new Error(`SelectSeries failed: ${status}`);
  return `${service.padEnd(22)} ${times[2].toFixed(0).padStart(10)} ${times[0].toFixed(0).padStart(8)} ${(size / 1e6).toFixed(2).padStart(10)}   ${seriesMs.toFixed(0).padStart(8)}`;
}

async function main(): Promise<void> {
  const server = await startServerProcess(['--retention-size', '0']);
  try {
    const small = profileFile('series/checkout-02.cpu.pb.gz');
    const large = profileFile('node-tsc.cpu.pb.gz');
    const sdk = sdkTenSecondProfile(server);
    console.log(`Ingest, ${INGEST_SECONDS} s per row (POST /ingest, raw gzipped pprof, 2xx after commit)`);
    console.log('profile (gzipped size)  clients   profiles/s       MB/s   failed');
    for (const [body, label] of [
      [small, `checkout ${(small.length / 1024).toFixed(0)} KiB`],
      [sdk, `sdk-10s ${(sdk.length / 1024).toFixed(0)} KiB`],
      [large, `tsc ${(large.length / 1024).toFixed(0)} KiB`],
    ] as const) {
      for (const clients of [1, 4, 16]) console.log(await ingestRate(server, body, clients, label));
    }

    console.log('\nSelectMergeProfile over 1 hour of 10-second profiles of one service (360 profiles)');
    console.log('service                 median ms   min ms  result MB   SelectSeries ms');
    const hourStart = Date.UTC(2026, 0, 1);
    for (const [service, body] of [
      ['hour-checkout', small],
      ['hour-sdk-10s', sdk],
      ['hour-tsc', large],
    ] as const) {
      await loadHour(server, service, untimed(body), hourStart);
      console.log(await timeMerge(server, service, 'wall:wall:nanoseconds:wall:nanoseconds', hourStart));
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
