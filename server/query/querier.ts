/**
 * The querier: answers the QuerierService calls from the store. HTTP-free, so
 * the same logic serves JSON and binary requests.
 *
 * A "series" as the API sees it is one stored label set combined with one
 * profile type, so selectors can also match the profile-type labels Pyroscope
 * exposes: __profile_type__, __type__, __unit__, __period_type__, __period_unit__.
 */
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import {
  parseProfileTypeID,
  type LabelNamesRequest,
  type LabelNamesResponse,
  type LabelValuesRequest,
  type LabelValuesResponse,
  type ProfileTypesRequest,
  type ProfileTypesResponse,
  type SelectMergeProfileRequest,
  type SelectSeriesRequest,
  type SelectSeriesResponse,
  type Series,
  type StackTraceSelector,
} from '../../src/sources/pyroscope/messages.ts';
import { ApiError, invalidArgument } from '../errors.ts';
import { decodePprof, type DecodedPprof } from '../pprof/decode.ts';
import type { ProfileStore, SeriesTypePair, StoredType } from '../store/profile-store.ts';
import { ProfileMerger } from './merge.ts';
import { parseSelector, selectorMatches, SelectorError, type Matcher } from './selector.ts';
import { bucketize, stepMillis } from './step.ts';

const gunzipAsync = promisify(gunzip);
/** Profiles gunzipped at once while merging: keeps both cores busy without holding many in memory. */
const GUNZIP_CONCURRENCY = 8;

export interface QuerierLimits {
  maxMergeProfiles: number;
  maxProfileBytes: number;
}

function parseMatchers(selectors: readonly string[]): Matcher[][] {
  try {
    return selectors.map((s) => parseSelector(s));
  } catch (error) {
    if (error instanceof SelectorError) throw invalidArgument(error.message);
    throw error;
  }
}

/** start = end = 0 means "all time" for the listing calls. */
function checkRange(start: number, end: number, required: boolean): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) throw invalidArgument('start and end must be integers (unix milliseconds)');
  if (required && start === 0 && end === 0) throw invalidArgument('start and end are required (unix milliseconds)');
  if (start < 0 || end < 0) throw invalidArgument(`start and end must not be negative (got start=${start}, end=${end})`);
  if (end < start) throw invalidArgument(`end (${end}) is before start (${start})`);
}

function checkNoStackTraceSelector(selector: StackTraceSelector | undefined, profileIds: readonly string[]): void {
  if ((selector && (selector.callSite.length > 0 || selector.goPgo)) || profileIds.length > 0) {
    throw new ApiError('unimplemented', 'stack trace and profile id selectors are not supported by the embedded store');
  }
}

export function pairLabels(pair: SeriesTypePair): Map<string, string> {
  const labels = new Map(pair.labels);
  labels.set('__profile_type__', pair.type.id);
  labels.set('__type__', pair.type.sampleType);
  labels.set('__unit__', pair.type.sampleUnit);
  labels.set('__period_type__', pair.type.periodType);
  labels.set('__period_unit__', pair.type.periodUnit);
  return labels;
}

export class Querier {
  constructor(
    private readonly store: ProfileStore,
    private readonly limits: QuerierLimits,
  ) {}

  /** Pairs in range that match any of the selectors (all pairs when there are none). */
  private matchingPairs(selectors: Matcher[][], start: number, end: number, type?: StoredType): { pair: SeriesTypePair; labels: Map<string, string> }[] {
    return this.store
      .seriesTypePairs(start, end, type)
      .map((pair) => ({ pair, labels: pairLabels(pair) }))
      .filter(({ labels }) => selectors.length === 0 || selectors.some((m) => selectorMatches(m, (name) => labels.get(name))));
  }

  profileTypes(req: ProfileTypesRequest): ProfileTypesResponse {
    checkRange(req.start, req.end, false);
    const types = new Map<string, StoredType>();
    for (const pair of this.store.seriesTypePairs(req.start, req.end)) types.set(pair.type.id, pair.type);
    const profileTypes = [...types.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((t) => ({ ID: t.id, name: t.name, sampleType: t.sampleType, sampleUnit: t.sampleUnit, periodType: t.periodType, periodUnit: t.periodUnit }));
    return { profileTypes };
  }

  labelNames(req: LabelNamesRequest): LabelNamesResponse {
    checkRange(req.start, req.end, false);
    const names = new Set<string>();
    for (const { labels } of this.matchingPairs(parseMatchers(req.matchers), req.start, req.end)) {
      for (const name of labels.keys()) names.add(name);
    }
    return { names: [...names].sort() };
  }

  labelValues(req: LabelValuesRequest): LabelValuesResponse {
    checkRange(req.start, req.end, false);
    if (req.name === '') throw invalidArgument('name (the label to list values of) is required');
    const values = new Set<string>();
    for (const { labels } of this.matchingPairs(parseMatchers(req.matchers), req.start, req.end)) {
      const value = labels.get(req.name);
      if (value !== undefined && value !== '') values.add(value);
    }
    return { names: [...values].sort() };
  }

  private resolveType(profileTypeID: string): StoredType | undefined {
    if (!parseProfileTypeID(profileTypeID)) {
      throw invalidArgument(`profileTypeID ${JSON.stringify(profileTypeID)} is not of the form name:sample_type:sample_unit:period_type:period_unit`);
    }
    return this.store.typeByID(profileTypeID);
  }

  selectSeries(req: SelectSeriesRequest): SelectSeriesResponse {
    checkRange(req.start, req.end, true);
    checkNoStackTraceSelector(req.stackTraceSelector, []);
    const stepMs = stepMillis(req.step, req.start, req.end);
    const matchers = parseMatchers([req.labelSelector]);
    const type = this.resolveType(req.profileTypeID);
    if (!type) return { series: [] };
    const groups = new Map<string, { labels: { name: string; value: string }[]; seriesIds: number[] }>();
    for (const { pair, labels } of this.matchingPairs(matchers, req.start, req.end, type)) {
      const groupLabels = req.groupBy.filter((name) => labels.has(name)).map((name) => ({ name, value: labels.get(name)! }));
      const key = JSON.stringify(groupLabels);
      const group = groups.get(key) ?? { labels: groupLabels, seriesIds: [] };
      group.seriesIds.push(pair.seriesId);
      groups.set(key, group);
    }
    const aggregation = req.aggregation === 1 ? 'average' : 'sum';
    let series: Series[] = [...groups.values()].map((g) => {
      const values = this.store.totals(type, g.seriesIds, req.start, req.end).map((r) => ({ ts: r.ts, value: r.total }));
      return { labels: g.labels, points: bucketize(values, req.start, req.end, stepMs, aggregation) };
    });
    series = series.filter((s) => s.points.length > 0);
    if (req.limit !== undefined && req.limit > 0 && series.length > req.limit) {
      const total = (s: Series): number => s.points.reduce((a, p) => a + p.value, 0);
      series = series.sort((a, b) => total(b) - total(a)).slice(0, req.limit);
    }
    series.sort((a, b) => (JSON.stringify(a.labels) < JSON.stringify(b.labels) ? -1 : 1));
    return { series };
  }

  /** Merges every matching profile into one pprof; returns uncompressed google.v1.Profile bytes. */
  async selectMergeProfile(req: SelectMergeProfileRequest): Promise<Buffer> {
    checkRange(req.start, req.end, true);
    checkNoStackTraceSelector(req.stackTraceSelector, req.profileIdSelector);
    const matchers = parseMatchers([req.labelSelector]);
    const parts = parseProfileTypeID(req.profileTypeID);
    const type = this.resolveType(req.profileTypeID);
    const merger = new ProfileMerger();
    if (type) {
      const seriesIds = this.matchingPairs(matchers, req.start, req.end, type).map(({ pair }) => pair.seriesId);
      await this.mergeInto(merger, type, seriesIds, req.start, req.end);
    }
    return merger.encode({
      sampleType: { type: parts!.sampleType, unit: parts!.sampleUnit },
      periodType: { type: parts!.periodType, unit: parts!.periodUnit },
      timeNanos: req.start * 1e6,
      durationNanos: (req.end - req.start) * 1e6,
    });
  }

  private async mergeInto(merger: ProfileMerger, type: StoredType, seriesIds: number[], start: number, end: number): Promise<void> {
    let batch: Promise<{ raw: Buffer; sampleIndex: number }>[] = [];
    // One profile is decoded at a time, into the arrays of the one before: no garbage per profile.
    let decoded: DecodedPprof | undefined;
    const drain = async (): Promise<void> => {
      for (const { raw, sampleIndex } of await Promise.all(batch)) {
        decoded = decodePprof(raw, decoded);
        merger.add(decoded, sampleIndex);
      }
      batch = [];
    };
    let count = 0;
    for (const { pprof, sampleIndex } of this.store.pprofs(type, seriesIds, start, end)) {
      if (++count > this.limits.maxMergeProfiles) {
        throw new ApiError('resource_exhausted', `the range holds more than ${this.limits.maxMergeProfiles} profiles; narrow the time range or the selector`);
      }
      // Large output chunks: the default 16 KiB means a main-thread callback per 16 KiB.
      const options = { maxOutputLength: this.limits.maxProfileBytes, chunkSize: 256 * 1024 };
      batch.push(gunzipAsync(pprof, options).then((raw) => ({ raw, sampleIndex })));
      if (batch.length >= GUNZIP_CONCURRENCY) await drain();
    }
    await drain();
  }
}
