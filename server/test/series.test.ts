/**
 * The shared series (real @datadog/pprof profiles of a service, 8 windows of
 * 2 s, CPU and heap) ingested over HTTP as the Node SDK sends them, queried
 * back, and checked against manifest.json (figures read by `go tool pprof`).
 * Go profiles go in the Go SDK's way (multipart), and through Push.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRequest, SelectSeriesResponse } from '../../src/sources/pyroscope/messages.ts';
import {
  connectJson,
  goPprofTotal,
  hasGo,
  ingestRaw,
  ingestUrl,
  manifest,
  manifestTimeMs,
  pprofTotals,
  profileFile,
  selectMergeProfile,
  startServerProcess,
  type ManifestEntry,
  type ServerProcess,
} from './harness.ts';

const entries = manifest();
const entry = (file: string): ManifestEntry => entries.find((e) => e.file === file)!;

/** Profile type IDs of a file as Pyroscope derives them, with the manifest's total for each. */
function expectedTypes(e: ManifestEntry, name: string): { id: string; total: number }[] {
  const [periodType, periodUnit] = (e as ManifestEntry & { periodType: string }).periodType.split(' ');
  return e.sampleTypes!.map((st, i) => ({ id: `${name}:${st.type}:${st.unit}:${periodType}:${periodUnit}`, total: e.totals![i] }));
}

const windows = Array.from({ length: 8 }, (_, i) => {
  const cpu = entry(`series/checkout-0${i}.cpu.pb.gz`);
  const heap = entry(`series/checkout-0${i}.heap.pb.gz`);
  return { cpu, heap, start: Math.min(manifestTimeMs(cpu.time!), manifestTimeMs(heap.time!)) };
});
const windowEnd = (i: number): number => (i + 1 < windows.length ? windows[i + 1].start - 1 : windows[i].start + 1999);
const seriesTypes = [...expectedTypes(windows[0].cpu, 'wall'), ...expectedTypes(windows[0].heap, 'memory')];
const windowTotal = (i: number, typeIndex: number): number =>
  [...expectedTypes(windows[i].cpu, 'wall'), ...expectedTypes(windows[i].heap, 'memory')][typeIndex].total;

describe('the shared series, ingested over HTTP and queried back', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess();
    for (const [i, w] of windows.entries()) {
      for (const kind of ['cpu', 'heap'] as const) {
        const response = await ingestRaw(server.url, profileFile(w[kind].file), {
          name: 'checkout{env=test,region=eu}',
          from: Math.floor(w.start / 1000),
          until: Math.floor(w.start / 1000) + 2,
          spyName: 'nodespy',
        });
        expect(response.status, `window ${i} ${kind}`).toBe(200);
      }
    }
  });

  afterAll(async () => server?.stop());

  it('lists the four profile types the uploads carry', async () => {
    const { json } = await connectJson(server.url, '/querier.v1.QuerierService/ProfileTypes', {});
    const ids = (json as { profileTypes: { ID: string }[] }).profileTypes.map((t) => t.ID);
    expect(ids.sort()).toEqual(seriesTypes.map((t) => t.id).sort());
  });

  it('SelectMergeProfile per window equals the manifest totals, for every profile type', async () => {
    for (let i = 0; i < windows.length; i++) {
      for (const [t, type] of seriesTypes.entries()) {
        const pprof = await selectMergeProfile(server.url, {
          profileTypeID: type.id,
          labelSelector: '{service_name="checkout", env="test"}',
          start: windows[i].start,
          end: windowEnd(i),
        });
        const totals = [...pprofTotals(pprof).values()];
        expect(totals, `window ${i} ${type.id}`).toEqual([windowTotal(i, t)]);
      }
    }
  });

  it('SelectSeries gives one point per window, equal to the window total, summing to the whole', async () => {
    const start = windows[0].start;
    const end = windowEnd(windows.length - 1);
    for (const [t, type] of seriesTypes.entries()) {
      const { status, json } = await connectJson(server.url, '/querier.v1.QuerierService/SelectSeries', {
        profileTypeID: type.id,
        labelSelector: '{service_name="checkout"}',
        start: String(start), // int64 as a string, as protobuf JSON allows
        end,
        step: 2,
      });
      expect(status).toBe(200);
      const response = SelectSeriesResponse.fromJson(json);
      expect(response.series).toHaveLength(1);
      const points = response.series[0].points;
      expect(points.map((p) => p.value)).toEqual(windows.map((_, i) => windowTotal(i, t)));
      const sum = points.reduce((a, p) => a + p.value, 0);
      expect(sum).toBe(windows.reduce((a, _, i) => a + windowTotal(i, t), 0));
    }
  });

  it('SelectSeries groups by a label and filters with every selector operator', async () => {
    const range = { start: windows[0].start, end: windowEnd(7), step: 60 };
    const query = async (labelSelector: string, groupBy: string[] = []) =>
      SelectSeriesResponse.fromJson(
        (await connectJson(server.url, '/querier.v1.QuerierService/SelectSeries', { ...range, profileTypeID: seriesTypes[1].id, labelSelector, groupBy })).json,
      ).series;
    const grouped = await query('{}', ['region']);
    expect(grouped.map((s) => s.labels)).toEqual([[{ name: 'region', value: 'eu' }]]);
    expect((await query('{env!="test"}')).length).toBe(0);
    expect((await query('{service_name=~"check.*"}')).length).toBe(1);
    expect((await query('{service_name!~"check.*"}')).length).toBe(0);
    expect((await query('{__profile_type__="' + seriesTypes[1].id + '"}')).length).toBe(1);
  });

  it('a merge over the whole range equals the sum of the windows, and go tool pprof agrees', async () => {
    const type = seriesTypes[1]; // wall nanoseconds
    const pprof = await selectMergeProfile(server.url, {
      profileTypeID: type.id,
      labelSelector: '{service_name="checkout"}',
      start: windows[0].start,
      end: windowEnd(7),
    });
    const expected = windows.reduce((a, _, i) => a + windowTotal(i, 1), 0);
    expect([...pprofTotals(pprof).values()]).toEqual([expected]);
    if (hasGo) {
      const file = join(server.dataDir, 'merged.pb');
      writeFileSync(file, pprof);
      expect(goPprofTotal(file)).toBe(expected);
    }
  });

  it('answers SelectMergeProfile in protobuf JSON when asked in JSON', async () => {
    const { status, json } = await connectJson(server.url, '/querier.v1.QuerierService/SelectMergeProfile', {
      profileTypeID: seriesTypes[0].id,
      labelSelector: '{}',
      start: windows[0].start,
      end: windowEnd(0),
    });
    expect(status).toBe(200);
    const profile = json as { sampleType: unknown[]; sample: { value: string[] }[]; stringTable: string[] };
    expect(profile.sampleType).toHaveLength(1);
    expect(profile.sample.reduce((a, s) => a + Number(s.value[0]), 0)).toBe(windowTotal(0, 0));
  });

  it('lists label names and values, narrowed by matchers', async () => {
    const names = (await connectJson(server.url, '/querier.v1.QuerierService/LabelNames', { matchers: ['{service_name="checkout"}'] })).json;
    expect((names as { names: string[] }).names).toEqual(
      expect.arrayContaining(['__name__', '__profile_type__', 'env', 'pyroscope_spy', 'region', 'service_name']),
    );
    const values = await connectJson(server.url, '/querier.v1.QuerierService/LabelValues', {
      name: '__name__',
      matchers: ['{__type__="wall"}'],
    });
    expect(values.json).toEqual({ names: ['wall'] });
  });
});

describe('Go SDK uploads (multipart) and Push', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => server?.stop());

  for (const [file, name] of [
    ['go-regexp.cpu.pb.gz', 'process_cpu'],
    ['go-regexp.mem.pb.gz', 'memory'],
  ] as const) {
    it(`stores ${file} from a multipart "profile" field under ${name} types with the manifest's totals`, async () => {
      const form = new FormData();
      form.set('profile', new Blob([profileFile(file)]), 'profile.pprof');
      const response = await fetch(ingestUrl(server.url, { name: 'regexp-bench{team=go}', spyName: 'gospy' }), { method: 'POST', body: form });
      expect(response.status).toBe(200);
      const e = entry(file);
      const t = manifestTimeMs(e.time!);
      for (const type of expectedTypes(e, name)) {
        const pprof = await selectMergeProfile(server.url, { profileTypeID: type.id, labelSelector: '{service_name="regexp-bench"}', start: t - 1000, end: t + 1000 });
        expect([...pprofTotals(pprof).values()], type.id).toEqual([type.total]);
      }
    });
  }

  it('stores profiles pushed through PusherService/Push, binary and JSON, raw and gzipped', async () => {
    const e = entry('edge/go-regexp.cpu.uncompressed.pb');
    const raw = profileFile(e.file);
    const request = {
      series: [{ labels: [{ name: '__name__', value: 'process_cpu' }, { name: 'service_name', value: 'pushed' }], samples: [{ rawProfile: raw, ID: '' }] }],
    };
    const binary = await fetch(new URL('/push.v1.PusherService/Push', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/proto' },
      body: PushRequest.encode(request),
    });
    expect(binary.status).toBe(200);
    const gzRequest = { series: [{ ...request.series[0], samples: [{ rawProfile: profileFile('go-regexp.cpu.pb.gz'), ID: '' }] }] };
    const json = await connectJson(server.url, '/push.v1.PusherService/Push', PushRequest.toJson(gzRequest));
    expect(json).toEqual({ status: 200, json: {} });
    const t = manifestTimeMs(e.time!);
    const pprof = await selectMergeProfile(server.url, {
      profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="pushed"}',
      start: t - 1000,
      end: t + 1000,
    });
    expect([...pprofTotals(pprof).values()]).toEqual([2 * e.totals![1]]);
    expect(gunzipSync(profileFile('go-regexp.cpu.pb.gz')).equals(raw)).toBe(true);
  });
});
