import { describe, expect, it } from 'vitest';
import { formatDelta, formatPercent, formatRate, formatValue, unitKind } from './units.ts';

describe('formatValue', () => {
  it.each([
    [0, 'nanoseconds', '0 ns'],
    [950, 'nanoseconds', '950 ns'],
    [1500, 'nanoseconds', '1.5 µs'],
    [340_000_000, 'nanoseconds', '340 ms'],
    [1_234_567_890, 'nanoseconds', '1.23 s'],
    [29_033_400_000, 'nanoseconds', '29 s'],
    [90e9, 'nanoseconds', '1.5 min'],
    [1900, 'microseconds', '1.9 ms'],
    [2.5, 'seconds', '2.5 s'],
    [512, 'bytes', '512 B'],
    [1536, 'bytes', '1.5 KiB'],
    [38 * 2 ** 20, 'bytes', '38 MiB'],
    [1_454_989_343, 'bytes', '1.36 GiB'],
    [999, 'count', '999'],
    [145_167, 'count', '145k'],
    [9_945_682, 'count', '9.95M'],
    [12, 'widgets', '12 widgets'],
  ])('%d %s -> %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('keeps the sign of negative values', () => {
    expect(formatValue(-2 * 2 ** 20, 'bytes')).toBe('-2 MiB');
  });
});

describe('formatDelta', () => {
  it('marks growth and shrinkage', () => {
    expect(formatDelta(340e6, 'nanoseconds')).toBe('+340 ms');
    expect(formatDelta(-1.5 * 2 ** 20, 'bytes')).toBe('\u22121.5 MiB');
    expect(formatDelta(0, 'bytes')).toBe('0');
  });
});

describe('formatPercent', () => {
  it('gives two decimals under 10% and one above', () => {
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(5, 1000)).toBe('0.50%');
    expect(formatPercent(1, 1e6)).toBe('<0.01%');
    expect(formatPercent(0, 10)).toBe('0%');
    expect(formatPercent(3, 0)).toBe('0%');
  });
});

describe('formatRate and unitKind', () => {
  it('reads CPU nanoseconds per second as seconds per second', () => {
    expect(formatRate(1.5e9, 'nanoseconds')).toBe('1.5 s/s');
    expect(formatRate(2048, 'bytes')).toBe('2 KiB/s');
    // Small rates keep three significant digits: neighbouring axis ticks must not read alike.
    expect(formatRate(5e6, 'nanoseconds')).toBe('0.005 s/s');
    expect(formatRate(1.234e7, 'nanoseconds')).toBe('0.0123 s/s');
  });
  it('classifies units', () => {
    expect(unitKind('nanoseconds')).toBe('time');
    expect(unitKind('bytes')).toBe('bytes');
    expect(unitKind('count')).toBe('count');
    expect(unitKind('furlongs')).toBe('other');
  });
});
