/** Command line of `npm run bench`: `--quick`, `--json`, `--only node|browser`. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** fewer runs, smaller generated profiles, no 100 MB profile */
  quick: boolean;
  /** print the JSON report on stdout (progress still goes to stderr) */
  json: boolean;
  node: boolean;
  browser: boolean;
}

export const USAGE = `usage: npm run bench -- [--quick] [--json] [--only node|browser]
  --quick         fewer runs, skip the largest generated profiles (a few minutes)
  --json          print the results as JSON instead of the table
  --only node     only the Node decode / call-tree figures
  --only browser  only the Chromium figures (load vs speedscope, heap, long tasks, redraw, 100 MB load)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) throw new UsageRequest(USAGE);
  const only = values.only;
  if (only !== undefined && only !== 'node' && only !== 'browser') throw new Error(`--only takes node or browser, not ${only}\n${USAGE}`);
  return {
    quick: values.quick ?? false,
    json: values.json ?? false,
    node: only === undefined || only === 'node',
    browser: only === undefined || only === 'browser',
  };
}

/** `--help`: not an error, but the run stops after printing the usage. */
export class UsageRequest extends Error {}
