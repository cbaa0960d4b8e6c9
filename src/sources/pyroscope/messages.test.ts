import { describe, expect, it } from 'vitest';
import {
  LabelValuesRequest,
  parseProfileTypeID,
  ProfileTypesResponse,
  ProtoDecodeError,
  PushRequest,
  SelectMergeProfileRequest,
  SelectSeriesRequest,
  SelectSeriesResponse,
  TimeSeriesAggregationType,
} from './messages.ts';
import { base64Decode, base64Encode } from './protowire.ts';

describe('protobuf JSON names and int64 handling', () => {
  it('uses protoc json_name spellings and emits int64 as strings', () => {
    const json = SelectMergeProfileRequest.toJson({
      profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="a"}',
      start: 1676282400000,
      end: 1676289600000,
    });
    expect(json).toEqual({
      profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
      labelSelector: '{service_name="a"}',
      start: '1676282400000',
      end: '1676289600000',
    });
  });

  it('accepts int64 as numbers or strings, and the .proto field names', () => {
    const a = SelectSeriesRequest.fromJson({ profile_typeID: 'a:b:c:d:e', label_selector: '{}', start: 5, end: '10', group_by: ['pod'], step: 1.5 });
    expect(a).toMatchObject({ profileTypeID: 'a:b:c:d:e', start: 5, end: 10, groupBy: ['pod'], step: 1.5 });
    expect(SelectSeriesRequest.fromJson({ aggregation: 'TIME_SERIES_AGGREGATION_TYPE_AVERAGE' }).aggregation).toBe(TimeSeriesAggregationType.AVERAGE);
  });

  it('leaves default values out and fills them back in', () => {
    expect(SelectSeriesResponse.toJson({ series: [{ labels: [], points: [{ value: 0, timestamp: 7 }] }] })).toEqual({
      series: [{ points: [{ timestamp: '7' }] }],
    });
    expect(SelectSeriesResponse.fromJson({ series: [{ points: [{ timestamp: '7' }] }] })).toEqual({
      series: [{ labels: [], points: [{ value: 0, timestamp: 7 }] }],
    });
  });

  it('rejects wrong JSON types with the field path', () => {
    expect(() => LabelValuesRequest.fromJson({ name: 3 })).toThrow(/LabelValuesRequest\.name: expected a string/);
    expect(() => SelectSeriesRequest.fromJson({ start: 1.5 })).toThrow(ProtoDecodeError);
    expect(() => SelectSeriesRequest.fromJsonString('{')).toThrow(/invalid JSON/);
  });
});

describe('binary protobuf', () => {
  it('encodes a SelectMergeProfileRequest byte for byte as protoc would', () => {
    const bytes = SelectMergeProfileRequest.encode({ profileTypeID: 'a', labelSelector: '{}', start: 1, end: 300 });
    // field 1 "a", field 2 "{}", field 3 varint 1, field 4 varint 300 (0xac 0x02)
    expect([...bytes]).toEqual([0x0a, 1, 0x61, 0x12, 2, 0x7b, 0x7d, 0x18, 1, 0x20, 0xac, 0x02]);
  });

  it('round-trips every request and response shape, skipping unknown fields', () => {
    const series = { series: [{ labels: [{ name: 'pod', value: 'a' }], points: [{ value: 2.5, timestamp: 1700000000123 }] }] };
    expect(SelectSeriesResponse.decode(SelectSeriesResponse.encode(series))).toEqual(series);
    const types = { profileTypes: [{ ID: 'a:b:c:d:e', name: 'a', sampleType: 'b', sampleUnit: 'c', periodType: 'd', periodUnit: 'e' }] };
    expect(ProfileTypesResponse.decode(ProfileTypesResponse.encode(types))).toEqual(types);
    const request = SelectSeriesRequest.create({ profileTypeID: 'x', step: 10, groupBy: ['a', 'b'], limit: 0, aggregation: 0 });
    expect(SelectSeriesRequest.decode(SelectSeriesRequest.encode(request))).toEqual(request);
    const withUnknown = new Uint8Array([...SelectMergeProfileRequest.encode({ start: 9 }), 0x50, 0x01, 0x5a, 0x01, 0x00]);
    expect(SelectMergeProfileRequest.decode(withUnknown).start).toBe(9);
  });

  it('carries raw profile bytes in Push, base64 in JSON', () => {
    const raw = new Uint8Array([0x1f, 0x8b, 0, 255, 7]);
    const push = { series: [{ labels: [{ name: 'service_name', value: 's' }], samples: [{ rawProfile: raw, ID: 'id' }] }] };
    expect(PushRequest.decode(PushRequest.encode(push))).toEqual(push);
    const json = PushRequest.toJson(push) as { series: { samples: { rawProfile: string }[] }[] };
    expect(json.series[0].samples[0].rawProfile).toBe('H4sA/wc=');
    expect(PushRequest.fromJson(json)).toEqual(push);
  });

  it('reports truncated input instead of reading past the end', () => {
    const bytes = SelectMergeProfileRequest.encode({ profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' });
    expect(() => SelectMergeProfileRequest.decode(bytes.subarray(0, 10))).toThrow(/truncated/);
  });

  it('keeps negative int64 values', () => {
    expect(SelectSeriesRequest.decode(SelectSeriesRequest.encode({ start: -5 })).start).toBe(-5);
  });
});

describe('helpers', () => {
  it('base64 round-trips all byte values and accepts the URL-safe alphabet', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
    expect(base64Decode('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
  });

  it('splits profile type IDs', () => {
    expect(parseProfileTypeID('memory:inuse_space:bytes:space:bytes')).toMatchObject({ name: 'memory', sampleType: 'inuse_space', periodUnit: 'bytes' });
    expect(parseProfileTypeID('memory:inuse_space')).toBeUndefined();
  });
});
