/**
 * Mercado Livre OAuth2 (authorization code). [doc] tokens come from `POST /oauth/token`,
 * form-urlencoded; the access token lives 6 h; [2nd] the refresh token is single-use and
 * rotated on every refresh, so the caller must persist the new one before anything else.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { urlOf } from '../call.ts';
import { str } from '../json.ts';
import type { TokenEndpoint } from '../oauth.ts';
import { exchangeCode, refreshTokens } from '../oauth.ts';
import type { RetryPolicy } from '../retry.ts';
import { classifyMl, mlChannelError } from './errors.ts';
import { ML_HOSTS } from './facts.ts';

/**
 * The consent page. On the real API it lives on another host (auth.mercadolivre.com.br);
 * anywhere else (the simulator, a proxy) it is `/authorization` under the connection's base URL.
 */
export function mlAuthorizeUrl(start: OAuthStart): string {
  const onRealApi = new URL(start.baseUrl).host === new URL(ML_HOSTS.api).host;
  const base = onRealApi ? ML_HOSTS.auth : start.baseUrl;
  return urlOf(base, '/authorization', {
    response_type: 'code',
    client_id: start.clientId,
    redirect_uri: start.redirectUri,
    state: start.state,
  });
}

/** [doc] `POST /oauth/token` on the API host, form-urlencoded for both grants. */
export const ML_TOKEN: TokenEndpoint = {
  code: 'ml',
  url: (baseUrl) => urlOf(baseUrl, '/oauth/token'),
  encoding: { authorization_code: 'form', refresh_token: 'form' },
  classify: classifyMl,
  error: (failure, code, message) => mlChannelError(failure, code, message),
  // [2nd] the answer names the seller (`user_id`) on every grant.
  sellerOf: (body) => str(body.user_id),
};

export function mlExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string },
  retry: RetryPolicy,
): Promise<Credentials> {
  return exchangeCode(ML_TOKEN, args, retry);
}

/** Trades the refresh token for new tokens; the old refresh token is dead once this answers. */
export function mlRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  return refreshTokens(ML_TOKEN, baseUrl, credentials, retry);
}
