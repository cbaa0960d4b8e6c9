/**
 * Interns (parent row, key) pairs into dense row indices: the one data structure behind
 * both the stack table (parent stack, location id) and the call tree (parent node, frame).
 * Open addressing with linear probing in an Int32Array: no object per entry, and a
 * lookup is a multiply, a mask and usually one compare.
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

  private slots: Int32Array<ArrayBuffer>;
  private mask: number;

  /** `expectedRows` sizes the arrays up front; growing later is correct, only slower. */
  constructor(expectedRows = 1024) {
    const rows = Math.max(1024, Math.ceil(expectedRows));
    this.parent = new Int32Array(rows);
    this.key = new Float64Array(rows);
    let size = 4096;
    while (size < rows * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  intern(parent: number, key: number): number {
    const parents = this.parent;
    const keys = this.key;
    const slots = this.slots;
    const mask = this.mask;
    let slot = hashPair(parent, key) & mask;
    for (;;) {
      const entry = slots[slot];
      if (entry === FREE) break;
      const row = entry - 1;
      if (parents[row] === parent && keys[row] === key) return row;
      slot = (slot + 1) & mask;
    }
    const row = this.count++;
    if (row === this.parent.length) {
      this.parent = growI32(this.parent, row + 1);
      this.key = growF64(this.key, row + 1);
    }
    this.parent[row] = parent;
    this.key[row] = key;
    slots[slot] = row + 1;
    // Keep the load factor under 1/2 so probe chains stay short.
    if (this.count * 2 > slots.length) this.rehash();
    return row;
  }

  private rehash(): void {
    // Quadruple: every rehash touches fresh memory, and first touches are what cost.
    const size = this.slots.length * 4;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let row = 0; row < this.count; row++) {
      let slot = hashPair(this.parent[row], this.key[row]) & mask;
      while (slots[slot] !== FREE) slot = (slot + 1) & mask;
      slots[slot] = row + 1;
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
