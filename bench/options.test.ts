import { describe, expect, it } from 'vitest';
import { UsageRequest, parseOptions } from './options.ts';

describe('parseOptions', () => {
  it('runs everything, in full, as a table by default', () => {
    expect(parseOptions([])).toEqual({ quick: false, json: false, node: true, browser: true });
  });
  it('takes --quick, --json and --only', () => {
    expect(parseOptions(['--quick', '--json', '--only', 'node'])).toEqual({ quick: true, json: true, node: true, browser: false });
    expect(parseOptions(['--only=browser'])).toMatchObject({ node: false, browser: true });
  });
  it('refuses unknown options and sections', () => {
    expect(() => parseOptions(['--only', 'gpu'])).toThrow(/node or browser/);
    expect(() => parseOptions(['--fast'])).toThrow();
  });
  it('answers --help with the usage', () => {
    expect(() => parseOptions(['--help'])).toThrow(UsageRequest);
  });
});
