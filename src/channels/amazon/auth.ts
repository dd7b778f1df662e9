/**
 * Login with Amazon [doc]: the seller consents in Seller Central (website authorisation
 * workflow), which sends them back with `spapi_oauth_code` and `selling_partner_id`; the code is
 * traded at LWA's `/auth/o2/token` (form-encoded) for a 1 h access token and a refresh token.
 * [2nd] the refresh token neither expires nor rotates (a refresh answers the same one): a seller
 * of a self-authorised app may paste it, and the first call trades it for an access token.
 * On the real API, LWA and Seller Central live on their own hosts; elsewhere (the simulator)
 * under the connection's base URL.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { callTokenEndpoint, urlOf } from '../call.ts';
import { FailureClass } from '../errors.ts';
import { num, str } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { asObject } from './api.ts';
import { amChannelError, classifyAmazon } from './errors.ts';
import { AM_HOSTS } from './facts.ts';

function onRealApi(baseUrl: string): boolean {
  return /^sellingpartnerapi(-[a-z]+)?\.amazon\.com$/.test(new URL(baseUrl).hostname);
}

function lwaHost(baseUrl: string): string {
  return onRealApi(baseUrl) ? AM_HOSTS.lwa : baseUrl;
}

/** The consent names the app by its SP-API application id (`extra.applicationId`), not the LWA client id. */
export function amazonAuthorizeUrl(start: OAuthStart): string {
  const applicationId = start.extra?.applicationId;
  if (applicationId === undefined) {
    throw amChannelError(
      FailureClass.permanent,
      'amazon.no_application_id',
      'the connection has no SP-API application id (credentials.extra.applicationId)',
      {
        hint: 'Create the connection again with extra.applicationId: the app id from Seller Central › Develop Apps.',
      },
    );
  }
  const base = onRealApi(start.baseUrl) ? AM_HOSTS.sellerCentral : start.baseUrl;
  return urlOf(base, '/apps/authorize/consent', {
    application_id: applicationId,
    state: start.state,
    redirect_uri: start.redirectUri,
    // [doc] only an app still in draft needs `version=beta`.
    version: start.extra?.appVersion,
  });
}

export async function amazonExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string; params?: Record<string, string> | undefined },
  retry: RetryPolicy,
): Promise<Credentials> {
  const form = {
    grant_type: 'authorization_code',
    code: args.code,
    redirect_uri: args.redirectUri,
    client_id: args.clientId,
    client_secret: args.clientSecret,
  };
  const tokens = await postToken(args.baseUrl, form, retry);
  return {
    clientId: args.clientId,
    clientSecret: args.clientSecret,
    ...tokens,
    sellerId: args.params?.selling_partner_id,
    extra: args.extra,
  };
}

export async function amazonRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  const { clientId, clientSecret, refreshToken } = credentials;
  if (clientId === undefined || clientSecret === undefined || refreshToken === undefined) {
    throw amChannelError(
      FailureClass.auth,
      'amazon.invalid_grant',
      'the connection has no LWA client credentials or refresh token',
    );
  }
  const form = {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: clientId,
    client_secret: clientSecret,
  };
  const tokens = await postToken(baseUrl, form, retry);
  return {
    ...credentials,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    refreshToken: tokens.refreshToken ?? refreshToken,
  };
}

type Tokens = Pick<Credentials, 'accessToken' | 'refreshToken' | 'expiresAt'>;

async function postToken(baseUrl: string, form: Record<string, string>, retry: RetryPolicy): Promise<Tokens> {
  const request = { method: 'POST' as const, url: urlOf(lwaHost(baseUrl), '/auth/o2/token'), form };
  const body = asObject((await callTokenEndpoint(request, classifyAmazon, retry)).body, 'auth/o2/token');
  const accessToken = str(body.access_token);
  const expiresIn = num(body.expires_in);
  if (accessToken === undefined || expiresIn === undefined) {
    throw amChannelError(
      FailureClass.transient,
      'amazon.unexpected_body',
      'auth/o2/token answered without a token',
    );
  }
  return { accessToken, refreshToken: str(body.refresh_token), expiresAt: Date.now() + expiresIn * 1000 };
}
