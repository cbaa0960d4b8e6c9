/**
 * Time texts for the timeline: axis tick labels, the hover readout and the window
 * description read by screen readers. Local time by default (what people read on their
 * clock); UTC on request so tests and shared screenshots give the same text everywhere.
 * Month names are fixed English so labels never depend on the browser's locale.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

interface ClockParts {
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
}

function clockParts(ms: number, utc: boolean): ClockParts {
  const d = new Date(ms);
  return utc
    ? {
        month: d.getUTCMonth(),
        day: d.getUTCDate(),
        hours: d.getUTCHours(),
        minutes: d.getUTCMinutes(),
        seconds: d.getUTCSeconds(),
        millis: d.getUTCMilliseconds(),
      }
    : {
        month: d.getMonth(),
        day: d.getDate(),
        hours: d.getHours(),
        minutes: d.getMinutes(),
        seconds: d.getSeconds(),
        millis: d.getMilliseconds(),
      };
}

const two = (n: number) => String(n).padStart(2, '0');
const hhmm = (p: ClockParts) => `${two(p.hours)}:${two(p.minutes)}`;
const hhmmss = (p: ClockParts) => `${hhmm(p)}:${two(p.seconds)}`;
const monthDay = (p: ClockParts) => `${MONTHS[p.month]} ${p.day}`;

/**
 * Label of an x-axis tick, as precise as the distance between ticks needs: "12:00:30"
 * for ticks seconds apart, "12:05" for minutes and hours, "Jan 2" at midnight and for
 * ticks days apart.
 */
export function formatTickTime(ms: number, tickStepMs: number, utc = false): string {
  const p = clockParts(ms, utc);
  if (tickStepMs < 1000) return `${hhmmss(p)}.${String(p.millis).padStart(3, '0')}`;
  if (tickStepMs < 60_000) return hhmmss(p);
  const midnight = p.hours === 0 && p.minutes === 0 && p.seconds === 0 && p.millis === 0;
  if (tickStepMs < DAY_MS && !midnight) return hhmm(p);
  return monthDay(p);
}

/** One instant for the readout: "12:00:30", with the date when the range spans days. */
export function formatInstant(ms: number, spanMs: number, utc = false): string {
  const p = clockParts(ms, utc);
  return spanMs > DAY_MS ? `${monthDay(p)} ${hhmmss(p)}` : hhmmss(p);
}

/** A length of time as people say it: "500 ms", "10 s", "1.5 min", "2 h", "3 d". */
export function formatSpan(ms: number): string {
  const round = (n: number) => String(+n.toFixed(n < 10 ? 1 : 0));
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 120) return `${round(s)} s`;
  const m = s / 60;
  if (m < 120) return `${round(m)} min`;
  const h = m / 60;
  if (h < 48) return `${round(h)} h`;
  return `${round(h / 24)} d`;
}

/** "12:00:00 – 12:05:00 (5 min)": a window as one phrase. */
export function formatWindow(window: { from: number; until: number }, spanMs: number, utc = false): string {
  return `${formatInstant(window.from, spanMs, utc)} \u2013 ${formatInstant(window.until, spanMs, utc)} (${formatSpan(window.until - window.from)})`;
}
