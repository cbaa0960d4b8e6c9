/**
 * The backend the app talks to (the page's own server unless `source` names another),
 * whether the user has agreed to query it, and the resolved time ranges.
 */
import { useMemo } from 'react';
import { QuerierClient } from '../sources/querier-client.ts';
import { isTrusted } from '../sources/trusted-sources.ts';
import type { Backend } from '../sources/use-backend.ts';
import { useUiStore, useViewStore } from './store.ts';
import { resolveRange } from './time.ts';
import type { TimeRange } from './time.ts';

export interface BackendConnection extends Backend {
  /** a link named this backend and the user has not said yes yet */
  needsConfirmation: boolean;
  label: string;
}

export function useBackendConnection(): BackendConnection {
  const source = useViewStore((s) => s.source);
  const confirmed = useUiStore((s) => s.confirmedSources);
  return useMemo(() => {
    const client = new QuerierClient(source ?? '');
    const trusted = isTrusted(source, window.location.origin) || (source !== null && confirmed.includes(source));
    return { client, enabled: trusted, needsConfirmation: !trusted, label: source ?? `${window.location.host} (this server)` };
  }, [source, confirmed]);
}

/** A from/until pair resolved against the shared "now" anchor; null when invalid. */
export function useResolvedRange(from: string, until: string): TimeRange | null {
  const anchor = useUiStore((s) => s.rangeAnchor);
  return useMemo(() => resolveRange(from, until, anchor), [from, until, anchor]);
}
