/**
 * Reads fields out of a buffered multipart/form-data body (RFC 7578), the way
 * Pyroscope's Go SDK uploads: the pprof in a field named `profile`, optionally
 * `prev_profile` and `sample_type_config`.
 */
import { invalidArgument } from '../errors.ts';

export function multipartBoundary(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw invalidArgument('multipart/form-data upload without a boundary parameter');
  return boundary;
}

/** Returns every part's content by field name (the first part wins when a name repeats). */
export function parseMultipart(body: Buffer, boundary: string): Map<string, Buffer> {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = new Map<string, Buffer>();
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw invalidArgument('multipart body does not contain its boundary');
  while (true) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return fields; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd === -1) throw invalidArgument('truncated multipart body: a part has no end of headers');
    const headers = body.subarray(pos, headerEnd).toString('latin1');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) throw invalidArgument('truncated multipart body: missing closing boundary');
    const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined && !fields.has(name)) fields.set(name, body.subarray(headerEnd + 4, next));
    pos = next + 2;
  }
}
