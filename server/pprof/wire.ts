/**
 * A fast, strict protobuf reader for pprof bytes on the server. Unlike a
 * general decoder it never reads past a field's end: every length and varint is
 * bounds-checked, so a truncated or foreign file fails with a reason instead of
 * decoding garbage.
 */

export class PprofFormatError extends Error {
  override name = 'PprofFormatError';
}

/**
 * A growable Float64Array. Decoding pushes millions of ids and values; on a
 * plain number[] each push costs several times more than a typed-array store.
 */
export class NumberVector {
  data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Float64Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  clear(): this {
    this.length = 0;
    return this;
  }

  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
  }
}

const TWO_POW_32 = 2 ** 32;

export class WireReader {
  pos: number;

  constructor(
    readonly buf: Buffer,
    start: number,
    public end: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * A varint as a number: exact up to 2^53. A 10-byte varint is a negative
   * int64 in two's complement and comes back negative.
   */
  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos >= this.end) throw new PprofFormatError('truncated varint');
    let byte = buf[pos++];
    if (byte < 0x80) {
      this.pos = pos;
      return byte;
    }
    // Low 28 bits with integer ops, the rest with float arithmetic.
    let low = byte & 0x7f;
    let shift = 7;
    let high = 0;
    for (let i = 1; i < 10; i++) {
      if (pos >= this.end) throw new PprofFormatError('truncated varint');
      byte = buf[pos++];
      if (shift < 28) low |= (byte & 0x7f) << shift;
      else high += (byte & 0x7f) * 2 ** (shift - 28);
      shift += 7;
      if (byte < 0x80) {
        this.pos = pos;
        if (i === 9) return this.negativeFromTenBytes(pos - 10);
        return high * 2 ** 28 + low;
      }
    }
    throw new PprofFormatError('varint longer than 10 bytes');
  }

  private negativeFromTenBytes(start: number): number {
    let value = 0n;
    for (let i = 0; i < 10; i++) value |= BigInt(this.buf[start + i] & 0x7f) << BigInt(7 * i);
    return Number(BigInt.asIntN(64, value));
  }

  /** A field key: field number * 8 + wire type (no tuple: this runs millions of times per profile). */
  key(): number {
    const key = this.varint();
    if (key < 8) throw new PprofFormatError(`invalid field number 0 at byte ${this.pos}`);
    return key;
  }

  /** Reads a length prefix; returns where the field's bytes end (pos stays at their start). */
  lengthEnd(): number {
    const length = this.varint();
    const end = this.pos + length;
    if (length < 0 || end > this.end) throw new PprofFormatError('truncated length-delimited field');
    return end;
  }

  /** Reads a nested message with `read`, bounded to its bytes, and moves past it. */
  nested<T>(read: (r: WireReader) => T): T {
    const end = this.lengthEnd();
    const outer = this.end;
    this.end = end;
    const value = read(this);
    this.end = outer;
    this.pos = end;
    return value;
  }

  fixed64(): number {
    if (this.pos + 8 > this.end) throw new PprofFormatError('truncated fixed64 field');
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readUInt32LE(this.pos + 4);
    this.pos += 8;
    return hi * TWO_POW_32 + lo;
  }

  skip(wireType: number, field: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.fixed64();
        return;
      case 2:
        this.pos = this.lengthEnd();
        return;
      case 5:
        if (this.pos + 4 > this.end) throw new PprofFormatError('truncated fixed32 field');
        this.pos += 4;
        return;
      default:
        throw new PprofFormatError(`field ${field} has invalid wire type ${wireType}`);
    }
  }

  /** Reads a repeated varint field, packed or not, appending to `out`. */
  repeatedVarint(wireType: number, out: NumberVector): void {
    if (wireType === 0) {
      out.push(this.varint());
      return;
    }
    if (wireType !== 2) throw new PprofFormatError(`repeated integer field has wire type ${wireType}`);
    const end = this.lengthEnd();
    // The hot loop of decoding (location ids, values): room for one value per byte up
    // front, one-byte varints inline, longer ones through varint().
    out.reserve(end - this.pos);
    const buf = this.buf;
    const data = out.data;
    let n = out.length;
    while (this.pos < end) {
      const byte = buf[this.pos];
      if (byte < 0x80) {
        data[n++] = byte;
        this.pos++;
      } else {
        const outer = this.end;
        this.end = end;
        data[n++] = this.varint();
        this.end = outer;
      }
    }
    out.length = n;
  }
}

/** Checks that a known field arrived with the wire type pprof's schema gives it. */
export function expectWireType(field: number, actual: number, expected: number, message: string): void {
  if (actual !== expected) {
    throw new PprofFormatError(`${message} field ${field} has wire type ${actual}, expected ${expected}`);
  }
}
