/**
 * Runs Google's `go tool pprof` (Debian golang-go) as an independent oracle: merging
 * profiles into one, and reading `-top` tables with exact integer values.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

/** Merges profiles with `go tool pprof -proto` into `out`. */
export function mergeWithPprof(files: string[], out: string): void {
  const bytes = execFileSync('go', ['tool', 'pprof', '-proto', ...files], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  writeFileSync(out, bytes);
}

export interface TopRow {
  flat: number;
  cum: number;
  name: string;
}

/** `go tool pprof -top` rows with values in the base unit (`unit` = ns or B, printed as exact integers). */
export function pprofTop(args: string[], unit: string): TopRow[] {
  const text = execFileSync('go', ['tool', 'pprof', '-top', `-unit=${unit}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
  const rows: TopRow[] = [];
  const row = new RegExp(`^\\s*(-?[\\d.]+)${unit}\\s+\\S+\\s+\\S+\\s+(-?[\\d.]+)${unit}\\s+\\S+\\s+(.+)$`);
  for (const line of text.split('\n')) {
    const match = row.exec(line);
    if (match) rows.push({ flat: Number(match[1]), cum: Number(match[2]), name: match[3].trim() });
  }
  return rows;
}
