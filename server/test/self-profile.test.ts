/** A fresh server stores its own CPU (wall + cpu time) and heap profiles. */
import { describe, expect, it } from 'vitest';
import { connectJson, pprofTotals, selectMergeProfile, startServerProcess } from './harness.ts';

describe('self-profiling', () => {
  it('shows live data for flamelens-server shortly after start', async () => {
    const start = Date.now();
    const server = await startServerProcess(['--self-profile-interval', '1s']);
    try {
      const expected = [
        'wall:cpu:nanoseconds:wall:nanoseconds',
        'wall:wall:nanoseconds:wall:nanoseconds',
        'wall:samples:count:wall:nanoseconds',
        'memory:inuse_space:bytes:inuse_space:bytes',
        'memory:inuse_objects:count:inuse_space:bytes',
      ];
      let ids: string[] = [];
      for (let attempt = 0; attempt < 100 && !expected.every((id) => ids.includes(id)); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const { json } = await connectJson(server.url, '/querier.v1.QuerierService/ProfileTypes', {});
        ids = ((json as { profileTypes?: { ID: string }[] }).profileTypes ?? []).map((t) => t.ID);
      }
      expect(ids.sort()).toEqual(expected.sort());
      const values = await connectJson(server.url, '/querier.v1.QuerierService/LabelValues', { name: 'service_name' });
      expect(values.json).toEqual({ names: ['flamelens-server'] });
      const heap = await selectMergeProfile(server.url, {
        profileTypeID: 'memory:inuse_space:bytes:inuse_space:bytes',
        labelSelector: '{service_name="flamelens-server"}',
        start: start - 1000,
        end: Date.now() + 1000,
      });
      expect([...pprofTotals(heap).values()][0]).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('stays off with --no-self-profile', async () => {
    const server = await startServerProcess(['--no-self-profile', '--self-profile-interval', '1s']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await connectJson(server.url, '/querier.v1.QuerierService/ProfileTypes', {})).json).toEqual({});
    } finally {
      await server.stop();
    }
  });
});
