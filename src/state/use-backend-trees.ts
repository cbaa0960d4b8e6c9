/**
 * When the profiles on screen come from a backend: fetches the merged profile of the
 * selected range (or of both diff windows) and shows it. Starts the backend session by
 * itself when a link carries a query and nothing else is on screen.
 */
import { useEffect } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMergedProfile, useSeries } from '../sources/use-backend.ts';
import type { Backend } from '../sources/use-backend.ts';
import { describeProfileType, parseQuery } from '../sources/query.ts';
import type { ParsedQuery } from '../sources/query.ts';
import { isInstantaneousProfileType, latestSnapshotRange, snapshotStepSeconds } from '../sources/snapshots.ts';
import type { TimeRange } from './time.ts';
import { useBackendConnection, useResolvedRange } from './backend-connection.ts';
import { activateBackend, showBackendProfiles } from './session.ts';
import { useDataStore, useViewStore } from './store.ts';
import type { SlotName } from './store.ts';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useBackendTrees(): void {
  const backend = useBackendConnection();
  const activeSource = useDataStore((s) => s.activeSource);
  const active = activeSource === 'backend';
  const queryText = useViewStore((s) => s.query);
  const query = parseQuery(queryText);
  const view = useViewStore((s) => s.view);
  const groupBy = useViewStore((s) => s.groupBy);
  const range = useResolvedRange(useViewStore((s) => s.from), useViewStore((s) => s.until));
  const left = useResolvedRange(useViewStore((s) => s.leftFrom), useViewStore((s) => s.leftUntil));
  const right = useResolvedRange(useViewStore((s) => s.rightFrom), useViewStore((s) => s.rightUntil));
  const diffing = view === 'diff';

  useEffect(() => {
    if (activeSource === 'none' && query && backend.enabled) activateBackend(backend.label);
  }, [activeSource, query, backend]);

  const main = useWindowProfile(backend, query, range, active && !diffing);
  const baseline = useWindowProfile(backend, query, left, active && diffing);
  const comparison = useWindowProfile(backend, query, right, active && diffing);
  const name = query ? describeProfileType(query.profileTypeId) : 'profile';

  useEffect(() => {
    if (active && !diffing && main.data) void showBackendProfiles('main', [[{ name, bytes: main.data }]], groupBy);
  }, [active, diffing, main.data, name, groupBy]);

  useEffect(() => {
    if (active && diffing && baseline.data && comparison.data) {
      void showBackendProfiles('diff', [[{ name: `${name} (baseline)`, bytes: baseline.data }], [{ name: `${name} (comparison)`, bytes: comparison.data }]], groupBy);
    }
  }, [active, diffing, baseline.data, comparison.data, name, groupBy]);

  useFetchState(active && !diffing, 'main', main.isFetching, main.error);
  useFetchState(active && diffing, 'diff', baseline.isFetching || comparison.isFetching, baseline.error ?? comparison.error);
}

/**
 * The profile of a window: the merge of all its profiles, or for instantaneous types
 * (memory in use) the latest snapshot, found through a fine-grained series.
 */
function useWindowProfile(backend: Backend, query: ParsedQuery | null, window: TimeRange | null, enabled: boolean): UseQueryResult<ArrayBuffer> {
  const gauge = query !== null && isInstantaneousProfileType(query.profileTypeId);
  const stepS = window ? snapshotStepSeconds(window) : 1;
  const series = useSeries(backend, query, gauge && enabled ? window : null, stepS);
  const target = !gauge ? window : window && series.data ? latestSnapshotRange(series.data, window, stepS) : null;
  return useMergedProfile(backend, query, target, enabled);
}

/** Mirrors a fetch's progress and failure into the slot the user is looking at. */
function useFetchState(relevant: boolean, slot: SlotName, fetching: boolean, error: unknown): void {
  useEffect(() => {
    if (relevant && fetching) useDataStore.getState().setSlot(slot, { status: 'loading' });
  }, [relevant, fetching, slot]);
  useEffect(() => {
    if (!relevant || !error) return;
    useDataStore.getState().notify('error', errorText(error));
    useDataStore.getState().setSlot(slot, { status: 'error' });
  }, [relevant, error, slot]);
}
