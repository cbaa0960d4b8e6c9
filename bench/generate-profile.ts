/**
 * Deterministic generator of large, realistic pprof profiles for benchmarks and fuzz tests.
 *   npx tsx bench/generate-profile.ts --stacks 500000 --seed 1 --out /tmp/big.pb.gz
 *
 * Model: a synthetic program. A few roots (runtime.goexit, java.lang.Thread.run, (root), ...) enter a
 * ring of "mid" functions split into per-language regions. Each mid function calls a few functions a
 * little further along the ring, mostly the first (Zipf over call sites), so stacks share long
 * framework-like prefixes; a few dispatchers (routers, event loops) reach far ahead, which
 * spreads stacks over the program. Some functions call themselves or are called back by their hot
 * callee (direct / indirect recursion), some call sites are inlined (one Location, several Lines), and
 * most stacks end in a Zipf-popular leaf (memmove, runtime.mallocgc, HashMap.getNode, ...).
 * Two PRNG streams come from the seed: one builds the program, one walks it, so a different --stacks
 * keeps the same program. Every sample is a distinct stack.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { LocationInterner, PROFILE_TYPES, PprofWriter } from './pprof-writer.ts';
import type { InternedLabel } from './pprof-writer.ts';

export type ProfileKind = keyof typeof PROFILE_TYPES;

export interface GeneratorOptions {
  /** Same options and seed give byte-identical output. */
  seed: number;
  /** Number of samples; each one is a distinct stack. */
  stacks: number;
  /** Size of the function table (default stacks / 10, clamped to 1k..50k); small profiles reach only part of it. */
  functions?: number;
  /** Deepest stack in frames, inlined frames included (default 250); the last sample is exactly this deep. */
  maxDepth?: number;
  /** cpu (default): samples/count + cpu/nanoseconds. alloc: Go heap profile, four types, default inuse_space. */
  kind?: ProfileKind;
  /** Sampling period in period_type units (default 10 ms of CPU, or 512 KiB allocated). */
  period?: number;
  /** Profile start; a bigint because Unix nanoseconds exceed 2^53. */
  timeNanos?: bigint;
  /** Default: cpu profiles last as long as 16 busy cores need for their total (whole minutes, >= 60 s); alloc 60 s. */
  durationNanos?: number;
}

export const PRESET_SIZES = { small: 10_000, medium: 50_000, large: 200_000, huge: 500_000 } as const;
export type PresetName = keyof typeof PRESET_SIZES;

type Resolved = Required<GeneratorOptions>;

function resolveOptions(o: GeneratorOptions): Resolved {
  const { seed, stacks, kind = 'cpu', maxDepth = 250, timeNanos = 1_700_000_000_000_000_000n, durationNanos = 0 } = o; // 0: derive
  const functions = o.functions ?? Math.min(50_000, Math.max(1_000, Math.round(stacks / 10)));
  const r: Resolved = { seed, stacks, functions, maxDepth, kind, period: o.period ?? (kind === 'cpu' ? 10_000_000 : 512 * 1024), timeNanos, durationNanos };
  const problems = [
    !Number.isSafeInteger(r.seed) && 'seed must be an integer',
    !(Number.isInteger(r.stacks) && r.stacks >= 1) && 'stacks must be a positive integer',
    !(Number.isInteger(r.functions) && r.functions >= 64) && 'functions must be an integer >= 64',
    !(Number.isInteger(r.maxDepth) && r.maxDepth >= 4) && 'maxDepth must be an integer >= 4',
    !(Number.isInteger(r.period) && r.period >= 1 && r.period <= 1e9) && 'period must be an integer in 1..1e9', // keeps values below 2^53
    !(Number.isSafeInteger(r.durationNanos) && r.durationNanos >= 0) && 'durationNanos must be a non-negative integer',
    !(kind in PROFILE_TYPES) && `kind must be one of ${Object.keys(PROFILE_TYPES).join(', ')}`,
  ].filter(Boolean);
  if (problems.length > 0) throw new RangeError(`generateProfile: ${problems.join('; ')}`);
  return r;
}

// ---------------------------------------------------------------- randomness
type Rng = () => number;

/** mulberry32: tiny, fast and well distributed; plenty for synthetic data (not for crypto). */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Independent stream per purpose; folds in the high bits so seeds above 2^32 still differ. */
function stream(seed: number, purpose: number): Rng {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.floor(seed / 2 ** 32);
  h = Math.imul(h ^ (h >>> 13) ^ purpose, 0xc2b2ae35);
  return mulberry32(h ^ (h >>> 16));
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** Zipf(s) over ranks 0..n-1 as a cumulative table, sampled by binary search. */
function zipfTable(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return cdf.map((c) => c / sum);
}

function zipfPick(cdf: Float64Array, rng: Rng): number {
  const u = rng();
  let lo = 0, hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Callees are picked by list position: the first is the hot path. Dispatch tables (long lists) are flatter. */
const MAX_CALLS = 64;
const CALLEE_CDF = Array.from({ length: MAX_CALLS + 1 }, (_, n) => zipfTable(Math.max(n, 1), n > 8 ? 0.9 : 1.3));

/** Most stacks 20-80 frames (a bell leaning deep), a few shallow ones, a thinning tail up to maxDepth. */
function sampleDepth(rng: Rng, maxDepth: number): number {
  const u = rng();
  let d: number;
  if (u < 0.04) d = intIn(rng, 2, 19);
  else if (u < 0.8) d = 20 + Math.round(60 * ((rng() + rng() + rng()) / 3) ** 0.6);
  else d = 81 + Math.floor(Math.max(0, maxDepth - 80) * rng() ** 1.3);
  return Math.max(2, Math.min(maxDepth, d));
}

// ---------------------------------------------------------------- names
type Lang = 'go' | 'java' | 'cpp' | 'js' | 'c';
type Named = readonly [name: string, lang: Lang, file: string];

const words = (s: string) => s.split(' ');
const NOUNS = words('Cart Order Pricing Tax Invoice Session Token Cache Index Request Response Router Scheduler Worker Pool Queue Encoder Decoder Stream Channel Ledger Catalog Inventory Shipment Payment Account Metric Span Batch Buffer Parser Lexer Node Tree Graph Query Plan Table Row Snapshot Journal Segment Block Page Frame Event Listener Filter Context Config Registry Resolver Loader Module Bundle Texture Mesh');
const VERBS = words('compute handle process apply resolve encode decode flush dispatch visit walk lookup update validate serialize render merge split load store fetch commit rollback scan sort filter reduce emit schedule acquire release read write parse build invoke transform normalize checkpoint compact');
const AREAS = words('checkout catalog billing search auth inventory shipping analytics ledger gateway storage pricing');
const STD_STRING = 'std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char>>';
const CPP_ARGS = ['int', 'unsigned long', 'char const*', `${STD_STRING} const&`, 'std::__1::vector<int, std::__1::allocator<int>> const&', 'absl::Span<unsigned char const>', 'bool'];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** [name, file] in the style each language's profiler reports. */
function makeName(rng: Rng, lang: Lang): [string, string] {
  const noun = pick(rng, NOUNS), noun2 = pick(rng, NOUNS), verb = pick(rng, VERBS), area = pick(rng, AREAS);
  const lower = noun.toLowerCase();
  const u = rng();
  switch (lang) {
    case 'go': {
      const pkg = `github.com/acme/shop/internal/${area}`;
      return [u < 0.5 ? `${pkg}.(*${noun}).${cap(verb)}${u < 0.15 ? `.func${intIn(rng, 1, 4)}` : ''}` : `${pkg}.${verb}${noun}`, `/src/${pkg}/${lower}.go`];
    }
    case 'java': {
      const cls = `com.example.${area}.service.${noun}${noun2 === noun ? 'Impl' : noun2}`;
      return [u < 0.3 ? `${cls}$${noun2}Handler.lambda$${verb}$${intIn(rng, 0, 9)}` : `${cls}.${verb}${noun}`, `${noun}${noun2}.java`];
    }
    case 'cpp': {
      const args = Array.from({ length: intIn(rng, 0, 3) }, () => pick(rng, CPP_ARGS)).join(', ');
      return [u < 0.4 ? `acme::${area}::${noun}<${STD_STRING}>::${verb}(${args})` : `acme::${area}::detail::${verb}_${lower}(${args})`, `src/${area}/${lower}_${verb}.cc`];
    }
    case 'js':
      return [u < 0.7 ? `${noun}${noun2}.${verb}` : `${verb}${noun}`, `file:///app/dist/${area}/${lower}.js`];
    case 'c':
      return [`${verb}_${lower}_internal`, `./${verb}/${lower}.c`];
  }
}

const ROOTS: readonly Named[] = [
  ['runtime.goexit', 'go', '/usr/local/go/src/runtime/asm_amd64.s'], ['java.lang.Thread.run', 'java', 'Thread.java'],
  ['start_thread', 'c', './nptl/pthread_create.c'], ['(root)', 'js', ''], ['main', 'cpp', 'src/main.cc'],
  ['runtime.main', 'go', '/usr/local/go/src/runtime/proc.go'],
];
/** The hottest leaves, Zipf rank 0 first; the rest of the leaf pool gets generated names. */
const HOT_LEAVES: readonly Named[] = [
  ['__memmove_avx_unaligned_erms', 'c', './string/memmove-vec-unaligned-erms.S'], ['runtime.mallocgc', 'go', '/usr/local/go/src/runtime/malloc.go'],
  ['java.util.HashMap.getNode', 'java', 'HashMap.java'], [`${STD_STRING}::append(char const*, unsigned long)`, 'cpp', 'include/c++/v1/string'],
  ['runtime.mapaccess2_faststr', 'go', '/usr/local/go/src/runtime/map_faststr.go'], ['JSON.parse', 'js', 'node:internal/json'],
  ['syscall.Syscall6', 'go', '/usr/local/go/src/syscall/syscall_linux.go'], ['__GI___libc_write', 'c', './io/write.c'],
  ['epoll_wait', 'c', './sysdeps/unix/sysv/linux/epoll_wait.c'], ['java.lang.String.hashCode', 'java', 'String.java'],
  ['v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags)', 'cpp', 'src/heap/heap.cc'],
  ['compress/flate.(*compressor).deflate', 'go', '/usr/local/go/src/compress/flate/deflate.go'], ['__strlen_avx2', 'c', './string/strlen-avx2.S'],
];
const MID_LANGS: readonly Lang[] = ['go', 'java', 'cpp', 'js'];
/** One mapping per language (the main binary, shared libraries, the JVM, node); ids 1..5. */
const MAPPING_FILES: Record<Lang, string> = {
  go: '/usr/local/bin/shop-server', cpp: '/usr/local/lib/libacme_core.so', java: '/usr/lib/jvm/java-17-openjdk/lib/server/libjvm.so',
  js: '/usr/local/bin/node', c: '/usr/lib/x86_64-linux-gnu/libc.so.6',
};
const MAPPED_LANGS = Object.keys(MAPPING_FILES);
const mappingId = (lang: string) => MAPPED_LANGS.indexOf(lang) + 1;
const mappingStart = (id: number) => 0x400000 + (id - 1) * 0x10000000;

// ---------------------------------------------------------------- the synthetic program
interface Fn { name: string; file: string; lang: Lang; startLine: number }
/** Edge ids of f's calls are edges[start[f] .. start[f + 1]), in preference order. */
interface Adjacency { start: Int32Array; edges: Int32Array }

interface Program {
  fns: Fn[];
  /** EDGE ints per call edge: caller, callee, call-site line, inlined (0/1). Typed: walk() reads it ~40M times. */
  edges: Int32Array;
  edgeCount: number;
  calls: Adjacency;
  leafCalls: Adjacency;
}
const EDGE = 4, CALLEE = 1, LINE = 2, INLINED = 3;

/** Function index layout: roots, then the leaf pool (index order = Zipf rank), then the mid ring in 4 language regions. */
function layout(n: number) {
  const midStart = ROOTS.length + Math.max(HOT_LEAVES.length, Math.round(n * 0.15));
  const midCount = n - midStart;
  return {
    leafCount: midStart - ROOTS.length,
    midStart,
    dispatchSpan: Math.max(64, Math.floor(midCount / 8)),
    ring: (i: number) => midStart + ((i - midStart) % midCount),
    regionStart: (r: number) => midStart + Math.floor((r * midCount) / MID_LANGS.length),
    regionOf: (f: number) => Math.floor(((f - midStart) * MID_LANGS.length) / midCount),
  };
}
type Layout = ReturnType<typeof layout>;

function makeFunctions(rng: Rng, n: number, l: Layout): Fn[] {
  const seen = new Set<string>();
  return Array.from({ length: n }, (_, f) => {
    const fixed: Named | undefined = ROOTS[f] ?? HOT_LEAVES[f - ROOTS.length];
    const lang = fixed?.[1] ?? (f < l.midStart ? pick(rng, MID_LANGS.concat('c')) : MID_LANGS[l.regionOf(f)]);
    const [name, file] = fixed ? [fixed[0], fixed[2]] : makeName(rng, lang);
    const unique = seen.has(name) ? `${name} [${f}]` : name; // so "distinct functions" means what it says
    seen.add(unique);
    return { name: unique, file, lang, startLine: intIn(rng, 10, 3000) };
  });
}

function adjacency(lists: number[][]): Adjacency {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (start[i + 1] = start[i] + list.length));
  return { start, edges: Int32Array.from(lists.flat()) };
}

/** Where f's calls go: roots enter their language's region; mid functions step a little ahead, dispatchers far ahead. */
function callTargets(rng: Rng, l: Layout, f: number, lang: Lang): number[] {
  const targets = new Set<number>();
  if (f < ROOTS.length) {
    const regionStart = l.regionStart(MID_LANGS.indexOf(lang === 'c' ? 'cpp' : lang)); // start_thread runs native code
    for (let k = intIn(rng, 2, 5); k > 0; k--) targets.add(l.ring(regionStart + Math.floor((rng() * l.dispatchSpan) / 2)));
  } else if (f >= l.midStart) {
    const u = rng();
    const fanout = u < 0.4 ? 1 : u < 0.65 ? 2 : u < 0.8 ? 3 : intIn(rng, 4, 6);
    while (targets.size < fanout) targets.add(l.ring(f + 1 + Math.floor(rng() ** 2 * 12)));
    // Dispatchers (routers, event loops) reach far ahead: this spreads stacks over the program without cycles.
    if (rng() < 0.02) for (let k = intIn(rng, 16, 48); k > 0; k--) targets.add(l.ring(f + 1 + Math.floor(rng() * l.dispatchSpan)));
  }
  return [...targets];
}

function buildProgram(o: Resolved): Program {
  const rng = stream(o.seed, 1);
  const l = layout(o.functions);
  const fns = makeFunctions(rng, o.functions, l);
  const edges: number[] = [];
  const edge = (caller: number, callee: number, inlineProb: number) => {
    edges.push(caller, callee, fns[caller].startLine + intIn(rng, 1, 80), rng() < inlineProb ? 1 : 0);
    return edges.length / EDGE - 1;
  };
  const leafCdf = zipfTable(l.leafCount, 1.1);
  const leafFor = (lang: Lang) => {
    let leaf = ROOTS.length + zipfPick(leafCdf, rng);
    for (let i = 0; i < 3 && fns[leaf].lang !== lang && fns[leaf].lang !== 'c'; i++) leaf = ROOTS.length + zipfPick(leafCdf, rng);
    return leaf; // prefer same-language leaves, but libc is everyone's
  };
  const calls: number[][] = [], leafCalls: number[][] = [];
  fns.forEach((fn, f) => {
    const list = callTargets(rng, l, f, fn.lang).map((t) => edge(f, t, f < ROOTS.length ? 0 : 0.06));
    if (f >= l.midStart && rng() < 0.02) list.push(edge(f, f, 0)); // direct recursion: tree walkers, parsers
    calls.push(list);
    leafCalls.push(f < l.midStart ? [] : Array.from({ length: intIn(rng, 1, 3) }, () => edge(f, leafFor(fn.lang), 0.15)));
  });
  // Indirect recursion: the hot callee g of some f calls back into f (visit -> visitChildren -> visit).
  for (let f = l.midStart; f < o.functions; f++) {
    const g = edges[calls[f][0] * EDGE + CALLEE];
    if (rng() < 0.015 && g !== f && calls[g].length < MAX_CALLS) calls[g].push(edge(g, f, 0));
  }
  return { fns, edges: Int32Array.from(edges), edgeCount: edges.length / EDGE, calls: adjacency(calls), leafCalls: adjacency(leafCalls) };
}

// ---------------------------------------------------------------- stacks
const LEAF_SITES = 3; // distinct self-time lines per function

/*
 * A frame is stored as a "code": an edge id (this frame calls the next one from that line) or, for
 * the last frame, edgeCount + f * LEAF_SITES + k (self time at one of f's own lines). A Location is
 * one code, or a run of codes when calls were inlined.
 */
const codeFunction = (p: Program, code: number) => (code < p.edgeCount ? p.edges[code * EDGE] : Math.floor((code - p.edgeCount) / LEAF_SITES));
const codeLine = (p: Program, code: number) =>
  code < p.edgeCount ? p.edges[code * EDGE + LINE] : p.fns[codeFunction(p, code)].startLine + 2 + ((code - p.edgeCount) % LEAF_SITES) * 7;
const ROOT_CDF = zipfTable(ROOTS.length, 1);

/** Random walk from a root: frames[0..depth) root first; inlined[i] = 1 when frame i was inlined into frame i-1. */
function walk(p: Program, rng: Rng, depth: number, frames: Int32Array, inlined: Uint8Array): void {
  let f = zipfPick(ROOT_CDF, rng);
  inlined[0] = 0;
  for (let i = 0; i < depth - 1; i++) {
    const toLeaf = i === depth - 2 && p.leafCalls.start[f + 1] > p.leafCalls.start[f] && rng() < 0.8;
    const { start, edges } = toLeaf ? p.leafCalls : p.calls;
    const count = start[f + 1] - start[f];
    const edge = edges[start[f] + (count > 1 ? zipfPick(CALLEE_CDF[count], rng) : 0)];
    frames[i] = edge;
    inlined[i + 1] = p.edges[edge * EDGE + INLINED];
    f = p.edges[edge * EDGE + CALLEE];
  }
  frames[depth - 1] = p.edgeCount + f * LEAF_SITES + zipfPick(CALLEE_CDF[LEAF_SITES], rng);
}

/** 53-bit hash of a frame sequence, only used to reject duplicate stacks. */
function stackHash(frames: Int32Array, depth: number): number {
  let a = 0x811c9dc5, b = depth;
  for (let i = 0; i < depth; i++) {
    a = Math.imul(a ^ frames[i], 0x01000193);
    b = Math.imul(b ^ frames[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/** Fills out with the stack's location ids, leaf first (a run of inlined frames is one location); returns the count. */
function toLocations(locations: LocationInterner, frames: Int32Array, inlined: Uint8Array, depth: number, out: Int32Array): number {
  let n = 0;
  for (let outer = depth - 1; outer >= 0; outer--) {
    const inner = outer;
    while (inlined[outer]) outer--; // this frame was inlined into its caller: same location
    out[n++] = locations.intern(frames, outer, inner);
  }
  return n;
}

// ---------------------------------------------------------------- samples
/** Pareto-distributed weights. Sample 0 is pushed past 2^31 in its period-scaled values, so every profile exercises int64. */
function sampleValues(o: Resolved, rng: Rng, index: number, leaf: number, out: number[]): void {
  let count = Math.min(1_000_000, Math.floor(1 / (1 - rng()) ** 0.75));
  if (index === 0) count = 2 * Math.ceil(2 ** 31 / o.period) + intIn(rng, 1, 100); // alloc's 0.5x jitter stays above too
  if (o.kind === 'cpu') {
    out.splice(0, 2, count, count * o.period);
    return;
  }
  const size = 2 ** (3 + ((leaf * 7919) % 13)); // object size is a property of the allocation site
  const objects = Math.max(1, Math.round((count * o.period * (0.5 + rng())) / size));
  const inuse = Math.floor(objects * rng() * 0.6);
  out.splice(0, 4, objects, objects * size, inuse, inuse * size);
}

/** A few labels: pprof labels on ~8% (http.route), a numeric thread id on ~4%, object size on ~8% of alloc samples. */
function labeler(w: PprofWriter, o: Resolved): (rng: Rng, values: number[]) => InternedLabel[] {
  const routes = ['/api/cart', '/api/checkout', '/api/search', '/healthz', '/api/orders/:id'].map((r) => [{ key: w.str('http.route'), str: w.str(r) }]);
  const thread = w.str('thread_id'), bytes = w.str('bytes');
  return (rng, values) => {
    const u = rng();
    if (u < 0.08) return routes[Math.floor(u * 100) % routes.length];
    if (u < 0.12) return [{ key: thread, num: 1000 + Math.floor(rng() * 64) }];
    if (u < 0.2 && o.kind === 'alloc') return [{ key: bytes, num: values[1] / values[0], numUnit: bytes }];
    return [];
  };
}

/** Raw (uncompressed) profile.proto bytes; pure and deterministic in its options. */
export function generateProfile(options: GeneratorOptions): Uint8Array<ArrayBuffer> {
  const o = resolveOptions(options);
  const p = buildProgram(o);
  const rng = stream(o.seed, 2);
  const w = new PprofWriter(Math.max(1 << 20, o.stacks * 256));
  const types = PROFILE_TYPES[o.kind];
  w.sampleTypes(types.sampleTypes);
  const labelsFor = labeler(w, o);
  const locations = new LocationInterner(p.edgeCount + p.fns.length * LEAF_SITES);
  const frames = new Int32Array(o.maxDepth), inlined = new Uint8Array(o.maxDepth), locationIds = new Int32Array(o.maxDepth);
  const values = types.sampleTypes.map(() => 0);
  const seen = new Set<number>();
  let total = 0; // of the last sample type, cpu/nanoseconds for cpu profiles
  for (let s = 0, retries = 0; s < o.stacks; s++) {
    const depth = s === o.stacks - 1 ? o.maxDepth : sampleDepth(rng, o.maxDepth);
    walk(p, rng, depth, frames, inlined);
    const hash = stackHash(frames, depth);
    if (seen.has(hash)) {
      if (++retries > 1000 + 4 * o.stacks) throw new Error(`generateProfile: cannot find ${o.stacks} distinct stacks; raise functions`);
      s--;
      continue;
    }
    seen.add(hash);
    const n = toLocations(locations, frames, inlined, depth, locationIds);
    sampleValues(o, rng, s, codeFunction(p, frames[depth - 1]), values);
    total += values[values.length - 1];
    w.sample(locationIds, n, values, labelsFor(rng, values));
  }
  writeTables(w, p, locations);
  const comment = `flamelens synthetic profile: seed=${o.seed} stacks=${o.stacks} functions=${o.functions} maxDepth=${o.maxDepth}`;
  const minutes = o.kind === 'cpu' ? Math.max(1, Math.ceil(total / 16 / 60e9)) : 1;
  return w.finish({ ...types, period: o.period, timeNanos: o.timeNanos, durationNanos: o.durationNanos || minutes * 60e9, comments: [comment] });
}

function writeTables(w: PprofWriter, p: Program, locations: LocationInterner): void {
  for (const [lang, filename] of Object.entries(MAPPING_FILES)) {
    const id = mappingId(lang);
    const buildId = [1, 2, 3, 4, 5].map((k) => (Math.imul(id * 8 + k, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0')).join('');
    w.mapping({ id, memoryStart: mappingStart(id), memoryLimit: mappingStart(id) + 0x10000000, filename, buildId });
  }
  const nextOffset = new Map<number, number>();
  const lines: number[] = [];
  locations.keys.forEach((codes, i) => {
    lines.length = 0;
    for (const code of codes) lines.push(codeFunction(p, code) + 1, codeLine(p, code));
    const mapping = mappingId(p.fns[codeFunction(p, codes[0])].lang);
    const offset = nextOffset.get(mapping) ?? 0x1000;
    nextOffset.set(mapping, offset + 0x18 + (i % 5) * 4); // unique, plausibly spaced return addresses
    w.location(i + 1, mapping, mappingStart(mapping) + offset, lines, codes.length);
  });
  p.fns.forEach((fn, f) => w.function({ id: f + 1, name: fn.name, systemName: fn.name, filename: fn.file, startLine: fn.startLine }));
}

// ---------------------------------------------------------------- CLI
/** Writes the profile, gzipped (as pprof tools usually expect) when the path ends in .gz; returns bytes written. */
export function writeProfile(path: string, bytes: Uint8Array): number {
  const data = path.endsWith('.gz') ? gzipSync(bytes) : bytes;
  writeFileSync(path, data);
  return data.length;
}

const FLAGS = ['out', 'stacks', 'preset', 'seed', 'functions', 'max-depth', 'kind', 'period', 'time-nanos', 'duration-nanos'] as const;
const USAGE = `usage: npx tsx bench/generate-profile.ts --out FILE[.gz] (--stacks N | --preset ${Object.keys(PRESET_SIZES).join('|')})
  [--seed N (1)] [--functions N] [--max-depth N] [--kind ${Object.keys(PROFILE_TYPES).join('|')}] [--period N] [--time-nanos N] [--duration-nanos N]`;

function main(argv: string[]): void {
  const { values: a } = parseArgs({ args: argv, options: Object.fromEntries(FLAGS.map((f) => [f, { type: 'string' }])) as Record<(typeof FLAGS)[number], { type: 'string' }> });
  const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const stacks = num(a.stacks) ?? (a.preset === undefined ? undefined : PRESET_SIZES[a.preset as PresetName]);
  if (a.out === undefined || stacks === undefined) throw new Error(USAGE);
  const started = performance.now();
  const bytes = generateProfile({
    seed: num(a.seed) ?? 1, stacks, functions: num(a.functions), maxDepth: num(a['max-depth']), kind: a.kind as ProfileKind | undefined,
    period: num(a.period), timeNanos: a['time-nanos'] === undefined ? undefined : BigInt(a['time-nanos']), durationNanos: num(a['duration-nanos']),
  });
  const generated = performance.now();
  const written = writeProfile(a.out, bytes);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`, s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`${a.out}: ${stacks} stacks, raw ${mb(bytes.length)}, written ${mb(written)}; generate ${s(generated - started)}, write ${s(performance.now() - generated)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e); // usage and option errors: no stack trace needed
    process.exitCode = 1;
  }
}
