/**
 * A small synthetic pprof profile for the worker's JIT warm-up.
 *
 * Why synthetic: V8 optimizes the hot loops (decode, tree walk, layout) for what it saw
 * during the warm-up, and deoptimizes them mid-load on the first branch it never saw:
 * a wide node (more than a dozen children, kept in a hash table), a stack deeper than a
 * few hundred frames, a multi-byte location id, a value beyond 2^31, a label. A real
 * example profile takes only some of those paths; this one is built to take all of them,
 * while staying small (800 samples, 0.1 MB raw, 9k tree nodes): the warm-up runs it many
 * times, since V8 optimizes a function fully only after it has been called often, and
 * little garbage is left behind.
 */

const SAMPLES = 800;
/** More root children than the tree's first hash table holds (48 at 3/4 load): it grows. */
const ENTRY_FUNCTIONS = 300;
const MIDDLE_FUNCTIONS = 300;
const DEEPEST_STACK = 320;
const UNSYMBOLIZED_LOCATION = 999_999;
/** Location ids of one and two varint bytes that end in the same byte (see the samples). */
const SHORT_LEAF_ID = 3;
const LONG_LEAF_ID = 386;

/** protobuf wire writer for the few shapes a profile needs; numbers up to 2^53, bigint beyond. */
class Wire {
  private buf: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity);
  }

  private room(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  varint(value: number | bigint): this {
    this.room(10);
    let v = typeof value === 'bigint' ? value : BigInt(value);
    while (v >= 0x80n) {
      this.buf[this.length++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.length++] = Number(v);
    return this;
  }

  /** The common case, without BigInt: values below 2^31. */
  small(value: number): this {
    if (value >= 2 ** 31 || value < 0) return this.varint(value);
    this.room(5);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
    return this;
  }

  field(field: number, value: number | bigint): this {
    this.small(field << 3);
    return typeof value === 'number' ? this.small(value) : this.varint(value);
  }

  bytesField(field: number, bytes: Uint8Array): this {
    this.small((field << 3) | 2).small(bytes.length);
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Writes `inner` as a nested message (its bytes are copied: `inner` can be reused after). */
  message(field: number, inner: Wire): this {
    return this.bytesField(field, inner.buf.subarray(0, inner.length));
  }

  reset(): this {
    this.length = 0;
    return this;
  }

  string(field: number, text: string): this {
    return this.bytesField(field, utf8.encode(text));
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

const utf8 = new TextEncoder();

/** Scratch messages, reused: a fresh typed array per small message would make generation GC-bound. */
const scratch = { pair: new Wire(), ids: new Wire(), values: new Wire(), label: new Wire(), sample: new Wire(), location: new Wire(), line: new Wire() };

function pair(into: Wire, first: number, second: number): Wire {
  return into.reset().field(1, first).field(2, second);
}

/** Names in the styles of the languages pprof profiles come from: each takes its own path where names are split into packages. */
function functionName(f: number): string {
  if (f % 29 === 0) return `pkg${f % 37}.Größe·${f}`;
  if (f % 31 === 0) return `compileSourceFile${f}`;
  if (f % 37 === 0) return `v8::internal::Heap::CollectGarbage${f}`;
  if (f % 41 === 0) return `java.util.concurrent.ThreadPoolExecutor.runWorker${f}`;
  if (f % 43 === 0) return `(anonymous:${f})`;
  return `github.com/acme/service/pkg${f % 37}.(*Handler${f % 13}).Method${f}`;
}

/** Location id of function f: some ids take four varint bytes, as large binaries' do. */
function locationId(f: number): number {
  return f % 5 === 0 ? f * 4099 : f;
}

/** The uncompressed profile bytes. */
export function warmUpProfileBytes(): Uint8Array<ArrayBuffer> {
  const strings = new Map<string, number>([['', 0]]);
  const str = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) strings.set(text, (index = strings.size));
    return index;
  };
  const { ids, values, label, sample, location, line } = scratch;
  const out = new Wire(1 << 20);
  out.message(1, pair(scratch.pair, str('samples'), str('count'))).message(1, pair(scratch.pair, str('cpu'), str('nanoseconds')));

  const functions = ENTRY_FUNCTIONS + MIDDLE_FUNCTIONS;
  const path: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    // Runs of three samples share their path but for the leaf, as real stacks share most of theirs.
    const run = Math.floor(i / 3);
    const entry = 1 + ((run * 31) % ENTRY_FUNCTIONS);
    const depth = run % 60 === 59 ? DEEPEST_STACK : 3 + ((run * 7919) % 40);
    path.length = 0;
    path.push(entry);
    for (let d = 1; d < depth; d++) path.push(ENTRY_FUNCTIONS + 1 + ((entry * 7 + d * 13 + (d === depth - 1 ? run % 50 : 0)) % MIDDLE_FUNCTIONS));
    // Leaf first, as profile.proto stores them. The second and third sample of a run end in
    // ids whose last bytes are equal (3 is 0x03; 386 is 0x82 0x03): the shared byte suffix
    // then starts inside a varint, a case the tree walk must catch.
    ids.reset();
    if (i % 3 === 1) ids.small(SHORT_LEAF_ID);
    if (i % 3 === 2) ids.small(LONG_LEAF_ID);
    if (run % 50 === 0) ids.small(UNSYMBOLIZED_LOCATION);
    for (let d = path.length - 1; d >= 0; d--) ids.small(locationId(path[d]));
    values.reset().small(1).varint(i % 97 === 0 ? 5_000_000_000 : 10_000_000);
    label.reset();
    if (i % 3 === 0) label.field(1, str('thread')).field(2, str(`worker-${i % 4}`));
    else label.field(1, str('bytes')).field(3, i * 4096).field(4, str('bytes'));
    out.message(2, sample.reset().message(1, ids).message(2, values).message(3, label));
  }

  out.message(3, location.reset().field(1, 1).field(2, 0x400000).field(3, 0x7fff_ffff_f000).field(5, str('/usr/local/bin/service')).field(6, str('a1b2c3d4')));
  for (let f = 1; f <= functions; f++) {
    location.reset().field(1, locationId(f)).field(2, 1).field(3, 0x7f00_0000_0000 + f * 64);
    // Every eleventh call site has a function inlined into it: one location, two lines.
    if (f % 11 === 0) location.message(4, pair(line, 1 + (f % functions), 40));
    location.message(4, pair(line, f, 10 + (f % 300)));
    out.message(4, location);
    const name = functionName(f);
    out.message(5, location.reset().field(1, f).field(2, str(name)).field(3, str(name)).field(4, str(`/src/pkg${f % 37}/file${f % 7}.go`)).field(5, f));
  }
  out.message(4, location.reset().field(1, UNSYMBOLIZED_LOCATION).field(2, 1).field(3, 0x7f00_dead_0000));

  const defaultType = str('cpu');
  const comment = str('synthetic warm-up profile');
  const periodType = pair(scratch.pair, str('cpu'), str('nanoseconds'));
  out.field(9, 1_700_000_000_123_456_789n).field(10, 10_000_000_000).message(11, periodType).field(12, 10_000_000);
  out.message(13, ids.reset().small(comment)).field(14, defaultType);
  for (const text of strings.keys()) out.string(6, text);
  return out.finish();
}

/** The profile as a gzipped file, so the warm-up takes the inflate path too. */
export async function warmUpProfileFile(): Promise<Blob> {
  const gzipped = new Blob([warmUpProfileBytes()]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(gzipped).blob();
}
