/**
 * Decodes pprof (google.v1.Profile) bytes into flat arrays, checking as it goes
 * that the bytes really are a profile: wire types match the schema, every string,
 * location, function and mapping reference resolves, every sample has one value
 * per sample type. Strings are decoded lazily: ingest only needs the sample type
 * names, merge needs function and file names.
 *
 * Field numbers follow google/pprof's proto/profile.proto.
 */
import { NumberVector, PprofFormatError, WireReader, expectWireType } from './wire.ts';

export interface ValueTypeRef {
  /** string table indices */
  type: number;
  unit: number;
}

export interface PprofLine {
  functionId: number;
  line: number;
}

export interface PprofLocation {
  id: number;
  mappingId: number;
  address: number;
  lines: PprofLine[];
  isFolded: boolean;
}

export interface PprofFunction {
  id: number;
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
}

export interface PprofMapping {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: number;
  buildId: number;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

const LEN = 2;
const VARINT = 0;

export class DecodedPprof {
  sampleTypes: ValueTypeRef[] = [];
  /** sample i's location ids are sampleLocationIds[sampleLocationStarts[i] .. sampleLocationStarts[i + 1]) */
  sampleLocationStarts = new NumberVector();
  sampleLocationIds = new NumberVector();
  /** sample i's value for type t is sampleValues[i * sampleTypes.length + t] */
  sampleValues = new NumberVector();
  locations: PprofLocation[] = [];
  functions: PprofFunction[] = [];
  mappings: PprofMapping[] = [];
  dropFrames = 0;
  keepFrames = 0;
  timeNanos = 0;
  durationNanos = 0;
  periodType: ValueTypeRef | undefined;
  period = 0;
  comments = new NumberVector();
  defaultSampleType = 0;
  private stringSpans: number[] = [];
  private stringCache: (string | undefined)[] = [];

  /** `reuse` lends the sample arrays of a profile that is no longer needed (merging decodes hundreds in a row). */
  constructor(
    private readonly buf: Buffer,
    reuse?: DecodedPprof,
  ) {
    if (reuse) {
      this.sampleLocationStarts = reuse.sampleLocationStarts.clear();
      this.sampleLocationIds = reuse.sampleLocationIds.clear();
      this.sampleValues = reuse.sampleValues.clear();
    }
    this.sampleLocationStarts.push(0);
  }

  get sampleCount(): number {
    return this.sampleLocationStarts.length - 1;
  }

  get stringCount(): number {
    return this.stringSpans.length / 2;
  }

  string(index: number): string {
    const cached = this.stringCache[index];
    if (cached !== undefined) return cached;
    if (index < 0 || index >= this.stringCount) throw new PprofFormatError(`string index ${index} out of range`);
    const value = this.buf.toString('utf8', this.stringSpans[2 * index], this.stringSpans[2 * index + 1]);
    this.stringCache[index] = value;
    return value;
  }

  addString(start: number, end: number): void {
    this.stringSpans.push(start, end);
  }

  /** Totals of each sample type over all samples. */
  totals(): number[] {
    const width = this.sampleTypes.length;
    const totals = new Array<number>(width).fill(0);
    const values = this.sampleValues.data;
    for (let i = 0; i < this.sampleValues.length; i++) totals[i % width] += values[i];
    return totals;
  }
}

// Each reader runs with `r` bounded to its message's bytes (WireReader.nested).

function readValueType(r: WireReader): ValueTypeRef {
  const out: ValueTypeRef = { type: 0, unit: 0 };
  while (!r.done) {
    const key = r.key();
    const field = Math.floor(key / 8);
    if (field === 1 || field === 2) {
      expectWireType(field, key & 7, VARINT, 'ValueType');
      if (field === 1) out.type = r.varint();
      else out.unit = r.varint();
    } else r.skip(key & 7, field);
  }
  return out;
}

function readSample(p: DecodedPprof, r: WireReader, valueCounts: number[]): void {
  const before = p.sampleValues.length;
  while (!r.done) {
    const key = r.key();
    const field = Math.floor(key / 8);
    if (field === 1) r.repeatedVarint(key & 7, p.sampleLocationIds);
    else if (field === 2) r.repeatedVarint(key & 7, p.sampleValues);
    else if (field === 3) {
      expectWireType(field, key & 7, LEN, 'Sample');
      r.pos = r.lengthEnd(); // labels are not kept: merged profiles aggregate over them
    } else r.skip(key & 7, field);
  }
  p.sampleLocationStarts.push(p.sampleLocationIds.length);
  valueCounts.push(p.sampleValues.length - before);
}

/** Reads a message whose known fields are all varints, into `out[names[field - 1]]`. */
function readVarintFields<T extends object>(r: WireReader, out: T, names: readonly (keyof T)[], message: string): T {
  while (!r.done) {
    const key = r.key();
    const field = Math.floor(key / 8);
    if (field >= 1 && field <= names.length) {
      expectWireType(field, key & 7, VARINT, message);
      const v = r.varint();
      const name = names[field - 1];
      (out[name] as unknown) = typeof out[name] === 'boolean' ? v !== 0 : v;
    } else r.skip(key & 7, field);
  }
  return out;
}

const FUNCTION_FIELDS = ['id', 'name', 'systemName', 'filename', 'startLine'] as const;
const LINE_FIELDS = ['functionId', 'line'] as const;
const MAPPING_FIELDS = [
  'id',
  'memoryStart',
  'memoryLimit',
  'fileOffset',
  'filename',
  'buildId',
  'hasFunctions',
  'hasFilenames',
  'hasLineNumbers',
  'hasInlineFrames',
] as const;

const readFunction = (r: WireReader): PprofFunction =>
  readVarintFields(r, { id: 0, name: 0, systemName: 0, filename: 0, startLine: 0 }, FUNCTION_FIELDS, 'Function');

const readLine = (r: WireReader): PprofLine => readVarintFields(r, { functionId: 0, line: 0 }, LINE_FIELDS, 'Line');

const readMapping = (r: WireReader): PprofMapping =>
  readVarintFields(
    r,
    {
      id: 0,
      memoryStart: 0,
      memoryLimit: 0,
      fileOffset: 0,
      filename: 0,
      buildId: 0,
      hasFunctions: false,
      hasFilenames: false,
      hasLineNumbers: false,
      hasInlineFrames: false,
    },
    MAPPING_FIELDS,
    'Mapping',
  );

function readLocation(r: WireReader): PprofLocation {
  const loc: PprofLocation = { id: 0, mappingId: 0, address: 0, lines: [], isFolded: false };
  while (!r.done) {
    const key = r.key();
    const field = Math.floor(key / 8);
    if (field === 4) {
      expectWireType(field, key & 7, LEN, 'Location');
      loc.lines.push(r.nested(readLine));
    } else if (field === 1 || field === 2 || field === 3 || field === 5) {
      expectWireType(field, key & 7, VARINT, 'Location');
      const v = r.varint();
      if (field === 1) loc.id = v;
      else if (field === 2) loc.mappingId = v;
      else if (field === 3) loc.address = v;
      else loc.isFolded = v !== 0;
    } else r.skip(key & 7, field);
  }
  return loc;
}

function readTopLevelField(p: DecodedPprof, r: WireReader, field: number, wt: number, valueCounts: number[]): void {
  if (field >= 1 && field <= 6) {
    expectWireType(field, wt, LEN, 'Profile');
    if (field === 1) p.sampleTypes.push(r.nested(readValueType));
    else if (field === 2) r.nested((sub) => readSample(p, sub, valueCounts));
    else if (field === 3) p.mappings.push(r.nested(readMapping));
    else if (field === 4) p.locations.push(r.nested(readLocation));
    else if (field === 5) p.functions.push(r.nested(readFunction));
    else {
      const end = r.lengthEnd();
      p.addString(r.pos, end);
      r.pos = end;
    }
  } else if (field === 11) {
    expectWireType(field, wt, LEN, 'Profile');
    p.periodType = r.nested(readValueType);
  } else if (field === 13) {
    r.repeatedVarint(wt, p.comments);
  } else if (field >= 7 && field <= 14) {
    expectWireType(field, wt, VARINT, 'Profile');
    const v = r.varint();
    if (field === 7) p.dropFrames = v;
    else if (field === 8) p.keepFrames = v;
    else if (field === 9) p.timeNanos = v;
    else if (field === 10) p.durationNanos = v;
    else if (field === 12) p.period = v;
    else p.defaultSampleType = v;
  } else r.skip(wt, field);
}

/**
 * Decodes and validates raw (not gzipped) pprof bytes. Throws PprofFormatError with a reason.
 * Passing the previous result as `reuse` recycles its sample arrays (and invalidates it).
 */
export function decodePprof(buf: Buffer, reuse?: DecodedPprof): DecodedPprof {
  const p = new DecodedPprof(buf, reuse);
  const r = new WireReader(buf, 0, buf.length);
  const valueCounts: number[] = [];
  while (!r.done) {
    const key = r.key();
    readTopLevelField(p, r, Math.floor(key / 8), key & 7, valueCounts);
  }
  validate(p, valueCounts);
  return p;
}

function validate(p: DecodedPprof, valueCounts: number[]): void {
  const strings = p.stringCount;
  const checkString = (index: number, what: string): void => {
    if (index < 0 || index >= Math.max(strings, 1)) {
      throw new PprofFormatError(`${what} refers to string ${index}, but the string table has ${strings}`);
    }
  };
  if (strings > 0 && p.string(0) !== '') throw new PprofFormatError('string table entry 0 is not empty');
  if (p.sampleTypes.length === 0) throw new PprofFormatError('the profile has no sample types');
  for (const vt of p.sampleTypes) {
    checkString(vt.type, 'a sample type');
    checkString(vt.unit, 'a sample unit');
  }
  if (p.periodType) {
    checkString(p.periodType.type, 'the period type');
    checkString(p.periodType.unit, 'the period unit');
  }
  for (let i = 0; i < valueCounts.length; i++) {
    if (valueCounts[i] !== p.sampleTypes.length) {
      throw new PprofFormatError(`sample ${i} has ${valueCounts[i]} values for ${p.sampleTypes.length} sample types`);
    }
  }
  const functionIds = new Set<number>();
  for (const fn of p.functions) {
    checkString(fn.name, 'a function name');
    checkString(fn.systemName, 'a function system name');
    checkString(fn.filename, 'a function file name');
    functionIds.add(fn.id);
  }
  const mappingIds = new Set<number>();
  for (const m of p.mappings) {
    checkString(m.filename, 'a mapping file name');
    checkString(m.buildId, 'a mapping build id');
    mappingIds.add(m.id);
  }
  const locationIds = new Set<number>();
  let maxLocationId = 0;
  for (const loc of p.locations) {
    maxLocationId = Math.max(maxLocationId, loc.id);
    if (loc.mappingId !== 0 && !mappingIds.has(loc.mappingId)) {
      throw new PprofFormatError(`location ${loc.id} refers to missing mapping ${loc.mappingId}`);
    }
    for (const line of loc.lines) {
      if (!functionIds.has(line.functionId)) {
        throw new PprofFormatError(`location ${loc.id} refers to missing function ${line.functionId}`);
      }
    }
    locationIds.add(loc.id);
  }
  // Samples hold millions of location references: check them against a dense bitmap when ids allow.
  const ids = p.sampleLocationIds.data;
  const dense = maxLocationId <= 4 * p.locations.length + 1024 ? new Uint8Array(maxLocationId + 1) : undefined;
  if (dense) for (const id of locationIds) dense[id] = 1;
  for (let i = 0; i < p.sampleLocationIds.length; i++) {
    const id = ids[i];
    const known = dense ? id <= maxLocationId && dense[id] === 1 : locationIds.has(id);
    if (!known) throw new PprofFormatError(`a sample refers to missing location ${id}`);
  }
}
