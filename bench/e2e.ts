/**
 * End-to-end load of node-tsc-large, Flamelens vs speedscope in the same browser: fresh
 * context per run, the two tools alternated (ABBA order, so drift on the shared machine
 * hits both alike), median of the runs, their ratio; plus the JS heap after load and the
 * longest main-thread task during the load, for both.
 */
import type { Browser } from 'playwright';
import { SHARED_LARGE_PROFILE } from './inputs.ts';
import { measureLoad } from './load.ts';
import type { LoadRun } from './load.ts';
import { log } from './log.ts';
import { fmtInt, fmtMB, fmtMs, fmtRatio, passOrMiss } from './report.ts';
import type { Row } from './report.ts';
import { median, summarize } from './stats.ts';
import type { Tool } from './tools.ts';

const SPEEDUP_TARGET = 10;
const HEAP_TARGET = 1 / 4;
const LONG_TASK_TARGET_MS = 100;
const SECTION = 'browser: load node-tsc-large, Flamelens vs speedscope';

export interface E2eResult {
  rows: Row[];
  runs: LoadRun[];
}

export async function runE2e(browser: Browser, app: Tool, speedscope: Tool, quick: boolean): Promise<E2eResult> {
  const warmups = quick ? 0 : 1;
  const runs = quick ? 3 : 5;
  const measured: LoadRun[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const order = i % 2 === 0 ? [app, speedscope] : [speedscope, app];
    for (const tool of order) {
      const run = await measureLoad(browser, tool, SHARED_LARGE_PROFILE, { timeoutMs: 180_000, heap: true });
      const kind = i < warmups ? 'warm-up' : `run ${i - warmups + 1}/${runs}`;
      log(`load ${kind}: ${tool.name} ${fmtMs(run.ms)}`);
      if (i >= warmups) measured.push(run);
    }
  }
  const ours = measured.filter((r) => r.tool === 'flamelens');
  const theirs = measured.filter((r) => r.tool === 'speedscope');
  // Each iteration's two loads ran back to back: their ratio is less exposed to drift on the shared machine.
  const paired: number[] = [];
  for (let i = 0; i + 1 < measured.length; i += 2) {
    const [x, y] = [measured[i], measured[i + 1]];
    paired.push((x.tool === 'speedscope' ? x.ms : y.ms) / (x.tool === 'flamelens' ? x.ms : y.ms));
  }
  return { rows: [...loadRows(ours, theirs, paired), ...phaseRows(ours), ...workerRows(ours), ...heapRows(ours, theirs), ...longTaskRows(ours, theirs)], runs: measured };
}

function loadRows(ours: LoadRun[], theirs: LoadRun[], paired: number[]): Row[] {
  const a = summarize(ours.map((r) => r.ms));
  const b = summarize(theirs.map((r) => r.ms));
  const speedup = b.median / a.median;
  const range = (s: typeof a) => `median of ${s.n}, min ${fmtMs(s.min)}, max ${fmtMs(s.max)}`;
  return [
    { section: SECTION, figure: 'file chosen -> painted + 2 frames, Flamelens', value: fmtMs(a.median), status: 'INFO', note: range(a), data: { ms: a } },
    {
      section: SECTION,
      figure: 'file chosen -> painted + 2 frames, speedscope',
      value: fmtMs(b.median),
      status: 'INFO',
      // Its first draw call starts the chart; the same frame goes on building vertex buffers and
      // the row atlas for seconds, so the chart is on screen only when the 2 frames have run.
      note: `${range(b)}; first WebGL draw with the chart view mounted at ${fmtMs(median(theirs.map((r) => r.paintedMs)))}`,
      data: { ms: b, paintedMs: summarize(theirs.map((r) => r.paintedMs)) },
    },
    {
      section: SECTION,
      figure: 'end-to-end speed-up over speedscope (ratio of medians)',
      value: fmtRatio(speedup),
      target: `≥ ${SPEEDUP_TARGET}x`,
      status: passOrMiss(speedup >= SPEEDUP_TARGET),
      note: `back-to-back pairs: median ${fmtRatio(median(paired))}, range ${fmtRatio(Math.min(...paired))}-${fmtRatio(Math.max(...paired))}`,
      data: { speedup, pairedRatios: paired },
    },
  ];
}

/** Where Flamelens's load time goes, from its own performance marks (medians, ms after t0). */
function phaseRows(ours: LoadRun[]): Row[] {
  const phases: [string, string, string][] = [
    ['', 'flamelens:load-start', 'file read into memory (main thread; includes the input event)'],
    ['flamelens:load-start', 'flamelens:decoded', 'inflate + decode (worker), summaries back'],
    ['flamelens:decoded', 'flamelens:tree-main', 'call tree (worker), transferred back'],
    ['flamelens:tree-main', 'flamelens:painted', 'main thread: state, layout, first paint'],
    ['flamelens:painted', '', 'then ready attribute + 2 frames'],
    ['flamelens:painted', 'flamelens:table', 'not in the load time: the function table, rendered after the graph'],
  ];
  const short = (mark: string) => mark.replace('flamelens:', '');
  const at = (run: LoadRun, mark: string) => (mark === '' ? 0 : (run.marks[mark] ?? Number.NaN));
  return phases.map(([from, to, what]) => {
    const spans = ours.map((r) => (to === '' ? r.ms : at(r, to)) - at(r, from));
    const ok = spans.every(Number.isFinite);
    return {
      section: SECTION,
      figure: `  Flamelens phase: ${short(from) || 't0'} -> ${short(to) || 'ready + 2 frames'}`,
      value: ok ? fmtMs(median(spans)) : '—',
      status: ok ? 'INFO' : 'ERROR',
      note: ok ? what : `mark missing: ${what}`,
      data: { ms: ok ? summarize(spans) : null },
    } satisfies Row;
  });
}

/** The worker's own stages within "load-start -> decoded" (medians of their durations). */
function workerRows(ours: LoadRun[]): Row[] {
  const stages: [string, string][] = [
    ['inflate', 'read the File through DecompressionStream'],
    ['decode', 'pprof bytes -> columns'],
    ['tree', 'call tree: walk the stacks, preorder layout, values'],
    ['derive', 'box edges, function stats, colors'],
  ];
  return stages.map(([stage, what]) => {
    const durations = ours.map((r) => r.workerSpans[`flamelens:worker-${stage}`]?.duration ?? Number.NaN);
    const ok = durations.every(Number.isFinite);
    return {
      section: SECTION,
      figure: `    worker: ${stage}`,
      value: ok ? fmtMs(median(durations)) : '—',
      status: ok ? 'INFO' : 'ERROR',
      note: ok ? what : `measure missing: ${what}`,
      data: { ms: ok ? summarize(durations) : null },
    } satisfies Row;
  });
}

function heapRows(ours: LoadRun[], theirs: LoadRun[]): Row[] {
  const total = (runs: LoadRun[]) => median(runs.map((r) => r.heap?.totalBytes ?? Number.NaN));
  const a = total(ours);
  const b = total(theirs);
  const last = ours[ours.length - 1]?.heap;
  const split = last
    ? `main heap ${fmtMB(last.main.heapBytes)} + ArrayBuffers ${fmtMB(last.main.arrayBufferBytes)}; ` +
      `${last.workers.length} worker(s) ${fmtMB(last.workers.reduce((n, w) => n + w.heapBytes + w.arrayBufferBytes, 0))}`
    : '';
  const theirLast = theirs[theirs.length - 1]?.heap;
  return [
    { section: SECTION, figure: 'JS memory after load + GC, Flamelens', value: fmtMB(a), status: 'INFO', note: split, data: { bytes: a, last } },
    {
      section: SECTION,
      figure: 'JS memory after load + GC, speedscope',
      value: fmtMB(b),
      status: 'INFO',
      note: theirLast ? `main heap ${fmtMB(theirLast.main.heapBytes)} + ArrayBuffers ${fmtMB(theirLast.main.arrayBufferBytes)}` : '',
      data: { bytes: b, last: theirLast },
    },
    {
      section: SECTION,
      figure: 'JS memory, Flamelens / speedscope',
      value: fmtRatio(a / b),
      target: `≤ ${HEAP_TARGET.toFixed(2)}x`,
      status: passOrMiss(a / b <= HEAP_TARGET),
      note: 'heap + ArrayBuffers, page and workers (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage)',
      data: { ratio: a / b },
    },
  ];
}

function longTaskRows(ours: LoadRun[], theirs: LoadRun[]): Row[] {
  const row = (runs: LoadRun[], name: string, withTarget: boolean): Row => {
    const maxima = runs.map((r) => Math.max(0, ...r.longTasks.map((t) => t.duration)));
    const worst = Math.max(...maxima);
    const over50 = runs.map((r) => r.longTasks.filter((t) => t.duration > 50).length);
    return {
      section: SECTION,
      figure: `longest main-thread task during the load, ${name}`,
      value: fmtMs(worst),
      target: withTarget ? `≤ ${LONG_TASK_TARGET_MS} ms` : undefined,
      status: withTarget ? passOrMiss(worst <= LONG_TASK_TARGET_MS) : 'INFO',
      note: `worst of ${runs.length} runs (median ${fmtMs(median(maxima))}); tasks > 50 ms per load: median ${fmtInt(median(over50))}`,
      data: { worstMs: worst, perRunMaxMs: maxima, over50PerRun: over50 },
    };
  };
  return [row(ours, 'Flamelens', true), byPhase(ours), row(theirs, 'speedscope', false)];
}

/** Which of the app's phases its long tasks fall in (by start time), over all runs. */
function byPhase(ours: LoadRun[]): Row {
  const bounds = ['flamelens:load-start', 'flamelens:decoded', 'flamelens:tree-main', 'flamelens:painted'];
  const names = ['t0', ...bounds.map((b) => b.replace('flamelens:', '')), 'ready'];
  const phases = new Map<string, number[]>();
  for (const run of ours) {
    const edges = [0, ...bounds.map((b) => run.marks[b] ?? Number.NaN), Number.POSITIVE_INFINITY];
    for (const task of run.longTasks) {
      const at = task.start - run.t0;
      let i = edges.length - 2;
      while (i > 0 && !(at >= edges[i])) i--;
      const phase = `${names[i]}->${names[i + 1]}`;
      phases.set(phase, [...(phases.get(phase) ?? []), task.duration]);
    }
  }
  const parts = [...phases].map(([phase, d]) => `${phase}: ${(d.length / ours.length).toFixed(1)} per load, max ${fmtMs(Math.max(...d))}`);
  return {
    section: SECTION,
    figure: '  Flamelens long tasks by phase',
    value: '',
    status: 'INFO',
    note: parts.join('; ') || 'none',
    data: Object.fromEntries(phases),
  };
}
