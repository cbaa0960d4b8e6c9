import { describe, expect, it } from 'vitest';
import { buildQuery, describeProfileType, equalityMatcher, parseQuery, seriesStep, splitMatchers, withEqualityMatcher } from './query.ts';

describe('queries', () => {
  it('split into profile type and selector', () => {
    expect(parseQuery('process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="checkout"}')).toEqual({
      profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="checkout"}',
    });
    expect(parseQuery('memory:inuse_space:bytes:space:bytes')).toEqual({
      profileTypeId: 'memory:inuse_space:bytes:space:bytes',
      labelSelector: '{}',
    });
    expect(parseQuery('{x="y"}')).toBeNull();
    expect(buildQuery('a:b:c:d:e', '')).toBe('a:b:c:d:e{}');
  });

  it('read and set the service matcher without touching the others', () => {
    const selector = '{env=~"prod|staging", service_name="check\\"out", region!="eu,west"}';
    expect(equalityMatcher(selector, 'service_name')).toBe('check"out');
    expect(equalityMatcher(selector, 'env')).toBeNull();
    expect(withEqualityMatcher(selector, 'service_name', 'cart')).toBe('{service_name="cart", env=~"prod|staging", region!="eu,west"}');
    expect(withEqualityMatcher('{}', 'service_name', 'cart')).toBe('{service_name="cart"}');
    expect(withEqualityMatcher('{service_name="cart"}', 'service_name', null)).toBe('{}');
    expect(splitMatchers('a="x,y", b!="z"')).toEqual(['a="x,y"', 'b!="z"']);
  });

  it('name profile types for people', () => {
    expect(describeProfileType('process_cpu:cpu:nanoseconds:cpu:nanoseconds')).toBe('process_cpu · cpu');
    expect(describeProfileType('wall:wall:nanoseconds:wall:nanoseconds')).toBe('wall');
  });

  it('choose a step giving about 240 points', () => {
    expect(seriesStep(3600e3)).toBe(15);
    expect(seriesStep(300e3)).toBe(2);
    expect(seriesStep(7 * 86400e3)).toBe(3600);
    expect(seriesStep(10e3)).toBe(1);
  });
});
