import type { FastifyReply } from 'fastify';

/** [doc: developers.mercadolivre.com.br/pt_ar/erros] Every ML error body has this shape. */
export interface MlErrorBody {
  readonly message: string;
  readonly error: string;
  readonly status: number;
  readonly cause: readonly unknown[];
}

/**
 * [unverified] One entry of `cause[]` on a validation error. Observed bodies carry
 * `code`, `message` and `references`; the other keys vary by department.
 */
export interface MlCause {
  readonly department: string;
  readonly cause_id: number;
  readonly type: 'error' | 'warning';
  readonly code: string;
  readonly references: readonly string[];
  readonly message: string;
}

/** [doc] The documented 429 body, verbatim. Shared so a 429 storm allocates nothing. */
export const ML_TOO_MANY_REQUESTS: MlErrorBody = Object.freeze({
  message: 'Too Many Requests',
  error: 'too_many_requests',
  status: 429,
  cause: Object.freeze([]),
});

export function mlError(
  status: number,
  error: string,
  message: string,
  cause: readonly unknown[] = [],
): MlErrorBody {
  return { message, error, status, cause };
}

export function mlCause(code: string, reference: string, message: string, department = 'items'): MlCause {
  return { department, cause_id: 0, type: 'error', code, references: [reference], message };
}

export function sendMlError(reply: FastifyReply, body: MlErrorBody): FastifyReply {
  return reply.code(body.status).send(body);
}

export function mlNotFound(message: string): MlErrorBody {
  return mlError(404, 'not_found', message);
}

export function mlForbidden(message = 'forbidden'): MlErrorBody {
  return mlError(403, 'forbidden', message);
}

export function mlBadRequest(message: string, cause: readonly unknown[] = []): MlErrorBody {
  return mlError(400, 'bad_request', message, cause);
}

export function mlValidation(causes: readonly MlCause[]): MlErrorBody {
  return mlError(400, 'validation_error', 'Validation error', causes);
}

/**
 * [2nd quoting the doc] The token endpoint's own shape: `error_description` where the rest of the
 * API says `message`, e.g. `{"error":"invalid_grant","error_description":"…","status":400,"cause":[]}`.
 */
export interface MlTokenErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly status: number;
  readonly cause: readonly unknown[];
}

export function mlTokenError(status: number, error: string, description: string): MlTokenErrorBody {
  return { error, error_description: description, status, cause: [] };
}

/** ML names a server fault `internal_error` [unverified]. */
export function mlServerError(status: number): MlErrorBody {
  return mlError(status, 'internal_error', status === 503 ? 'Service Unavailable' : 'Internal server error');
}
