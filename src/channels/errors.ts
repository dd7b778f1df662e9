/**
 * A marketplace's failure, classified once at the adapter's edge. The sync engine acts on the
 * class (DESIGN §3.9): transient → retry with backoff; rate_limited → wait (Retry-After when
 * given); auth → the connection turns auth_failed; permanent → a sync error with the
 * marketplace's own message, not retried until something changes.
 */
export const FailureClass = {
  transient: 'transient',
  rate_limited: 'rate_limited',
  auth: 'auth',
  permanent: 'permanent',
} as const;
export type FailureClass = (typeof FailureClass)[keyof typeof FailureClass];

export interface ChannelErrorInit {
  /** Cais's stable code, e.g. `ml.item_not_modifiable`, `magalu.invalid_price`, `http_503`. */
  code: string;
  /** The marketplace's own message, kept verbatim for the seller. */
  marketplaceMessage: string;
  marketplaceCode?: string | undefined;
  httpStatus?: number | undefined;
  /** Milliseconds the marketplace asked us to wait. */
  retryAfterMs?: number | undefined;
  /** What the seller can do about it, in plain words. */
  hint?: string | undefined;
}

export class ChannelError extends Error {
  readonly failure: FailureClass;
  readonly code: string;
  readonly marketplaceMessage: string;
  readonly marketplaceCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly hint: string | undefined;

  constructor(failure: FailureClass, init: ChannelErrorInit) {
    super(`${init.code}: ${init.marketplaceMessage}`);
    this.name = 'ChannelError';
    this.failure = failure;
    this.code = init.code;
    this.marketplaceMessage = init.marketplaceMessage;
    this.marketplaceCode = init.marketplaceCode;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
    this.hint = init.hint;
  }

  get retryable(): boolean {
    return this.failure === FailureClass.transient || this.failure === FailureClass.rate_limited;
  }
}

export function isChannelError(error: unknown): error is ChannelError {
  return error instanceof ChannelError;
}

/**
 * The class an HTTP status implies when the marketplace's body says nothing more precise:
 * 429 waits, 408 and 5xx are worth another attempt, 401 is the token, the rest is the request.
 */
export function failureForStatus(status: number): FailureClass {
  if (status === 429) return FailureClass.rate_limited;
  if (status === 408 || status >= 500) return FailureClass.transient;
  if (status === 401) return FailureClass.auth;
  return FailureClass.permanent;
}
