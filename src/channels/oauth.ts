/**
 * The OAuth2 token client the marketplaces with an authorization-code grant share (Mercado Livre,
 * Magalu's ID Magalu, Amazon's Login with Amazon): trade a callback's code for tokens, trade a
 * refresh token for new ones, and read the answer. Each marketplace describes its token endpoint
 * with a TokenEndpoint (where it lives, how each grant is encoded, how its errors read, who the
 * seller is); its consent page stays in its own auth.ts.
 *
 * A refresh token may be single-use (Mercado Livre, Magalu): the exchange goes through
 * callTokenEndpoint, which retries only an answer the marketplace gave (a 5xx, a 429), never a
 * timeout or a broken connection, after which the old token may already be spent.
 */
import type { Credentials } from './adapter.ts';
import type { ApiProfile } from './call.ts';
import { callTokenEndpoint } from './call.ts';
import type { ChannelError } from './errors.ts';
import { FailureClass } from './errors.ts';
import type { HttpRequest } from './http-client.ts';
import type { Json } from './json.ts';
import { isObject, num, str } from './json.ts';
import type { RetryPolicy } from './retry.ts';

export type Grant = 'authorization_code' | 'refresh_token';

export interface TokenEndpoint {
  /** `ml`, `magalu`, `amazon`: the prefix of the error codes (`ml.invalid_grant`). */
  readonly code: string;
  /** The token endpoint's URL for a connection's base URL (the real host, or the simulator). */
  url(baseUrl: string): string;
  /** How each grant's parameters travel: form-urlencoded, or a JSON body. */
  readonly encoding: Readonly<Record<Grant, 'form' | 'json'>>;
  readonly classify: ApiProfile['classify'];
  /** The marketplace's ChannelError, with its hints. */
  error(failure: FailureClass, code: string, message: string): ChannelError;
  /** Who the tokens belong to, when the answer says (ML's `user_id`, Magalu's tenant claim). */
  sellerOf?(body: Json, accessToken: string): string | undefined;
}

export type Tokens = Pick<Credentials, 'accessToken' | 'refreshToken' | 'expiresAt' | 'sellerId'>;

export interface CodeExchange {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
}

/** Trades the consent's code for the connection's first tokens. */
export async function exchangeCode(
  endpoint: TokenEndpoint,
  args: CodeExchange,
  retry: RetryPolicy,
  timeoutMs?: number,
): Promise<Credentials> {
  const params = {
    grant_type: 'authorization_code',
    client_id: args.clientId,
    client_secret: args.clientSecret,
    code: args.code,
    redirect_uri: args.redirectUri,
  };
  const tokens = await postToken(endpoint, args.baseUrl, 'authorization_code', params, retry, timeoutMs);
  return { clientId: args.clientId, clientSecret: args.clientSecret, ...tokens };
}

/**
 * Trades the refresh token for new tokens. A rotating marketplace's old refresh token is dead
 * once this answers, so the caller persists the result before anything else; what the answer
 * leaves out (a refresh token that does not rotate, the seller) is kept.
 */
export async function refreshTokens(
  endpoint: TokenEndpoint,
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
  timeoutMs?: number,
): Promise<Credentials> {
  const { clientId, clientSecret, refreshToken } = credentials;
  if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) {
    throw endpoint.error(
      FailureClass.auth,
      `${endpoint.code}.invalid_grant`,
      'the connection has no client credentials or refresh token',
    );
  }
  const params = {
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  };
  const tokens = await postToken(endpoint, baseUrl, 'refresh_token', params, retry, timeoutMs);
  return {
    ...credentials,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    refreshToken: tokens.refreshToken ?? refreshToken,
    sellerId: tokens.sellerId ?? credentials.sellerId,
  };
}

async function postToken(
  endpoint: TokenEndpoint,
  baseUrl: string,
  grant: Grant,
  params: Record<string, string>,
  retry: RetryPolicy,
  timeoutMs: number | undefined,
): Promise<Tokens> {
  const request: HttpRequest = {
    method: 'POST',
    url: endpoint.url(baseUrl),
    timeoutMs,
    ...(endpoint.encoding[grant] === 'json' ? { json: params } : { form: params }),
  };
  const response = await callTokenEndpoint(request, endpoint.classify, retry);
  const path = new URL(request.url).pathname;
  const body = isObject(response.body) ? response.body : undefined;
  const accessToken = str(body?.access_token);
  const expiresIn = num(body?.expires_in);
  if (body === undefined || accessToken === undefined || expiresIn === undefined) {
    throw endpoint.error(
      FailureClass.transient,
      `${endpoint.code}.unexpected_body`,
      `${path} answered without a token`,
    );
  }
  return {
    accessToken,
    refreshToken: str(body.refresh_token),
    // Our clock, not the server's `created_at`: a skewed clock must not make a fresh token look expired.
    expiresAt: Date.now() + expiresIn * 1000,
    sellerId: endpoint.sellerOf?.(body, accessToken),
  };
}
