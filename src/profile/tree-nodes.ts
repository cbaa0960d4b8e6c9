/**
 * The call tree while it is being built: nodes in creation order, each the child of an
 * earlier one, found or added by (parent node, frame).
 *
 * Why not one hash table of (parent, frame) pairs: almost every lookup while building a
 * real tree *adds* a node (node-tsc-large: 290k nodes from 310k lookups), and a hash
 * table pays a cache miss per insert into a table far larger than the cache. Here a
 * node's children are a linked list, and adding a child writes next to the parent and
 * at the end of the columns, memory that is already in the cache. Lists are scanned
 * only while short: a node with many children (the root of a profile with thousands of
 * entry points) is "wide", and its children are also kept in a hash table, so a lookup
 * never scans more than WIDE_AFTER children.
 */
import { growI32 } from './growable.ts';

/** Children a node may have before its lookups go through the hash table. */
const WIDE_AFTER = 12;
const NONE = -1;
/** Hash slots hold node + 1 so that a fresh (zeroed) table needs no fill pass. */
const FREE = 0;

export class TreeNodes {
  /** parent node per node (-1 for the root) */
  parent: Int32Array<ArrayBuffer>;
  /** frame per node */
  frame: Int32Array<ArrayBuffer>;
  count = 0;

  /** newest child per node, or -1 */
  private firstChild: Int32Array<ArrayBuffer>;
  /** the next older sibling, or -1 */
  private nextSibling: Int32Array<ArrayBuffer>;
  private wide: Uint8Array<ArrayBuffer>;
  /** children of wide nodes: slot i holds [2i] = node + 1, [2i + 1] = hash */
  private slots = new Int32Array(0);
  private mask = -1;
  private hashed = 0;

  /**
   * `capacity` sizes the columns; growing later is correct, only slower. It is cheap to
   * overestimate: pages never written are never touched.
   */
  constructor(capacity = 1024) {
    const size = Math.max(16, Math.ceil(capacity));
    this.parent = new Int32Array(size);
    this.frame = new Int32Array(size);
    this.firstChild = new Int32Array(size);
    this.nextSibling = new Int32Array(size);
    this.wide = new Uint8Array(size);
  }

  /** Adds the root (node 0) of a tree: call once, first. */
  addRoot(frame: number): number {
    return this.add(NONE, frame);
  }

  /** The child of `parent` for `frame`, added if there is none yet. */
  child(parent: number, frame: number): number {
    if (this.wide[parent] === 1) return this.wideChild(parent, frame);
    let scanned = 0;
    for (let c = this.firstChild[parent]; c !== NONE; c = this.nextSibling[c]) {
      if (this.frame[c] === frame) return c;
      scanned++;
    }
    const node = this.add(parent, frame);
    if (scanned + 1 > WIDE_AFTER) this.makeWide(parent);
    return node;
  }

  /**
   * Drops the lookup structures and returns the columns (views, not copies), and the two
   * child-list columns as scratch space (memory already touched is cheaper to reuse).
   */
  finish(): { parent: Int32Array<ArrayBuffer>; frame: Int32Array<ArrayBuffer>; count: number; scratch: Int32Array<ArrayBuffer>[] } {
    const scratch = [this.firstChild, this.nextSibling];
    this.slots = new Int32Array(0);
    this.firstChild = new Int32Array(0);
    this.nextSibling = new Int32Array(0);
    this.wide = new Uint8Array(0);
    return { parent: this.parent.subarray(0, this.count), frame: this.frame.subarray(0, this.count), count: this.count, scratch };
  }

  private add(parent: number, frame: number): number {
    const node = this.count++;
    if (node === this.parent.length) this.grow(node + 1);
    this.parent[node] = parent;
    this.frame[node] = frame;
    this.firstChild[node] = NONE;
    if (parent !== NONE) {
      this.nextSibling[node] = this.firstChild[parent];
      this.firstChild[parent] = node;
    } else {
      this.nextSibling[node] = NONE;
    }
    return node;
  }

  private grow(minimum: number): void {
    this.parent = growI32(this.parent, minimum);
    this.frame = growI32(this.frame, minimum);
    this.firstChild = growI32(this.firstChild, minimum);
    this.nextSibling = growI32(this.nextSibling, minimum);
    const wide = new Uint8Array(this.parent.length);
    wide.set(this.wide);
    this.wide = wide;
  }

  private wideChild(parent: number, frame: number): number {
    const h = hashPair(parent, frame) | 0;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot << 1];
      if (entry === FREE) break;
      if (this.slots[(slot << 1) + 1] === h) {
        const node = entry - 1;
        if (this.parent[node] === parent && this.frame[node] === frame) return node;
      }
      slot = (slot + 1) & this.mask;
    }
    const node = this.add(parent, frame);
    this.insertHashed(node, h);
    return node;
  }

  private makeWide(parent: number): void {
    this.wide[parent] = 1;
    for (let c = this.firstChild[parent]; c !== NONE; c = this.nextSibling[c]) {
      this.insertHashed(c, hashPair(parent, this.frame[c]) | 0);
    }
  }

  private insertHashed(node: number, h: number): void {
    // Keep the load factor under 3/4: short probe chains.
    if ((this.hashed + 1) * 4 > (this.mask + 1) * 3) this.growSlots();
    let slot = h & this.mask;
    while (this.slots[slot << 1] !== FREE) slot = (slot + 1) & this.mask;
    this.slots[slot << 1] = node + 1;
    this.slots[(slot << 1) + 1] = h;
    this.hashed++;
  }

  private growSlots(): void {
    const old = this.slots;
    // Starts small: most trees have a few wide nodes of a few dozen children each.
    const size = Math.max(64, (this.mask + 1) * 2);
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === FREE) continue;
      let slot = old[i + 1] & this.mask;
      while (this.slots[slot << 1] !== FREE) slot = (slot + 1) & this.mask;
      this.slots[slot << 1] = old[i];
      this.slots[(slot << 1) + 1] = old[i + 1];
    }
  }
}

/** Mixes a node index and a frame into 32 bits. */
function hashPair(a: number, b: number): number {
  let h = Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
