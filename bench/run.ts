/**
 * `npm run bench`: the performance figures of the issue in one table (or JSON with
 * --json), each next to its target with PASS/MISS. Misses never fail the process: the
 * bench reports, the tests check correctness. See bench/README.md for what each figure is.
 *
 * Order: Node figures first (no browser running, in a process of their own), then the
 * browser ones, the 100 MB load last (it needs the most memory). Each section is fenced:
 * a failure becomes an ERROR row and the other sections still report. Everything started
 * is closed on the way out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright';
import { launchChromium } from './browser.ts';
import { runBrowserDecode } from './browser-decode.ts';
import { runE2e } from './e2e.ts';
import { runHuge } from './huge.ts';
import { PROJECT_ROOT } from './inputs.ts';
import { log } from './log.ts';
import { runNodeSection } from './node-decode.ts';
import { UsageRequest, parseOptions } from './options.ts';
import type { BenchOptions } from './options.ts';
import { runRedraw } from './redraw.ts';
import { formatTable } from './report.ts';
import type { Row } from './report.ts';
import { Resources } from './resources.ts';
import { startFlamelens, startSpeedscope } from './tools.ts';

interface Meta {
  date: string;
  commit: string;
  node: string;
  chromium?: string;
  cpus: string;
  loadAverageStart: number;
  loadAverageEnd?: number;
  mode: string;
  app?: string;
  durationS?: number;
}

function gitDescription(): string {
  try {
    const run = (args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty = run(['status', '--porcelain', '--', 'src']) !== '' ? ' + uncommitted src/ changes' : '';
    return `${run(['rev-parse', '--short', 'HEAD'])}${dirty}`;
  } catch {
    return 'unknown';
  }
}

/** Runs one section; a failure is reported as a row instead of ending the run. */
async function fenced(section: string, rows: Row[], fn: () => Promise<Row[]> | Row[]): Promise<void> {
  try {
    rows.push(...(await fn()));
  } catch (error) {
    log(`${section} failed: ${(error as Error).stack ?? error}`);
    rows.push({ section, figure: 'section failed', value: '—', status: 'ERROR', note: (error as Error).message.split('\n')[0] });
  }
}

async function runBrowser(options: BenchOptions, resources: Resources, meta: Meta, rows: Row[]): Promise<void> {
  let setup: { browser: Browser; app: Awaited<ReturnType<typeof startFlamelens>>; speedscope: Awaited<ReturnType<typeof startSpeedscope>> };
  try {
    const app = await startFlamelens(resources);
    const speedscope = await startSpeedscope(resources);
    const browser = await launchChromium(resources);
    setup = { browser, app, speedscope };
    meta.chromium = browser.version();
    meta.app = app.build.origin;
  } catch (error) {
    await fenced('browser: setup', rows, () => Promise.reject(error));
    return;
  }
  const { browser, app, speedscope } = setup;
  const quick = options.quick;
  await fenced('browser: load node-tsc-large, Flamelens vs speedscope', rows, async () => (await runE2e(browser, app.tool, speedscope, quick)).rows);
  await fenced('browser: flame graph redraw, node-tsc-large at 1920x1080', rows, () => runRedraw(browser, app.tool, quick));
  await fenced('browser: decode in Chromium (main thread, decode harness)', rows, () => runBrowserDecode(browser, resources, quick));
  if (quick) {
    rows.push({ section: 'browser: the 100 MB profile in Flamelens', figure: '100 MB profile load', value: '—', status: 'SKIP', note: 'skipped with --quick' });
  } else {
    await fenced('browser: the 100 MB profile in Flamelens', rows, () => runHuge(browser, app.tool, resources.tempDir('huge')));
  }
}

/**
 * The Node figures, taken by a child process when browser figures follow: the huge
 * generated profiles leave gigabytes of heap behind, and this process collecting them
 * while Chromium loads slows both tools' loads (two runs here, minutes apart: Flamelens
 * 800 ms and speedscope 5.1 s after the Node section in the same process; 676 ms and
 * 4.9 s in a browser-only run).
 */
function nodeSectionInChildProcess(quick: boolean): Row[] {
  const args = ['--import', 'tsx', 'bench/run.ts', '--only', 'node', '--json', ...(quick ? ['--quick'] : [])];
  const child = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`the Node section's process ended with ${child.status ?? child.signal}`);
  return (JSON.parse(child.stdout) as { rows: Row[] }).rows;
}

function header(meta: Meta): string {
  const minutes = Math.floor((meta.durationS ?? 0) / 60);
  const seconds = Math.round((meta.durationS ?? 0) % 60);
  return [
    `Flamelens bench (${meta.mode}), ${meta.date}, commit ${meta.commit}, took ${minutes}m${String(seconds).padStart(2, '0')}s`,
    `Node ${meta.node}${meta.chromium ? `, Chromium ${meta.chromium}` : ''}${meta.app ? `, app from ${meta.app}` : ''}`,
    `${meta.cpus}; load average ${meta.loadAverageStart.toFixed(1)} at start, ${meta.loadAverageEnd?.toFixed(1)} at end (shared machine: compare ratios from the same run)`,
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return error instanceof UsageRequest ? 0 : 2;
  }
  const resources = new Resources();
  const interrupt = () => {
    log('interrupted: cleaning up');
    void resources.closeAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  const started = performance.now();
  const cpu = cpus();
  const meta: Meta = {
    date: new Date().toISOString(),
    commit: gitDescription(),
    node: process.version,
    cpus: `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}`,
    loadAverageStart: loadavg()[0],
    mode: [options.quick ? 'quick' : 'full', options.node && !options.browser ? 'node only' : '', options.browser && !options.node ? 'browser only' : '']
      .filter(Boolean)
      .join(', '),
  };
  const rows: Row[] = [];
  try {
    if (options.node) {
      await fenced('node: decode and call tree (app pipeline)', rows, () =>
        options.browser ? nodeSectionInChildProcess(options.quick) : runNodeSection(options.quick).rows,
      );
    }
    if (options.browser) await runBrowser(options, resources, meta, rows);
  } finally {
    await resources.closeAll();
  }
  meta.loadAverageEnd = loadavg()[0];
  meta.durationS = (performance.now() - started) / 1000;
  if (options.json) console.log(JSON.stringify({ meta, rows }, null, 2));
  else console.log(header(meta) + formatTable(rows));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
