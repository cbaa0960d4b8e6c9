/**
 * Frames: what one box of the flame graph stands for. At pprof's default granularity
 * (`functions`) a frame is a function name, whatever file or line it came from; at
 * `line` granularity it is a function name plus a line number. Inlined calls are frames
 * of their own (every Line of a location, innermost first).
 *
 * Unsymbolized locations follow `go tool pprof`: named `[<basename of the mapping file>]`,
 * or `<unknown>` when there is no mapping either, so all such frames of one mapping are
 * one node.
 */
import type { Profile } from './model.ts';

export type GroupBy = 'function' | 'line';

export const ROOT_FRAME = 0;
export const ROOT_NAME = 'total';

export interface FrameTable {
  /** display name per frame; frame 0 is the root */
  name: string[];
  /** source file per frame, '' when unknown */
  file: string[];
  /** line number at line granularity, 0 otherwise */
  line: number[];
}

/** Interns frames by key across any number of profiles, so their trees share frame ids. */
export class FrameInterner {
  readonly table: FrameTable = { name: [ROOT_NAME], file: [''], line: [0] };
  private readonly byKey = new Map<string, number>();
  readonly groupBy: GroupBy;

  constructor(groupBy: GroupBy) {
    this.groupBy = groupBy;
  }

  intern(name: string, file: string, line: number): number {
    const key = this.groupBy === 'line' ? `${name}\u0000${line}` : name;
    let frame = this.byKey.get(key);
    if (frame === undefined) {
      frame = this.table.name.length;
      this.byKey.set(key, frame);
      this.table.name.push(this.groupBy === 'line' && line > 0 ? `${name}:${line}` : name);
      this.table.file.push(file);
      this.table.line.push(this.groupBy === 'line' ? line : 0);
    }
    return frame;
  }
}

/** The frames of every location of one profile: location i has frames [offsets[i], offsets[i+1]), innermost first. */
export interface LocationFrames {
  offsets: Uint32Array;
  frames: Int32Array;
}

export function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}

function unsymbolizedName(profile: Profile, location: number): string {
  const mapping = profile.locationMapping[location];
  if (mapping < 0) return '<unknown>';
  const file = profile.strings[profile.mappingFilename[mapping]];
  return file ? `[${basename(file)}]` : '<unknown>';
}

export function locationFrames(profile: Profile, interner: FrameInterner): LocationFrames {
  const { strings, lineOffsets, lineFunction, lineNumber } = profile;
  const offsets = new Uint32Array(profile.locationCount + 1);
  // A location with no lines still gets one (unsymbolized) frame.
  let total = 0;
  for (let loc = 0; loc < profile.locationCount; loc++) {
    total += Math.max(1, lineOffsets[loc + 1] - lineOffsets[loc]);
  }
  const frames = new Int32Array(total);
  let n = 0;
  for (let loc = 0; loc < profile.locationCount; loc++) {
    offsets[loc] = n;
    const first = lineOffsets[loc];
    const last = lineOffsets[loc + 1];
    if (first === last) {
      frames[n++] = interner.intern(unsymbolizedName(profile, loc), '', 0);
      continue;
    }
    for (let l = first; l < last; l++) {
      const fn = lineFunction[l];
      if (fn < 0) {
        frames[n++] = interner.intern(unsymbolizedName(profile, loc), '', 0);
      } else {
        const name = strings[profile.functionName[fn]] || unsymbolizedName(profile, loc);
        frames[n++] = interner.intern(name, strings[profile.functionFilename[fn]], lineNumber[l]);
      }
    }
  }
  offsets[profile.locationCount] = n;
  return { offsets, frames };
}
