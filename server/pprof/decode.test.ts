/** The server's strict pprof decoder against the manifest's figures (read by go tool pprof). */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { manifest, profileFile } from '../test/harness.ts';
import { decodePprof } from './decode.ts';
import { PprofFormatError } from './wire.ts';

const readable = manifest().filter((e) => e.totals);
const raw = (file: string): Buffer => {
  const bytes = Buffer.from(profileFile(file));
  return bytes[0] === 0x1f ? gunzipSync(bytes) : bytes;
};

describe('decodePprof', () => {
  it.each(readable.map((e) => [e.file, e] as const))('reads %s with the manifest totals', (_file, e) => {
    const p = decodePprof(raw(e.file));
    expect(p.sampleTypes.map((st) => ({ type: p.string(st.type), unit: p.string(st.unit) }))).toEqual(
      e.sampleTypes!.map(({ type, unit }) => ({ type, unit })),
    );
    expect(p.totals()).toEqual(e.totals);
    // go tool pprof counts samples after folding identical stacks; the file may list more.
    expect(p.sampleCount).toBeGreaterThanOrEqual(e.samples!);
  });

  it('rejects a file that is not a profile, with a reason', () => {
    expect(() => decodePprof(Buffer.from(profileFile('edge/not-pprof.pb.gz')))).toThrow(PprofFormatError);
    expect(() => decodePprof(Buffer.from('{"json": "is not a profile"}'))).toThrow(/not|wire type|truncated|missing|sample/);
    expect(() => decodePprof(Buffer.alloc(0))).toThrow(/no sample types/);
  });

  it('never over-reads a truncated profile: it fails with PprofFormatError or yields a consistent profile', () => {
    const full = raw('series/checkout-03.cpu.pb.gz');
    for (let cut = 1; cut < full.length; cut += 97) {
      try {
        const p = decodePprof(full.subarray(0, cut));
        expect(p.sampleValues.length).toBe(p.sampleCount * p.sampleTypes.length);
      } catch (error) {
        expect(error).toBeInstanceOf(PprofFormatError);
      }
    }
  });
});
