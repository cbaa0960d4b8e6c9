/**
 * The protobuf wire format, just enough of it for the Pyroscope API messages:
 * varints (as numbers, or BigInt only when a value does not fit a double exactly),
 * length-delimited fields, 64-bit doubles. Pure TypeScript on Uint8Array, so the
 * browser, the worker and the Node server share it.
 */

export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;
export type WireTypeValue = (typeof WireType)[keyof typeof WireType];

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export class ProtoDecodeError extends Error {
  override name = 'ProtoDecodeError';
}

/** Reads a protobuf message; every read checks bounds, so truncated input throws, never over-reads. */
export class ProtoReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** Returns [field number, wire type] of the next field. */
  tag(): [number, number] {
    const key = this.varintNumber();
    const field = Math.floor(key / 8);
    if (field === 0) throw new ProtoDecodeError(`invalid field number 0 at byte ${this.pos}`);
    return [field, key & 7];
  }

  /**
   * Reads a varint as a number. Values up to 2^53 are exact; int64 fields that
   * hold negative numbers arrive as 10-byte two's complement and are read back
   * as negative numbers.
   */
  varintNumber(): number {
    const v = this.varintBig();
    return Number(BigInt.asIntN(64, v));
  }

  varintBig(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtoDecodeError('truncated varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  }

  bool(): boolean {
    return this.varintBig() !== 0n;
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new ProtoDecodeError('truncated double');
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  /** A length-delimited field's bytes (a view, not a copy). */
  bytes(): Uint8Array {
    const length = this.varintNumber();
    if (length < 0 || this.pos + length > this.end) throw new ProtoDecodeError('truncated length-delimited field');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    try {
      return utf8Decoder.decode(this.bytes());
    } catch (error) {
      if (error instanceof ProtoDecodeError) throw error;
      throw new ProtoDecodeError('string field is not valid UTF-8');
    }
  }

  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.varintBig();
        return;
      case WireType.fixed64:
        this.advance(8);
        return;
      case WireType.lengthDelimited:
        this.bytes();
        return;
      case WireType.fixed32:
        this.advance(4);
        return;
      default:
        throw new ProtoDecodeError(`unsupported wire type ${wireType}`);
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new ProtoDecodeError('truncated fixed-width field');
    this.pos += n;
  }
}

/** Builds a protobuf message into a growing buffer. */
export class ProtoWriter {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  private length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  tag(field: number, wireType: WireTypeValue): this {
    return this.varint(field * 8 + wireType);
  }

  /** A varint field: its tag, then the value. */
  varintField(field: number, value: number | bigint): this {
    return this.tag(field, WireType.varint).varint(value);
  }

  /** Negative numbers are written as 64-bit two's complement, as protobuf does for int64/int32. */
  varint(value: number | bigint): this {
    this.ensure(10);
    // Most values (tags, lengths, ids) fit 31 bits: written without BigInt, the same bytes.
    if (typeof value === 'number' && value >= 0 && value < 2 ** 31) {
      let small = value | 0;
      while (small >= 0x80) {
        this.buf[this.length++] = (small & 0x7f) | 0x80;
        small >>>= 7;
      }
      this.buf[this.length++] = small;
      return this;
    }
    let v = BigInt.asUintN(64, typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
    while (v >= 0x80n) {
      this.buf[this.length++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.length++] = Number(v);
    return this;
  }

  double(value: number): this {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.length, 8).setFloat64(0, value, true);
    this.length += 8;
    return this;
  }

  bytes(value: Uint8Array): this {
    this.varint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.length);
    this.length += value.length;
    return this;
  }

  string(value: string): this {
    return this.bytes(utf8Encoder.encode(value));
  }

  /** `inner` as a nested message (its bytes are copied here: `inner` can be reset and reused). */
  message(field: number, inner: ProtoWriter): this {
    return this.tag(field, WireType.lengthDelimited).bytes(inner.buf.subarray(0, inner.length));
  }

  /** Empties the writer, keeping its buffer. */
  reset(): this {
    this.length = 0;
    return this;
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) table[BASE64_ALPHABET.charCodeAt(i)] = i;
  // protobuf JSON accepts the URL-safe alphabet too.
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    out += BASE64_ALPHABET[(triple >> 18) & 63] + BASE64_ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64_ALPHABET[triple & 63] : '=';
  }
  return out;
}

export function base64Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) throw new ProtoDecodeError('invalid base64 length');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? BASE64_LOOKUP[code] : -1;
    if (value < 0) throw new ProtoDecodeError(`invalid base64 character at ${i}`);
    bits = (bits << 6) | value;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (bits >> bitCount) & 0xff;
    }
  }
  return out;
}
