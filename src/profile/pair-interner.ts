/**
 * Interns (parent row, key) pairs into dense row indices: the call tree's (parent node,
 * frame) -> node. Open addressing with linear probing; each slot holds the row and the
 * pair's 32-bit hash side by side, so a probe reads one cache line and only a matching
 * hash leads to reading the row's columns. Inserts (the common case when stacks do not
 * share prefixes) then touch the table once, and growing never recomputes a hash.
 */
import { growF64, growI32 } from './growable.ts';

/** Slots hold row + 1 so that a fresh (zeroed) table needs no fill pass. */
const FREE = 0;

export class PairInterner {
  /** parent row per row (-1 for children of the virtual root) */
  parent: Int32Array<ArrayBuffer>;
  /** key per row (float, so 64-bit pprof ids fit) */
  key: Float64Array<ArrayBuffer>;
  count = 0;

  /** slot i: [2i] = row + 1, [2i + 1] = hash */
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;

  /** `expectedRows` sizes the arrays up front; growing later is correct, only slower. */
  constructor(expectedRows = 1024) {
    const rows = Math.max(1024, Math.ceil(expectedRows));
    this.parent = new Int32Array(rows);
    this.key = new Float64Array(rows);
    let size = 4096;
    while (size < rows * 2) size *= 2;
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
      this.key = growF64(this.key, row + 1);
    }
    this.parent[row] = parent;
    this.key[row] = key;
    slots[slot << 1] = row + 1;
    slots[(slot << 1) + 1] = h;
    // Keep the load factor under 1/2 so probe chains stay short.
    if (this.count * 2 > mask + 1) this.grow();
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

  /** Drops the hash table and returns right-sized columns. */
  finish(): { parent: Int32Array<ArrayBuffer>; key: Float64Array<ArrayBuffer>; count: number } {
    this.slots = new Int32Array(0);
    return { parent: this.parent.slice(0, this.count), key: this.key.slice(0, this.count), count: this.count };
  }
}

/** Mixes a row index and a (possibly > 2^32) key into 32 bits. */
export function hashPair(a: number, b: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul((b >>> 0) ^ ((b / 4294967296) >>> 0), 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
