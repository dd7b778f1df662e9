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
import { urlOf } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { TokenEndpoint } from '../oauth.ts';
import { exchangeCode, refreshTokens } from '../oauth.ts';
import type { RetryPolicy } from '../retry.ts';
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

/** [doc] LWA's `/auth/o2/token`, form-encoded; the answer does not name the seller. */
export const LWA_TOKEN: TokenEndpoint = {
  code: 'amazon',
  url: (baseUrl) => urlOf(lwaHost(baseUrl), '/auth/o2/token'),
  encoding: { authorization_code: 'form', refresh_token: 'form' },
  classify: classifyAmazon,
  error: (failure, code, message) => amChannelError(failure, code, message),
};

/** The seller comes from the consent's callback (`selling_partner_id`), not from LWA's answer. */
export async function amazonExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string; params?: Record<string, string> | undefined },
  retry: RetryPolicy,
): Promise<Credentials> {
  const credentials = await exchangeCode(LWA_TOKEN, args, retry);
  return { ...credentials, sellerId: args.params?.selling_partner_id, extra: args.extra };
}

/** [2nd] the refresh token does not rotate: the answer repeats it, or it is kept. */
export function amazonRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
): Promise<Credentials> {
  return refreshTokens(LWA_TOKEN, baseUrl, credentials, retry);
}
