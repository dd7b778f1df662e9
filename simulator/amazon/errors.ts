import type { FastifyReply } from 'fastify';
import { AM_AUTH, AM_QUOTA_EXCEEDED } from './facts.ts';

/** [SPM] Every SP-API error: `{"errors": [{code, message, details}]}`. One place decides it. */
export interface AmErrorEntry {
  readonly code: string;
  readonly message: string;
  readonly details: string;
}

export interface AmError {
  readonly status: number;
  readonly body: { readonly errors: readonly AmErrorEntry[] };
}

export function amError(status: number, code: string, message: string, details = ''): AmError {
  return { status, body: { errors: [{ code, message, details }] } };
}

export function sendAmError(reply: FastifyReply, error: AmError): FastifyReply {
  return reply.code(error.status).send(error.body);
}

/** 400 `InvalidInput` [SPM]: the code every operation uses for a bad parameter or body. */
export function amInvalidInput(message: string, details = ''): AmError {
  return amError(400, 'InvalidInput', message, details);
}

export function amNotFound(message: string): AmError {
  return amError(404, 'NotFound', message);
}

export function amDenied(details: string): AmError {
  return amError(403, 'Unauthorized', AM_AUTH.deniedMessage, details);
}

/** Shared so a 429 storm allocates nothing. */
export const AM_TOO_MANY_REQUESTS: AmError = Object.freeze(
  amError(429, AM_QUOTA_EXCEEDED.code, AM_QUOTA_EXCEEDED.message),
);

/** [2nd] `InternalFailure` for 500; `ServiceUnavailable` for 503 [unverified]. */
export function amServerError(status: number): AmError {
  if (status === 503) return amError(503, 'ServiceUnavailable', 'Service temporarily unavailable.');
  return amError(status, 'InternalFailure', 'We encountered an internal error. Please try again.');
}

/** The rate in `x-amzn-RateLimit-Limit` [doc]: `5.0`, `0.0167`. */
export function formatRate(rate: number): string {
  return Number.isInteger(rate) ? rate.toFixed(1) : String(Number(rate.toFixed(4)));
}
