import { describe, expect, it } from 'vitest';
import { TreeNodes } from './tree-nodes.ts';

describe('TreeNodes', () => {
  it('finds a child it added and adds one per new (parent, frame)', () => {
    const nodes = new TreeNodes(4);
    const root = nodes.addRoot(0);
    const a = nodes.child(root, 7);
    const b = nodes.child(a, 7);
    expect(nodes.child(root, 7)).toBe(a);
    expect(nodes.child(a, 7)).toBe(b);
    expect(nodes.child(root, 8)).toBe(3);
    const { parent, frame, count } = nodes.finish();
    expect(count).toBe(4);
    expect(Array.from(parent)).toEqual([-1, 0, 1, 0]);
    expect(Array.from(frame)).toEqual([0, 7, 7, 8]);
  });

  it('agrees with a map of (parent, frame) pairs on narrow and very wide nodes, past its initial capacity', () => {
    // A deterministic mix: the root gets thousands of children (hashed), others a few (scanned).
    const nodes = new TreeNodes(16);
    const reference = new Map<string, number>();
    const root = nodes.addRoot(0);
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 20000; i++) {
      const parent = random(4) === 0 ? root : random(nodes.count);
      const frame = parent === root ? random(5000) : random(20);
      const key = `${parent}/${frame}`;
      const expected = reference.get(key) ?? nodes.count;
      expect(nodes.child(parent, frame)).toBe(expected);
      reference.set(key, expected);
    }
    const { parent, frame, count } = nodes.finish();
    expect(count).toBe(reference.size + 1);
    for (const [key, node] of reference) expect(`${parent[node]}/${frame[node]}`).toBe(key);
  });
});
