/**
 * Interns sequences of numbers: equal sequences get the same id (0, 1, 2, ...).
 * Lookups hash the numbers into a 53-bit key and compare in full on a match, so
 * no string is built per lookup: merging calls this millions of times.
 */
export class SequenceInterner {
  private readonly firstByHash = new Map<number, number>();
  /** next id with the same hash, -1 at the end of a chain */
  private readonly nextWithSameHash: number[] = [];
  readonly sequences: number[][] = [];

  get size(): number {
    return this.sequences.length;
  }

  /** The id of values[0 .. length); the sequence is copied when it is new. */
  intern(values: readonly number[], length = values.length): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < length; i++) {
      const v = values[i];
      // Math.imul keeps the low 32 bits of large values: fine for a hash, equality is checked below.
      h1 = Math.imul(h1 ^ v, 0x01000193);
      h2 = Math.imul(h2 + v, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const hash = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
    const first = this.firstByHash.get(hash);
    for (let id = first ?? -1; id !== -1; id = this.nextWithSameHash[id]) {
      const other = this.sequences[id];
      if (other.length !== length) continue;
      let equal = true;
      for (let i = 0; i < length && equal; i++) equal = other[i] === values[i];
      if (equal) return id;
    }
    const id = this.sequences.length;
    this.sequences.push(values.slice(0, length));
    this.nextWithSameHash.push(first ?? -1);
    this.firstByHash.set(hash, id);
    return id;
  }
}
