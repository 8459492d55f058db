import { createHash } from 'node:crypto';
/**
 * A small `multipart/form-data` reader (RFC 7578) for the files API. The sandbox only needs whole, in-memory bodies
 * of a few parts, so a 40-line split on the boundary is enough; a streaming library (busboy) would add a dependency
 * and an async API to the synchronous request pipeline for no gain here.
 */

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2])!.trim() : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const chunk = body.subarray(afterDelimiter + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      if (name !== undefined) {
        parts.push({
          name,
          filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
          contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
          data: chunk.subarray(headerEnd + 4),
        });
      }
    }
    start = next;
  }
  return parts;
}

/**
 * A multipart body as the request log keeps it: each text part by name, and each file part by its name, media type,
 * size and MD5 (never its bytes), so two clients' uploads compare without their random boundaries.
 */
export function multipartForLog(
  body: Buffer,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  const boundary = multipartBoundary(contentType);
  if (!boundary) return undefined;
  const logged: Record<string, unknown> = {};
  for (const part of parseMultipart(body, boundary))
    logged[part.name] =
      part.filename === undefined
        ? part.data.toString('utf8')
        : {
            filename: part.filename,
            contentType: part.contentType,
            bytes: part.data.length,
            md5: createHash('md5').update(part.data).digest('hex'),
          };
  return logged;
}
