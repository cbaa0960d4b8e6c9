/**
 * React Query hooks over the querier client: profile types, services, the timeline
 * series and merged profiles. Keys carry (source, query, resolved range), so a range
 * change cancels the request in flight (its AbortSignal fires) and revisiting a range
 * is served from the cache.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { QuerierClient } from './querier-client.ts';
import type { ProfileType, Series } from './pyroscope/messages.ts';
import type { ParsedQuery } from './query.ts';
import type { TimeRange } from '../state/time.ts';

export interface Backend {
  client: QuerierClient;
  /** false until the user has agreed to query this backend */
  enabled: boolean;
}

export function useProfileTypes(backend: Backend, range: TimeRange | null): UseQueryResult<ProfileType[]> {
  return useQuery({
    queryKey: ['profileTypes', backend.client.baseUrl, range?.from, range?.until],
    queryFn: ({ signal }) => backend.client.profileTypes(range!.from, range!.until, signal),
    enabled: backend.enabled && range !== null,
    staleTime: 30_000,
  });
}

export function useServices(backend: Backend, profileTypeId: string | null, range: TimeRange | null): UseQueryResult<string[]> {
  return useQuery({
    queryKey: ['services', backend.client.baseUrl, profileTypeId, range?.from, range?.until],
    queryFn: ({ signal }) =>
      backend.client.labelValues('service_name', profileTypeId ? [`{__profile_type__="${profileTypeId}"}`] : [], range!.from, range!.until, signal),
    enabled: backend.enabled && range !== null,
    staleTime: 30_000,
  });
}

export function useSeries(backend: Backend, query: ParsedQuery | null, range: TimeRange | null, stepS: number): UseQueryResult<Series[]> {
  return useQuery({
    queryKey: ['series', backend.client.baseUrl, query?.profileTypeId, query?.labelSelector, range?.from, range?.until, stepS],
    queryFn: ({ signal }) =>
      backend.client.selectSeries(
        { profileTypeID: query!.profileTypeId, labelSelector: query!.labelSelector, start: range!.from, end: range!.until, step: stepS, groupBy: [] },
        signal,
      ),
    enabled: backend.enabled && query !== null && range !== null,
    staleTime: 15_000,
  });
}

export function useMergedProfile(backend: Backend, query: ParsedQuery | null, range: TimeRange | null, enabled = true): UseQueryResult<ArrayBuffer> {
  return useQuery({
    queryKey: ['merge', backend.client.baseUrl, query?.profileTypeId, query?.labelSelector, range?.from, range?.until],
    queryFn: ({ signal }) =>
      backend.client.selectMergeProfile(
        { profileTypeID: query!.profileTypeId, labelSelector: query!.labelSelector, start: range!.from, end: range!.until },
        signal,
      ),
    enabled: enabled && backend.enabled && query !== null && range !== null,
    staleTime: 60_000,
    gcTime: 5 * 60_000,
  });
}
