/**
 * For instantaneous profile types (memory in use), a window is represented by its latest
 * snapshot, not by the sum of all snapshots (see `isInstantaneous`). A Pyroscope backend
 * only merges, so the app finds the latest snapshot's time from the series and asks for
 * just that moment.
 */
import { isInstantaneous } from '../profile/model.ts';
import type { Series } from './pyroscope/messages.ts';
import type { TimeRange } from '../state/time.ts';

/** Is the profile type ID's sample type instantaneous? (`memory:inuse_space:bytes:...`) */
export function isInstantaneousProfileType(profileTypeId: string): boolean {
  const [, type = '', unit = ''] = profileTypeId.split(':');
  return isInstantaneous({ type, unit });
}

/** A series step fine enough that one bucket holds one snapshot. */
export function snapshotStepSeconds(window: TimeRange): number {
  return Math.max(1, Math.ceil((window.until - window.from) / 1000 / 2000));
}

/**
 * Around the latest non-empty point in the window, or null when there is none. Backends
 * label a bucket by its start or by its end (Pyroscope: the end), so the range reaches one
 * step either side; the step is fine enough that this holds one snapshot.
 */
export function latestSnapshotRange(series: Series[], window: TimeRange, stepSeconds: number): TimeRange | null {
  let latest = -Infinity;
  for (const s of series) {
    for (const point of s.points) {
      if (point.value !== 0 && point.timestamp >= window.from && point.timestamp <= window.until + stepSeconds * 1000 && point.timestamp > latest) {
        latest = point.timestamp;
      }
    }
  }
  if (!Number.isFinite(latest)) return null;
  const step = stepSeconds * 1000;
  return { from: Math.max(window.from, latest - step + 1), until: Math.min(window.until, latest + step - 1) };
}
