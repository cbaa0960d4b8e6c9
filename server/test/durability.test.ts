/**
 * Durability and load: a 2xx means the profile is stored, even when the
 * server is killed with SIGKILL mid-burst; under many concurrent clients
 * nothing acknowledged is lost and nothing fails with 5xx.
 */
import { describe, expect, it } from 'vitest';
import { SelectSeriesResponse } from '../../src/sources/pyroscope/messages.ts';
import {
  connectJson,
  ingestRaw,
  durabilityProfile,
  pprofTotals,
  selectMergeProfile,
  startServerProcess,
  tempDataDir,
} from './harness.ts';

const { body, profileTypeID: WALL, wallTotal, timeMs: t } = durabilityProfile();

/** Per-`groupBy` label value, the summed total stored for the service. */
async function totalsBy(url: string, service: string, label: string): Promise<Map<string, number>> {
  const { status, json } = await connectJson(url, '/querier.v1.QuerierService/SelectSeries', {
    profileTypeID: WALL,
    labelSelector: `{service_name="${service}"}`,
    start: t - 60_000,
    end: t + 60_000,
    step: 3600,
    groupBy: [label],
  });
  expect(status).toBe(200);
  const series = SelectSeriesResponse.fromJson(json).series;
  return new Map(series.map((s) => [s.labels[0].value, s.points.reduce((a, p) => a + p.value, 0)]));
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('durability', () => {
  it('finds every acknowledged profile after a SIGKILL during a burst of ingests', async () => {
    const dataDir = tempDataDir();
    let server = await startServerProcess([], dataDir);
    const acknowledged = new Set<number>();
    const statuses: number[] = [];
    let next = 0;
    let interrupted = 0;
    let running = true;
    const client = async (): Promise<void> => {
      while (running) {
        const seq = next++;
        try {
          const response = await ingestRaw(server.url, body, { name: `crash{seq=${seq}}` });
          statuses.push(response.status);
          if (response.status === 200) acknowledged.add(seq);
        } catch {
          interrupted++; // in flight when the server died: not acknowledged
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await waitFor(() => acknowledged.size >= 150, 30_000);
    await server.kill();
    running = false;
    await Promise.all(clients);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);
    expect(interrupted).toBeGreaterThan(0); // the kill did land mid-burst

    server = await startServerProcess([], dataDir);
    try {
      const stored = await totalsBy(server.url, 'crash', 'seq');
      const lost = [...acknowledged].filter((seq) => stored.get(String(seq)) !== wallTotal);
      expect(lost).toEqual([]);
      // Profiles in flight at the kill may or may not have committed; none is half-written.
      for (const total of stored.values()) expect(total).toBe(wallTotal);
    } finally {
      await server.stop();
    }
  });
});

describe('load', () => {
  it('keeps every profile acknowledged by many concurrent clients, with no 5xx', async () => {
    const server = await startServerProcess();
    try {
      const CLIENTS = 16;
      const DURATION_MS = 4000;
      const acked = new Array<number>(CLIENTS).fill(0);
      const failures: number[] = [];
      const deadline = Date.now() + DURATION_MS;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let i = 0; i < 10_000 && Date.now() < deadline; i++) {
            const response = await ingestRaw(server.url, body, { name: `load{client=c${c}}` });
            if (response.status === 200) acked[c]++;
            else failures.push(response.status);
          }
        }),
      );
      expect(failures).toEqual([]);
      const stored = await totalsBy(server.url, 'load', 'client');
      for (let c = 0; c < CLIENTS; c++) expect(stored.get(`c${c}`) ?? 0, `client c${c}`).toBe(acked[c] * wallTotal);
      const count = acked.reduce((a, b) => a + b, 0);
      const merged = await selectMergeProfile(server.url, { profileTypeID: WALL, labelSelector: '{service_name="load"}', start: t - 60_000, end: t + 60_000 });
      expect([...pprofTotals(merged).values()]).toEqual([count * wallTotal]);
    } finally {
      await server.stop();
    }
  });
});
