/**
 * Streaming encoder for pprof's google.v1 profile.proto, written for bench/generate-profile.ts.
 *
 * Why not pprof-format's encoder: it needs the whole profile as objects first (a Sample object and two
 * arrays per sample) and measures every sub-message before writing. Measured on the 500k-stack preset
 * (92 MB): its object graph takes ~630 MB of heap and Profile.encode() 3.5-6.5 s, while appending
 * each sample to one growing buffer as it is generated costs ~1.7 s and the whole generator peaks at
 * ~410 MB RSS. The bytes are identical to pprof-format's re-encoding (see generate-profile.test.ts).
 *
 * Messages are written in canonical field order: sample_type, sample, mapping, location, function,
 * string_table, then the scalar fields. Callers must follow that order (the class does not reorder).
 */

/** An int64/uint64 field value. Numbers must be integers; anything beyond 2^53 must be a bigint. */
export type Int64 = number | bigint;

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

/** Encoded size of an unsigned varint; negatives are sign-extended to 64 bits, so always 10 bytes. */
export function varintSize(v: number): number {
  if (v < 0) return 10;
  let size = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    size++;
  }
  return size;
}

/** Append-only protobuf writer into a geometrically growing Uint8Array. */
export class ProtoWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(initialCapacity = 64 * 1024) {
    this.buf = new Uint8Array(initialCapacity);
  }

  get length(): number {
    return this.pos;
  }

  reset(): void {
    this.pos = 0;
  }

  /** Exact-size copy, so callers never see (or keep alive) the spare capacity. */
  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.pos);
  }

  /** Doubling keeps total copying O(final size) even for 100 MB outputs. */
  private ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let capacity = this.buf.length * 2;
    while (capacity < need) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Varint of any int64: non-negative safe integers take the fast path, the rest go through BigInt. */
  varint(value: Int64): void {
    if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) this.uvarint(value);
    else this.bigVarint(BigInt(value)); // BigInt(1.5) throws, which is what we want for non-integers
  }

  private uvarint(v: number): void {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.pos;
    // Bitwise operators truncate to 32 bits, so the high part must be peeled off with division.
    while (v > 0x7fffffff) {
      buf[pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    while (v > 0x7f) {
      buf[pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[pos++] = v;
    this.pos = pos;
  }

  /** int64 on the wire is plain two's complement (not zigzag), so -1 becomes ten bytes. */
  private bigVarint(value: bigint): void {
    let v = BigInt.asUintN(64, value);
    this.ensure(10);
    while (v > 0x7fn) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  private tag(field: number, wire: number): void {
    this.uvarint((field << 3) | wire);
  }

  /** Scalar field; zero is the proto3 default and is omitted, as every protobuf encoder does. */
  int64Field(field: number, value: Int64): void {
    if (value === 0 || value === 0n) return;
    this.tag(field, WIRE_VARINT);
    this.varint(value);
  }

  boolField(field: number, value: boolean): void {
    if (value) this.int64Field(field, 1);
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.tag(field, WIRE_LEN);
    this.uvarint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Embeds another writer's content as a length-delimited sub-message. */
  messageField(field: number, inner: ProtoWriter): void {
    this.bytesField(field, inner.buf.subarray(0, inner.pos));
  }

  /** Packed repeated varints (proto3 default for repeated scalars); zeros are kept, positions matter. */
  packedField(field: number, values: ArrayLike<number>, count = values.length): void {
    if (count === 0) return;
    let size = 0;
    for (let i = 0; i < count; i++) size += varintSize(values[i]);
    this.tag(field, WIRE_LEN);
    this.uvarint(size);
    for (let i = 0; i < count; i++) this.varint(values[i]);
  }
}

export interface ValueTypeSpec {
  type: string;
  unit: string;
}

/** A sample label with its strings already interned (see PprofWriter.str). */
export interface InternedLabel {
  key: number;
  str?: number;
  num?: number;
  numUnit?: number;
}

export interface MappingSpec {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  filename: string;
  buildId: string;
}

export interface FunctionSpec {
  id: number;
  name: string;
  systemName: string;
  filename: string;
  startLine: number;
}

export interface ProfileTrailer {
  periodType: ValueTypeSpec;
  period: Int64;
  timeNanos: Int64;
  durationNanos: Int64;
  defaultSampleType: string;
  comments: readonly string[];
}

/** Sample and period types as Go's runtime/pprof writes CPU and heap ("alloc") profiles. */
export const PROFILE_TYPES = {
  cpu: {
    sampleTypes: [{ type: 'samples', unit: 'count' }, { type: 'cpu', unit: 'nanoseconds' }],
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    defaultSampleType: 'cpu',
  },
  alloc: {
    sampleTypes: [
      { type: 'alloc_objects', unit: 'count' }, { type: 'alloc_space', unit: 'bytes' },
      { type: 'inuse_objects', unit: 'count' }, { type: 'inuse_space', unit: 'bytes' },
    ],
    periodType: { type: 'space', unit: 'bytes' },
    defaultSampleType: 'inuse_space',
  },
} as const satisfies Record<string, { sampleTypes: readonly ValueTypeSpec[]; periodType: ValueTypeSpec; defaultSampleType: string }>;

/** profile.proto writer: interns strings as it goes and writes the string table last. */
export class PprofWriter {
  private readonly out: ProtoWriter;
  private readonly scratch = new ProtoWriter(4096);
  private readonly inner = new ProtoWriter(256);
  private readonly strings = new Map<string, number>([['', 0]]);
  private readonly stringList: string[] = [''];

  constructor(initialCapacity = 1 << 20) {
    this.out = new ProtoWriter(initialCapacity);
  }

  /** String-table index of s; index 0 is always "" as profile.proto requires. */
  str(s: string): number {
    let index = this.strings.get(s);
    if (index === undefined) {
      index = this.stringList.push(s) - 1;
      this.strings.set(s, index);
    }
    return index;
  }

  sampleTypes(types: readonly ValueTypeSpec[]): void {
    for (const t of types) this.out.messageField(1, this.valueType(t));
  }

  /** location ids are leaf first, as in profile.proto. */
  sample(locationIds: ArrayLike<number>, locationCount: number, values: ArrayLike<number>, labels: readonly InternedLabel[]): void {
    const s = this.scratch;
    s.reset();
    s.packedField(1, locationIds, locationCount);
    s.packedField(2, values);
    for (const label of labels) {
      const l = this.inner;
      l.reset();
      l.int64Field(1, label.key);
      l.int64Field(2, label.str ?? 0);
      l.int64Field(3, label.num ?? 0);
      l.int64Field(4, label.numUnit ?? 0);
      s.messageField(3, l);
    }
    this.out.messageField(2, s);
  }

  mapping(m: MappingSpec): void {
    const s = this.scratch;
    s.reset();
    s.int64Field(1, m.id);
    s.int64Field(2, m.memoryStart);
    s.int64Field(3, m.memoryLimit);
    s.int64Field(5, this.str(m.filename));
    s.int64Field(6, this.str(m.buildId));
    for (let field = 7; field <= 10; field++) s.boolField(field, true); // has_functions .. has_inline_frames
    this.out.messageField(3, s);
  }

  /** lines alternate functionId, lineNumber, innermost (inlined callee) first. */
  location(id: number, mappingId: number, address: number, lines: ArrayLike<number>, lineCount: number): void {
    const s = this.scratch;
    s.reset();
    s.int64Field(1, id);
    s.int64Field(2, mappingId);
    s.int64Field(3, address);
    for (let i = 0; i < lineCount; i++) {
      const l = this.inner;
      l.reset();
      l.int64Field(1, lines[2 * i]);
      l.int64Field(2, lines[2 * i + 1]);
      s.messageField(4, l);
    }
    this.out.messageField(4, s);
  }

  function(f: FunctionSpec): void {
    const s = this.scratch;
    s.reset();
    s.int64Field(1, f.id);
    s.int64Field(2, this.str(f.name));
    s.int64Field(3, this.str(f.systemName));
    s.int64Field(4, this.str(f.filename));
    s.int64Field(5, f.startLine);
    this.out.messageField(5, s);
  }

  /** Writes the string table and scalar fields, then returns the exact-size encoded profile. */
  finish(t: ProfileTrailer): Uint8Array<ArrayBuffer> {
    const periodType = this.valueType(t.periodType);
    const comments = t.comments.map((c) => this.str(c));
    const defaultSampleType = this.str(t.defaultSampleType);
    const encoder = new TextEncoder();
    for (const s of this.stringList) this.out.bytesField(6, encoder.encode(s));
    this.out.int64Field(9, t.timeNanos);
    this.out.int64Field(10, t.durationNanos);
    this.out.messageField(11, periodType);
    this.out.int64Field(12, t.period);
    if (comments.length > 0) this.out.packedField(13, comments);
    this.out.int64Field(14, defaultSampleType);
    return this.out.finish();
  }

  /** Fresh writer (not the shared scratch) because callers hold on to the result. */
  private valueType(t: ValueTypeSpec): ProtoWriter {
    const w = new ProtoWriter(16);
    w.int64Field(1, this.str(t.type));
    w.int64Field(2, this.str(t.unit));
    return w;
  }
}

interface ChainNode {
  id: number;
  outer: Map<number, ChainNode>;
}

/**
 * Dedups Locations by the caller's integer keys for their lines, so one call site (or one chain of
 * inlined calls) always maps to the same location id, as in a real binary. Keys are dense small
 * integers; single-line locations, the vast majority, take an array slot, inlined chains a trie.
 */
export class LocationInterner {
  /** keys[id - 1]: the location's line keys, innermost first. */
  readonly keys: number[][] = [];
  private readonly single: Int32Array;
  private readonly chains: ChainNode = { id: 0, outer: new Map() }; // trie root, innermost key first

  constructor(keySpace: number) {
    this.single = new Int32Array(keySpace);
  }

  /** 1-based id for the lines frameKeys[outer..inner], where frameKeys[inner] is the innermost frame. */
  intern(frameKeys: Int32Array, outer: number, inner: number): number {
    if (outer === inner) return (this.single[frameKeys[inner]] ||= this.add(frameKeys, outer, inner));
    let node = this.chains;
    for (let i = inner; i >= outer; i--) {
      let next = node.outer.get(frameKeys[i]);
      if (next === undefined) node.outer.set(frameKeys[i], (next = { id: 0, outer: new Map() }));
      node = next;
    }
    return (node.id ||= this.add(frameKeys, outer, inner));
  }

  private add(frameKeys: Int32Array, outer: number, inner: number): number {
    return this.keys.push(Array.from(frameKeys.subarray(outer, inner + 1)).reverse());
  }
}
