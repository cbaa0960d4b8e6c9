/**
 * The columnar profile model: what `decode` produces from pprof bytes.
 *
 * Everything large lives in typed arrays indexed by position (never by pprof id), so the
 * model can be transferred between a worker and the main thread without copying and
 * walked without allocating an object per sample. pprof ids are remapped to indices
 * during decode; index 0 of `strings` is always "" as the format requires.
 */
import type { IdIndex } from './id-index.ts';
import { sampleLocations } from './stacks.ts';

export interface SampleType {
  /** e.g. "cpu", "alloc_space", "wall" */
  type: string;
  /** e.g. "nanoseconds", "bytes", "count" */
  unit: string;
}

/** Per-sample string/number labels, flattened. Sample i owns entries [offsets[i], offsets[i+1]). */
export interface SampleLabels {
  offsets: Uint32Array;
  /** string-table index of the key */
  key: Int32Array;
  /** string-table index of the string value, 0 when the label is numeric */
  str: Int32Array;
  num: Float64Array;
  /** string-table index of the numeric unit, 0 when absent */
  numUnit: Int32Array;
}

export interface Profile {
  strings: string[];
  sampleTypes: SampleType[];
  /** index into sampleTypes: `default_sample_type` if set, else the last type (as pprof does) */
  defaultSampleType: number;

  sampleCount: number;
  /**
   * Stacks, read in place: sample i's location ids are the packed varints
   * `stackBytes[stackStart[i], stackEnd[i])`, leaf first, as pprof stores them (see
   * stacks.ts). `stackBytes` is the decoded input itself, not a copy.
   */
  stackBytes: Uint8Array;
  stackStart: Uint32Array;
  stackEnd: Uint32Array;
  /** location id -> location index */
  locationIndex: IdIndex;
  /** sampleCount * sampleTypes.length values, row-major: values[i * types + t]. Exact up to 2^53. */
  values: Float64Array;
  labels: SampleLabels | null;

  /** Location i's inlined frames are lines [lineOffsets[i], lineOffsets[i+1]), innermost first. */
  locationCount: number;
  lineOffsets: Uint32Array;
  /** function index per line, -1 when the line names no known function */
  lineFunction: Int32Array;
  lineNumber: Float64Array;
  /** mapping index per location, -1 when none */
  locationMapping: Int32Array;
  /** address per location, split in 32-bit halves so 64-bit addresses stay exact */
  locationAddressHi: Uint32Array;
  locationAddressLo: Uint32Array;

  functionCount: number;
  /** string-table indices */
  functionName: Int32Array;
  functionSystemName: Int32Array;
  functionFilename: Int32Array;
  functionStartLine: Float64Array;

  mappingCount: number;
  /** string-table indices */
  mappingFilename: Int32Array;
  mappingBuildId: Int32Array;

  /** string-table indices; 0 when absent */
  dropFrames: number;
  keepFrames: number;
  /** unix nanoseconds; 0 when absent */
  timeNanos: number;
  durationNanos: number;
  periodType: SampleType | null;
  period: number;
  comments: string[];
}

/** Sum of each sample type over all samples. */
export function sampleTotals(profile: Profile): number[] {
  const types = profile.sampleTypes.length;
  // A typed accumulator: sums outgrow small integers, and a plain array changing its
  // element kind mid-loop sends the loop back to unoptimized code.
  const totals = new Float64Array(types);
  const values = profile.values;
  for (let i = 0; i < profile.sampleCount; i++) {
    const row = i * types;
    for (let t = 0; t < types; t++) totals[t] += values[row + t];
  }
  return Array.from(totals);
}

function isZeroSample(profile: Profile, sample: number): boolean {
  const types = profile.sampleTypes.length;
  for (let t = 0; t < types; t++) if (profile.values[sample * types + t] !== 0) return false;
  return true;
}

function labelKey(profile: Profile, sample: number): string {
  const labels = profile.labels;
  if (!labels) return '';
  const parts: string[] = [];
  for (let i = labels.offsets[sample]; i < labels.offsets[sample + 1]; i++) {
    parts.push(`${labels.key[i]}=${labels.str[i]}/${labels.num[i]}/${labels.numUnit[i]}`);
  }
  return parts.sort().join(',');
}

/**
 * Sample and stack counts as `go tool pprof` reports them: it merges samples with the
 * same stack and labels and drops samples whose values are all zero.
 */
export function pprofSampleCounts(profile: Profile): { samples: number; distinctStacks: number } {
  const samples = new Set<string>();
  const stacks = new Set<string>();
  for (let s = 0; s < profile.sampleCount; s++) {
    if (isZeroSample(profile, s)) continue;
    const stack = sampleLocations(profile, s).join(',');
    stacks.add(stack);
    samples.add(`${stack}|${labelKey(profile, s)}`);
  }
  return { samples: samples.size, distinctStacks: stacks.size };
}

/**
 * How much one sample adds to a sample type, for turning values back into sample counts:
 * 1 for count types, `period` when the period is in the type's unit, 0 when unknown.
 */
export function valuePerSample(type: SampleType, period: number, periodType: SampleType | null): number {
  if (type.unit === 'count') return 1;
  if (periodType && periodType.unit === type.unit && period > 0) return period;
  return 0;
}

/**
 * Which sample type to show: the one named `wanted` when the list has it, else the one
 * named `fallback` (a profile's default type), else the last (pprof's own default).
 */
export function chooseSampleType(types: readonly SampleType[], wanted: string | null, fallback: string | undefined): number {
  for (const name of [wanted, fallback]) {
    const index = name ? types.findIndex((t) => t.type === name) : -1;
    if (index >= 0) return index;
  }
  return Math.max(0, types.length - 1);
}

/**
 * Sample types that measure a state at one instant (memory in use, live goroutines)
 * rather than events over an interval (CPU time, allocations). Adding two snapshots of a
 * state double-counts it, so a window of such profiles is represented by its latest one.
 */
export function isInstantaneous(type: SampleType): boolean {
  return /^inuse_|^goroutines?$|^threads?$/.test(type.type);
}
