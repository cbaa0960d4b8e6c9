/**
 * Browser-side decode benchmark page: fetches a profile and times inflate, decode and
 * call-tree build on the page's main thread (so a profiler can attach), reporting the
 * figures on `window.__benchResult`.
 */
import { buildCallTree } from '../src/profile/calltree.ts';
import { decodePprof } from '../src/profile/decode.ts';
import { rawPprofBytes } from '../src/profile/gzip.ts';

declare global {
  interface Window {
    __benchResult?: unknown;
    __runBench?: (url: string) => Promise<unknown>;
  }
}

/** `base64` carries the file's bytes: served files may be re-encoded on the way. */
window.__runBench = async (base64: string) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const t0 = performance.now();
  const raw = await rawPprofBytes(new Blob([bytes]));
  const t1 = performance.now();
  const profile = decodePprof(raw);
  const t2 = performance.now();
  const tree = buildCallTree({ groups: [[profile]], groupBy: 'function' });
  const t3 = performance.now();
  const result = { rawBytes: raw.length, inflateMs: t1 - t0, decodeMs: t2 - t1, treeMs: t3 - t2, nodes: tree.nodeCount };
  window.__benchResult = result;
  return result;
};
