/**
 * Interns (parent row, key) pairs into dense row indices: the call tree's (parent node,
 * frame) -> node. Open addressing with linear probing; each slot holds the row and the
 * pair's 32-bit hash side by side, so a probe reads one cache line and only a matching
 * hash leads to reading the row's columns. Inserts (the common case when stacks do not
 * share prefixes) then touch the table once, and growing never recomputes a hash.
 */
import { growI32 } from './growable.ts';

/** Slots hold row + 1 so that a fresh (zeroed) table needs no fill pass. */
const FREE = 0;

export class PairInterner {
  /** parent row per row (-1 for children of the virtual root) */
  parent: Int32Array<ArrayBuffer>;
  /** key per row (a frame id) */
  key: Int32Array<ArrayBuffer>;
  count = 0;

  /** slot i: [2i] = row + 1, [2i + 1] = hash */
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;

  /**
   * `expectedRows` sizes the hash table, `capacity` the row columns; growing later is
   * correct, only slower. Row capacity is cheap to overestimate (pages never written are
   * never faulted in); the table is not (every slot may be probed), so it starts small.
   */
  constructor(expectedRows = 1024, capacity = expectedRows) {
    const rows = Math.max(1024, Math.ceil(expectedRows));
    this.parent = new Int32Array(Math.max(rows, Math.ceil(capacity)));
    this.key = new Int32Array(Math.max(rows, Math.ceil(capacity)));
    let size = 4096;
    while (size * 3 < rows * 4) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  intern(parent: number, key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const h = hashPair(parent, key) | 0;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot << 1];
      if (entry === FREE) break;
      if (slots[(slot << 1) + 1] === h) {
        const row = entry - 1;
        if (this.parent[row] === parent && this.key[row] === key) return row;
      }
      slot = (slot + 1) & mask;
    }
    const row = this.count++;
    if (row === this.parent.length) {
      this.parent = growI32(this.parent, row + 1);
      this.key = growI32(this.key, row + 1);
    }
    this.parent[row] = parent;
    this.key[row] = key;
    slots[slot << 1] = row + 1;
    slots[(slot << 1) + 1] = h;
    // Keep the load factor under 3/4: short probe chains, and a table half the size of a
    // 1/2-loaded one (first touches of memory are what is slow here).
    if (this.count * 4 > (mask + 1) * 3) this.grow();
    return row;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 2);
    const mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i];
      if (entry === FREE) continue;
      const h = old[i + 1];
      let slot = h & mask;
      while (slots[slot << 1] !== FREE) slot = (slot + 1) & mask;
      slots[slot << 1] = entry;
      slots[(slot << 1) + 1] = h;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Drops the hash table and returns the columns (views, not copies). */
  finish(): { parent: Int32Array<ArrayBuffer>; key: Int32Array<ArrayBuffer>; count: number } {
    this.slots = new Int32Array(0);
    return { parent: this.parent.subarray(0, this.count), key: this.key.subarray(0, this.count), count: this.count };
  }
}

/** Mixes a row index and a key into 32 bits. */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
