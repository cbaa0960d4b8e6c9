import { describe, expect, it } from 'vitest';
import { parseAppName, LabelSetError } from './labelset.ts';
import { profileNameFor, profileTypesFor } from './profile-type.ts';

describe('profile names and types, as Pyroscope derives them', () => {
  it('names uploads by their sample types', () => {
    expect(profileNameFor(['samples', 'cpu'])).toBe('process_cpu');
    expect(profileNameFor(['samples', 'wall', 'cpu'])).toBe('wall'); // wall wins (Node with CPU time)
    expect(profileNameFor(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'])).toBe('memory');
    expect(profileNameFor(['objects', 'space'])).toBe('memory');
    expect(profileNameFor(['contentions', 'delay'])).toBe('delay');
    expect(profileNameFor(['goroutines'])).toBe('goroutines');
  });

  it('builds name:sample_type:sample_unit:period_type:period_unit per sample type', () => {
    const types = profileTypesFor('memory', [{ type: 'inuse_space', unit: 'bytes' }], { type: 'space', unit: 'bytes' });
    expect(types.map((t) => t.id)).toEqual(['memory:inuse_space:bytes:space:bytes']);
    expect(profileTypesFor('x', [{ type: 'a', unit: 'b' }], undefined)[0].id).toBe('x:a:b::');
  });
});

describe('the /ingest name parameter', () => {
  it('splits app name and tags', () => {
    expect(parseAppName('checkout{env=prod, region = eu,otel.scope.name=x}')).toEqual({
      serviceName: 'checkout',
      labels: { env: 'prod', region: 'eu', 'otel.scope.name': 'x' },
    });
    expect(parseAppName('my-app/v2')).toEqual({ serviceName: 'my-app/v2', labels: {} });
    expect(parseAppName('a{}').labels).toEqual({});
  });

  it('drops reserved and empty tags', () => {
    expect(parseAppName('a{__name__=x,b=,c=1}').labels).toEqual({ c: '1' });
  });

  it('rejects what Pyroscope rejects', () => {
    for (const bad of ['', '{env=prod}', 'a b', 'a{env}', 'a{bad-name=1}', 'a{x=1']) {
      expect(() => parseAppName(bad), bad).toThrow(LabelSetError);
    }
  });
});
