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

interface MergedFunction {
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
}

interface MergedMapping {
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: number;
  buildId: number;
  flags: [boolean, boolean, boolean, boolean];
}

interface MergedLocation {
  mappingId: number;
  address: number;
  /** [functionId, line] pairs, innermost first */
  lines: number[];
  isFolded: boolean;
}

export interface MergedProfileHeader {
  sampleType: { type: string; unit: string };
  periodType: { type: string; unit: string };
  timeNanos: number;
  durationNanos: number;
}

export class ProfileMerger {
  private readonly stringIds = new Map<string, number>([['', 0]]);
  private readonly strings: string[] = [''];
  private readonly functionIds = new Map<string, number>();
  private readonly functions: MergedFunction[] = [];
  private readonly mappingIds = new Map<string, number>();
  private readonly mappings: MergedMapping[] = [];
  private readonly locationIds = new Map<string, number>();
  private readonly locations: MergedLocation[] = [];
  /** stack hash -> first merged sample with it; nextWithSameHash chains the (rare) collisions */
  private readonly sampleByHash = new Map<number, number>();
  private readonly nextWithSameHash: (number | undefined)[] = [];
  private readonly sampleStacks: number[][] = [];
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

  private internIn<T>(ids: Map<string, number>, list: T[], key: string, make: () => T): number {
    let id = ids.get(key);
    if (id === undefined) {
      list.push(make());
      id = list.length; // pprof ids are 1-based
      ids.set(key, id);
    }
    return id;
  }

  private mapFunctions(p: DecodedPprof): Map<number, number> {
    const out = new Map<number, number>();
    // Each of the file's strings is interned once; function keys are then short strings of merged ids.
    const stringIds = new Map<number, number>();
    const merged = (index: number): number => {
      let id = stringIds.get(index);
      if (id === undefined) {
        id = this.intern(p.string(index));
        stringIds.set(index, id);
      }
      return id;
    };
    for (const fn of p.functions) {
      const name = merged(fn.name);
      const systemName = merged(fn.systemName);
      const filename = merged(fn.filename);
      const key = `${name},${systemName},${filename},${fn.startLine}`;
      out.set(fn.id, this.internIn(this.functionIds, this.functions, key, () => ({ name, systemName, filename, startLine: fn.startLine })));
    }
    return out;
  }

  private mapMappings(p: DecodedPprof): Map<number, { id: number; start: number }> {
    const out = new Map<number, { id: number; start: number }>();
    for (const m of p.mappings) {
      const filename = p.string(m.filename);
      const buildId = p.string(m.buildId);
      const key = `${filename}\0${buildId}\0${m.memoryLimit - m.memoryStart}\0${m.fileOffset}`;
      const id = this.internIn(this.mappingIds, this.mappings, key, () => this.mergedMapping(m, filename, buildId));
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

  /** Local location id -> merged location id; a dense array when the file's ids allow it (they nearly always do). */
  private mapLocations(p: DecodedPprof): (localId: number) => number {
    const functionMap = this.mapFunctions(p);
    const mappingMap = this.mapMappings(p);
    const out = new Map<number, number>();
    let maxId = 0;
    for (const loc of p.locations) {
      const mapping = mappingMap.get(loc.mappingId);
      const mappingId = mapping?.id ?? 0;
      const lines: number[] = [];
      for (const line of loc.lines) lines.push(functionMap.get(line.functionId)!, line.line);
      const key =
        lines.length > 0
          ? `${mappingId}|${lines.join(',')}|${loc.isFolded ? 1 : 0}`
          : `${mappingId}@${loc.address - (mapping?.start ?? 0)}`;
      out.set(
        loc.id,
        this.internIn(this.locationIds, this.locations, key, () => ({
          mappingId,
          address: loc.address,
          lines,
          isFolded: loc.isFolded,
        })),
      );
      maxId = Math.max(maxId, loc.id);
    }
    if (maxId > 4 * p.locations.length + 1024) return (id) => out.get(id)!;
    const dense = new Int32Array(maxId + 1);
    for (const [local, merged] of out) dense[local] = merged;
    return (id) => dense[id];
  }

  /** Finds or creates the merged sample for a stack of merged location ids. */
  private sampleFor(stack: number[], hash: number): number {
    for (let id = this.sampleByHash.get(hash); id !== undefined; id = this.nextWithSameHash[id]) {
      const other = this.sampleStacks[id];
      if (other.length === stack.length && other.every((v, k) => v === stack[k])) return id;
    }
    const id = this.sampleStacks.length;
    this.sampleStacks.push(stack.slice());
    this.sampleValues.push(0);
    const head = this.sampleByHash.get(hash);
    this.nextWithSameHash.push(head);
    this.sampleByHash.set(hash, id);
    return id;
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
      // Two 32-bit multiplicative hashes over the merged ids make a 53-bit key; equal keys are compared in full.
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193;
      for (let j = starts[i]; j < starts[i + 1]; j++) {
        const id = mergedLocation(ids[j]);
        stack.push(id);
        h1 = Math.imul(h1 ^ id, 0x01000193);
        h2 = Math.imul(h2 + id, 0x5bd1e995) ^ (h2 >>> 15);
      }
      const hash = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
      this.sampleValues[this.sampleFor(stack, hash)] += value;
    }
  }

  get sampleCount(): number {
    return this.sampleStacks.length;
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
    for (let i = 0; i < this.sampleStacks.length; i++) {
      inner.reset();
      inner.packedVarints(1, this.sampleStacks[i], scratch).packedVarints(2, [this.sampleValues[i]], scratch);
      out.messageField(2, inner);
    }
    this.mappings.forEach((m, i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, m.memoryStart).varintField(3, m.memoryLimit);
      inner.varintField(4, m.fileOffset).varintField(5, m.filename).varintField(6, m.buildId);
      m.flags.forEach((flag, f) => inner.varintField(7 + f, flag ? 1 : 0));
      out.messageField(3, inner);
    });
    this.locations.forEach((loc, i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, loc.mappingId).varintField(3, loc.address);
      for (let l = 0; l < loc.lines.length; l += 2) {
        scratch.reset();
        scratch.varintField(1, loc.lines[l]).varintField(2, loc.lines[l + 1]);
        inner.messageField(4, scratch);
      }
      inner.varintField(5, loc.isFolded ? 1 : 0);
      out.messageField(4, inner);
    });
    this.functions.forEach((fn, i) => {
      inner.reset();
      inner.varintField(1, i + 1).varintField(2, fn.name).varintField(3, fn.systemName);
      inner.varintField(4, fn.filename).varintField(5, fn.startLine);
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
