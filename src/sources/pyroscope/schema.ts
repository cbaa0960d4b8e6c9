/**
 * A small schema-driven protobuf codec: a message is described once by its
 * fields (number, JSON name, type) and that description drives the binary
 * encoder/decoder and the protobuf-JSON mapping (as protoc's json_name and
 * protojson define it: lowerCamelCase names, int64 as strings, bytes as base64,
 * enums by name, default values left out). Unknown fields are skipped on input,
 * as Connect servers do.
 */
import { ProtoDecodeError, ProtoReader, ProtoWriter, WireType, base64Decode, base64Encode } from './protowire.ts';

export type ScalarKind = 'string' | 'int64' | 'int32' | 'uint32' | 'double' | 'bool' | 'bytes';

export interface EnumSpec {
  readonly kind: 'enum';
  /** value -> JSON name */
  readonly names: Readonly<Record<number, string>>;
}

export interface MessageSpec {
  readonly kind: 'message';
  readonly typeName: string;
  readonly fields: readonly FieldSpec[];
}

export interface FieldSpec {
  readonly no: number;
  /** The TypeScript property, which is also the protobuf JSON name. */
  readonly key: string;
  /** The .proto field name; accepted as an alternative key in JSON input. */
  readonly protoName: string;
  readonly type: ScalarKind | EnumSpec | MessageSpec;
  readonly repeated?: boolean;
  /** proto3 `optional`: presence is tracked (undefined = absent). */
  readonly optional?: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type Loose = Record<string, unknown>;

function scalarDefault(kind: ScalarKind): unknown {
  switch (kind) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'bytes':
      return new Uint8Array(0);
    default:
      return 0;
  }
}

function fieldDefault(field: FieldSpec): unknown {
  if (field.repeated) return [];
  if (field.optional) return undefined;
  if (typeof field.type === 'string') return scalarDefault(field.type);
  if (field.type.kind === 'enum') return 0;
  return undefined; // singular sub-messages are absent by default
}

export function createMessage(spec: MessageSpec, init: Loose = {}): Loose {
  const out: Loose = {};
  for (const field of spec.fields) out[field.key] = init[field.key] ?? fieldDefault(field);
  return out;
}

function isDefault(field: FieldSpec, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (field.repeated) return (value as unknown[]).length === 0;
  if (field.optional) return false;
  if (value instanceof Uint8Array) return value.length === 0;
  return value === '' || value === 0 || value === false;
}

// ---------------------------------------------------------------- binary

function isPackable(type: FieldSpec['type']): boolean {
  return typeof type === 'string' ? type !== 'string' && type !== 'bytes' : type.kind === 'enum';
}

function writeScalar(w: ProtoWriter, no: number, type: FieldSpec['type'], value: unknown): void {
  if (typeof type !== 'string') {
    if (type.kind === 'enum') w.varintField(no, value as number);
    else w.tag(no, WireType.lengthDelimited).bytes(encodeMessage(type, value as Loose));
    return;
  }
  switch (type) {
    case 'string':
      w.tag(no, WireType.lengthDelimited).string(value as string);
      return;
    case 'bytes':
      w.tag(no, WireType.lengthDelimited).bytes(value as Uint8Array);
      return;
    case 'double':
      w.tag(no, WireType.fixed64).double(value as number);
      return;
    case 'bool':
      w.varintField(no, value ? 1 : 0);
      return;
    default:
      w.varintField(no, value as number);
  }
}

export function encodeMessage(spec: MessageSpec, msg: Loose): Uint8Array<ArrayBuffer> {
  const w = new ProtoWriter();
  for (const field of spec.fields) {
    const value = msg[field.key];
    if (isDefault(field, value)) continue;
    if (field.repeated && isPackable(field.type)) {
      const packed = new ProtoWriter();
      for (const item of value as unknown[]) {
        if (field.type === 'double') packed.double(item as number);
        else packed.varint(item as number);
      }
      w.message(field.no, packed);
    } else if (field.repeated) {
      for (const item of value as unknown[]) writeScalar(w, field.no, field.type, item);
    } else {
      writeScalar(w, field.no, field.type, value);
    }
  }
  return w.finish();
}

function readNumeric(r: ProtoReader, type: FieldSpec['type']): unknown {
  if (type === 'double') return r.double();
  if (type === 'bool') return r.bool();
  if (type === 'uint32') return Number(BigInt.asUintN(32, r.varintBig()));
  if (type === 'int32') return Number(BigInt.asIntN(32, r.varintBig()));
  return r.varintNumber();
}

function readValue(r: ProtoReader, field: FieldSpec, wireType: number): unknown {
  const type = field.type;
  const expected =
    typeof type === 'string'
      ? type === 'string' || type === 'bytes'
        ? WireType.lengthDelimited
        : type === 'double'
          ? WireType.fixed64
          : WireType.varint
      : type.kind === 'enum'
        ? WireType.varint
        : WireType.lengthDelimited;
  if (wireType !== expected) {
    throw new ProtoDecodeError(`field ${field.protoName} has wire type ${wireType}, expected ${expected}`);
  }
  if (type === 'string') return r.string();
  if (type === 'bytes') return r.bytes().slice();
  if (typeof type !== 'string' && type.kind === 'message') {
    const body = r.bytes();
    return decodeMessage(type, new ProtoReader(body));
  }
  return readNumeric(r, type);
}

export function decodeMessage(spec: MessageSpec, r: ProtoReader): Loose {
  const msg = createMessage(spec);
  const byNumber = new Map(spec.fields.map((f) => [f.no, f]));
  while (!r.done) {
    const [no, wireType] = r.tag();
    const field = byNumber.get(no);
    if (!field) {
      r.skip(wireType);
      continue;
    }
    if (field.repeated && isPackable(field.type) && wireType === WireType.lengthDelimited) {
      const body = r.bytes();
      const inner = new ProtoReader(body);
      const list = msg[field.key] as unknown[];
      while (!inner.done) list.push(readNumeric(inner, field.type));
    } else if (field.repeated) {
      (msg[field.key] as unknown[]).push(readValue(r, field, wireType));
    } else {
      msg[field.key] = readValue(r, field, wireType);
    }
  }
  return msg;
}

// ---------------------------------------------------------------- JSON

function scalarToJson(type: FieldSpec['type'], value: unknown): JsonValue {
  if (typeof type !== 'string') {
    if (type.kind === 'enum') return type.names[value as number] ?? (value as number);
    return messageToJson(type, value as Loose);
  }
  switch (type) {
    case 'int64':
      return String(value);
    case 'bytes':
      return base64Encode(value as Uint8Array);
    case 'double': {
      const n = value as number;
      if (Number.isNaN(n)) return 'NaN';
      if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
      return n;
    }
    default:
      return value as JsonValue;
  }
}

export function messageToJson(spec: MessageSpec, msg: Loose): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const field of spec.fields) {
    const value = msg[field.key];
    if (isDefault(field, value)) continue;
    out[field.key] = field.repeated
      ? (value as unknown[]).map((item) => scalarToJson(field.type, item))
      : scalarToJson(field.type, value);
  }
  return out;
}

function fail(path: string, what: string): never {
  throw new ProtoDecodeError(`${path}: ${what}`);
}

function integerFromJson(value: unknown, path: string, min: number, max: number): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) n = Number(value.trim());
  else return fail(path, `expected an integer, got ${JSON.stringify(value)}`);
  if (!Number.isInteger(n)) fail(path, `expected an integer, got ${value}`);
  if (n < min || n > max) fail(path, `integer ${value} out of range`);
  return n;
}

function scalarFromJson(type: FieldSpec['type'], value: unknown, path: string): unknown {
  if (typeof type !== 'string') {
    if (type.kind === 'message') return messageFromJson(type, value, path);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    for (const [num, name] of Object.entries(type.names)) if (name === value) return Number(num);
    return fail(path, `unknown enum value ${JSON.stringify(value)}`);
  }
  switch (type) {
    case 'string':
      if (typeof value !== 'string') fail(path, `expected a string, got ${JSON.stringify(value)}`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') fail(path, `expected true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'bytes':
      if (typeof value !== 'string') fail(path, 'expected base64 text');
      return base64Decode(value);
    case 'double':
      if (typeof value === 'number') return value;
      if (value === 'NaN') return NaN;
      if (value === 'Infinity') return Infinity;
      if (value === '-Infinity') return -Infinity;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return fail(path, `expected a number, got ${JSON.stringify(value)}`);
    case 'uint32':
      return integerFromJson(value, path, 0, 0xffffffff);
    case 'int32':
      return integerFromJson(value, path, -0x80000000, 0x7fffffff);
    case 'int64':
      // Exact up to 2^53; larger values (nanosecond timestamps) keep double precision.
      return integerFromJson(value, path, -(2 ** 63), 2 ** 63);
  }
}

export function messageFromJson(spec: MessageSpec, json: unknown, path = spec.typeName): Loose {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(path, 'expected a JSON object');
  const input = json as Loose;
  const msg = createMessage(spec);
  for (const field of spec.fields) {
    const raw = field.key in input ? input[field.key] : input[field.protoName];
    if (raw === undefined || raw === null) continue;
    const fieldPath = `${path}.${field.key}`;
    if (field.repeated) {
      if (!Array.isArray(raw)) fail(fieldPath, 'expected a JSON array');
      msg[field.key] = raw.map((item, i) => scalarFromJson(field.type, item, `${fieldPath}[${i}]`));
    } else {
      msg[field.key] = scalarFromJson(field.type, raw, fieldPath);
    }
  }
  return msg;
}

// ---------------------------------------------------------------- typed facade

export interface MessageCodec<T> {
  readonly spec: MessageSpec;
  create(init?: Partial<T>): T;
  /** Binary protobuf; an ArrayBuffer-backed array, so it can be a fetch body as it is. */
  encode(msg: Partial<T>): Uint8Array<ArrayBuffer>;
  decode(bytes: Uint8Array): T;
  toJson(msg: Partial<T>): { [key: string]: JsonValue };
  fromJson(json: unknown): T;
  toJsonString(msg: Partial<T>): string;
  fromJsonString(text: string): T;
}

export function defineMessage<T>(spec: MessageSpec): MessageCodec<T> {
  const full = (msg: Partial<T>): Loose => createMessage(spec, msg as Loose);
  return {
    spec,
    create: (init = {}) => full(init) as T,
    encode: (msg) => encodeMessage(spec, full(msg)),
    decode: (bytes) => decodeMessage(spec, new ProtoReader(bytes)) as T,
    toJson: (msg) => messageToJson(spec, full(msg)),
    fromJson: (json) => messageFromJson(spec, json) as T,
    toJsonString: (msg) => JSON.stringify(messageToJson(spec, full(msg))),
    fromJsonString: (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new ProtoDecodeError(`${spec.typeName}: invalid JSON (${(error as Error).message})`);
      }
      return messageFromJson(spec, json) as T;
    },
  };
}
