/**
 * Time windows over profiles opened from files: which files a window picks, and the
 * default baseline/comparison split for a diff. A file is placed at its `time_nanos`;
 * files without one cannot be placed and are always included.
 */
import { parseTime } from '../state/time.ts';
import type { ProfileSummary } from '../worker/protocol.ts';

function absolute(text: string): number | null {
  const parsed = parseTime(text);
  return parsed && parsed.kind === 'absolute' ? parsed.ms : null;
}

/**
 * Is the profile in [start, end]? A profile covers [time, time + duration]: it belongs to
 * a window holding more than half of it, so consecutive profiles that overlap by a few
 * milliseconds do not leak into a neighbour's window. Without a duration, its time decides.
 */
export function inWindow(file: ProfileSummary, start: number, end: number): boolean {
  if (file.durationMs > 0) {
    const overlap = Math.min(end, file.timeMs + file.durationMs) - Math.max(start, file.timeMs);
    return overlap * 2 > file.durationMs;
  }
  return file.timeMs >= start && file.timeMs <= end;
}

/** Files in the window; every file when the window is not an absolute one. Untimed files are always in. */
export function filesInWindow(files: ProfileSummary[], from: string, until: string): ProfileSummary[] {
  const start = absolute(from);
  const end = absolute(until);
  if (start === null || end === null) return files;
  return files.filter((f) => f.timeMs === 0 || inWindow(f, start, end));
}

export function byTime(files: ProfileSummary[]): ProfileSummary[] {
  return files.slice().sort((a, b) => a.timeMs - b.timeMs || a.id - b.id);
}

/** The span covered by the files: first time to last time plus its duration. */
export function filesExtent(files: ProfileSummary[]): { from: number; until: number } | null {
  const timed = files.filter((f) => f.timeMs > 0);
  if (timed.length === 0) return null;
  const from = Math.min(...timed.map((f) => f.timeMs));
  const until = Math.max(...timed.map((f) => f.timeMs + Math.max(f.durationMs, 0)));
  return { from, until: until > from ? until : from + 1000 };
}

export interface DiffGroups {
  baseline: ProfileSummary[];
  comparison: ProfileSummary[];
}

/**
 * Baseline and comparison files from the two windows; without windows, the earlier half
 * against the later half (the usual question: "what changed since then?").
 */
export function diffGroups(files: ProfileSummary[], left: [string, string], right: [string, string]): DiffGroups {
  const hasWindows = [...left, ...right].every((t) => absolute(t) !== null);
  if (hasWindows) {
    const pick = ([from, until]: [string, string]) => byTime(files).filter((f) => inWindow(f, absolute(from)!, absolute(until)!));
    return { baseline: pick(left), comparison: pick(right) };
  }
  const ordered = byTime(files);
  const half = Math.ceil(ordered.length / 2);
  return ordered.length < 2 ? { baseline: [], comparison: [] } : { baseline: ordered.slice(0, half), comparison: ordered.slice(half) };
}

/** The window [from, until] the given files cover (for showing a default split). */
export function windowAround(files: ProfileSummary[]): [string, string] | null {
  const extent = filesExtent(files);
  return extent ? [String(Math.floor(extent.from)), String(Math.ceil(extent.until))] : null;
}
