/**
 * The one error type of Cais. Every failure a caller should understand is a CaisError with a
 * kind from a closed set; the HTTP layer maps kinds to status codes in one place (http/errors.ts).
 * Anything else that escapes is a bug and becomes a generic 500.
 */
export const ErrorKind = {
  invalid: 'invalid',
  unprocessable: 'unprocessable',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  too_large: 'too_large',
  unsupported_media_type: 'unsupported_media_type',
  not_acceptable: 'not_acceptable',
  rate_limited: 'rate_limited',
  unavailable: 'unavailable',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export interface ErrorOptions {
  /** A stable, machine-readable code, e.g. `product_not_found`. */
  code?: string;
  /**
   * What a sentence about this error needs (`field`, `limit`, `sku`, `connection`…): the body
   * carries them as `params`, and src/i18n renders the code's sentence from them in the caller's
   * language, so a console can say it in Portuguese next to the field concerned.
   */
  params?: ErrorParams;
  /** Extra fields merged into the JSON error body. */
  details?: Record<string, unknown>;
  /** Seconds after which a retry may succeed (rate limits, unavailability). */
  retryAfter?: number;
  cause?: unknown;
}

export type ErrorParams = Record<string, string | number | readonly string[]>;

export class CaisError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: ErrorParams | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;

  constructor(kind: ErrorKind, message: string, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'CaisError';
    this.kind = kind;
    this.code = options.code ?? kind;
    this.params = options.params;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }
}

export const invalid = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.invalid, message, options);
export const unprocessable = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.unprocessable, message, options);
export const notFound = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.not_found, message, options);
export const conflict = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.conflict, message, options);
export const unauthorized = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.unauthorized, message, options);
export const unavailable = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.unavailable, message, options);
export const rateLimited = (message: string, options?: ErrorOptions) =>
  new CaisError(ErrorKind.rate_limited, message, options);

export function isCaisError(error: unknown): error is CaisError {
  return error instanceof CaisError;
}
