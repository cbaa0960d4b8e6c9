/**
 * `npm run fuzz`: the long fuzz run. Mutates the shared profiles for a while (default 60 s,
 * `--seconds N`, `--seed S`) and prints how many cases ran and how they ended, the slowest
 * case, and every crash with the case number that reproduces it.
 */
import { parseArgs } from 'node:util';
import { fixedCases, mutatedCase, seeds } from './corpus.ts';
import { runCase } from './run-case.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) } },
});
const seconds = Number(values.seconds);
const runSeed = Number(values.seed);

const corpus = seeds();
const outcomes = new Map<string, number>();
const byMutation = new Map<string, Map<string, number>>();
const crashes: string[] = [];
let slowest = { ms: 0, label: '' };

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

for (const c of fixedCases()) {
  const result = await runCase(c.bytes);
  console.log(`fixed  ${c.name.padEnd(42)} ${result.outcome.padEnd(28)} ${result.ms.toFixed(0)} ms`);
  if (result.outcome === 'crash') crashes.push(`fixed case "${c.name}": ${result.detail}`);
}

const deadline = Date.now() + seconds * 1000;
let index = 0;
for (; Date.now() < deadline; index++) {
  const c = mutatedCase(corpus, runSeed, index);
  const result = await runCase(c.bytes);
  count(outcomes, result.outcome);
  if (!byMutation.has(c.mutation)) byMutation.set(c.mutation, new Map());
  count(byMutation.get(c.mutation)!, result.outcome);
  if (result.ms > slowest.ms) slowest = { ms: result.ms, label: `case ${index} (${c.seed}, ${c.mutation}, ${c.bytes.length} bytes)` };
  if (result.outcome === 'crash') crashes.push(`case ${index} (${c.seed}, ${c.mutation}): ${result.detail}`);
}

console.log(`\n${index} mutated cases in ${seconds} s (seed ${runSeed}, ${corpus.length} seed profiles)`);
for (const [outcome, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${outcome.padEnd(28)} ${n}`);
console.log('\nby mutation:');
for (const [mutation, results] of [...byMutation].sort()) {
  console.log(`  ${mutation.padEnd(22)} ${[...results].map(([o, n]) => `${o} ${n}`).join(', ')}`);
}
console.log(`\nslowest: ${slowest.ms.toFixed(1)} ms, ${slowest.label}`);
console.log(`crashes: ${crashes.length}`);
for (const crash of crashes.slice(0, 20)) console.log(`  ${crash}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
