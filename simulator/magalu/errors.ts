import type { FastifyReply } from 'fastify';

/**
 * THE ONE PLACE that decides Magalu's error body. The reference did not retrieve "Estrutura de
 * erros"; an integrator reading the published OpenAPI specs [2nd] reports
 * `{slug, message, details[]}` with `details[].{field, location, slug, message}` and
 * `location` ∈ header|body|query|params|path|unknown, and the slugs below. If the real format
 * differs, change `magaluError` and SLUGS here: every Magalu route answers through them.
 */
export interface MagaluErrorDetail {
  readonly field: string;
  readonly location: 'header' | 'body' | 'query' | 'params' | 'path' | 'unknown';
  readonly slug: string;
  readonly message: string;
}

export interface MagaluErrorBody {
  readonly slug: string;
  readonly message: string;
  readonly details: readonly MagaluErrorDetail[];
}

const SLUGS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  423: 'LOCKED',
  429: 'TOO_MANY_REQUESTS',
  500: 'SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export interface MagaluError {
  readonly status: number;
  readonly body: MagaluErrorBody;
}

export function magaluError(
  status: number,
  message: string,
  details: readonly MagaluErrorDetail[] = [],
): MagaluError {
  const slug = SLUGS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'BAD_REQUEST');
  return { status, body: { slug, message, details } };
}

export function detail(
  field: string,
  location: MagaluErrorDetail['location'],
  message: string,
  slug = 'INVALID',
): MagaluErrorDetail {
  return { field, location, slug, message };
}

export const MG_TOO_MANY_REQUESTS: MagaluError = magaluError(429, 'Too many requests');

export function sendMagaluError(reply: FastifyReply, error: MagaluError): FastifyReply {
  return reply.code(error.status).send(error.body);
}
