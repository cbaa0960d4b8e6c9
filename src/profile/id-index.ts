/**
 * pprof id -> array index. Producers almost always number ids 1..n, so a dense lookup
 * table is the common case; sparse or huge ids (addresses used as ids) fall back to a Map.
 * When an id repeats, the last definition wins, as in Go's profile package.
 */
import { ProfileError } from './errors.ts';

const NONE = -1;

export class IdIndex {
  readonly count: number;
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  private readonly what: string;

  constructor(ids: ArrayLike<number>, what: string) {
    this.count = ids.length;
    this.what = what;
    let max = 0;
    let denseOk = true;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!Number.isInteger(id) || id < 0) denseOk = false;
      else if (id > max) max = id;
    }
    if (denseOk && max <= ids.length * 4 + 1024) {
      this.dense = new Int32Array(max + 1).fill(NONE);
      for (let i = 0; i < ids.length; i++) this.dense[ids[i]] = i;
      this.sparse = null;
    } else {
      this.dense = null;
      this.sparse = new Map();
      for (let i = 0; i < ids.length; i++) this.sparse.set(ids[i], i);
    }
  }

  /** Index of `id`, or -1 when no such id was defined. */
  lookup(id: number): number {
    if (this.dense) return id < this.dense.length ? this.dense[id] : NONE;
    return this.sparse!.get(id) ?? NONE;
  }

  /** Index of `id`; a dangling reference means the file is corrupt. */
  require(id: number, referrer: string): number {
    const index = this.lookup(id);
    if (index === NONE) {
      throw new ProfileError('corrupt-protobuf', `corrupt pprof data: ${referrer} refers to ${this.what} id ${id}, which is not defined`);
    }
    return index;
  }
}
