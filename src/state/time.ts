/**
 * Times as the URL carries them: unix milliseconds, or relative to now (`now`, `now-15m`,
 * `now-1h`, `now-7d`), which stay relative in a link so it always shows "the last hour".
 */
const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

export type ParsedTime = { kind: 'absolute'; ms: number } | { kind: 'relative'; offsetMs: number };

export function parseTime(text: string): ParsedTime | null {
  const value = text.trim();
  if (/^\d{1,15}$/.test(value)) return { kind: 'absolute', ms: Number(value) };
  if (value === 'now') return { kind: 'relative', offsetMs: 0 };
  const match = /^now-(\d{1,6})([smhdw])$/.exec(value);
  if (match) return { kind: 'relative', offsetMs: Number(match[1]) * UNIT_MS[match[2]] };
  return null;
}

export function isValidTime(text: string): boolean {
  return parseTime(text) !== null;
}

/** Unix ms for a time text, relative to `now`; NaN when the text is not a time. */
export function resolveTime(text: string, now: number): number {
  const parsed = parseTime(text);
  if (!parsed) return Number.NaN;
  return parsed.kind === 'absolute' ? parsed.ms : now - parsed.offsetMs;
}

export interface TimeRange {
  from: number;
  until: number;
}

/** Resolves a from/until pair; null when either is invalid or the range is empty. */
export function resolveRange(from: string, until: string, now: number): TimeRange | null {
  const start = resolveTime(from, now);
  const end = resolveTime(until, now);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
  return { from: start, until: end };
}

export const QUICK_RANGES: { label: string; from: string }[] = [
  { label: '5m', from: 'now-5m' },
  { label: '15m', from: 'now-15m' },
  { label: '1h', from: 'now-1h' },
  { label: '6h', from: 'now-6h' },
  { label: '24h', from: 'now-24h' },
  { label: '7d', from: 'now-7d' },
];

/** "14:02:05" within a day, "Nov 24 14:02" beyond, for labels and readouts. */
export function formatTime(ms: number, spanMs: number): string {
  const date = new Date(ms);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  const ss = String(date.getSeconds()).padStart(2, '0');
  if (spanMs <= 86400e3) return spanMs < 600e3 ? `${hh}:${mm}:${ss}` : `${hh}:${mm}`;
  const month = date.toLocaleString('en', { month: 'short' });
  return `${month} ${date.getDate()} ${hh}:${mm}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${+s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = s / 60;
  if (m < 120) return `${+m.toFixed(m < 10 ? 1 : 0)} min`;
  const h = m / 60;
  if (h < 48) return `${+h.toFixed(h < 10 ? 1 : 0)} h`;
  return `${+(h / 24).toFixed(1)} d`;
}
