/**
 * Querying a backend: which backend, profile type, service, label selector, time range
 * (quick ranges, refresh) and the timeline to pick a window — or, in the diff view, the
 * baseline and comparison windows.
 */
import { useEffect, useMemo, useState } from 'react';
import { trust } from '../sources/trusted-sources.ts';
import { buildQuery, describeProfileType, equalityMatcher, parseQuery, seriesStep, withEqualityMatcher } from '../sources/query.ts';
import { useProfileTypes, useSeries, useServices } from '../sources/use-backend.ts';
import type { ProfileType } from '../sources/pyroscope/messages.ts';
import { useBackendConnection, useResolvedRange } from '../state/backend-connection.ts';
import { activateBackend } from '../state/session.ts';
import { useDataStore, useUiStore, useViewStore } from '../state/store.ts';
import { formatDuration, QUICK_RANGES } from '../state/time.ts';
import { setViewReplacing } from '../state/url-sync.ts';
import type { ViewState } from '../state/view-state.ts';
import { Timeline } from './timeline/Timeline.tsx';
import { DiffBrushChoice } from './DiffBrushChoice.tsx';
import type { TimelineWindow, WindowKind } from './timeline/types.ts';

/** CPU first, then wall time, then whatever comes first: what a person usually opens. */
function defaultProfileType(types: ProfileType[]): ProfileType | undefined {
  return types.find((t) => t.sampleType === 'cpu') ?? types.find((t) => t.sampleType === 'wall') ?? types[0];
}

export function BackendBar() {
  const backend = useBackendConnection();
  const activeSource = useDataStore((s) => s.activeSource);
  const view = useViewStore();
  const refreshRange = useUiStore((s) => s.refreshRange);
  const confirmSource = useUiStore((s) => s.confirmSource);
  const diffBrush = useUiStore((s) => s.diffBrush);
  const setDiffBrush = useUiStore((s) => s.setDiffBrush);
  const range = useResolvedRange(view.from, view.until);
  const left = useResolvedRange(view.leftFrom, view.leftUntil);
  const right = useResolvedRange(view.rightFrom, view.rightUntil);
  const query = parseQuery(view.query);
  const types = useProfileTypes(backend, range);
  const services = useServices(backend, query?.profileTypeId ?? null, range);
  const stepS = range ? seriesStep(range.until - range.from) : 15;
  const series = useSeries(backend, query, range, stepS);
  const [selectorDraft, setSelectorDraft] = useState<string | null>(null);
  // The timeline redraws its paths only when this array changes identity.
  const timelineSeries = useMemo(
    () =>
      (series.data ?? []).map((s) => ({
        label: s.labels.map((l) => `${l.name}=${l.value}`).join(', ') || 'total',
        points: s.points.map((p) => ({ time: p.timestamp, value: p.value })),
      })),
    [series.data],
  );
  const diffing = view.view === 'diff';

  /** Every backend control both changes the view and makes the backend what is on screen. */
  const apply = (patch: Partial<ViewState>) => {
    activateBackend(backend.label);
    view.set(patch);
  };

  // First visit: pick a profile type and service so the page shows data at once.
  const typeList = types.data;
  const serviceList = services.data;
  useEffect(() => {
    if (view.query || activeSource === 'files' || !typeList || typeList.length === 0) return;
    const type = defaultProfileType(typeList);
    if (type) setViewReplacing({ query: buildQuery(type.ID, '{}') });
  }, [view.query, activeSource, typeList]);
  useEffect(() => {
    if (!query || activeSource === 'files' || !serviceList || serviceList.length === 0) return;
    if (equalityMatcher(query.labelSelector, 'service_name') === null && query.labelSelector === '{}') {
      setViewReplacing({ query: buildQuery(query.profileTypeId, withEqualityMatcher('{}', 'service_name', serviceList[0])) });
    }
  }, [query, activeSource, serviceList]);

  // The diff needs two windows: default to the earlier and later halves of the range.
  useEffect(() => {
    if (activeSource !== 'backend' || !diffing || !range || (left && right)) return;
    const middle = Math.round((range.from + range.until) / 2);
    setViewReplacing({
      leftFrom: String(range.from),
      leftUntil: String(middle),
      rightFrom: String(middle),
      rightUntil: String(range.until),
    });
  }, [activeSource, diffing, range, left, right]);

  if (backend.needsConfirmation) {
    return (
      <div className="backend-bar confirm" role="region" aria-label="Backend">
        <span>
          This link asks Flamelens to query <strong>{view.source}</strong>. Nothing is sent there until you agree.
        </span>
        <button
          type="button"
          className="button primary"
          onClick={() => {
            trust(view.source!);
            confirmSource(view.source!);
          }}
        >
          Connect
        </button>
        <button type="button" className="button" onClick={() => view.set({ source: null })}>
          Use this server instead
        </button>
      </div>
    );
  }

  const unavailable = types.isError && !view.source;
  if (unavailable) return null;

  if (activeSource === 'files') {
    return (
      <div className="backend-bar compact" role="region" aria-label="Backend">
        <span className="field">Showing opened files.</span>
        <button type="button" className="button" onClick={() => activateBackend(backend.label)} disabled={!query}>
          Back to {backend.label}
        </button>
      </div>
    );
  }

  const selectedType = typeList?.find((t) => t.ID === query?.profileTypeId);
  const service = query ? equalityMatcher(query.labelSelector, 'service_name') : null;
  const windows: TimelineWindow[] = diffing
    ? [
        ...(left ? [{ ...left, kind: 'baseline' as const }] : []),
        ...(right ? [{ ...right, kind: 'comparison' as const }] : []),
      ]
    : [];
  const onBrush = (window: { from: number; until: number }, kind: WindowKind) => {
    const from = String(Math.floor(window.from));
    const until = String(Math.ceil(window.until));
    if (kind === 'baseline') {
      apply({ leftFrom: from, leftUntil: until });
      setDiffBrush('comparison');
    } else if (kind === 'comparison') {
      apply({ rightFrom: from, rightUntil: until });
      setDiffBrush('baseline');
    } else apply({ from, until });
  };

  return (
    <div className="backend-bar" role="region" aria-label="Backend query">
      <div className="query-row">
        <BackendField />
        <label className="field">
          <span>Profile type</span>
          <select
            data-testid="profile-type"
            value={query?.profileTypeId ?? ''}
            onChange={(e) => apply({ query: buildQuery(e.target.value, query?.labelSelector ?? '{}'), focus: [] })}
          >
            {!selectedType && <option value={query?.profileTypeId ?? ''}>{query ? describeProfileType(query.profileTypeId) : types.isLoading ? 'Loading…' : 'No profiles in range'}</option>}
            {typeList?.map((t) => (
              <option key={t.ID} value={t.ID}>
                {describeProfileType(t.ID)} ({t.sampleUnit})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Service</span>
          <select
            data-testid="service"
            value={service ?? ''}
            onChange={(e) => apply({ query: buildQuery(query?.profileTypeId ?? '', withEqualityMatcher(query?.labelSelector ?? '{}', 'service_name', e.target.value || null)), focus: [] })}
          >
            <option value="">all services</option>
            {service && !serviceList?.includes(service) && <option value={service}>{service}</option>}
            {serviceList?.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <form
          className="selector-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (selectorDraft !== null && query) apply({ query: buildQuery(query.profileTypeId, selectorDraft), focus: [] });
            setSelectorDraft(null);
          }}
        >
          <input
            aria-label="Label selector"
            data-testid="label-selector"
            spellCheck={false}
            value={selectorDraft ?? query?.labelSelector ?? '{}'}
            onChange={(e) => setSelectorDraft(e.target.value)}
            onBlur={(e) => e.currentTarget.form?.requestSubmit()}
          />
        </form>
        <div className="segmented quick-ranges" role="group" aria-label="Time range">
          {QUICK_RANGES.map((r) => (
            <button
              key={r.label}
              type="button"
              aria-pressed={view.from === r.from && view.until === 'now'}
              onClick={() => {
                refreshRange();
                apply({ from: r.from, until: 'now', leftFrom: '', leftUntil: '', rightFrom: '', rightUntil: '' });
              }}
            >
              {r.label}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={refreshRange} title="Re-read the data up to now">
          Refresh
        </button>
        {range && <span className="range-length">{formatDuration(range.until - range.from)}</span>}
      </div>
      {diffing && (
        <DiffBrushChoice />
      )}
      {range && (
        <Timeline
          series={timelineSeries}
          range={range}
          unit={selectedType?.sampleUnit ?? ''}
          stepMs={stepS * 1000}
          windows={windows}
          brushKind={diffing ? diffBrush : 'selection'}
          onBrush={onBrush}
          loading={series.isFetching}
          error={series.error ? (series.error as Error).message : null}
          ariaLabel={diffing ? 'Timeline: drag to pick the baseline or comparison window' : 'Timeline: drag to zoom into a time window'}
        />
      )}
    </div>
  );
}

/** Shows which backend the app talks to, and lets the user point it at another. */
function BackendField() {
  const source = useViewStore((s) => s.source);
  const set = useViewStore((s) => s.set);
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <form
      className="backend-field"
      onSubmit={(e) => {
        e.preventDefault();
        const text = (draft ?? '').trim();
        if (text === '') set({ source: null, query: '' });
        else {
          try {
            const url = new URL(text);
            if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
            const next = url.href.replace(/\/+$/, '');
            trust(next);
            useUiStore.getState().confirmSource(next);
            set({ source: next, query: '' });
          } catch {
            useDataStore.getState().notify('error', `"${text}" is not an http(s) URL`);
          }
        }
        setDraft(null);
      }}
    >
      <label className="field">
        <span>Backend</span>
        <input
          data-testid="backend-url"
          placeholder="this server"
          value={draft ?? source ?? ''}
          onChange={(e) => setDraft(e.target.value)}
          title="A Grafana Pyroscope or Flamelens server URL; empty for the server that served this page"
        />
      </label>
    </form>
  );
}
