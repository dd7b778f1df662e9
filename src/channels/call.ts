/**
 * One marketplace call, made the same way by every adapter: wait for the connection's token
 * bucket, send over the shared keep-alive agent, classify the answer with the marketplace's own
 * rules, retry transient failures within the policy (a 429 pauses the bucket for every caller
 * sharing it), and when the access token is refused, refresh once through the credential store
 * and try again. Adapters describe their marketplace with an ApiProfile and never loop themselves.
 */
import type { ChannelContext, Credentials, Operation, Rate } from './adapter.ts';
import { ChannelError, FailureClass, isChannelError } from './errors.ts';
import type { HttpRequest, HttpResponse } from './http-client.ts';
import { send } from './http-client.ts';
import { rateLimiter } from './rate-limiter.ts';
import type { RetryPolicy } from './retry.ts';
import { withRetry } from './retry.ts';

export interface ApiProfile {
  readonly rates: Record<Operation, Rate>;
  readonly retry: RetryPolicy;
  /** Request headers that carry the access token (and anything else every call needs). */
  authHeaders(credentials: Credentials): Record<string, string>;
  /**
   * Query parameters that authenticate one attempt, for marketplaces that sign each request
   * (Shopee: partner_id, timestamp, sign, access_token, shop_id). Computed per attempt, so a
   * retry carries a fresh timestamp and a refreshed token.
   */
  authQuery?(credentials: Credentials, path: string): Query;
  /** Turns an answer that is not a success into the marketplace's classified error. */
  classify(response: HttpResponse, request: HttpRequest): ChannelError;
  /** A failure that arrived as a 2xx (Shopee answers most failures with HTTP 200); undefined: a success. */
  failureOf?(response: HttpResponse, request: HttpRequest): ChannelError | undefined;
  /**
   * Whether the access token itself was refused, so one refresh may help (default: an auth
   * failure with HTTP 401). Amazon answers 403, Shopee an HTTP-200 envelope.
   */
  refusedToken?(error: ChannelError): boolean;
}

export type Query = Record<string, string | number | undefined>;

export interface ApiCall {
  operation: Operation;
  method: HttpRequest['method'];
  /** Path under the connection's base URL, e.g. `/items/MLB1`. */
  path: string;
  query?: Query | undefined;
  json?: unknown;
  text?: HttpRequest['text'];
  headers?: Record<string, string> | undefined;
  /** Statuses the caller handles itself (e.g. 404 for a lookup), besides 2xx. */
  accept?: readonly number[] | undefined;
  /**
   * The marketplace's own rate-limited operation, when it is finer than Cais's: Amazon's
   * getOrders (0.0167/s) and getOrderItems (0.5/s) are both `orders`, and one listings PATCH
   * bucket serves both `stock` and `price`. The call waits in a bucket of that name at that rate.
   */
  limit?: { name: string; rate: Rate } | undefined;
  /** The caller does not read a success's body (see HttpRequest.ignoreSuccessBody). */
  ignoreSuccessBody?: boolean | undefined;
}

// Refresh shortly before expiry, so a call does not leave with a token about to die on the way.
const EXPIRY_MARGIN_MS = 60_000;

export function urlOf(baseUrl: string, path: string, query?: Query): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  if (query === undefined) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? url : `${url}?${text}`;
}

/** Makes one authenticated call; resolves with a success (or accepted) answer, else throws a ChannelError. */
export async function callApi(
  ctx: ChannelContext,
  profile: ApiProfile,
  call: ApiCall,
): Promise<HttpResponse> {
  let credentials = await ctx.credentials.current();
  if (credentials.accessToken === undefined && credentials.refreshToken !== undefined) {
    // A seller may paste only a long-lived refresh token (Amazon's self-authorised apps).
    credentials = await refreshVia(ctx, credentials);
  } else if (credentials.expiresAt !== undefined && credentials.expiresAt - Date.now() < EXPIRY_MARGIN_MS) {
    credentials = await refreshEarly(ctx, credentials);
  }
  try {
    return await attempt(ctx, profile, call, credentials);
  } catch (error) {
    if (!isRefusedToken(profile, error)) throw error;
    // Once: a token refused right after a refresh means the grant itself is gone.
    credentials = await refreshVia(ctx, credentials);
    return attempt(ctx, profile, call, credentials);
  }
}

/** A 401 is the access token (expired, revoked); other auth failures need the seller, not a refresh. */
function isRefusedToken(profile: ApiProfile, error: unknown): boolean {
  if (!isChannelError(error) || error.failure !== FailureClass.auth) return false;
  return profile.refusedToken?.(error) ?? error.httpStatus === 401;
}

/** An early refresh that fails for a passing reason leaves a token that still works a while. */
async function refreshEarly(ctx: ChannelContext, current: Credentials): Promise<Credentials> {
  try {
    return await refreshVia(ctx, current);
  } catch (error) {
    const stillValid = (current.expiresAt ?? 0) > Date.now();
    if (isChannelError(error) && error.retryable && stillValid) return current;
    throw error;
  }
}

async function refreshVia(ctx: ChannelContext, stale: Credentials): Promise<Credentials> {
  try {
    return await ctx.credentials.refreshed(stale);
  } catch (error) {
    if (isChannelError(error)) throw error;
    throw new ChannelError(FailureClass.transient, {
      code: 'refresh_failed',
      marketplaceMessage: `the token could not be refreshed: ${(error as Error).message}`,
      hint: 'Cais retries on its own; reconnect the account if it keeps failing.',
    });
  }
}

async function attempt(
  ctx: ChannelContext,
  profile: ApiProfile,
  call: ApiCall,
  credentials: Credentials,
): Promise<HttpResponse> {
  if (credentials.accessToken === undefined) throw missingToken();
  const key = `${ctx.connectionId}:${call.limit?.name ?? call.operation}`;
  const limiter = ctx.limiter ?? rateLimiter;
  // A pause asked for by a 429 is written before the retry takes its next token.
  let pausing: Promise<void> | undefined;
  // A connection may carry a higher quota the marketplace granted its app (connections.rate_limits).
  const rate = call.limit?.rate ?? ctx.rates?.[call.operation] ?? profile.rates[call.operation];
  const policy = ctx.retry ?? profile.retry;
  const requestOf = (): HttpRequest => ({
    method: call.method,
    url: urlOf(ctx.baseUrl, call.path, signed(profile, credentials, call)),
    headers: { ...profile.authHeaders(credentials), ...call.headers },
    json: call.json,
    text: call.text,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    ignoreSuccessBody: call.ignoreSuccessBody,
  });
  const once = async () => {
    await pausing;
    await limiter.take(key, rate, ctx.signal);
    const request = requestOf();
    const response = await send(request);
    const ok = (response.status >= 200 && response.status < 300) || call.accept?.includes(response.status);
    const error = ok ? profile.failureOf?.(response, request) : profile.classify(response, request);
    if (error === undefined) return response;
    // Everyone on this connection and operation waits as long as the marketplace asked.
    if (error.failure === FailureClass.rate_limited && error.retryAfterMs !== undefined) {
      await limiter.pause(key, error.retryAfterMs);
    }
    throw error;
  };
  const onRetry = (error: ChannelError, waitMs: number) => {
    if (error.failure === FailureClass.rate_limited && error.retryAfterMs === undefined) {
      pausing = limiter.pause(key, waitMs);
    }
    policy.onRetry?.(error, waitMs);
  };
  return withRetry(once, { ...policy, onRetry }, ctx.signal);
}

function signed(profile: ApiProfile, credentials: Credentials, call: ApiCall): Query | undefined {
  if (profile.authQuery === undefined) return call.query;
  return { ...call.query, ...profile.authQuery(credentials, call.path) };
}

function missingToken(): ChannelError {
  return new ChannelError(FailureClass.auth, {
    code: 'auth.missing_token',
    marketplaceMessage: 'the connection has no access token',
    hint: 'Connect the marketplace account again.',
  });
}

/**
 * A call to a token endpoint: no bearer, no bucket (one per connection every few hours), and
 * retried only when the marketplace answered. A timed-out exchange may already have spent a
 * single-use refresh token, and repeating it would turn a slow answer into a dead connection.
 */
export async function callTokenEndpoint(
  request: HttpRequest,
  classify: ApiProfile['classify'],
  policy: RetryPolicy,
  failureOf?: ApiProfile['failureOf'],
): Promise<HttpResponse> {
  const once = async () => {
    const response = await send(request);
    const ok = response.status >= 200 && response.status < 300;
    const error = ok ? failureOf?.(response, request) : classify(response, request);
    if (error === undefined) return response;
    throw error;
  };
  return withRetry(once, {
    ...policy,
    retryable: (error) => error.retryable && error.httpStatus !== undefined,
  });
}
