import { describe, expect, it } from 'vitest';
import { parseSelector, selectorMatches, SelectorError } from './selector.ts';

const labels = new Map([
  ['service_name', 'checkout'],
  ['env', 'prod'],
  ['pod', 'api-7'],
]);
const matches = (selector: string): boolean => selectorMatches(parseSelector(selector), (n) => labels.get(n));

describe('label selectors', () => {
  it('parses all four operators, quotes and escapes', () => {
    expect(parseSelector(`{a="x", b!='y', c=~"z.*" ,d!~\`w\\d\`}`)).toMatchObject([
      { name: 'a', op: '=', value: 'x' },
      { name: 'b', op: '!=', value: 'y' },
      { name: 'c', op: '=~', value: 'z.*' },
      { name: 'd', op: '!~', value: 'w\\d' },
    ]);
    expect(parseSelector('{a="q\\"\\n\\u00e9"}')[0].value).toBe('q"\né');
    expect(parseSelector('{otel.scope.name="x",}')[0].name).toBe('otel.scope.name');
  });

  it('treats empty input and {} as select-all', () => {
    expect(parseSelector('')).toEqual([]);
    expect(parseSelector(' { } ')).toEqual([]);
    expect(matches('{}')).toBe(true);
  });

  it('matches like Prometheus: anchored regexes, missing labels are empty', () => {
    expect(matches('{service_name="checkout", env!="dev"}')).toBe(true);
    expect(matches('{pod=~"api-.*"}')).toBe(true);
    expect(matches('{pod=~"api"}')).toBe(false); // anchored
    expect(matches('{pod!~"api-[0-9]+"}')).toBe(false);
    expect(matches('{region=""}')).toBe(true);
    expect(matches('{region!=""}')).toBe(false);
    expect(matches('{service_name=~"(?i)CHECKOUT"}')).toBe(true);
  });

  it('rejects malformed selectors with the position', () => {
    for (const bad of ['service_name="x"', '{service_name}', '{a=x}', '{a="x"', '{a="x" b="y"}', '{a=~"("}', '{1a="x"}', '{a="x"} trailing', '{a="\\q"}']) {
      expect(() => parseSelector(bad), bad).toThrow(SelectorError);
    }
    expect(() => parseSelector('{a=x}')).toThrow(/at character 4, expected a quoted value/);
  });
});
