/**
 * The ~100 MB profile (the generator's huge preset, 500k distinct stacks, gzipped to a
 * temp file) loaded in the app: does the tab survive, how long until the flame graph is
 * painted, and was the progress bar (role="progressbar") visible along the way.
 */
import type { Browser } from 'playwright';
import { PRESET_SIZES } from './generate-profile.ts';
import { generatedFileApart } from './inputs.ts';
import { measureLoad } from './load.ts';
import { log } from './log.ts';
import { PROGRESS_PROBE } from './page-scripts.ts';
import type { BenchWindow } from './page-scripts.ts';
import { fmtInt, fmtMB, fmtMs, passOrMiss } from './report.ts';
import type { Row } from './report.ts';
import type { Tool } from './tools.ts';

const SECTION = 'browser: the 100 MB profile in Flamelens';
/** Past this the load counts as failed; keeps a full bench run near 10 minutes. */
const TIMEOUT_MS = 300_000;

export async function runHuge(browser: Browser, app: Tool, tempDir: string): Promise<Row[]> {
  const { path: file, rawBytes, gzBytes } = generatedFileApart('huge', tempDir);
  const what = `generated huge (${fmtInt(PRESET_SIZES.huge)} samples, ${fmtMB(rawBytes)} raw, ${fmtMB(gzBytes)} gzipped)`;
  log(`huge: loading ${what} in the app`);
  let progress: BenchWindow['__benchProgress'] = undefined;
  try {
    const run = await measureLoad(browser, app, file, {
      timeoutMs: TIMEOUT_MS,
      heap: true,
      initScripts: [PROGRESS_PROBE],
      after: async (page) => {
        progress = await page.evaluate(() => (window as unknown as BenchWindow).__benchProgress);
      },
    });
    const seen = progress as BenchWindow['__benchProgress'];
    const visible = seen?.firstSeen != null;
    const longest = Math.max(0, ...run.longTasks.map((t) => t.duration));
    const marks = Object.entries(run.marks)
      .map(([name, ms]) => `${name.replace('flamelens:', '')} ${fmtMs(ms)}`)
      .join(', ');
    return [
      {
        section: SECTION,
        figure: '100 MB profile: file chosen -> painted + 2 frames',
        value: fmtMs(run.ms),
        target: 'loads, with visible progress',
        status: passOrMiss(visible),
        note: visible
          ? `progress bar shown ${fmtMs(seen!.firstSeen! - run.t0)} after the file was chosen; ` +
            `${seen!.labels.length} updates: ${summarizeLabels(seen!.labels)}`
          : 'loaded, but no progress bar was seen',
        data: { ms: run.ms, marks: run.marks, progress: seen, rawBytes, gzBytes },
      },
      {
        section: SECTION,
        figure: '  phases (ms after the file was chosen)',
        value: '',
        status: 'INFO',
        note: `${what}: ${marks}`,
      },
      {
        section: SECTION,
        figure: '  longest main-thread task / JS memory after load',
        value: `${fmtMs(longest)} / ${run.heap ? fmtMB(run.heap.totalBytes) : '—'}`,
        status: 'INFO',
        note: `${run.longTasks.filter((t) => t.duration > 50).length} tasks > 50 ms during the load`,
        data: { longestTaskMs: longest, heap: run.heap },
      },
    ];
  } catch (error) {
    return [
      {
        section: SECTION,
        figure: '100 MB profile: loads without crashing the tab',
        value: 'failed',
        target: 'loads, with visible progress',
        status: 'MISS',
        note: `${what}: ${(error as Error).message.split('\n')[0]}`,
      },
    ];
  }
}

/** The distinct stages shown ("Decompressing… 40%" -> "Decompressing"), in order. */
function summarizeLabels(labels: string[]): string {
  const stages: string[] = [];
  for (const label of labels) {
    const stage = label.replace(/[…\s\d%.]+$/, '');
    if (stages[stages.length - 1] !== stage) stages.push(stage);
  }
  return stages.join(' -> ');
}
