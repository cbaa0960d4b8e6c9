/**
 * Runs one input through the whole pipeline a dropped file takes (inflate, decode, call
 * tree, function table) and classifies how it ended. Anything that is not a profile or a
 * ProfileError is a bug.
 */
import { buildCallTree } from '../../src/profile/calltree.ts';
import { ProfileError } from '../../src/profile/errors.ts';
import { frameStats } from '../../src/profile/functions.ts';
import { loadProfile } from '../../src/profile/load.ts';

export type Outcome = 'decoded' | `error:${ProfileError['kind']}` | 'crash';

export interface CaseResult {
  outcome: Outcome;
  ms: number;
  /** message of a crash, for the report */
  detail?: string;
}

export async function runCase(bytes: Uint8Array, maxBytes = 64 << 20): Promise<CaseResult> {
  const started = performance.now();
  try {
    const { profile } = await loadProfile(bytes, { maxBytes });
    const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
    for (let column = 0; column < tree.total.length; column++) frameStats(tree, column);
    return { outcome: 'decoded', ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof ProfileError) return { outcome: `error:${error.kind}`, ms };
    return { outcome: 'crash', ms, detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
  }
}
