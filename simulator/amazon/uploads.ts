import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomHex } from '../core/oauth.ts';
import type { AmDeps } from './deps.ts';
import { mountUrl } from './deps.ts';
import { AM_FEEDS } from './facts.ts';
import type { AmDocument } from './model.ts';

/**
 * The S3 side of feed documents. `createFeedDocument` and `getFeedDocument` hand out presigned
 * URLs that point here; like S3's, they carry their own credentials (no access token) and stop
 * working 5 minutes after issue [doc].
 */
export const UPLOADS_PATH = '/_uploads';

/** A fresh presigned URL for a document: a new signature, a new 5-minute window. */
export function presign(deps: AmDeps, request: FastifyRequest, document: AmDocument): string {
  const now = deps.clock.now();
  document.urlToken = randomHex(32);
  document.urlExpiresAt = now + AM_FEEDS.urlTtlMs;
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': `${stamp}Z`,
    'X-Amz-Expires': String(AM_FEEDS.urlTtlMs / 1000),
    'X-Amz-SignedHeaders': 'content-type;host',
    'X-Amz-Signature': document.urlToken,
  });
  return `${mountUrl(request)}${UPLOADS_PATH}/${encodeURIComponent(document.id)}?${query}`;
}

/** S3's XML error body [2nd: S3 REST error responses]. */
function s3Error(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomHex(8).toUpperCase()}</RequestId></Error>`;
  return reply.code(status).type('application/xml').send(body);
}

/** Lower-cased media type and parameters without spaces: `text/xml; charset=UTF-8` ≡ `text/xml;charset=utf-8`. */
function normalType(value: string | undefined): string {
  return (value ?? '').toLowerCase().replace(/\s+/g, '');
}

type UploadRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>;

/** The document a presigned URL names, if its signature is current; else the S3 error was sent. */
function authorisedDocument(deps: AmDeps, request: UploadRequest, reply: FastifyReply): AmDocument | null {
  const document = deps.store.documents.get(request.params.id);
  if (document === undefined || request.query['X-Amz-Signature'] !== document.urlToken) {
    s3Error(
      reply,
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
    return null;
  }
  if (deps.clock.now() >= document.urlExpiresAt) {
    s3Error(reply, 403, 'AccessDenied', 'Request has expired');
    return null;
  }
  return document;
}

function upload(deps: AmDeps, request: UploadRequest, reply: FastifyReply) {
  const document = authorisedDocument(deps, request, reply);
  if (document === null) return reply;
  // [doc] the upload must carry the content type given to createFeedDocument (it is signed).
  if (normalType(request.headers['content-type']) !== normalType(document.contentType)) {
    return s3Error(reply, 403, 'SignatureDoesNotMatch', 'The Content-Type does not match the signed one.');
  }
  const body = request.body;
  document.content = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  return reply
    .header('etag', `"${randomHex(16)}"`)
    .code(200)
    .send();
}

function download(deps: AmDeps, request: UploadRequest, reply: FastifyReply) {
  const document = authorisedDocument(deps, request, reply);
  if (document === null) return reply;
  if (document.content === null) return s3Error(reply, 404, 'NoSuchKey', 'The specified key does not exist.');
  // [SPM getFeedDocument.enableContentEncodingUrlHeader] a GZIP document is served as its .gz
  // bytes; only a URL asked with that flag says `Content-Encoding: gzip`.
  if (document.compression === 'GZIP' && document.contentEncodingHeader)
    reply.header('content-encoding', 'gzip');
  return reply.type(document.contentType).send(document.content);
}

/** The upload route takes any body as raw bytes, up to the size feeds allow, in its own scope. */
export function registerAmUploads(scope: FastifyInstance, deps: AmDeps): void {
  scope.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: AM_FEEDS.maxDocumentBytes },
      (_request, body, done) => done(null, body),
    );
    const route = {
      bodyLimit: AM_FEEDS.maxDocumentBytes,
      config: { sim: { op: 'feeds.upload', auth: false } },
    };
    uploads.put<{ Params: { id: string }; Querystring: Record<string, string> }>(
      `${UPLOADS_PATH}/:id`,
      route,
      (request, reply) => upload(deps, request, reply),
    );
    uploads.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
      `${UPLOADS_PATH}/:id`,
      { config: { sim: { op: 'feeds.download', auth: false } } },
      (request, reply) => download(deps, request, reply),
    );
  });
}
