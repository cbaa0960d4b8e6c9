import { describe, expect, it } from 'vitest';
import { buildCallTree, columnOf } from './calltree.ts';
import type { CallTree, CallTreeInput } from './calltree.ts';
import { loadProfile } from './load.ts';
import type { Profile } from './model.ts';
import { nodeSelf, selfOf, totalOf } from './tree-columns.ts';
import { profileFromFolded } from '../../test/support/folded.ts';
import { readProfileBytes } from '../../test/support/shared-profiles.ts';

async function shared(file: string): Promise<Profile> {
  return (await loadProfile(readProfileBytes(file))).profile;
}

/** Every column of a tree built with deferral equals the one built all at once. */
function expectSameColumns(input: CallTreeInput, eagerType: number): CallTree {
  const complete = buildCallTree(input);
  const deferred = buildCallTree({ ...input, eagerType });
  expect(deferred.nodeCount).toBe(complete.nodeCount);
  for (let column = 0; column < complete.total.length; column++) {
    expect(Array.from(selfOf(deferred, column)), `self of column ${column}`).toEqual(Array.from(selfOf(complete, column)));
    expect(Array.from(totalOf(deferred, column)), `total of column ${column}`).toEqual(Array.from(totalOf(complete, column)));
  }
  return deferred;
}

describe('deferred columns', () => {
  it('computes only the eager type at build time, each other column on its first read', async () => {
    // go-regexp.mem: a Go heap profile, four sample types (two of them "in use").
    const profile = await shared('go-regexp.mem.pb.gz');
    const eager = profile.defaultSampleType;
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function', eagerType: eager });
    expect(tree.sampleTypes).toHaveLength(4);
    const present = tree.sampleTypes.map((_, type) => tree.total[columnOf(tree, 0, type)] !== undefined);
    expect(present).toEqual(tree.sampleTypes.map((_, type) => type === eager));

    const other = (eager + 1) % 4;
    const first = totalOf(tree, columnOf(tree, 0, other));
    expect(tree.total[columnOf(tree, 0, other)]).toBe(first);
    // Computed once: the same array on every later read.
    expect(totalOf(tree, columnOf(tree, 0, other))).toBe(first);
    expect(tree.deferred).not.toBeNull();
  });

  it('gives the same values as a complete build, and drops its inputs once all are read', async () => {
    const profile = await shared('go-regexp.mem.pb.gz');
    const tree = expectSameColumns({ groups: [[profile]], groupBy: 'function' }, profile.defaultSampleType);
    expect(tree.deferred).toBeNull();
  });

  it('keeps the latest-snapshot rule for instantaneous types across a diff of several profiles', async () => {
    // Two groups of heap snapshots: in-use types take each group's latest profile only,
    // allocation types sum all of them; deferred columns must do the same.
    const baseline = await Promise.all(['series/checkout-00.heap.pb.gz', 'series/checkout-01.heap.pb.gz'].map(shared));
    const comparison = await Promise.all(['series/checkout-02.heap.pb.gz', 'series/checkout-03.heap.pb.gz', 'series/checkout-04.heap.pb.gz'].map(shared));
    const input: CallTreeInput = { groups: [baseline, comparison], groupBy: 'function' };
    const tree = expectSameColumns(input, 0);
    expect(tree.groups).toBe(2);
  });

  it('defers nothing when the profile has one sample type', () => {
    const profile = profileFromFolded([
      { stack: 'main;a', values: [3] },
      { stack: 'main;b', values: [4] },
    ]);
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function', eagerType: 0 });
    expect(tree.deferred).toBeNull();
    expect(totalOf(tree, 0)[0]).toBe(7);
  });

  it('survives the trip from the worker (structured clone) and computes columns after it', async () => {
    const profile = await shared('go-regexp.mem.pb.gz');
    const eager = profile.defaultSampleType;
    const built = buildCallTree({ groups: [[profile]], groupBy: 'function', eagerType: eager });
    const copy = structuredClone(built);
    const complete = buildCallTree({ groups: [[profile]], groupBy: 'function' });
    for (let type = 0; type < 4; type++) {
      expect(totalOf(copy, type)[0]).toBe(totalOf(complete, type)[0]);
    }
  });

  it('derives self values from the totals, for a whole column or one node', () => {
    const profile = profileFromFolded([
      { stack: 'main;a;b', values: [10] },
      { stack: 'main;a', values: [5] },
      { stack: 'main;c;a', values: [3] },
      { stack: '', values: [1] },
    ]);
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
    const self = selfOf(tree, 0);
    // Every sample's value is self on its leaf, and nowhere else.
    const bySelf = Object.fromEntries(Array.from(self, (value, node) => [tree.frames.name[tree.frame[node]] + '@' + tree.depth[node], value]));
    expect(bySelf).toEqual({ 'total@0': 1, 'main@1': 0, 'a@2': 5, 'b@3': 10, 'c@2': 0, 'a@3': 3 });
    expect(Array.from(self, (_, node) => nodeSelf(tree, 0, node))).toEqual(Array.from(self));
  });

  it('says which column is missing when a tree has no way to compute it', () => {
    const profile = profileFromFolded([{ stack: 'main', values: [1] }]);
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
    expect(() => totalOf(tree, 3)).toThrow(/no column 3/);
  });
});
