/**
 * Values as people read them: 1.23 s, 340 ms, 38.2 MiB, 1.5k. Every unit pprof producers
 * use for sample types is covered; anything else prints as a plain number plus its unit.
 */

const TIME_UNITS: [number, string][] = [
  [3600e9, 'h'],
  [60e9, 'min'],
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

const NANOS_PER_UNIT: Record<string, number> = {
  nanoseconds: 1,
  nanosecond: 1,
  ns: 1,
  microseconds: 1e3,
  microsecond: 1e3,
  us: 1e3,
  milliseconds: 1e6,
  millisecond: 1e6,
  ms: 1e6,
  seconds: 1e9,
  second: 1e9,
  s: 1e9,
};

const BYTE_UNITS: [number, string][] = [
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

const COUNT_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** Three significant digits, trailing zeros dropped: 1.50 -> "1.5", 123.4 -> "123", 0.00512 -> "0.00512". */
function significant(value: number): string {
  const abs = Math.abs(value);
  // Below 1, keep three significant digits too (up to six decimals), so 0.005 and 0.01 differ.
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 || abs === 0 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  const text = value.toFixed(digits);
  return digits === 0 ? text : text.replace(/0+$/, '').replace(/\.$/, '');
}

function scaled(value: number, units: [number, string][], base: string, separator = ' '): string {
  const abs = Math.abs(value);
  for (const [size, name] of units) {
    if (abs >= size) return `${significant(value / size)}${separator}${name}`;
  }
  return `${significant(value)}${base ? separator + base : ''}`;
}

export type UnitKind = 'time' | 'bytes' | 'count' | 'other';

export function unitKind(unit: string): UnitKind {
  const u = unit.toLowerCase();
  if (u in NANOS_PER_UNIT) return 'time';
  if (u === 'bytes' || u === 'byte') return 'bytes';
  if (u === 'count' || u === 'samples' || u === 'objects' || u === '') return 'count';
  return 'other';
}

/** Formats a raw value of a sample type's unit, e.g. formatValue(1.5e9, 'nanoseconds') -> "1.5 s". */
export function formatValue(value: number, unit: string): string {
  const u = unit.toLowerCase();
  switch (unitKind(unit)) {
    case 'time': {
      const nanos = value * NANOS_PER_UNIT[u];
      if (nanos !== 0 && Math.abs(nanos) < 1) return `${significant(nanos)} ns`;
      return scaled(nanos, TIME_UNITS, 'ns');
    }
    case 'bytes':
      return scaled(value, BYTE_UNITS, 'B');
    case 'count':
      return scaled(value, COUNT_UNITS, '', '');
    default:
      return `${significant(value)} ${unit}`;
  }
}

/** Signed variant for deltas: "+340 ms", "−1.2 MiB", "0". */
export function formatDelta(value: number, unit: string): string {
  if (value === 0) return '0';
  const text = formatValue(Math.abs(value), unit);
  return value > 0 ? `+${text}` : `\u2212${text}`;
}

/** Share of a whole as a percentage, with enough digits to tell small shares apart. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const pct = (part / whole) * 100;
  const abs = Math.abs(pct);
  if (abs === 0) return '0%';
  if (abs < 0.01) return pct < 0 ? '>-0.01%' : '<0.01%';
  return `${abs >= 10 ? pct.toFixed(1) : pct.toFixed(2)}%`;
}

/** A rate for timelines: CPU time per second reads as cores, bytes stay bytes. */
export function formatRate(valuePerSecond: number, unit: string): string {
  if (unitKind(unit) === 'time') {
    const cores = (valuePerSecond * NANOS_PER_UNIT[unit.toLowerCase()]) / 1e9;
    return `${significant(cores)} s/s`;
  }
  return `${formatValue(valuePerSecond, unit)}/s`;
}
