/**
 * The one place errors become HTTP answers. SkyHub clients read `{"error": "..."}`, so every error
 * body has that key; Cais adds a stable `code`. Messages are shown only below 500: anything
 * unexpected is logged with the request id and answered with a generic 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CaisError, ErrorKind, type ErrorParams, isCaisError } from '../errors.ts';
import { messageFor } from '../i18n/errors.ts';
import { type Language, preferredLanguage } from '../i18n/language.ts';
import { describeErrors, fieldRule } from './validation.ts';

const statusOf: Record<ErrorKind, number> = {
  [ErrorKind.invalid]: 400,
  [ErrorKind.unauthorized]: 401,
  [ErrorKind.forbidden]: 403,
  [ErrorKind.not_found]: 404,
  [ErrorKind.not_acceptable]: 406,
  [ErrorKind.conflict]: 409,
  [ErrorKind.too_large]: 413,
  [ErrorKind.unsupported_media_type]: 415,
  [ErrorKind.unprocessable]: 422,
  [ErrorKind.rate_limited]: 429,
  [ErrorKind.unavailable]: 503,
};

// Fastify's own client errors (bad JSON, empty body, size, media type) keep their status; their
// messages are replaced by ones that say what to fix.
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body: must not be empty when Content-Type is application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body: is larger than this server accepts',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Content-Type: must be application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length: does not match the body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body: is not valid JSON',
};

/**
 * The body of an error answer: `error` in the caller's language when the catalogue has the code's
 * sentence (Content-Language says which language it is in), else the English message as thrown;
 * `code` and `params` let a console phrase it itself, next to the field concerned.
 */
function errorBody(
  reply: FastifyReply,
  message: string,
  code: string,
  params: ErrorParams | undefined,
): { error: string; code: string; params?: ErrorParams } {
  const lang: Language = preferredLanguage(reply.request.headers['accept-language']);
  const said = messageFor({ message, code, params }, lang);
  reply.header('content-language', said.lang);
  return { error: said.text, code, ...(params ? { params } : {}) };
}

export function sendError(reply: FastifyReply, error: CaisError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  const body = errorBody(reply, error.message, error.code, error.params);
  return reply
    .code(statusOf[error.kind])
    .type('application/json; charset=utf-8')
    .send({ ...body, ...error.details });
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isCaisError(error)) {
    if (statusOf[error.kind] >= 500) request.log.warn({ err: error }, error.message);
    return sendError(reply, error);
  }
  if (error.validation) {
    // Body, query and path fields are named as the client wrote them (`product.qty`, `per_page`, `sku`).
    const context = error.validationContext;
    const root = context === 'headers' ? 'headers' : '';
    // A missing query or path parameter is named alone (`sku: is required`), not as a body field.
    const whole = context === 'querystring' || context === 'params' ? '' : 'body';
    const message = describeErrors(error.validation as never, root, whole);
    const params = fieldRule(error.validation as never, root, whole);
    return reply.code(400).send(errorBody(reply, message, 'invalid_field', params));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const message =
      fastifyMessages[error.code] ??
      (error instanceof SyntaxError ? 'body: is not valid JSON' : error.message);
    if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '1');
    return reply.code(status).send({ error: message, code: error.code ?? 'client_error' });
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .code(500)
    .send(
      errorBody(reply, 'internal error; the request id is in the x-request-id header', 'internal', undefined),
    );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    return reply
      .code(404)
      .send(errorBody(reply, `no route for ${params.method} ${params.path}`, 'no_route', params));
  });
}
