import { describe, expect, it } from 'vitest';
import { framePaletteIndices, packageOf, stableHash } from './colors.ts';

describe('packageOf', () => {
  it.each([
    ['github.com/acme/shop/cart.(*Cart).Total', '', 'github.com/acme/shop/cart'],
    ['regexp.(*machine).add', '', 'regexp'],
    ['runtime.mallocgc', '', 'runtime'],
    ['std::__1::vector<int>::push_back', '', 'std'],
    ['com.example.checkout.PricingEngine.compute', '', 'com.example.checkout'],
    ['checkExpression', '/app/node_modules/typescript/lib/typescript.js', 'typescript.js'],
    ['(garbage collector)', '', '(garbage collector)'],
    ['[libc.so.6]', '', '[libc.so.6]'],
  ])('%s -> %s', (name, file, pkg) => {
    expect(packageOf(name, file)).toBe(pkg);
  });
});

describe('palette indices', () => {
  it('are stable and shared within a package', () => {
    const names = ['total', 'regexp.(*machine).add', 'regexp.(*machine).step', 'runtime.mallocgc'];
    const indices = framePaletteIndices(names, ['', '', '', ''], 16);
    expect(indices[1]).toBe(indices[2]);
    expect(indices[1]).toBe(stableHash('regexp') % 16);
    expect(stableHash('regexp')).toBe(stableHash('regexp'));
    expect(stableHash('regexp')).not.toBe(stableHash('runtime'));
  });
});
