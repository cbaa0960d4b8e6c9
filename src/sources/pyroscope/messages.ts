/**
 * The wire shapes of the Pyroscope API subset Flamelens speaks, in one place for
 * the browser client and the embedded server. Field numbers and names follow
 * Grafana Pyroscope's api/querier/v1/querier.proto, api/types/v1/types.proto and
 * api/push/v1/push.proto; the TypeScript property names are the protobuf JSON
 * names (protoc's json_name: `profile_typeID` -> `profileTypeID`).
 *
 * Every message has a codec with `encode`/`decode` (binary protobuf, as sent with
 * `Content-Type: application/proto`) and `toJson`/`fromJson` (protobuf JSON, as
 * sent with `application/json`). int64 fields are JavaScript numbers here (unix
 * milliseconds and counts fit exactly), strings in JSON output, and accepted as
 * numbers or strings in JSON input.
 *
 * SelectMergeProfile answers with a pprof `google.v1.Profile`: raw (uncompressed)
 * protobuf bytes for `application/proto`, which decode like any .pb file, or
 * protobuf JSON via `GoogleProfile` below for `application/json`.
 */
import { defineMessage, type EnumSpec, type FieldSpec, type MessageSpec } from './schema.ts';

export { ProtoDecodeError } from './protowire.ts';

/** Connect's procedure paths, relative to the backend's base URL. */
export const QuerierPaths = {
  profileTypes: '/querier.v1.QuerierService/ProfileTypes',
  labelNames: '/querier.v1.QuerierService/LabelNames',
  labelValues: '/querier.v1.QuerierService/LabelValues',
  selectSeries: '/querier.v1.QuerierService/SelectSeries',
  selectMergeProfile: '/querier.v1.QuerierService/SelectMergeProfile',
} as const;

export const PusherPaths = { push: '/push.v1.PusherService/Push' } as const;

function f(no: number, protoName: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec {
  // protoc's json_name: drop underscores and upper-case the letter after each one.
  const key = protoName.replace(/_([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
  return { no, key, protoName, type, ...extra };
}

function message(typeName: string, fields: FieldSpec[]): MessageSpec {
  return { kind: 'message', typeName, fields };
}

// ------------------------------------------------------------------ types.v1

export interface LabelPair {
  name: string;
  value: string;
}
const labelPairSpec = message('types.v1.LabelPair', [f(1, 'name', 'string'), f(2, 'value', 'string')]);
export const LabelPair = defineMessage<LabelPair>(labelPairSpec);

export interface ProfileType {
  ID: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
}
const profileTypeSpec = message('types.v1.ProfileType', [
  f(1, 'ID', 'string'),
  f(2, 'name', 'string'),
  f(4, 'sample_type', 'string'),
  f(5, 'sample_unit', 'string'),
  f(6, 'period_type', 'string'),
  f(7, 'period_unit', 'string'),
]);
export const ProfileType = defineMessage<ProfileType>(profileTypeSpec);

export interface Point {
  value: number;
  /** unix milliseconds */
  timestamp: number;
}
const pointSpec = message('types.v1.Point', [f(1, 'value', 'double'), f(2, 'timestamp', 'int64')]);

export interface Series {
  labels: LabelPair[];
  points: Point[];
}
const seriesSpec = message('types.v1.Series', [
  f(1, 'labels', labelPairSpec, { repeated: true }),
  f(2, 'points', pointSpec, { repeated: true }),
]);
export const Series = defineMessage<Series>(seriesSpec);

export const TimeSeriesAggregationType = { SUM: 0, AVERAGE: 1 } as const;
export type TimeSeriesAggregationType = (typeof TimeSeriesAggregationType)[keyof typeof TimeSeriesAggregationType];
const aggregationEnum: EnumSpec = {
  kind: 'enum',
  names: { 0: 'TIME_SERIES_AGGREGATION_TYPE_SUM', 1: 'TIME_SERIES_AGGREGATION_TYPE_AVERAGE' },
};

export interface StackTraceSelector {
  callSite: { name: string }[];
  goPgo?: { keepLocations: number; aggregateCallees: boolean };
}
const stackTraceSelectorSpec = message('types.v1.StackTraceSelector', [
  f(1, 'call_site', message('types.v1.Location', [f(1, 'name', 'string')]), { repeated: true }),
  f(2, 'go_pgo', message('types.v1.GoPGO', [f(1, 'keep_locations', 'uint32'), f(2, 'aggregate_callees', 'bool')])),
]);

export interface LabelNamesRequest {
  matchers: string[];
  start: number;
  end: number;
}
export const LabelNamesRequest = defineMessage<LabelNamesRequest>(
  message('types.v1.LabelNamesRequest', [
    f(1, 'matchers', 'string', { repeated: true }),
    f(2, 'start', 'int64'),
    f(3, 'end', 'int64'),
  ]),
);

export interface LabelNamesResponse {
  names: string[];
}
export const LabelNamesResponse = defineMessage<LabelNamesResponse>(
  message('types.v1.LabelNamesResponse', [f(1, 'names', 'string', { repeated: true })]),
);

export interface LabelValuesRequest {
  name: string;
  matchers: string[];
  start: number;
  end: number;
}
export const LabelValuesRequest = defineMessage<LabelValuesRequest>(
  message('types.v1.LabelValuesRequest', [
    f(1, 'name', 'string'),
    f(2, 'matchers', 'string', { repeated: true }),
    f(3, 'start', 'int64'),
    f(4, 'end', 'int64'),
  ]),
);

export interface LabelValuesResponse {
  names: string[];
}
export const LabelValuesResponse = defineMessage<LabelValuesResponse>(
  message('types.v1.LabelValuesResponse', [f(1, 'names', 'string', { repeated: true })]),
);

// ------------------------------------------------------------------ querier.v1

export interface ProfileTypesRequest {
  start: number;
  end: number;
}
export const ProfileTypesRequest = defineMessage<ProfileTypesRequest>(
  message('querier.v1.ProfileTypesRequest', [f(1, 'start', 'int64'), f(2, 'end', 'int64')]),
);

export interface ProfileTypesResponse {
  profileTypes: ProfileType[];
}
export const ProfileTypesResponse = defineMessage<ProfileTypesResponse>(
  message('querier.v1.ProfileTypesResponse', [f(1, 'profile_types', profileTypeSpec, { repeated: true })]),
);

export interface SelectMergeProfileRequest {
  /** `<name>:<sample type>:<sample unit>:<period type>:<period unit>` */
  profileTypeID: string;
  /** `{service_name="checkout", env!="dev"}` */
  labelSelector: string;
  /** unix milliseconds, inclusive */
  start: number;
  /** unix milliseconds, inclusive */
  end: number;
  maxNodes?: number;
  stackTraceSelector?: StackTraceSelector;
  profileIdSelector: string[];
}
export const SelectMergeProfileRequest = defineMessage<SelectMergeProfileRequest>(
  message('querier.v1.SelectMergeProfileRequest', [
    f(1, 'profile_typeID', 'string'),
    f(2, 'label_selector', 'string'),
    f(3, 'start', 'int64'),
    f(4, 'end', 'int64'),
    f(5, 'max_nodes', 'int64', { optional: true }),
    f(6, 'stack_trace_selector', stackTraceSelectorSpec, { optional: true }),
    f(7, 'profile_id_selector', 'string', { repeated: true }),
  ]),
);

export interface SelectSeriesRequest {
  profileTypeID: string;
  labelSelector: string;
  start: number;
  end: number;
  groupBy: string[];
  /** seconds per point */
  step: number;
  aggregation?: TimeSeriesAggregationType;
  stackTraceSelector?: StackTraceSelector;
  /** keep only the top N series by total */
  limit?: number;
}
export const SelectSeriesRequest = defineMessage<SelectSeriesRequest>(
  message('querier.v1.SelectSeriesRequest', [
    f(1, 'profile_typeID', 'string'),
    f(2, 'label_selector', 'string'),
    f(3, 'start', 'int64'),
    f(4, 'end', 'int64'),
    f(5, 'group_by', 'string', { repeated: true }),
    f(6, 'step', 'double'),
    f(7, 'aggregation', aggregationEnum, { optional: true }),
    f(8, 'stack_trace_selector', stackTraceSelectorSpec, { optional: true }),
    f(9, 'limit', 'int64', { optional: true }),
  ]),
);

export interface SelectSeriesResponse {
  series: Series[];
}
export const SelectSeriesResponse = defineMessage<SelectSeriesResponse>(
  message('querier.v1.SelectSeriesResponse', [f(1, 'series', seriesSpec, { repeated: true })]),
);

// ------------------------------------------------------------------ push.v1

export interface RawSample {
  /** a pprof profile, gzipped or not */
  rawProfile: Uint8Array;
  ID: string;
}
const rawSampleSpec = message('push.v1.RawSample', [f(1, 'raw_profile', 'bytes'), f(2, 'ID', 'string')]);

export interface RawProfileSeries {
  labels: LabelPair[];
  samples: RawSample[];
}
const rawProfileSeriesSpec = message('push.v1.RawProfileSeries', [
  f(1, 'labels', labelPairSpec, { repeated: true }),
  f(2, 'samples', rawSampleSpec, { repeated: true }),
]);

export interface PushRequest {
  series: RawProfileSeries[];
}
export const PushRequest = defineMessage<PushRequest>(
  message('push.v1.PushRequest', [f(1, 'series', rawProfileSeriesSpec, { repeated: true })]),
);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- PushResponse has no fields
export interface PushResponse {}
export const PushResponse = defineMessage<PushResponse>(message('push.v1.PushResponse', []));

// ------------------------------------------------------------------ google.v1 (pprof)

const valueTypeSpec = message('google.v1.ValueType', [f(1, 'type', 'int64'), f(2, 'unit', 'int64')]);

/** pprof's Profile message, for the JSON form of SelectMergeProfile. Ids and string indices are numbers. */
export interface GoogleProfile {
  sampleType: { type: number; unit: number }[];
  sample: { locationId: number[]; value: number[]; label: { key: number; str: number; num: number; numUnit: number }[] }[];
  mapping: {
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
  }[];
  location: { id: number; mappingId: number; address: number; line: { functionId: number; line: number }[]; isFolded: boolean }[];
  function: { id: number; name: number; systemName: number; filename: number; startLine: number }[];
  stringTable: string[];
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  periodType?: { type: number; unit: number };
  period: number;
  comment: number[];
  defaultSampleType: number;
}
export const GoogleProfile = defineMessage<GoogleProfile>(
  message('google.v1.Profile', [
    f(1, 'sample_type', valueTypeSpec, { repeated: true }),
    f(
      2,
      'sample',
      message('google.v1.Sample', [
        f(1, 'location_id', 'int64', { repeated: true }),
        f(2, 'value', 'int64', { repeated: true }),
        f(3, 'label', message('google.v1.Label', [f(1, 'key', 'int64'), f(2, 'str', 'int64'), f(3, 'num', 'int64'), f(4, 'num_unit', 'int64')]), {
          repeated: true,
        }),
      ]),
      { repeated: true },
    ),
    f(
      3,
      'mapping',
      message('google.v1.Mapping', [
        f(1, 'id', 'int64'),
        f(2, 'memory_start', 'int64'),
        f(3, 'memory_limit', 'int64'),
        f(4, 'file_offset', 'int64'),
        f(5, 'filename', 'int64'),
        f(6, 'build_id', 'int64'),
        f(7, 'has_functions', 'bool'),
        f(8, 'has_filenames', 'bool'),
        f(9, 'has_line_numbers', 'bool'),
        f(10, 'has_inline_frames', 'bool'),
      ]),
      { repeated: true },
    ),
    f(
      4,
      'location',
      message('google.v1.Location', [
        f(1, 'id', 'int64'),
        f(2, 'mapping_id', 'int64'),
        f(3, 'address', 'int64'),
        f(4, 'line', message('google.v1.Line', [f(1, 'function_id', 'int64'), f(2, 'line', 'int64')]), { repeated: true }),
        f(5, 'is_folded', 'bool'),
      ]),
      { repeated: true },
    ),
    f(
      5,
      'function',
      message('google.v1.Function', [
        f(1, 'id', 'int64'),
        f(2, 'name', 'int64'),
        f(3, 'system_name', 'int64'),
        f(4, 'filename', 'int64'),
        f(5, 'start_line', 'int64'),
      ]),
      { repeated: true },
    ),
    f(6, 'string_table', 'string', { repeated: true }),
    f(7, 'drop_frames', 'int64'),
    f(8, 'keep_frames', 'int64'),
    f(9, 'time_nanos', 'int64'),
    f(10, 'duration_nanos', 'int64'),
    f(11, 'period_type', valueTypeSpec),
    f(12, 'period', 'int64'),
    f(13, 'comment', 'int64', { repeated: true }),
    f(14, 'default_sample_type', 'int64'),
  ]),
);

/** A Connect error body, as every Connect endpoint returns it with a non-2xx status. */
export interface ConnectErrorBody {
  code: string;
  message: string;
}

/** Splits a profile type ID into its five parts, or returns undefined if it is not one. */
export function parseProfileTypeID(id: string): ProfileType | undefined {
  const parts = id.split(':');
  if (parts.length !== 5 || parts.slice(0, 3).some((p) => p === '')) return undefined;
  const [name, sampleType, sampleUnit, periodType, periodUnit] = parts;
  return { ID: id, name, sampleType, sampleUnit, periodType, periodUnit };
}
