/**
 * Magalu OAuth2 through ID Magalu [doc]: consent at `/login` (`choose_tenants=true` lets the
 * seller pick the store the token is bound to), tokens at `/oauth/token`. [2nd] access tokens
 * last about 7200 s and the refresh token rotates, so the old one is dead after a refresh.
 * On the real API both live on id.magalu.com; elsewhere (the simulator) under the base URL.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { urlOf } from '../call.ts';
import { str } from '../json.ts';
import type { TokenEndpoint } from '../oauth.ts';
import { exchangeCode, refreshTokens } from '../oauth.ts';
import type { RetryPolicy } from '../retry.ts';
import { classifyMagalu, mgChannelError } from './errors.ts';
import { MG_HOSTS, MG_SCOPES, MG_TENANT_CLAIMS } from './facts.ts';

function idHost(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  return host === 'magalu.com' || host.endsWith('.magalu.com') ? MG_HOSTS.id : baseUrl;
}

export function magaluAuthorizeUrl(start: OAuthStart): string {
  return urlOf(idHost(start.baseUrl), '/login', {
    client_id: start.clientId,
    redirect_uri: start.redirectUri,
    scope: MG_SCOPES.join(' '),
    response_type: 'code',
    choose_tenants: 'true',
    state: start.state,
  });
}

/** [doc] ID Magalu's `/oauth/token`: the code exchange is JSON; [2nd] the refresh is form-encoded. */
export const MG_TOKEN: TokenEndpoint = {
  code: 'magalu',
  url: (baseUrl) => urlOf(idHost(baseUrl), '/oauth/token'),
  encoding: { authorization_code: 'json', refresh_token: 'form' },
  classify: classifyMagalu,
  error: (failure, code, message) => mgChannelError(failure, code, message),
  // The token is bound to the store the seller chose at consent.
  sellerOf: (_body, accessToken) => tenantOf(accessToken),
};

export function magaluExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string },
  retry: RetryPolicy,
): Promise<Credentials> {
  return exchangeCode(MG_TOKEN, args, retry);
}

export function magaluRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  return refreshTokens(MG_TOKEN, baseUrl, credentials, retry);
}

/** The store a token is bound to, read from its JWT payload; undefined when it is not a JWT. */
export function tenantOf(accessToken: string): string | undefined {
  const payload = accessToken.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return undefined;
    for (const claim of MG_TENANT_CLAIMS) {
      const value = str((claims as Record<string, unknown>)[claim]);
      if (value !== undefined) return value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
