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
import { ProtoWriter, WireType } from '../sources/pyroscope/protowire.ts';

const SAMPLES = 800;
/** More root children than the tree's first hash table holds (48 at 3/4 load): it grows. */
const ENTRY_FUNCTIONS = 300;
const MIDDLE_FUNCTIONS = 300;
const DEEPEST_STACK = 320;
const UNSYMBOLIZED_LOCATION = 999_999;
/** Location ids of one and two varint bytes that end in the same byte (see the samples). */
const SHORT_LEAF_ID = 3;
const LONG_LEAF_ID = 386;

/** Scratch messages, reused: a fresh writer per small message would make generation GC-bound. */
const scratch = { pair: new ProtoWriter(), ids: new ProtoWriter(), values: new ProtoWriter(), label: new ProtoWriter(), sample: new ProtoWriter(), location: new ProtoWriter(), line: new ProtoWriter() };

function pair(into: ProtoWriter, first: number, second: number): ProtoWriter {
  return into.reset().varintField(1, first).varintField(2, second);
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
  const out = new ProtoWriter();
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
    if (i % 3 === 1) ids.varint(SHORT_LEAF_ID);
    if (i % 3 === 2) ids.varint(LONG_LEAF_ID);
    if (run % 50 === 0) ids.varint(UNSYMBOLIZED_LOCATION);
    for (let d = path.length - 1; d >= 0; d--) ids.varint(locationId(path[d]));
    values.reset().varint(1).varint(i % 97 === 0 ? 5_000_000_000 : 10_000_000);
    label.reset();
    if (i % 3 === 0) label.varintField(1, str('thread')).varintField(2, str(`worker-${i % 4}`));
    else label.varintField(1, str('bytes')).varintField(3, i * 4096).varintField(4, str('bytes'));
    out.message(2, sample.reset().message(1, ids).message(2, values).message(3, label));
  }

  out.message(3, location.reset().varintField(1, 1).varintField(2, 0x400000).varintField(3, 0x7fff_ffff_f000).varintField(5, str('/usr/local/bin/service')).varintField(6, str('a1b2c3d4')));
  for (let f = 1; f <= functions; f++) {
    location.reset().varintField(1, locationId(f)).varintField(2, 1).varintField(3, 0x7f00_0000_0000 + f * 64);
    // Every eleventh call site has a function inlined into it: one location, two lines.
    if (f % 11 === 0) location.message(4, pair(line, 1 + (f % functions), 40));
    location.message(4, pair(line, f, 10 + (f % 300)));
    out.message(4, location);
    const name = functionName(f);
    out.message(5, location.reset().varintField(1, f).varintField(2, str(name)).varintField(3, str(name)).varintField(4, str(`/src/pkg${f % 37}/file${f % 7}.go`)).varintField(5, f));
  }
  out.message(4, location.reset().varintField(1, UNSYMBOLIZED_LOCATION).varintField(2, 1).varintField(3, 0x7f00_dead_0000));

  const defaultType = str('cpu');
  const comment = str('synthetic warm-up profile');
  const periodType = pair(scratch.pair, str('cpu'), str('nanoseconds'));
  out.varintField(9, 1_700_000_000_123_456_789n).varintField(10, 10_000_000_000).message(11, periodType).varintField(12, 10_000_000);
  out.message(13, ids.reset().varint(comment)).varintField(14, defaultType);
  for (const text of strings.keys()) out.tag(6, WireType.lengthDelimited).string(text);
  return out.finish();
}

/** The profile as a gzipped file, so the warm-up takes the inflate path too. */
export async function warmUpProfileFile(): Promise<Blob> {
  const gzipped = new Blob([warmUpProfileBytes()]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(gzipped).blob();
}
