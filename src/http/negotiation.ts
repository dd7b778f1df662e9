/**
 * SkyHub's content rules: JSON in and out, UTF-8 only (415 otherwise), and 406 for an Accept
 * header that rules JSON out. A missing Accept is fine: many clients send none.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CaisError, ErrorKind } from '../errors.ts';

const acceptsJson = /(^|,)\s*(application\/json|application\/\*|\*\/\*|\*)\s*(;|,|$)/i;

export function checkAccept(request: FastifyRequest): void {
  const accept = request.headers.accept;
  if (accept && !acceptsJson.test(accept)) {
    throw new CaisError(ErrorKind.not_acceptable, 'Accept: this API answers application/json only', {
      code: 'not_acceptable',
    });
  }
}

/** A JSON parser that refuses bodies that are not UTF-8 instead of silently mangling them. */
export function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    const buffer = body as Buffer;
    // No body is not malformed JSON: clients send Content-Type on every call, DELETE included.
    // Routes that need a body say so ("body: must be a JSON object").
    if (buffer.length === 0) {
      done(null, undefined);
      return;
    }
    if ((charset && !/^utf-?8$/i.test(charset)) || !isUtf8(buffer)) {
      done(
        new CaisError(ErrorKind.unsupported_media_type, 'body: must be UTF-8 encoded JSON', {
          code: 'not_utf8',
        }),
        undefined,
      );
      return;
    }
    if (nestingExceeds(buffer, MAX_JSON_DEPTH)) {
      done(
        new CaisError(
          ErrorKind.invalid,
          `body: must not nest objects or arrays more than ${MAX_JSON_DEPTH} deep`,
          { code: 'too_deep', params: { limit: MAX_JSON_DEPTH } },
        ),
        undefined,
      );
      return;
    }
    parseJson(request, buffer.toString('utf8'), done);
  });
}

// The deepest SkyHub body (a product's variations' specifications) nests about 6 levels. Code that
// walks a body recursively (the NUL check, validation, JSON.stringify) overflows the stack a few
// thousand levels down, which a 20 kB body reaches: such bodies are refused before parsing.
export const MAX_JSON_DEPTH = 64;

/** Whether the JSON text nests deeper than max: a byte scan, safe because no byte of a multi-byte UTF-8 character is ASCII. */
function nestingExceeds(buffer: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}
