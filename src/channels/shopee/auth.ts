/**
 * Shopee shop authorisation [2nd]: the seller opens `auth_partner` (signed with the partner key,
 * so the link is built with the connection's secret), logs in and is sent to `redirect` with
 * `code` and `shop_id`. Shopee does not carry OAuth's `state`, so Cais puts it in the redirect
 * URL itself. The code is traded at `auth/token/get`; tokens last 4 h and every refresh at
 * `auth/access_token/get` rotates the refresh token (the spent one is dead). The auth endpoints
 * answer flat (`{access_token, refresh_token, expire_in, error, message}`), failures in HTTP 200.
 * Credentials: clientId = partner_id, clientSecret = partner_key, sellerId = shop_id.
 */
import type { Credentials, OAuthStart } from '../adapter.ts';
import { callTokenEndpoint, urlOf } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, num, str } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { publicQuery } from './api.ts';
import { classifyShopee, failureOfShopee, spChannelError } from './errors.ts';
import { SP_AUTH } from './facts.ts';

export function shopeeAuthorizeUrl(start: OAuthStart, now: number): string {
  const redirect = new URL(start.redirectUri);
  redirect.searchParams.set('state', start.state);
  const credentials = { clientId: start.clientId, clientSecret: start.clientSecret };
  return urlOf(start.baseUrl, SP_AUTH.consentPath, {
    ...publicQuery(credentials, SP_AUTH.consentPath, now),
    redirect: redirect.toString(),
  });
}

export async function shopeeExchangeCode(
  args: OAuthStart & { clientSecret: string; code: string; params?: Record<string, string> | undefined },
  retry: RetryPolicy,
  now: () => number,
): Promise<Credentials> {
  const shopId = args.params?.shop_id;
  const mainAccountId = args.params?.main_account_id;
  const credentials = { clientId: args.clientId, clientSecret: args.clientSecret };
  if ((shopId === undefined || shopId === '') && mainAccountId !== undefined && /^\d+$/.test(mainAccountId)) {
    return exchangeMainAccount(args, credentials, Number(mainAccountId), retry, now);
  }
  if (shopId === undefined || !/^\d+$/.test(shopId)) {
    throw spChannelError(
      FailureClass.auth,
      'shopee.no_shop_id',
      'Shopee sent the seller back without a shop_id',
    );
  }
  const json = { code: args.code, shop_id: Number(shopId), partner_id: Number(args.clientId) };
  const tokens = await postToken(args.baseUrl, SP_AUTH.tokenPath, credentials, json, retry, now);
  return { ...credentials, ...tokens, sellerId: shopId };
}

/**
 * [doc get_access_token] (fidelity S5) A main account's authorisation comes back with
 * `main_account_id` instead of `shop_id`; the code is traded with `main_account_id` and the
 * answer lists the shops it covers (`shop_id_list`). A Cais connection is one shop: one shop in
 * the list is this connection's; several are refused with a message naming them (guessing one
 * would sync a catalog into the wrong shop).
 */
async function exchangeMainAccount(
  args: OAuthStart & { code: string },
  credentials: Pick<Credentials, 'clientId' | 'clientSecret'>,
  mainAccountId: number,
  retry: RetryPolicy,
  now: () => number,
): Promise<Credentials> {
  const json = { code: args.code, main_account_id: mainAccountId, partner_id: Number(args.clientId) };
  const { tokens, body } = await postTokenBody(
    args.baseUrl,
    SP_AUTH.tokenPath,
    credentials,
    json,
    retry,
    now,
  );
  const shops = asArray(body.shop_id_list).flatMap((id) => (typeof id === 'number' ? [String(id)] : []));
  if (shops.length !== 1) {
    throw spChannelError(
      FailureClass.permanent,
      'shopee.main_account_many_shops',
      `the Shopee main account ${mainAccountId} authorised ${shops.length} shops (${shops.join(', ') || 'none'})`,
    );
  }
  return { ...credentials, ...tokens, sellerId: shops[0] };
}

export async function shopeeRefreshToken(
  baseUrl: string,
  credentials: Credentials,
  retry: RetryPolicy,
  now: () => number,
): Promise<Credentials> {
  const { clientId, clientSecret, refreshToken, sellerId } = credentials;
  if (!clientId || !clientSecret || !refreshToken || !sellerId) {
    throw spChannelError(
      FailureClass.auth,
      'shopee.error_auth',
      'the connection has no partner credentials, shop id or refresh token',
    );
  }
  const json = { refresh_token: refreshToken, shop_id: Number(sellerId), partner_id: Number(clientId) };
  const tokens = await postToken(baseUrl, SP_AUTH.refreshPath, credentials, json, retry, now);
  return { ...credentials, ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
}

type Tokens = Pick<Credentials, 'accessToken' | 'refreshToken' | 'expiresAt'>;

async function postToken(
  baseUrl: string,
  path: string,
  credentials: Credentials,
  json: Json,
  retry: RetryPolicy,
  now: () => number,
): Promise<Tokens> {
  return (await postTokenBody(baseUrl, path, credentials, json, retry, now)).tokens;
}

async function postTokenBody(
  baseUrl: string,
  path: string,
  credentials: Credentials,
  json: Json,
  retry: RetryPolicy,
  now: () => number,
): Promise<{ tokens: Tokens; body: Json }> {
  const url = urlOf(baseUrl, path, publicQuery(credentials, path, now()));
  const response = await callTokenEndpoint(
    { method: 'POST', url, json },
    classifyShopee,
    retry,
    failureOfShopee,
  );
  const body = isObject(response.body) ? response.body : {};
  const accessToken = str(body.access_token);
  const expiresIn = num(body.expire_in);
  if (accessToken === undefined || expiresIn === undefined) {
    throw spChannelError(
      FailureClass.transient,
      'shopee.unexpected_body',
      `${path} answered without a token`,
    );
  }
  // Our clock, not the timestamp we signed with: a skewed clock must not make a fresh token look expired.
  return {
    tokens: { accessToken, refreshToken: str(body.refresh_token), expiresAt: Date.now() + expiresIn * 1000 },
    body,
  };
}
