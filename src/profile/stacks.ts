/**
 * Sample stacks are read where they lie in the pprof bytes: a sample keeps only the byte
 * range of its packed location ids, and the ids are decoded when a call tree is built.
 * Decoding a profile then never touches the millions of location references (3.9M in
 * node-tsc-large), and building the tree reads them exactly once.
 */
import { ProfileError } from './errors.ts';
import { growF64, growI32 } from './growable.ts';
import type { Profile } from './model.ts';

/** A reusable buffer of location ids and where each one starts in the bytes, grown as deep stacks need. */
export interface IdScratch {
  ids: Float64Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
}

export function createScratch(capacity = 256): IdScratch {
  return { ids: new Float64Array(capacity), starts: new Int32Array(capacity) };
}

function malformed(): ProfileError {
  return new ProfileError('corrupt-protobuf', 'not a pprof profile: malformed location ids in a sample');
}

/**
 * Decodes the packed varints of bytes[start, end) into scratch.ids (leaf first, as pprof
 * stores them) and their byte offsets into scratch.starts; returns how many. Ids are uint64; beyond 2^53 they are approximate, which
 * only matters for telling apart ids no real producer uses.
 */
export function decodeStackIds(bytes: Uint8Array, start: number, end: number, scratch: IdScratch): number {
  // Each varint takes at least one byte, so the byte count bounds the id count.
  if (end - start > scratch.ids.length) {
    scratch.ids = growF64(scratch.ids, end - start);
    scratch.starts = growI32(scratch.starts, end - start);
  }
  const { ids, starts } = scratch;
  let n = 0;
  let pos = start;
  while (pos < end) {
    starts[n] = pos;
    let b = bytes[pos++];
    if (b < 0x80) {
      ids[n++] = b;
      continue;
    }
    let value = b & 0x7f;
    let scale = 128;
    for (;;) {
      if (pos >= end || scale > 2 ** 63) throw malformed();
      b = bytes[pos++];
      value += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 128;
    }
    ids[n++] = value;
  }
  return n;
}

/** Location indices of one sample, leaf first (for tests and tools; trees use the loop directly). */
export function sampleLocations(profile: Profile, sample: number): number[] {
  const scratch = createScratch();
  const n = decodeStackIds(profile.stackBytes, profile.stackStart[sample], profile.stackEnd[sample], scratch);
  return Array.from(scratch.ids.subarray(0, n), (id) => profile.locationIndex.require(id, 'a sample'));
}

/** Appends a varint to a byte builder: for the rare samples whose ids are not one packed field. */
export function writeVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value % 128) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}
