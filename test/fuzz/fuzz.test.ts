/**
 * A quick, seeded fuzz run in `npm test`: thousands of mutated real profiles and crafted
 * extremes through the whole load pipeline. Every input must end as a profile or a
 * ProfileError (a clear message); never any other exception. `npm run fuzz` runs longer.
 */
import { describe, expect, it } from 'vitest';
import { fixedCases, mutatedCase, seeds } from './corpus.ts';
import { runCase } from './run-case.ts';

const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const RUN_SEED = 20261125;

describe('hostile inputs', () => {
  for (const fixed of fixedCases()) {
    it(fixed.name, async () => {
      const result = await runCase(fixed.bytes);
      expect(result.detail ?? '').toBe('');
      expect(result.outcome.startsWith(fixed.expect)).toBe(true);
    });
  }

  it('the gzip bomb is stopped by the size cap, with a message saying so', async () => {
    const bomb = fixedCases().find((c) => c.name.startsWith('gzip bomb'))!;
    expect((await runCase(bomb.bytes)).outcome).toBe('error:too-large');
  });
});

describe(`${CASES} seeded mutations of the shared profiles`, () => {
  it('all end in a profile or a clear error', { timeout: 300_000 }, async () => {
    const corpus = seeds();
    const outcomes = new Map<string, number>();
    const crashes: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = mutatedCase(corpus, RUN_SEED, i);
      const result = await runCase(c.bytes);
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
      if (result.outcome === 'crash') crashes.push(`case ${i} (${c.seed}, ${c.mutation}): ${result.detail}`);
    }
    expect(crashes.slice(0, 5)).toEqual([]);
    // The mix must exercise both ends: mutations that still decode and ones that are refused.
    expect(outcomes.get('decoded') ?? 0).toBeGreaterThan(CASES / 20);
    expect(CASES - (outcomes.get('decoded') ?? 0)).toBeGreaterThan(CASES / 20);
  });
});
