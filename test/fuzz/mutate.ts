/**
 * Seeded mutations of real profiles: bit flips, truncation, lying length fields, huge
 * varints, spliced regions. Deterministic for a seed, so a failure is reproducible by
 * its case number.
 */

/** mulberry32: tiny, fast, good enough to pick mutations. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rand: () => number, below: number): number {
  return Math.floor(rand() * below);
}

/** Offsets of the top-level length-delimited fields' length prefixes (where lies hurt most). */
export function lengthPrefixes(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  let pos = 0;
  while (pos < bytes.length && offsets.length < 100_000) {
    let tag = 0;
    let shift = 0;
    while (pos < bytes.length && shift < 35) {
      const b = bytes[pos++];
      tag |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) break;
    }
    const wire = tag & 7;
    if (wire === 2) {
      offsets.push(pos);
      let len = 0;
      shift = 0;
      while (pos < bytes.length && shift < 35) {
        const b = bytes[pos++];
        len += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if (b < 0x80) break;
      }
      pos += len;
    } else if (wire === 0) {
      while (pos < bytes.length && bytes[pos++] >= 0x80);
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else break;
  }
  return offsets;
}

export type MutationKind = 'bit-flip' | 'truncate' | 'lying-length' | 'huge-varint' | 'splice' | 'zero-run';

export const MUTATIONS: MutationKind[] = ['bit-flip', 'truncate', 'lying-length', 'huge-varint', 'splice', 'zero-run'];

export function mutate(original: Uint8Array, kind: MutationKind, rand: () => number): Uint8Array {
  const bytes = original.slice();
  switch (kind) {
    case 'bit-flip': {
      const flips = 1 + int(rand, 8);
      for (let i = 0; i < flips; i++) bytes[int(rand, bytes.length)] ^= 1 << int(rand, 8);
      return bytes;
    }
    case 'truncate':
      return bytes.subarray(0, int(rand, bytes.length));
    case 'lying-length': {
      const prefixes = lengthPrefixes(bytes);
      if (prefixes.length === 0) return bytes;
      const at = prefixes[int(rand, prefixes.length)];
      // A length that claims far more (or less) than is there, written as a 5-byte varint.
      const lie = rand() < 0.5 ? 0x7fffffff - int(rand, 1000) : int(rand, 4);
      const varint = [0x80 | (lie & 0x7f), 0x80 | ((lie >>> 7) & 0x7f), 0x80 | ((lie >>> 14) & 0x7f), 0x80 | ((lie >>> 21) & 0x7f), (lie >>> 28) & 0x0f];
      const out = new Uint8Array(bytes.length + varint.length);
      out.set(bytes.subarray(0, at));
      out.set(varint, at);
      let end = at;
      while (end < bytes.length && bytes[end] >= 0x80) end++;
      out.set(bytes.subarray(end + 1), at + varint.length);
      return out.subarray(0, bytes.length + varint.length - (end + 1 - at));
    }
    case 'huge-varint': {
      // 11 continuation bytes: longer than any varint may be.
      const at = int(rand, bytes.length);
      const huge = new Uint8Array(11 + int(rand, 2)).fill(0xff);
      huge[huge.length - 1] = 0x01;
      const out = new Uint8Array(bytes.length + huge.length);
      out.set(bytes.subarray(0, at));
      out.set(huge, at);
      out.set(bytes.subarray(at), at + huge.length);
      return out;
    }
    case 'splice': {
      // Copy one region over another: valid-looking fields in the wrong places.
      const length = 1 + int(rand, Math.min(256, bytes.length));
      const from = int(rand, bytes.length - length + 1);
      const to = int(rand, bytes.length - length + 1);
      bytes.copyWithin(to, from, from + length);
      return bytes;
    }
    case 'zero-run': {
      const length = 1 + int(rand, 64);
      const at = int(rand, Math.max(1, bytes.length - length));
      bytes.fill(0, at, at + length);
      return bytes;
    }
  }
}
