import { describe, expect, it } from 'vitest';
import { ellipsizeMiddle, fitLabel, LabelCache, shorterNames } from './text.ts';

describe('shorterNames', () => {
  it('shortens Go names as pprof does', () => {
    expect(shorterNames('github.com/acme/shop/internal/cart.(*Cart).Total')).toEqual([
      'github.com/acme/shop/internal/cart.(*Cart).Total',
      'cart.(*Cart).Total',
      '(*Cart).Total',
      'Total',
    ]);
    expect(shorterNames('regexp.(*machine).add')).toEqual(['regexp.(*machine).add', '(*machine).add', 'add']);
  });

  it('drops C++ parameters and template arguments first', () => {
    const names = shorterNames(
      'std::__1::basic_string<char, std::__1::char_traits<char>>::append(char const*, unsigned long)',
    );
    expect(names[1]).toBe('std::__1::basic_string::append');
    expect(names.at(-1)).toBe('append');
    expect(names).toContain('basic_string::append');
  });

  it('shortens Java names to the class and method', () => {
    const names = shorterNames('com.example.checkout.PricingEngine$TaxCalculator.lambda$compute$3');
    expect(names).toContain('PricingEngine$TaxCalculator.lambda$compute$3');
    expect(names.at(-1)).toBe('lambda$compute$3');
  });

  it('leaves plain names alone', () => {
    expect(shorterNames('checkExpression')).toEqual(['checkExpression']);
  });
});

describe('fitting', () => {
  it('uses the longest form that fits, then a middle ellipsis', () => {
    const candidates = shorterNames('github.com/acme/shop/internal/cart.(*Cart).Total');
    expect(fitLabel(candidates, 100)).toBe(candidates[0]);
    expect(fitLabel(candidates, 18)).toBe('cart.(*Cart).Total');
    expect(fitLabel(candidates, 13)).toBe('(*Cart).Total');
    expect(fitLabel(candidates, 6)).toBe('Total');
    expect(fitLabel(candidates, 4)).toBe('');
    expect(fitLabel(shorterNames('processImmediate'), 8)).toBe('proc\u2026ate');
    expect(fitLabel(shorterNames('processImmediate'), 5)).toBe('');
  });

  it('ellipsizes to exactly the width asked', () => {
    expect(ellipsizeMiddle('checkExpressionWorker', 9)).toBe('chec\u2026rker');
    expect(ellipsizeMiddle('checkExpressionWorker', 9)).toHaveLength(9);
    expect(ellipsizeMiddle('short', 9)).toBe('short');
  });

  it('caches candidates per name', () => {
    const cache = new LabelCache();
    expect(cache.fit('regexp.(*machine).add', 14)).toBe('(*machine).add');
    expect(cache.candidates('regexp.(*machine).add')).toBe(cache.candidates('regexp.(*machine).add'));
  });
});
