import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { Grant, GrantFailure, TokenFormats, TokenStore } from '../core/oauth.ts';
import type { ChannelLimits } from '../core/rate-limit.ts';
import { amDenied, amInvalidInput, sendAmError } from './errors.ts';
import { AM_AUTH } from './facts.ts';
import type { AmApp } from './model.ts';
import type { AmStore } from './store.ts';

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** LWA token shapes: `Atza|…` access, `Atzr|…` refresh [doc]; consent codes start `AN` [2nd]. */
export const AM_TOKEN_FORMATS: TokenFormats = {
  access: () => `Atza|${opaque(96)}`,
  refresh: () => `Atzr|${opaque(96)}`,
  code: () => `AN${opaque(15)}`,
};

export interface AmAuthDeps {
  readonly store: AmStore;
  readonly tokens: TokenStore;
  readonly limits: ChannelLimits;
  readonly clock: Clock;
  readonly defaultSellerId: () => string;
}

/** The LWA token response [doc]: the same shape for both grants. */
export function lwaResponse(accessToken: string, refreshToken: string, expiresIn: number) {
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'bearer',
    expires_in: expiresIn,
  };
}

/** `x-amz-access-token` [doc]; a missing, expired or unknown token is 403 Unauthorized [2nd]. */
export function authenticateAmazon(
  tokens: TokenStore,
  request: FastifyRequest,
  reply: FastifyReply,
): Grant | null {
  const token = request.headers['x-amz-access-token'];
  if (typeof token !== 'string' || token === '') {
    sendAmError(reply, amDenied(AM_AUTH.missingTokenDetails));
    return null;
  }
  const grant = tokens.resolve(token);
  if (typeof grant !== 'string') return grant;
  const details = grant === 'expired' ? AM_AUTH.expiredTokenDetails : AM_AUTH.invalidTokenDetails;
  sendAmError(reply, amDenied(details));
  return null;
}

type Params = Record<string, string | undefined>;

function redirectAllowed(app: AmApp, redirectUri: string): boolean {
  return app.redirectUris.length === 0 ? URL.canParse(redirectUri) : app.redirectUris.includes(redirectUri);
}

/**
 * The website authorisation workflow [doc], in one step: Seller Central's consent page approves
 * at once and redirects with `state`, `selling_partner_id` and `spapi_oauth_code`. The real flow
 * passes through the app's login URI first; a connector sees the same final redirect.
 * Simulator extension: `selling_partner_id=` picks the seller who consents.
 */
function consent(deps: AmAuthDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Params;
  const app = deps.store.appByApplicationId(query.application_id ?? '');
  const fail = (message: string) => sendAmError(reply, amInvalidInput(message));
  if (app === undefined) return fail('Unknown application_id');
  const redirectUri = query.redirect_uri ?? app.redirectUris[0];
  if (redirectUri === undefined || !redirectAllowed(app, redirectUri))
    return fail('redirect_uri is not allowed');
  const sellerId = query.selling_partner_id ?? deps.defaultSellerId();
  if (!deps.store.sellers.has(sellerId)) return fail('Unknown selling_partner_id');
  const grant = deps.tokens.grant(app.clientId, sellerId);
  const code = deps.tokens.issueCode(grant, { redirectUri });
  const target = new URL(redirectUri);
  if (query.state !== undefined) target.searchParams.set('state', query.state);
  target.searchParams.set('selling_partner_id', sellerId);
  target.searchParams.set('spapi_oauth_code', code);
  return reply.redirect(target.toString(), 302);
}

function lwaError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error_description: description, error });
}

function grantFailure(reply: FastifyReply, kind: 'code' | 'refresh', _reason: GrantFailure) {
  const description = kind === 'code' ? AM_AUTH.invalidCodeDescription : AM_AUTH.invalidGrantDescription;
  return lwaError(reply, 400, 'invalid_grant', description);
}

/** `POST /auth/o2/token` [doc]: form-urlencoded (JSON accepted), refresh_token and authorization_code. */
function token(deps: AmAuthDeps, request: FastifyRequest, reply: FastifyReply) {
  const params = (request.body ?? {}) as Params;
  const grantType = params.grant_type;
  if (grantType !== 'refresh_token' && grantType !== 'authorization_code') {
    return lwaError(reply, 400, 'unsupported_grant_type', 'The authorization grant type is not supported.');
  }
  const app = deps.store.apps.get(params.client_id ?? '');
  if (app === undefined || app.secret !== params.client_secret) {
    return lwaError(reply, 401, 'invalid_client', AM_AUTH.invalidClientDescription);
  }
  // [unverified] LWA publishes no limit nor a throttling body.
  if (deps.limits.take(app, 'lwa.token', deps.clock.now()) > 0) {
    return lwaError(reply, 429, 'rate_limit_exceeded', 'The request was throttled.');
  }
  if (grantType === 'refresh_token') {
    if (params.refresh_token === undefined)
      return lwaError(reply, 400, 'invalid_request', 'refresh_token is required.');
    const grant = deps.tokens.peekRefresh(params.refresh_token, app.clientId);
    if (typeof grant === 'string') return grantFailure(reply, 'refresh', grant);
    const access = deps.tokens.issueAccess(grant);
    return reply.send(lwaResponse(access.accessToken, params.refresh_token, access.expiresInS));
  }
  if (params.code === undefined || params.redirect_uri === undefined) {
    return lwaError(reply, 400, 'invalid_request', 'code and redirect_uri are required.');
  }
  const grant = deps.tokens.redeemCode(params.code, app.clientId, params.redirect_uri);
  if (typeof grant === 'string') return grantFailure(reply, 'code', grant);
  const issued = deps.tokens.issueTokens(grant);
  return reply.send(lwaResponse(issued.accessToken, issued.refreshToken, issued.expiresInS));
}

export function registerAmAuth(scope: FastifyInstance, deps: AmAuthDeps): void {
  scope.get(
    '/apps/authorize/consent',
    { config: { sim: { op: 'lwa.consent', auth: false } } },
    (request, reply) => consent(deps, request, reply),
  );
  scope.post('/auth/o2/token', { config: { sim: { op: 'lwa.token', auth: false } } }, (request, reply) =>
    token(deps, request, reply),
  );
}
