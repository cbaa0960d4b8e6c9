/**
 * Node figures: gunzip, decode (MB/s of raw pprof) and call-tree build, through the app's
 * own pipeline (`decodePprof` -> `buildCallTree`), for the shared real profile and for
 * generated ones of growing size, so a cost that grows faster than the input shows up as a
 * growing cost per byte. pprof-format's decoder is timed on the same bytes for reference.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { Profile as PprofFormatProfile } from 'pprof-format';
import { buildCallTree } from '../src/profile/calltree.ts';
import type { Profile } from '../src/profile/model.ts';
import { decodePprof } from '../src/profile/decode.ts';
import { PRESET_SIZES } from './generate-profile.ts';
import type { PresetName } from './generate-profile.ts';
import { forgetGenerated, generatedProfile, sharedLargeProfile } from './inputs.ts';
import { log } from './log.ts';
import { fmtInt, fmtMB, fmtMs, fmtRatio, fmtRate, passOrMiss, rateMBs } from './report.ts';
import type { Row } from './report.ts';
import { summarize } from './stats.ts';
import type { Summary } from './stats.ts';

const DECODE_TARGET_MBS = 100;
/** Our reading of "grows linearly": cost per raw byte of the largest input within 1.5x of the smallest's. */
const LINEAR_TOLERANCE = 1.5;

/** A full GC before each timed phase, so no phase pays for the garbage of the one before. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Plan {
  warmups: number;
  runs: number;
  /** stop adding runs once this much time has gone by (at least one measured run) */
  budgetMs: number;
}

export interface PipelineResult {
  /** short name: node-tsc-large, small, medium... */
  name: string;
  label: string;
  gzBytes: number;
  rawBytes: number;
  /** pprof samples (the generator makes every sample a distinct stack) */
  samples: number;
  /** rows of the decoded stack table: distinct (prefix, location) pairs */
  /** location references read from the samples' stacks */
  locationRefs: number;
  nodes: number;
  gunzipMs: Summary;
  decodeMs: Summary;
  treeMs: Summary;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  gc();
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

/** Repeats `fn` per the plan; warm-ups let the JIT settle and are not recorded. */
function repeat(plan: Plan, fn: (record: boolean) => void): void {
  const started = performance.now();
  for (let i = 0; i < plan.warmups + plan.runs; i++) {
    const measured = i - plan.warmups;
    if (measured >= 1 && performance.now() - started > plan.budgetMs) break;
    fn(measured >= 0);
  }
}

export function measurePipeline(name: string, label: string, gz: Uint8Array, plan: Plan): PipelineResult {
  const gunzip: number[] = [];
  const decode: number[] = [];
  const tree: number[] = [];
  let rawBytes = 0;
  let samples = 0;
  let locationRefs = 0;
  let nodes = 0;
  repeat(plan, (record) => {
    const raw = timed(() => gunzipSync(gz));
    const profile = timed(() => decodePprof(raw.value));
    const built = timed(() => buildCallTree({ groups: [[profile.value]], groupBy: 'function' }));
    rawBytes = raw.value.length;
    samples = profile.value.sampleCount;
    locationRefs = countLocationRefs(profile.value);
    nodes = built.value.nodeCount;
    if (!record) return;
    gunzip.push(raw.ms);
    decode.push(profile.ms);
    tree.push(built.ms);
  });
  return { name, label, gzBytes: gz.length, rawBytes, samples, locationRefs, nodes, gunzipMs: summarize(gunzip), decodeMs: summarize(decode), treeMs: summarize(tree) };
}

function measurePprofFormat(raw: Uint8Array, plan: Plan): Summary {
  const times: number[] = [];
  repeat(plan, (record) => {
    const { ms } = timed(() => PprofFormatProfile.decode(raw));
    if (record) times.push(ms);
  });
  return summarize(times);
}

const spread = (s: Summary) => `median of ${s.n}, p95 ${fmtMs(s.p95)}`;

function decodeRow(r: PipelineResult, note: string): Row {
  const mbs = rateMBs(r.rawBytes, r.decodeMs.median);
  return {
    section: 'node: decode and call tree (app pipeline)',
    figure: `decode rate, ${r.label}`,
    value: `${fmtRate(r.rawBytes, r.decodeMs.median)} (${fmtMs(r.decodeMs.median)})`,
    target: `≥ ${DECODE_TARGET_MBS} MB/s`,
    status: passOrMiss(mbs >= DECODE_TARGET_MBS),
    note: `${fmtInt(r.samples)} samples, ${fmtMB(r.gzBytes)} gzipped; ${spread(r.decodeMs)}${note}`,
    data: { mbPerS: mbs, rawBytes: r.rawBytes, gzBytes: r.gzBytes, samples: r.samples, decodeMs: r.decodeMs, gunzipMs: r.gunzipMs },
  };
}

function treeRow(r: PipelineResult): Row {
  return {
    section: 'node: decode and call tree (app pipeline)',
    figure: `call-tree build, ${r.label}`,
    value: fmtMs(r.treeMs.median),
    status: 'INFO',
    note: `${fmtInt(r.nodes)} nodes from ${fmtInt(r.locationRefs)} location references; ${spread(r.treeMs)}`,
    data: { treeMs: r.treeMs, nodes: r.nodes, locationRefs: r.locationRefs },
  };
}

/** ns per raw byte for decode + tree: flat when cost grows linearly with the input. */
const nsPerByte = (r: PipelineResult) => ((r.decodeMs.median + r.treeMs.median) * 1e6) / r.rawBytes;

function scalingRow(results: PipelineResult[]): Row {
  const first = results[0];
  const last = results[results.length - 1];
  const growth = nsPerByte(last) / nsPerByte(first);
  return {
    section: 'node: decode and call tree (app pipeline)',
    figure: `cost per raw byte, decode + tree, ${results.map((r) => r.name).join(' → ')}`,
    value: `${results.map((r) => nsPerByte(r).toFixed(0)).join(' → ')} ns/B`,
    target: `flat (≤ ${LINEAR_TOLERANCE}x growth)`,
    status: results.length < 2 ? 'SKIP' : passOrMiss(growth <= LINEAR_TOLERANCE),
    note: `${fmtRatio(growth)} from ${fmtMB(first.rawBytes)} to ${fmtMB(last.rawBytes)} raw`,
    data: { nsPerByte: results.map((r) => ({ label: r.label, rawBytes: r.rawBytes, nsPerByte: nsPerByte(r) })), growth },
  };
}

export interface NodeSection {
  rows: Row[];
  shared: PipelineResult;
  generated: PipelineResult[];
}

export function runNodeSection(quick: boolean): NodeSection {
  const rows: Row[] = [];
  const gz = sharedLargeProfile();
  log('node: node-tsc-large through gunzip -> decodePprof -> buildCallTree');
  const plan = quick ? { warmups: 1, runs: 5, budgetMs: 15_000 } : { warmups: 2, runs: 9, budgetMs: 30_000 };
  const measured = measurePipeline('node-tsc-large', 'node-tsc-large', gz, plan);
  const shared = { ...measured, label: `node-tsc-large (${fmtMB(measured.rawBytes)})` };
  rows.push({
    section: 'node: decode and call tree (app pipeline)',
    figure: `gunzip (node:zlib), node-tsc-large`,
    value: fmtMs(shared.gunzipMs.median),
    status: 'INFO',
    note: `${fmtMB(shared.gzBytes)} -> ${fmtMB(shared.rawBytes)}; ${spread(shared.gunzipMs)}`,
    data: { gunzipMs: shared.gunzipMs },
  });
  rows.push(decodeRow(shared, ''), treeRow(shared));

  log('node: pprof-format Profile.decode on the same bytes (reference)');
  const raw = gunzipSync(gz);
  const reference = measurePprofFormat(raw, quick ? { warmups: 1, runs: 3, budgetMs: 10_000 } : { warmups: 1, runs: 5, budgetMs: 20_000 });
  rows.push({
    section: 'node: decode and call tree (app pipeline)',
    figure: 'pprof-format Profile.decode, node-tsc-large (reference)',
    value: `${fmtRate(raw.length, reference.median)} (${fmtMs(reference.median)})`,
    status: 'INFO',
    note: `decodePprof is ${fmtRatio(reference.median / shared.decodeMs.median)} faster; ${spread(reference)}`,
    data: { mbPerS: rateMBs(raw.length, reference.median), ms: reference },
  });

  const generated = measureGenerated(quick, rows);
  if (generated.length > 0) rows.push(scalingRow(generated));
  return { rows, shared, generated };
}

function measureGenerated(quick: boolean, rows: Row[]): PipelineResult[] {
  // Budgets keep a full run near 10 minutes while the pipeline is slow; a size whose one run
  // is projected (linearly from the previous size) past its budget is skipped, and says so.
  const plans: [PresetName, Plan][] = quick
    ? [
        ['small', { warmups: 1, runs: 5, budgetMs: 15_000 }],
        ['medium', { warmups: 0, runs: 3, budgetMs: 20_000 }],
      ]
    : [
        ['small', { warmups: 2, runs: 7, budgetMs: 30_000 }],
        ['medium', { warmups: 1, runs: 5, budgetMs: 45_000 }],
        ['large', { warmups: 0, runs: 3, budgetMs: 60_000 }],
        ['huge', { warmups: 0, runs: 2, budgetMs: 60_000 }],
      ];
  const results: PipelineResult[] = [];
  for (const [preset, plan] of plans) {
    const stacks = PRESET_SIZES[preset];
    const previous = results[results.length - 1];
    const perRunMs = (r: PipelineResult) => r.gunzipMs.median + r.decodeMs.median + r.treeMs.median;
    const projected = previous ? (perRunMs(previous) * stacks) / previous.samples : 0;
    if (projected > plan.budgetMs) {
      rows.push({
        section: 'node: decode and call tree (app pipeline)',
        figure: `decode rate, generated ${preset} (${fmtInt(stacks / 1000)}k samples)`,
        value: '—',
        target: `≥ ${DECODE_TARGET_MBS} MB/s`,
        status: 'SKIP',
        note: `one run projected at ${fmtMs(projected)}, over this size's ${fmtMs(plan.budgetMs)} budget`,
        data: { projectedMs: projected },
      });
      continue;
    }
    const input = generatedProfile(preset);
    log(`node: generated ${preset} (${fmtInt(stacks)} stacks) through the pipeline`);
    const result = measurePipeline(preset, `generated ${preset} (${fmtMB(input.raw.length)})`, input.gz, plan);
    // The browser section makes its own file: nothing needs this one again.
    forgetGenerated(preset);
    results.push(result);
    rows.push(decodeRow(result, `; gunzip ${fmtMs(result.gunzipMs.median)}`), treeRow(result));
  }
  return results;
}

/** Location references in all stacks: each is one terminating varint byte. */
function countLocationRefs(profile: Profile): number {
  let refs = 0;
  for (let s = 0; s < profile.sampleCount; s++) {
    for (let i = profile.stackStart[s]; i < profile.stackEnd[s]; i++) if (profile.stackBytes[i] < 0x80) refs++;
  }
  return refs;
}
