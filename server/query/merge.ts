/**
 * Merges many pprof profiles into one, for one sample type. Strings, functions,
 * mappings and locations are interned by content, not by their per-file ids, so
 * the same stack from two profiles becomes one sample whose value is the sum.
 *
 * Identity rules:
 * - a function is its (name, system name, file name, start line);
 * - a mapping is its (file, build id, size, file offset): the load address
 *   changes between processes;
 * - a symbolized location is its mapping plus its lines (function + line,
 *   inlined frames included) and folding flag; its address does not matter;
 * - an unsymbolized location (no lines) is its mapping plus its address
 *   relative to the mapping's start.
 * Sample labels are dropped: a merged profile aggregates over them.
 */
import type { DecodedPprof, PprofMapping } from '../pprof/decode.ts';
import { WireWriter } from '../pprof/writer.ts';
import { SequenceInterner } from './interner.ts';

interface MergedMapping {
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: number;
  buildId: number;
  flags: [boolean, boolean, boolean, boolean];
}

export interface MergedProfileHeader {
  sampleType: { type: string; unit: string };
  periodType: { type: string; unit: string };
  timeNanos: number;
  durationNanos: number;
}

/** Location identity sequences start with a kind, so the two forms never collide. */
const SYMBOLIZED = 1;
const UNSYMBOLIZED = 2;

export class ProfileMerger {
  private readonly stringIds = new Map<string, number>([['', 0]]);
  private readonly strings: string[] = [''];
  /** [name, systemName, filename, startLine] as merged string ids */
  private readonly functions = new SequenceInterner();
  private readonly mappingIds = new Map<string, number>();
  private readonly mappings: MergedMapping[] = [];
  /** [SYMBOLIZED, mappingId, folded, fn, line, fn, line, ...] or [UNSYMBOLIZED, mappingId, relative address] */
  private readonly locations = new SequenceInterner();
  /** the address of each merged location, from the first profile that had it */
  private readonly locationAddresses: number[] = [];
  /** merged location ids, leaf first */
  private readonly stacks = new SequenceInterner();
  private readonly sampleValues: number[] = [];
  private period = 0;
  profileCount = 0;

  private intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** Local function id -> merged function id (1-based). Each of the file's strings is interned once. */
  private mapFunctions(p: DecodedPprof): Map<number, number> {
    const out = new Map<number, number>();
    const stringIds = new Map<number, number>();
    const merged = (index: number): number => {
      let id = stringIds.get(index);
      if (id === undefined) {
        id = this.intern(p.string(index));
        stringIds.set(index, id);
      }
      return id;
    };
    const key = [0, 0, 0, 0];
    for (const fn of p.functions) {
      key[0] = merged(fn.name);
      key[1] = merged(fn.systemName);
      key[2] = merged(fn.filename);
      key[3] = fn.startLine;
      out.set(fn.id, this.functions.intern(key) + 1);
    }
    return out;
  }

  private mapMappings(p: DecodedPprof): Map<number, { id: number; start: number }> {
    const out = new Map<number, { id: number; start: number }>();
    for (const m of p.mappings) {
      const filename = p.string(m.filename);
      const buildId = p.string(m.buildId);
      const key = `${filename}\0${buildId}\0${m.memoryLimit - m.memoryStart}\0${m.fileOffset}`;
      let id = this.mappingIds.get(key);
      if (id === undefined) {
        this.mappings.push(this.mergedMapping(m, filename, buildId));
        id = this.mappings.length;
        this.mappingIds.set(key, id);
      }
      out.set(m.id, { id, start: m.memoryStart });
    }
    return out;
  }

  private mergedMapping(m: PprofMapping, filename: string, buildId: string): MergedMapping {
    return {
      memoryStart: m.memoryStart,
      memoryLimit: m.memoryLimit,
      fileOffset: m.fileOffset,
      filename: this.intern(filename),
      buildId: this.intern(buildId),
      flags: [m.hasFunctions, m.hasFilenames, m.hasLineNumbers, m.hasInlineFrames],
    };
  }

  /** Local location id -> merged location id (1-based); a dense array when the file's ids allow it (they nearly always do). */
  private mapLocations(p: DecodedPprof): (localId: number) => number {
    const functionMap = this.mapFunctions(p);
    const mappingMap = this.mapMappings(p);
    const out = new Map<number, number>();
    const key: number[] = [];
    let maxId = 0;
    for (const loc of p.locations) {
      const mapping = mappingMap.get(loc.mappingId);
      key.length = 0;
      if (loc.lines.length > 0) {
        key.push(SYMBOLIZED, mapping?.id ?? 0, loc.isFolded ? 1 : 0);
        for (const line of loc.lines) key.push(functionMap.get(line.functionId)!, line.line);
      } else {
        key.push(UNSYMBOLIZED, mapping?.id ?? 0, loc.address - (mapping?.start ?? 0));
      }
      const id = this.locations.intern(key);
      if (id === this.locationAddresses.length) this.locationAddresses.push(loc.address);
      out.set(loc.id, id + 1);
      maxId = Math.max(maxId, loc.id);
    }
    if (maxId > 4 * p.locations.length + 1024) return (id) => out.get(id)!;
    const dense = new Int32Array(maxId + 1);
    for (const [local, merged] of out) dense[local] = merged;
    return (id) => dense[id];
  }

  /** Adds one profile's values of sample type `valueIndex`. */
  add(p: DecodedPprof, valueIndex: number): void {
    this.profileCount++;
    if (this.period === 0) this.period = p.period;
    const mergedLocation = this.mapLocations(p);
    const width = p.sampleTypes.length;
    const starts = p.sampleLocationStarts.data;
    const ids = p.sampleLocationIds.data;
    const values = p.sampleValues.data;
    const stack: number[] = [];
    for (let i = 0; i < p.sampleCount; i++) {
      const value = values[i * width + valueIndex];
      if (value === 0) continue;
      stack.length = 0;
      for (let j = starts[i]; j < starts[i + 1]; j++) stack.push(mergedLocation(ids[j]));
      const sample = this.stacks.intern(stack);
      if (sample === this.sampleValues.length) this.sampleValues.push(0);
      this.sampleValues[sample] += value;
    }
  }

  get sampleCount(): number {
    return this.stacks.size;
  }

  total(): number {
    return this.sampleValues.reduce((a, b) => a + b, 0);
  }

  /** Encodes the merged profile as uncompressed google.v1.Profile bytes. */
  encode(header: MergedProfileHeader): Buffer {
    const out = new WireWriter(1 << 16);
    const inner = new WireWriter();
    const scratch = new WireWriter();
    const valueType = (type: string, unit: string): WireWriter => {
      inner.reset();
      return inner.varintField(1, this.intern(type)).varintField(2, this.intern(unit));
    };
    out.messageField(1, valueType(header.sampleType.type, header.sampleType.unit));
    this.stacks.sequences.forEach((stack, i) => {
      inner.reset();
      inner.packedVarints(1, stack, scratch).packedVarints(2, [this.sampleValues[i]], scratch);
      out.messageField(2, inner);
    });
    this.mappings.forEach((m, i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, m.memoryStart).varintField(3, m.memoryLimit);
      inner.varintField(4, m.fileOffset).varintField(5, m.filename).varintField(6, m.buildId);
      m.flags.forEach((flag, f) => inner.varintField(7 + f, flag ? 1 : 0));
      out.messageField(3, inner);
    });
    this.locations.sequences.forEach((key, i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, key[1]).varintField(3, this.locationAddresses[i]);
      if (key[0] === SYMBOLIZED) {
        for (let l = 3; l < key.length; l += 2) {
          scratch.reset();
          scratch.varintField(1, key[l]).varintField(2, key[l + 1]);
          inner.messageField(4, scratch);
        }
        inner.varintField(5, key[2]);
      }
      out.messageField(4, inner);
    });
    this.functions.sequences.forEach(([name, systemName, filename, startLine], i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, name).varintField(3, systemName);
      inner.varintField(4, filename).varintField(5, startLine);
      out.messageField(5, inner);
    });
    // Intern the header strings before the table is written.
    const periodType = valueType(header.periodType.type, header.periodType.unit).finish();
    for (const s of this.strings) out.stringField(6, s);
    out.varintField(9, header.timeNanos).varintField(10, header.durationNanos);
    out.bytesField(11, periodType);
    out.varintField(12, this.period);
    return out.finish();
  }
}
