import { describe, expect, it } from 'vitest';
import { diffFill } from './diff-colors.ts';

describe('diff colors', () => {
  const light = { dark: false, palette: 'red-green' as const };
  it('are red for growth, green for shrinkage, grey for noise', () => {
    expect(diffFill('grew', 1, light)).toBe('hsl(0 75% 52%)');
    expect(diffFill('shrank', 1, light)).toBe('hsl(130 55% 52%)');
    expect(diffFill('unchanged', 0.9, light)).toBe('#dedee3');
  });
  it('get stronger with the size of the change', () => {
    expect(diffFill('grew', 0.1, light)).toBe('hsl(0 75% 84.4%)');
    expect(diffFill('grew', 5, light)).toBe(diffFill('grew', 1, light));
  });
  it('have a colorblind-safe palette and distinct new/gone colors', () => {
    const safe = { dark: false, palette: 'orange-blue' as const };
    expect(diffFill('grew', 1, safe)).toBe('hsl(28 75% 52%)');
    expect(diffFill('shrank', 1, safe)).toBe('hsl(215 55% 52%)');
    expect(new Set(['new', 'removed', 'grew', 'shrank'].map((s) => diffFill(s as 'new', 1, light))).size).toBe(4);
  });
});
