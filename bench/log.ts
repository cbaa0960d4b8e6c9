/**
 * Progress lines go to stderr with the elapsed time, so stdout carries only the table
 * (or the JSON with --json) and a long run still shows where it is.
 */
const started = performance.now();

export function log(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
