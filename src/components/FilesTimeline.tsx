/**
 * The timeline of opened files: one point per profile at its `time_nanos`. Dragging across
 * points picks those profiles (their merged tree is shown); in the diff view it sets the
 * baseline or comparison window.
 */
import { byTime, diffGroups, filesExtent, windowAround } from '../sources/local-files.ts';
import { parseTime } from '../state/time.ts';
import { useDataStore, useUiStore, useViewStore } from '../state/store.ts';
import { Timeline } from './timeline/Timeline.tsx';
import { DiffBrushChoice } from './DiffBrushChoice.tsx';
import type { TimelineWindow, WindowKind } from './timeline/types.ts';
import type { ProfileSummary } from '../worker/protocol.ts';

function absoluteWindow(from: string, until: string): { from: number; until: number } | null {
  const a = parseTime(from);
  const b = parseTime(until);
  return a?.kind === 'absolute' && b?.kind === 'absolute' ? { from: a.ms, until: b.ms } : null;
}

/** One point per timed file: its total of the chosen sample type (memoized: the timeline keys on identity). */
const filesSeries = memoizeLast((files: ProfileSummary[], sampleType: string | null) => {
  const first = files[0];
  const chosen = first.sampleTypes.findIndex((t) => t.type === sampleType);
  const type = first.sampleTypes[chosen >= 0 ? chosen : first.defaultSampleType];
  const points = byTime(files)
    .filter((f) => f.timeMs > 0)
    .map((f) => {
      const t = f.sampleTypes.findIndex((s) => s.type === type.type && s.unit === type.unit);
      return { time: f.timeMs, value: t >= 0 ? f.totals[t] : 0, durationMs: f.durationMs };
    });
  return { type, series: [{ label: type.type, points }] };
});

function memoizeLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (!lastArgs || args.some((a, i) => a !== lastArgs![i])) {
      lastResult = compute(...args);
      lastArgs = args;
    }
    return lastResult;
  };
}

export function FilesTimeline() {
  const files = useDataStore((s) => s.files);
  const view = useViewStore();
  const diffBrush = useUiStore((s) => s.diffBrush);
  const setDiffBrush = useUiStore((s) => s.setDiffBrush);
  const extent = filesExtent(files);
  if (!extent || files.filter((f) => f.timeMs > 0).length < 2) return null;

  const { type, series } = filesSeries(files, view.sampleType);
  const points = series[0].points;
  const pad = Math.max(1000, (extent.until - extent.from) * 0.04);
  const range = { from: extent.from - pad, until: extent.until + pad };

  const diffing = view.view === 'diff';
  const windows: TimelineWindow[] = [];
  if (diffing) {
    const groups = diffGroups(files, [view.leftFrom, view.leftUntil], [view.rightFrom, view.rightUntil]);
    const baseline = absoluteWindow(view.leftFrom, view.leftUntil) ?? toWindow(windowAround(groups.baseline));
    const comparison = absoluteWindow(view.rightFrom, view.rightUntil) ?? toWindow(windowAround(groups.comparison));
    if (baseline) windows.push({ ...baseline, kind: 'baseline' });
    if (comparison) windows.push({ ...comparison, kind: 'comparison' });
  } else {
    const selected = absoluteWindow(view.from, view.until);
    if (selected) windows.push({ ...selected, kind: 'selection' });
  }

  const onBrush = (window: { from: number; until: number }, kind: WindowKind) => {
    const from = String(Math.floor(window.from));
    const until = String(Math.ceil(window.until));
    if (kind === 'baseline') {
      // Keep the other window as shown, so picking one side does not move the other.
      const other = windows.find((w) => w.kind === 'comparison');
      view.set({ leftFrom: from, leftUntil: until, ...(other && !view.rightFrom ? { rightFrom: String(Math.floor(other.from)), rightUntil: String(Math.ceil(other.until)) } : {}) });
      setDiffBrush('comparison');
    } else if (kind === 'comparison') {
      const other = windows.find((w) => w.kind === 'baseline');
      view.set({ rightFrom: from, rightUntil: until, ...(other && !view.leftFrom ? { leftFrom: String(Math.floor(other.from)), leftUntil: String(Math.ceil(other.until)) } : {}) });
      setDiffBrush('baseline');
    } else view.set({ from, until });
  };

  return (
    <div className="files-timeline" role="region" aria-label="Opened profiles over time">
      <div className="query-row">
        <span className="field">
          <span>
            {points.length} profiles over time · {type.type} ({type.unit})
          </span>
        </span>
        {diffing ? (
          <DiffBrushChoice />
        ) : (
          windows.length > 0 && (
            <button type="button" className="button" onClick={() => view.set({ from: 'now-1h', until: 'now' })}>
              Select all
            </button>
          )
        )}
      </div>
      <Timeline
        series={series}
        range={range}
        unit={type.unit}
        windows={windows}
        brushKind={diffing ? diffBrush : 'selection'}
        onBrush={onBrush}
        ariaLabel={diffing ? 'Profiles over time: drag to pick the baseline or comparison' : 'Profiles over time: drag across points to pick profiles'}
      />
    </div>
  );
}

function toWindow(pair: [string, string] | null): { from: number; until: number } | null {
  return pair ? { from: Number(pair[0]), until: Number(pair[1]) } : null;
}
