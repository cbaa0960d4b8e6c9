/**
 * Builds the stack table (Firefox Profiler's model): every distinct stack prefix is one
 * row (prefix row, location), and a sample points at the row of its leaf. A real profile
 * repeats the same prefixes over and over (node-tsc-large: 3.9M location references,
 * 290k distinct prefixes), so this is both the compact form and the cheap one to build.
 *
 * Consecutive samples share most of their root-side prefix (92% of references in
 * node-tsc-large), so each sample first reuses the previous sample's path as far as the
 * location ids agree, and hashes only the rest.
 */
import { growF64, growI32 } from './growable.ts';
import { PairInterner } from './pair-interner.ts';

const ROOT = -1;

export class StackTableBuilder {
  private readonly rows: PairInterner;

  /** The previous sample's location ids, root first, and the row reached at each depth. */
  private previousIds = new Float64Array(256);
  private previousRows = new Int32Array(256);
  private previousDepth = 0;

  constructor(expectedRows?: number) {
    this.rows = new PairInterner(expectedRows);
  }

  /**
   * Interns one sample's stack. `idsLeafFirst[0..n)` are location ids in pprof order
   * (leaf first). Returns the leaf row, or -1 for an empty stack.
   */
  addStack(idsLeafFirst: Float64Array, n: number): number {
    if (n > this.previousIds.length) {
      this.previousIds = growF64(this.previousIds, n);
      this.previousRows = growI32(this.previousRows, n);
    }
    const prevIds = this.previousIds;
    const prevRows = this.previousRows;
    const limit = Math.min(n, this.previousDepth);
    let depth = 0;
    while (depth < limit && prevIds[depth] === idsLeafFirst[n - 1 - depth]) depth++;
    let row = depth > 0 ? prevRows[depth - 1] : ROOT;
    for (; depth < n; depth++) {
      const id = idsLeafFirst[n - 1 - depth];
      row = this.rows.intern(row, id);
      prevIds[depth] = id;
      prevRows[depth] = row;
    }
    this.previousDepth = n;
    return row;
  }

  /** Right-sized columns: prefix row and raw location id per row. */
  finish(): { prefix: Int32Array<ArrayBuffer>; locationId: Float64Array<ArrayBuffer>; count: number } {
    const { parent, key, count } = this.rows.finish();
    return { prefix: parent, locationId: key, count };
  }
}
