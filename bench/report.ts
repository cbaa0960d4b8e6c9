/**
 * The one table the bench prints, and its JSON twin. Each row is one figure, with the
 * issue's target beside it and PASS/MISS; a miss is reported, never fatal (the bench
 * measures, tests check correctness).
 */

/** INFO: no target (context or a reference figure); SKIP: not measured in this run; ERROR: the measurement itself failed. */
export type Status = 'PASS' | 'MISS' | 'INFO' | 'SKIP' | 'ERROR';

export interface Row {
  section: string;
  figure: string;
  value: string;
  target?: string;
  status: Status;
  note?: string;
  /** the numbers behind `value`, for --json consumers */
  data?: Record<string, unknown>;
}

export function passOrMiss(ok: boolean): Status {
  return ok ? 'PASS' : 'MISS';
}

// ---------------------------------------------------------------- number formatting

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Milliseconds with precision that matches their size: 0.42 ms, 12.3 ms, 1,234 ms, 12.3 s. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${fmtInt(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Decimal megabytes (10^6 bytes): rates in MB/s are quoted this way throughout. */
export function fmtMB(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
}

export function fmtRate(bytes: number, ms: number): string {
  return `${rateMBs(bytes, ms).toFixed(1)} MB/s`;
}

export function rateMBs(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

export function fmtRatio(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`;
}

// ---------------------------------------------------------------- the table

const HEADERS = ['figure', 'value', 'target', 'status', 'note'] as const;

function cells(row: Row): string[] {
  return [row.figure, row.value, row.target ?? '', row.status, row.note ?? ''];
}

/** Fixed-width text table; sections become separator lines so one table holds everything. */
export function formatTable(rows: readonly Row[]): string {
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => cells(r)[i].length)));
  // The note is the last column: no padding, so a long note does not widen the table.
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.slice(0, -1).reduce((a, b) => a + b + 2, 0) + 4);
  const out = [line([...HEADERS]), rule];
  let section = '';
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      out.push(`[${section}]`);
    }
    out.push(line(cells(row)));
  }
  const counts = (['PASS', 'MISS', 'ERROR', 'SKIP'] as const).map((s) => `${rows.filter((r) => r.status === s).length} ${s}`);
  out.push(rule, `targets: ${counts.join(', ')}`);
  return out.join('\n');
}
