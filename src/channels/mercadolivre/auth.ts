/**
 * Mercado Livre OAuth2 (authorization code). [doc] tokens come from `POST /oauth/token`,
 * form-urlencoded; the access token lives 6 h; [2nd] the refresh token is single-use and
 * rotated on every refresh, so the caller must persist the new one before anything else.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { callTokenEndpoint, urlOf } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { RetryPolicy } from '../retry.ts';
import { asObject, num, str } from './api.ts';
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

export async function mlExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string },
  retry: RetryPolicy,
): Promise<Credentials> {
  const form = {
    grant_type: 'authorization_code',
    client_id: args.clientId,
    client_secret: args.clientSecret,
    code: args.code,
    redirect_uri: args.redirectUri,
  };
  const tokens = await postToken(args.baseUrl, form, retry);
  return { clientId: args.clientId, clientSecret: args.clientSecret, ...tokens };
}

/** Trades the refresh token for new tokens; the old refresh token is dead once this answers. */
export async function mlRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  const { clientId, clientSecret, refreshToken } = credentials;
  if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) {
    throw mlChannelError(
      FailureClass.auth,
      'ml.invalid_grant',
      'the connection has no client credentials or refresh token',
    );
  }
  const form = {
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  };
  const tokens = await postToken(baseUrl, form, retry);
  // Keep what the answer leaves out (ML always sends user_id and a rotated refresh token [2nd]).
  return {
    ...credentials,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    refreshToken: tokens.refreshToken ?? credentials.refreshToken,
    sellerId: tokens.sellerId ?? credentials.sellerId,
  };
}

type Tokens = Pick<Credentials, 'accessToken' | 'refreshToken' | 'expiresAt' | 'sellerId'>;

async function postToken(baseUrl: string, form: Record<string, string>, retry: RetryPolicy): Promise<Tokens> {
  const request = { method: 'POST' as const, url: urlOf(baseUrl, '/oauth/token'), form };
  const response = await callTokenEndpoint(request, classifyMl, retry);
  const body = asObject(response.body, 'oauth/token');
  const accessToken = str(body.access_token);
  const expiresIn = num(body.expires_in);
  if (accessToken === undefined || expiresIn === undefined) {
    throw mlChannelError(
      FailureClass.transient,
      'ml.unexpected_body',
      'oauth/token answered without a token',
    );
  }
  return {
    accessToken,
    refreshToken: str(body.refresh_token),
    expiresAt: Date.now() + expiresIn * 1000,
    sellerId: str(body.user_id),
  };
}
