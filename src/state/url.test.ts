import { describe, expect, it } from 'vitest';
import { isMinorChange, parseLink, serializeLink, validSource } from './url.ts';
import { DEFAULT_VIEW_STATE } from './view-state.ts';
import type { ViewState } from './view-state.ts';
import { parseTime, resolveRange, resolveTime } from './time.ts';

const full: ViewState = {
  source: 'https://pyroscope.example.com:4040',
  query: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="checkout",env=~"prod|staging"}',
  from: '1795532515000',
  until: 'now',
  view: 'diff',
  sampleType: 'alloc_space',
  focus: ['main', 'net/http.(*conn).serve', 'a;b'.replace(';', '_')],
  search: 'computeTax|cache.*',
  groupBy: 'line',
  diffMode: 'absolute',
  leftFrom: 'now-2h',
  leftUntil: 'now-1h',
  rightFrom: 'now-1h',
  rightUntil: 'now',
};

describe('permalinks', () => {
  it('round-trip every parameter', () => {
    const link = serializeLink(full);
    expect(link.startsWith('?v=1&')).toBe(true);
    const { state, notices } = parseLink(link);
    expect(notices).toEqual([]);
    expect(state).toEqual(full);
  });

  it('write only what differs from the defaults', () => {
    expect(serializeLink(DEFAULT_VIEW_STATE)).toBe('?v=1');
    expect(serializeLink({ ...DEFAULT_VIEW_STATE, view: 'icicle', search: 'a b' })).toBe('?v=1&view=icicle&search=a+b');
  });

  it('turn invalid values into notices and defaults, never errors', () => {
    const { state, notices } = parseLink(
      '?v=1&view=pie&groupBy=file&diffMode=weird&from=yesterday&source=javascript:alert(1)&query=%3Cscript%3E&bogus=1',
    );
    expect(state).toEqual(DEFAULT_VIEW_STATE);
    expect(notices).toHaveLength(7);
    expect(notices.join('\n')).toMatch(/view="pie"/);
    expect(notices.join('\n')).toMatch(/only http and https/);
    expect(notices.join('\n')).toMatch(/unknown link parameter "bogus"/);
  });

  it('warns about other versions but keeps what it understands', () => {
    const { state, notices } = parseLink('?v=2&view=table');
    expect(state.view).toBe('table');
    expect(notices[0]).toMatch(/version "2"/);
  });

  it('accepts only http(s) sources', () => {
    expect(validSource('http://127.0.0.1:4040/')).toBe('http://127.0.0.1:4040');
    expect(validSource('file:///etc/passwd')).toBeNull();
    expect(validSource('data:text/html,hi')).toBeNull();
    expect(validSource('not a url')).toBeNull();
  });

  it('treats search typing as a minor change and navigation as a major one', () => {
    expect(isMinorChange(DEFAULT_VIEW_STATE, { ...DEFAULT_VIEW_STATE, search: 'x' })).toBe(true);
    expect(isMinorChange(DEFAULT_VIEW_STATE, { ...DEFAULT_VIEW_STATE, focus: ['main'] })).toBe(false);
  });
});

describe('time parsing', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it('reads unix ms and relative times', () => {
    expect(parseTime('1795532515000')).toEqual({ kind: 'absolute', ms: 1795532515000 });
    expect(parseTime('now')).toEqual({ kind: 'relative', offsetMs: 0 });
    expect(parseTime('now-15m')).toEqual({ kind: 'relative', offsetMs: 15 * 60e3 });
    expect(resolveTime('now-1h', now)).toBe(now - 3600e3);
    expect(resolveTime('now-7d', now)).toBe(now - 7 * 86400e3);
    expect(parseTime('now+1h')).toBeNull();
    expect(parseTime('-5')).toBeNull();
  });

  it('resolves ranges and rejects empty or inverted ones', () => {
    expect(resolveRange('now-1h', 'now', now)).toEqual({ from: now - 3600e3, until: now });
    expect(resolveRange('now', 'now-1h', now)).toBeNull();
    expect(resolveRange('x', 'now', now)).toBeNull();
  });
});
