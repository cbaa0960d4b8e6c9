/** Props and data shapes of the timeline / time-range picker. Times are unix milliseconds. */

export interface TimelinePoint {
  time: number;
  value: number;
  /** optional explicit duration (ms) of the profile this point stands for */
  durationMs?: number;
}

export interface TimelineSeries {
  label: string;
  /** sorted by time, oldest first */
  points: TimelinePoint[];
}

export type WindowKind = 'selection' | 'baseline' | 'comparison';

export interface TimelineWindow {
  from: number;
  until: number;
  kind: WindowKind;
}

export interface TimeWindow {
  from: number;
  until: number;
}

export interface TimelineProps {
  series: TimelineSeries[];
  /** x domain, unix ms */
  range: { from: number; until: number };
  /** the sample unit, e.g. 'nanoseconds', 'bytes', 'count' */
  unit: string;
  /** width of one aggregation bucket, when points are per-bucket totals */
  stepMs?: number;
  windows: TimelineWindow[];
  /** which window a new brush sets */
  brushKind: WindowKind;
  onBrush(window: { from: number; until: number }, kind: WindowKind): void;
  loading?: boolean;
  error?: string | null;
  ariaLabel?: string;
}
