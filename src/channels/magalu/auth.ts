/**
 * Magalu OAuth2 through ID Magalu [doc]: consent at `/login` (`choose_tenants=true` lets the
 * seller pick the store the token is bound to), tokens at `/oauth/token`. [2nd] access tokens
 * last about 7200 s and the refresh token rotates, so the old one is dead after a refresh.
 * On the real API both live on id.magalu.com; elsewhere (the simulator) under the base URL.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { callTokenEndpoint, urlOf } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { HttpRequest } from '../http-client.ts';
import { num, str } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { asObject } from './api.ts';
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

/** [doc] the code exchange is JSON. */
export async function magaluExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string },
  retry: RetryPolicy,
): Promise<Credentials> {
  const json = {
    grant_type: 'authorization_code',
    client_id: args.clientId,
    client_secret: args.clientSecret,
    code: args.code,
    redirect_uri: args.redirectUri,
  };
  const tokens = await postToken(
    { method: 'POST', url: urlOf(idHost(args.baseUrl), '/oauth/token'), json },
    retry,
  );
  return { clientId: args.clientId, clientSecret: args.clientSecret, ...tokens };
}

/** [2nd] the refresh is form-encoded. */
export async function magaluRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  const { clientId, clientSecret, refreshToken } = credentials;
  if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) {
    throw mgChannelError(
      FailureClass.auth,
      'magalu.invalid_grant',
      'the connection has no client credentials or refresh token',
    );
  }
  const form = {
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  };
  const tokens = await postToken(
    { method: 'POST', url: urlOf(idHost(baseUrl), '/oauth/token'), form },
    retry,
  );
  return {
    ...credentials,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    refreshToken: tokens.refreshToken ?? credentials.refreshToken,
    sellerId: tokens.sellerId ?? credentials.sellerId,
  };
}

type Tokens = Pick<Credentials, 'accessToken' | 'refreshToken' | 'expiresAt' | 'sellerId'>;

async function postToken(request: HttpRequest, retry: RetryPolicy): Promise<Tokens> {
  const body = asObject((await callTokenEndpoint(request, classifyMagalu, retry)).body, 'oauth/token');
  const accessToken = str(body.access_token);
  const expiresIn = num(body.expires_in);
  if (accessToken === undefined || expiresIn === undefined) {
    throw mgChannelError(
      FailureClass.transient,
      'magalu.unexpected_body',
      'oauth/token answered without a token',
    );
  }
  return {
    accessToken,
    refreshToken: str(body.refresh_token),
    // Our clock, not `created_at`: a skewed server clock must not make a fresh token look expired.
    expiresAt: Date.now() + expiresIn * 1000,
    sellerId: tenantOf(accessToken),
  };
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
