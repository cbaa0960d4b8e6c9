/** The read side: QuerierService over Connect (JSON or binary protobuf). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  GoogleProfile,
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
} from '../../src/sources/pyroscope/messages.ts';
import type { MessageCodec } from '../../src/sources/pyroscope/schema.ts';
import type { Querier } from '../query/querier.ts';
import { CONTENT_TYPES, decodeMessage, requestBytes, requestCodec, sendMessage, type Codec } from './connect.ts';

export function registerQueryRoutes(app: FastifyInstance, querier: Querier, maxQueryBodyBytes: number): void {
  const options = { bodyLimit: maxQueryBodyBytes };

  async function read<T>(request: FastifyRequest, message: MessageCodec<T>): Promise<{ codec: Codec; msg: T }> {
    const codec = requestCodec(request.headers['content-type']);
    return { codec, msg: decodeMessage(codec, await requestBytes(request, maxQueryBodyBytes), message) };
  }

  function unary<Req, Res>(path: string, req: MessageCodec<Req>, res: MessageCodec<Res>, handle: (msg: Req) => Res): void {
    app.post(path, options, async (request, reply) => {
      const { codec, msg } = await read(request, req);
      return sendMessage(reply, codec, res, handle(msg));
    });
  }

  unary(QuerierPaths.profileTypes, ProfileTypesRequest, ProfileTypesResponse, (m) => querier.profileTypes(m));
  unary(QuerierPaths.labelNames, LabelNamesRequest, LabelNamesResponse, (m) => querier.labelNames(m));
  unary(QuerierPaths.labelValues, LabelValuesRequest, LabelValuesResponse, (m) => querier.labelValues(m));
  unary(QuerierPaths.selectSeries, SelectSeriesRequest, SelectSeriesResponse, (m) => querier.selectSeries(m));

  app.post(QuerierPaths.selectMergeProfile, options, async (request, reply: FastifyReply) => {
    const { codec, msg } = await read(request, SelectMergeProfileRequest);
    const pprof = await querier.selectMergeProfile(msg);
    reply.header('content-type', CONTENT_TYPES[codec]);
    // Binary: the uncompressed google.v1.Profile, as Pyroscope returns it.
    return reply.send(codec === 'proto' ? pprof : GoogleProfile.toJsonString(GoogleProfile.decode(pprof)));
  });
}
