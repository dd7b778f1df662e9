/**
 * A minimal multipart/form-data reader for the one Shopee call that needs it (upload_invoice_doc).
 * Binary-safe: it works on the raw bytes and never decodes a file part.
 */
export interface Part {
  readonly name: string;
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly data: Buffer;
}

function headerValue(headers: string, name: string): string | null {
  const line = headers.split('\r\n').find((entry) => entry.toLowerCase().startsWith(`${name}:`));
  return line === undefined ? null : line.slice(name.length + 1).trim();
}

function dispositionParam(disposition: string, param: string): string | null {
  const match = new RegExp(`${param}="([^"]*)"`, 'i').exec(disposition);
  return match?.[1] ?? null;
}

/** The parts of a body, or null when it is not well-formed multipart for this content type. */
export function parseMultipart(body: Buffer, contentType: string): Part[] | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (match === null) return null;
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: Part[] = [];
  let position = body.indexOf(boundary);
  if (position < 0) return null;
  for (;;) {
    position += boundary.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0) return null;
    const headers = body.subarray(position + 2, headerEnd).toString('utf8');
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next < 0) return null;
    const disposition = headerValue(headers, 'content-disposition') ?? '';
    parts.push({
      name: dispositionParam(disposition, 'name') ?? '',
      filename: dispositionParam(disposition, 'filename'),
      contentType: headerValue(headers, 'content-type'),
      // The part ends with the CRLF that precedes the next boundary.
      data: body.subarray(headerEnd + 4, next - 2),
    });
    position = next;
  }
}
