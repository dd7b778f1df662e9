import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Grant, TokenFormats } from '../core/oauth.ts';
import { randomHex } from '../core/oauth.ts';
import type { SpDeps } from './deps.ts';
import { apiPath, nowSeconds } from './deps.ts';
import type { SpFailure } from './errors.ts';
import { paramError, sendFailure } from './errors.ts';
import { SP_ERRORS } from './facts.ts';
import type { SpPartner } from './model.ts';
import { checkSigned } from './sign.ts';
import { judgeSp } from './spec.ts';

/** [2nd] tokens and codes are 32 hex characters. */
export const SP_TOKEN_FORMATS: TokenFormats = {
  access: () => randomHex(16),
  refresh: () => randomHex(16),
  code: () => randomHex(16),
};

type Query = Record<string, string | undefined>;

/**
 * Shop APIs: the common parameters, `sign` over `… + access_token + shop_id`, then the token,
 * which must belong to this partner and shop. Answers the envelope itself when it refuses.
 */
export function authenticateShopee(deps: SpDeps, request: FastifyRequest, reply: FastifyReply): Grant | null {
  const query = request.query as Query;
  const token = query.access_token;
  const shop = query.shop_id;
  const fail = (failure: SpFailure) => {
    sendFailure(reply, deps.requestId(), failure);
    return null;
  };
  const partner = checkSigned(
    deps.store,
    query,
    apiPath(request),
    nowSeconds(deps),
    `${token ?? ''}${shop ?? ''}`,
  );
  if ('error' in partner) {
    // A missing token or shop shows first as a wrong sign otherwise; Shopee names them [2nd].
    if (partner === SP_ERRORS.wrongSign && (token === undefined || token === ''))
      return fail(SP_ERRORS.noToken);
    if (partner === SP_ERRORS.wrongSign && (shop === undefined || shop === '')) return fail(SP_ERRORS.noShop);
    return fail(partner);
  }
  if (token === undefined || token === '') return fail(SP_ERRORS.noToken);
  if (shop === undefined || shop === '') return fail(SP_ERRORS.noShop);
  const grant = deps.tokens.resolve(token);
  if (typeof grant === 'string') return fail(SP_ERRORS.badToken);
  if (grant.appId !== String(partner.partnerId) || grant.sellerId !== shop) return fail(SP_ERRORS.wrongShop);
  return grant;
}

/** Public APIs (auth): signed with `partner_id + api_path + timestamp` only. */
function signedPartner(deps: SpDeps, request: FastifyRequest, reply: FastifyReply): SpPartner | null {
  const partner = checkSigned(deps.store, request.query as Query, apiPath(request), nowSeconds(deps), '');
  if (!('error' in partner)) return partner;
  sendFailure(reply, deps.requestId(), partner);
  return null;
}

/**
 * `GET /api/v2/shop/auth_partner?partner_id&timestamp&sign&redirect` [doc]: the seller logs in and
 * approves at once; 302 to `redirect?code=…&shop_id=…`. Extension: `shop_id=` picks the shop.
 */
function authPartner(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const partner = signedPartner(deps, request, reply);
  if (partner === null) return reply;
  const query = request.query as Query;
  const redirect = query.redirect;
  if (redirect === undefined || !URL.canParse(redirect)) {
    return sendFailure(reply, deps.requestId(), paramError('redirect is required.'));
  }
  if (
    partner.redirectUris.length > 0 &&
    !partner.redirectUris.some((allowed) => redirect.startsWith(allowed))
  ) {
    return sendFailure(reply, deps.requestId(), paramError('redirect does not match the app.'));
  }
  const shopId = query.shop_id === undefined ? deps.store.shops.keys().next().value : Number(query.shop_id);
  if (shopId === undefined || !deps.store.shops.has(shopId)) {
    return sendFailure(reply, deps.requestId(), paramError('The shop id you provided is not found.'));
  }
  const grant = deps.tokens.grant(String(partner.partnerId), String(shopId));
  const target = new URL(redirect);
  const code = deps.tokens.issueCode(grant, { redirectUri: '' });
  target.searchParams.set('code', code);
  // [doc get_access_token] (S5) a shop authorised through its main account comes back with
  // main_account_id instead of shop_id; the code covers every shop of that main account.
  const mainAccountId = deps.store.shops.get(shopId)!.mainAccountId;
  if (mainAccountId === null) {
    target.searchParams.set('shop_id', String(shopId));
  } else {
    const shopIds = [...deps.store.shops.values()]
      .filter((shop) => shop.mainAccountId === mainAccountId)
      .map((shop) => shop.id);
    deps.store.mainAccountCodes.set(code, { mainAccountId, shopIds });
    target.searchParams.set('main_account_id', String(mainAccountId));
  }
  return reply.redirect(target.toString(), 302);
}

interface TokenBody {
  code?: unknown;
  refresh_token?: unknown;
  shop_id?: unknown;
  main_account_id?: unknown;
  partner_id?: unknown;
}

/**
 * The body's partner and shop: partner_id must repeat the query's; a shop_id, or (token/get only)
 * a main_account_id, names whose tokens these are. Answers the shop, or 0 for a main account.
 */
function readBody(partner: SpPartner, body: TokenBody, mainAccount: boolean): number | SpFailure {
  if (body.partner_id !== partner.partnerId)
    return paramError('partner_id in the body does not match the query.');
  if (mainAccount && typeof body.main_account_id === 'number' && body.shop_id === undefined) return 0;
  if (typeof body.shop_id !== 'number' || !Number.isInteger(body.shop_id))
    return paramError('shop_id is required.');
  return body.shop_id;
}

/** [2nd] The auth endpoints answer flat: the tokens beside `error`, `message`, `request_id`. */
function tokenAnswer(deps: SpDeps, grant: Grant, extra: Record<string, unknown>) {
  const issued = deps.tokens.issueTokens(grant);
  return {
    ...extra,
    refresh_token: issued.refreshToken,
    access_token: issued.accessToken,
    expire_in: issued.expiresInS,
    request_id: deps.requestId(),
    error: '',
    message: '',
  };
}

function tokenEndpoint(
  deps: SpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  api: 'v2.public.get_access_token' | 'v2.public.refresh_access_token',
  exchange: (partner: SpPartner, shopId: number, body: TokenBody) => Grant | SpFailure,
  extra: (partner: SpPartner, shopId: number, body: TokenBody) => Record<string, unknown>,
) {
  const partner = signedPartner(deps, request, reply);
  if (partner === null) return reply;
  if (deps.limits.take(partner, 'auth.token', deps.clock.now()) > 0) {
    return sendFailure(reply, deps.requestId(), SP_ERRORS.rateLimit);
  }
  const invalid = judgeSp(deps.conformance, request, 'auth.token', api);
  if (invalid !== null) return sendFailure(reply, deps.requestId(), invalid);
  const body = (request.body ?? {}) as TokenBody;
  const shopId = readBody(partner, body, api === 'v2.public.get_access_token');
  if (typeof shopId !== 'number') return sendFailure(reply, deps.requestId(), shopId);
  const grant = exchange(partner, shopId, body);
  if ('error' in grant) return sendFailure(reply, deps.requestId(), grant);
  return reply.send(tokenAnswer(deps, grant, extra(partner, shopId, body)));
}

/** `POST /api/v2/auth/token/get` `{code, shop_id, partner_id}` [doc]: a code is single-use. */
function exchangeCode(deps: SpDeps, partner: SpPartner, shopId: number, body: TokenBody): Grant | SpFailure {
  if (typeof body.code !== 'string') return paramError('code is required.');
  const main = deps.store.mainAccountCodes.get(body.code);
  if (shopId === 0 && main !== undefined && main.mainAccountId !== body.main_account_id) {
    return SP_ERRORS.badMainAccount;
  }
  const grant = deps.tokens.redeemCode(body.code, String(partner.partnerId), '');
  if (typeof grant === 'string') return SP_ERRORS.badCode;
  if (shopId === 0 ? main === undefined : grant.sellerId !== String(shopId)) return SP_ERRORS.badCode;
  return grant;
}

/** [doc get_access_token] a main account's answer lists its shops (S5). */
function mainAccountExtra(deps: SpDeps, body: TokenBody): Record<string, unknown> {
  if (typeof body.code !== 'string' || body.shop_id !== undefined) return {};
  const main = deps.store.mainAccountCodes.get(body.code);
  return main === undefined ? {} : { shop_id_list: main.shopIds, merchant_id_list: [] };
}

/** `POST /api/v2/auth/access_token/get` `{refresh_token, shop_id, partner_id}`: rotates the refresh token. */
function refresh(deps: SpDeps, partner: SpPartner, shopId: number, body: TokenBody): Grant | SpFailure {
  if (typeof body.refresh_token !== 'string') return paramError('refresh_token is required.');
  const appId = String(partner.partnerId);
  // Checked before spending, so a call for the wrong shop does not burn the token.
  const held = deps.tokens.peekRefresh(body.refresh_token, appId);
  if (typeof held === 'string' || held.sellerId !== String(shopId)) return SP_ERRORS.badRefresh;
  const grant = deps.tokens.spendRefresh(body.refresh_token, appId);
  return typeof grant === 'string' ? SP_ERRORS.badRefresh : grant;
}

export function registerSpAuth(scope: FastifyInstance, deps: SpDeps): void {
  scope.get(
    '/api/v2/shop/auth_partner',
    { config: { sim: { op: 'auth.partner', auth: false } } },
    (request, reply) => authPartner(deps, request, reply),
  );
  scope.post(
    '/api/v2/auth/token/get',
    { config: { sim: { op: 'auth.token', auth: false } } },
    (request, reply) =>
      tokenEndpoint(
        deps,
        request,
        reply,
        'v2.public.get_access_token',
        (partner, shopId, body) => exchangeCode(deps, partner, shopId, body),
        (_partner, _shopId, body) => mainAccountExtra(deps, body),
      ),
  );
  scope.post(
    '/api/v2/auth/access_token/get',
    { config: { sim: { op: 'auth.token', auth: false } } },
    (request, reply) =>
      tokenEndpoint(
        deps,
        request,
        reply,
        'v2.public.refresh_access_token',
        (partner, shopId, body) => refresh(deps, partner, shopId, body),
        (partner, shopId) => ({ partner_id: partner.partnerId, shop_id: shopId }),
      ),
  );
}

/** The token/get answer for the control API (no consent round trip). */
export function controlTokens(deps: SpDeps, partnerId: number, shopId: number) {
  return tokenAnswer(deps, deps.tokens.grant(String(partnerId), String(shopId)), {});
}
