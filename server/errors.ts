/**
 * Errors the API reports to clients, in Connect's vocabulary. Every route,
 * Connect or not (/ingest), answers errors as `{"code": ..., "message": ...}`
 * with the HTTP status Connect assigns to the code, so clients need one parser.
 */

export type ConnectCode =
  | 'invalid_argument'
  | 'not_found'
  | 'resource_exhausted'
  | 'unimplemented'
  | 'failed_precondition'
  | 'unavailable'
  | 'internal';

/** Connect's code -> HTTP status mapping (connectrpc.com/docs/protocol). */
const HTTP_STATUS: Record<ConnectCode, number> = {
  invalid_argument: 400,
  failed_precondition: 400,
  not_found: 404,
  resource_exhausted: 429,
  unimplemented: 501,
  unavailable: 503,
  internal: 500,
};

export class ApiError extends Error {
  override name = 'ApiError';
  readonly httpStatus: number;

  /** `httpStatus` overrides the code's default where HTTP has a more precise word (413, 415, 507). */
  constructor(
    readonly code: ConnectCode,
    message: string,
    httpStatus?: number,
  ) {
    super(message);
    this.httpStatus = httpStatus ?? HTTP_STATUS[code];
  }
}

export const invalidArgument = (message: string): ApiError => new ApiError('invalid_argument', message);

export const tooLarge = (message: string): ApiError => new ApiError('resource_exhausted', message, 413);

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${+(bytes / (1 << 30)).toFixed(2)} GiB`;
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(2)} MiB`;
  if (bytes >= 1 << 10) return `${+(bytes / (1 << 10)).toFixed(2)} KiB`;
  return `${bytes} bytes`;
}
