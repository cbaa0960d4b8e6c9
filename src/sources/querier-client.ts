/**
 * A client for the Pyroscope querier API (Connect protocol, unary), used alike against
 * the embedded store and a real Grafana Pyroscope. JSON for the small messages;
 * SelectMergeProfile in binary so the answer is pprof bytes the worker decodes like a
 * dropped file. Every failure becomes a QuerierError with the HTTP status and a message
 * a person can read.
 */
import {
  LabelNamesRequest,
  LabelNamesResponse,
  LabelValuesRequest,
  LabelValuesResponse,
  ProfileTypesRequest,
  ProfileTypesResponse,
  QuerierPaths,
  SelectMergeProfileRequest,
  SelectSeriesRequest,
  SelectSeriesResponse,
} from './pyroscope/messages.ts';
import type { ProfileType, Series } from './pyroscope/messages.ts';

export class QuerierError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'QuerierError';
    this.status = status;
    this.code = code;
  }
}

interface Codec<Req, Res> {
  encode(msg: Partial<Req>): Uint8Array<ArrayBuffer>;
  toJsonString(msg: Partial<Req>): string;
  fromJsonString(text: string): Res;
}

async function readError(response: Response, base: string): Promise<QuerierError> {
  let code = 'unknown';
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    if (body.code) code = body.code;
    if (body.message) message = body.message;
  } catch {
    // Not a Connect error body (a proxy page, an HTML 404): the status line says it all.
  }
  return new QuerierError(response.status, code, `${base} answered: ${message}`);
}

export class QuerierClient {
  /** base URL without a trailing slash; '' means the origin that served the app */
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** What to call the backend in messages. */
  get label(): string {
    return this.baseUrl || 'this server';
  }

  private async post(path: string, body: BodyInit, contentType: string, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'Connect-Protocol-Version': '1' },
        body,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new QuerierError(0, 'unavailable', `cannot reach ${this.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw await readError(response, this.label);
    return response;
  }

  private async unary<Req, Res>(path: string, codec: Codec<Req, unknown>, responseCodec: Codec<unknown, Res>, request: Partial<Req>, signal?: AbortSignal): Promise<Res> {
    const response = await this.post(path, codec.toJsonString(request), 'application/json', signal);
    const text = await response.text();
    try {
      return responseCodec.fromJsonString(text);
    } catch (error) {
      throw new QuerierError(response.status, 'invalid_response', `${this.label} sent an unreadable answer: ${(error as Error).message}`);
    }
  }

  async profileTypes(start: number, end: number, signal?: AbortSignal): Promise<ProfileType[]> {
    const res = await this.unary(QuerierPaths.profileTypes, ProfileTypesRequest, ProfileTypesResponse, { start, end }, signal);
    return res.profileTypes;
  }

  async labelNames(matchers: string[], start: number, end: number, signal?: AbortSignal): Promise<string[]> {
    const res = await this.unary(QuerierPaths.labelNames, LabelNamesRequest, LabelNamesResponse, { matchers, start, end }, signal);
    return res.names;
  }

  async labelValues(name: string, matchers: string[], start: number, end: number, signal?: AbortSignal): Promise<string[]> {
    const res = await this.unary(QuerierPaths.labelValues, LabelValuesRequest, LabelValuesResponse, { name, matchers, start, end }, signal);
    return res.names;
  }

  async selectSeries(request: Partial<SelectSeriesRequest>, signal?: AbortSignal): Promise<Series[]> {
    const res = await this.unary(QuerierPaths.selectSeries, SelectSeriesRequest, SelectSeriesResponse, request, signal);
    return res.series;
  }

  /** The merged profile as pprof bytes (binary Connect codec). */
  async selectMergeProfile(request: Partial<SelectMergeProfileRequest>, signal?: AbortSignal): Promise<ArrayBuffer> {
    const body = SelectMergeProfileRequest.encode(request);
    const response = await this.post(QuerierPaths.selectMergeProfile, body, 'application/proto', signal);
    return response.arrayBuffer();
  }
}
