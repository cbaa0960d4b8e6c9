import { describe, expect, it } from 'vitest';
import { SequenceInterner } from './interner.ts';

describe('SequenceInterner', () => {
  it('gives equal sequences one id and different ones different ids', () => {
    const interner = new SequenceInterner();
    expect(interner.intern([1, 2, 3])).toBe(0);
    expect(interner.intern([1, 2])).toBe(1);
    expect(interner.intern([1, 2, 3])).toBe(0);
    expect(interner.intern([1, 2, 0])).toBe(2);
    expect(interner.intern([9, 9, 9, 9], 2)).toBe(interner.intern([9, 9]));
    expect(interner.sequences).toEqual([[1, 2, 3], [1, 2], [1, 2, 0], [9, 9]]);
  });

  it('tells apart sequences whose hashes collide', () => {
    // Math.imul sees only the low 32 bits: these two hash alike and must still differ.
    const interner = new SequenceInterner();
    const a = interner.intern([5, 2 ** 32 + 7]);
    const b = interner.intern([5, 7]);
    expect(a).not.toBe(b);
    expect(interner.intern([5, 7])).toBe(b);
    expect(interner.intern([5, 2 ** 32 + 7])).toBe(a);
  });

  it('copies what it keeps, so callers can reuse their buffer', () => {
    const interner = new SequenceInterner();
    const buffer = [4, 5];
    interner.intern(buffer);
    buffer[0] = 6;
    expect(interner.sequences[0]).toEqual([4, 5]);
  });
});
