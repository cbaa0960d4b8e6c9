import { describe, expect, it } from 'vitest';
import { fmtMB, fmtMs, fmtRate, fmtRatio, formatTable, passOrMiss } from './report.ts';
import type { Row } from './report.ts';

describe('formatting', () => {
  it('gives milliseconds a precision that fits their size', () => {
    expect(fmtMs(0.123)).toBe('0.12 ms');
    expect(fmtMs(12.34)).toBe('12.3 ms');
    expect(fmtMs(1234.5)).toBe('1,235 ms');
    expect(fmtMs(12_345)).toBe('12.3 s');
    expect(fmtMs(Number.NaN)).toBe('—');
  });
  it('quotes sizes and rates in decimal megabytes', () => {
    expect(fmtMB(7_929_811)).toBe('7.9 MB');
    expect(fmtMB(96_132_682)).toBe('96.1 MB');
    expect(fmtMB(196_132_682)).toBe('196 MB');
    expect(fmtRate(100e6, 1000)).toBe('100.0 MB/s');
  });
  it('formats ratios', () => {
    expect(fmtRatio(0.1357)).toBe('0.14x');
    expect(fmtRatio(12.4)).toBe('12x');
    expect(fmtRatio(Number.POSITIVE_INFINITY)).toBe('—');
  });
  it('maps a check to PASS or MISS', () => {
    expect(passOrMiss(true)).toBe('PASS');
    expect(passOrMiss(false)).toBe('MISS');
  });
});

describe('formatTable', () => {
  const rows: Row[] = [
    { section: 'node', figure: 'decode rate', value: '120 MB/s', target: '≥ 100 MB/s', status: 'PASS', note: 'median of 9' },
    { section: 'node', figure: 'tree', value: '80 ms', status: 'INFO' },
    { section: 'browser', figure: 'speed-up', value: '5x', target: '≥ 10x', status: 'MISS', note: 'a long note that is not padded' },
  ];
  const lines = formatTable(rows).split('\n');

  it('prints a header, one separator line per section, and one line per figure', () => {
    expect(lines[0]).toMatch(/^figure\s+value\s+target\s+status\s+note$/);
    expect(lines.filter((l) => l.startsWith('['))).toEqual(['[node]', '[browser]']);
    expect(lines.some((l) => l.startsWith('tree') && l.includes('80 ms') && l.includes('INFO'))).toBe(true);
  });
  it('aligns the columns', () => {
    const statusColumn = (l: string) => l.indexOf(l.includes('PASS') ? 'PASS' : l.includes('MISS') ? 'MISS' : 'INFO');
    const figureLines = lines.filter((l) => /PASS|MISS|INFO/.test(l) && !l.startsWith('targets'));
    expect(new Set(figureLines.map(statusColumn)).size).toBe(1);
  });
  it('ends with the count of each outcome', () => {
    expect(lines[lines.length - 1]).toBe('targets: 1 PASS, 1 MISS, 0 ERROR, 0 SKIP');
  });
});
