import { describe, expect, it } from 'vitest';
import { formatInstant, formatSpan, formatTickTime, formatWindow } from './time-format.ts';

const T0 = 1_705_320_000_000; // 2024-01-15 12:00:00 UTC

describe('time labels', () => {
  it('is as precise as the tick spacing', () => {
    expect(formatTickTime(T0 + 15_000, 15_000, true)).toBe('12:00:15');
    expect(formatTickTime(T0 + 60_000, 60_000, true)).toBe('12:01');
    expect(formatTickTime(T0 + 12 * 3600e3, 3 * 3600e3, true)).toBe('Jan 16');
    expect(formatTickTime(T0 + 250, 250, true)).toBe('12:00:00.250');
  });

  it('reads instants, spans and windows', () => {
    expect(formatInstant(T0 + 5_000, 600_000, true)).toBe('12:00:05');
    expect(formatInstant(T0 + 5_000, 3 * 86_400_000, true)).toBe('Jan 15 12:00:05');
    expect(formatSpan(450)).toBe('450 ms');
    expect(formatSpan(10_000)).toBe('10 s');
    expect(formatSpan(90_000)).toBe('90 s');
    expect(formatSpan(150_000)).toBe('2.5 min');
    expect(formatSpan(3 * 3600e3)).toBe('3 h');
    expect(formatWindow({ from: T0, until: T0 + 300_000 }, 600_000, true)).toBe('12:00:00 \u2013 12:05:00 (5 min)');
  });
});
