/**
 * Append-only typed-array builders. Doubling growth keeps appends amortized O(1) without
 * a JS object per element; `finish()` returns a right-sized view (no copy).
 */
export class U32Builder {
  data: Uint32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Uint32Array(Math.max(4, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = growU32(this.data, this.length + 1);
    this.data[this.length++] = value;
  }

  finish(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

export class I32Builder {
  data: Int32Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(Math.max(4, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = growI32(this.data, this.length + 1);
    this.data[this.length++] = value;
  }

  finish(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class F64Builder {
  data: Float64Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(4, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = growF64(this.data, this.length + 1);
    this.data[this.length++] = value;
  }

  finish(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

function nextCapacity(current: number, needed: number): number {
  let capacity = Math.max(4, current);
  while (capacity < needed) capacity *= 2;
  return capacity;
}

export function growU32(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Uint32Array(nextCapacity(array.length, needed));
  next.set(array);
  return next;
}

export function growI32(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Int32Array(nextCapacity(array.length, needed));
  next.set(array);
  return next;
}

export function growF64(array: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const next = new Float64Array(nextCapacity(array.length, needed));
  next.set(array);
  return next;
}
