/** The chart's accessible value: the windows in words, the one being edited first. */
import { formatWindow } from './time-format.ts';
import type { TimelineWindow, TimeWindow, WindowKind } from './types.ts';

const KIND_NAMES: Record<WindowKind, string> = { selection: 'Selection', baseline: 'Baseline', comparison: 'Comparison' };

export function describeWindows(
  windows: TimelineWindow[],
  draft: TimeWindow | null,
  brushKind: WindowKind,
  spanMs: number,
  utc = false,
): string {
  const parts: string[] = [];
  if (draft) parts.push(`${KIND_NAMES[brushKind]} (press Enter to apply): ${formatWindow(draft, spanMs, utc)}`);
  const ordered = [...windows].sort((a, b) => Number(b.kind === brushKind) - Number(a.kind === brushKind));
  for (const w of ordered) {
    if (draft && w.kind === brushKind) continue;
    parts.push(`${KIND_NAMES[w.kind]}: ${formatWindow(w, spanMs, utc)}`);
  }
  return parts.length > 0 ? parts.join('; ') : `No ${brushKind} window`;
}
