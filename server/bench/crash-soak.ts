/**
 * `npm run soak:store -- --cycles N`: the long crash test. On one data directory, again and
 * again: start the store, ingest from 12 concurrent clients, SIGKILL it at a random moment,
 * check the SQLite file's integrity, restart, and check that every profile ever
 * acknowledged with a 200 is there with its exact total. Prints the counts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SelectSeriesResponse } from '../../src/sources/pyroscope/messages.ts';
import { connectJson, durabilityProfile, ingestRaw, startServerProcess, tempDataDir } from '../test/harness.ts';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '10' }, clients: { type: 'string', default: '12' } } });
const CYCLES = Number(values.cycles);
const CLIENTS = Number(values.clients);

const { body, profileTypeID: WALL, wallTotal, timeMs: t } = durabilityProfile();

async function storedBySeq(url: string): Promise<Map<string, number>> {
  const { status, json } = await connectJson(url, '/querier.v1.QuerierService/SelectSeries', {
    profileTypeID: WALL,
    labelSelector: '{service_name="soak"}',
    start: t - 60_000,
    end: t + 60_000,
    step: 3600,
    groupBy: ['seq'],
  });
  if (status !== 200) throw new Error(`SelectSeries answered ${status}`);
  const series = SelectSeriesResponse.fromJson(json).series;
  return new Map(series.map((s) => [s.labels[0].value, s.points.reduce((a, p) => a + p.value, 0)]));
}

function integrity(dataDir: string): string {
  const db = new Database(join(dataDir, 'flamelens.db'));
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

const dataDir = tempDataDir('soak-');
const acknowledged = new Set<number>();
let next = 0;
let interrupted = 0;
let non200 = 0;
let lost = 0;
let corrupt = 0;
const started = Date.now();

for (let cycle = 1; cycle <= CYCLES; cycle++) {
  const server = await startServerProcess([], dataDir);
  let running = true;
  const client = async (): Promise<void> => {
    while (running) {
      const seq = next++;
      try {
        const response = await ingestRaw(server.url, body, { name: `soak{seq=${seq}}` });
        if (response.status === 200) acknowledged.add(seq);
        else non200++;
      } catch {
        interrupted++; // in flight when the server died: never acknowledged
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
  await server.kill();
  running = false;
  await Promise.all(clients);
  const check = integrity(dataDir);
  if (check !== 'ok') corrupt++;

  const restarted = await startServerProcess([], dataDir);
  try {
    const stored = await storedBySeq(restarted.url);
    const missing = [...acknowledged].filter((seq) => stored.get(String(seq)) !== wallTotal);
    lost += missing.length;
    const halfWritten = [...stored.values()].filter((total) => total !== wallTotal).length;
    console.log(
      `cycle ${cycle}: ${acknowledged.size} acknowledged so far, ${stored.size} stored, ${missing.length} missing, ${halfWritten} half-written, integrity ${check}`,
    );
  } finally {
    await restarted.stop();
  }
}

console.log(`\n${CYCLES} SIGKILL + restart cycles in ${((Date.now() - started) / 1000).toFixed(0)} s, ${CLIENTS} clients`);
console.log(`ingests acknowledged: ${acknowledged.size}; found after restarts: ${acknowledged.size - lost}; lost: ${lost}`);
console.log(`in flight at a kill (not acknowledged): ${interrupted}; non-200 answers: ${non200}; integrity failures: ${corrupt}`);
process.exitCode = lost > 0 || corrupt > 0 || non200 > 0 ? 1 : 0;
