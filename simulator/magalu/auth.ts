import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { Grant, GrantFailure, TokenFormats, TokenStore } from '../core/oauth.ts';
import { randomHex } from '../core/oauth.ts';
import type { ChannelLimits } from '../core/rate-limit.ts';
import { checker } from '../core/validate.ts';
import { judgeByStatus, MG_CHANNEL } from './deps.ts';
import { magaluError, sendMagaluError } from './errors.ts';
import { MG_AUTH, MG_CONSENT, MG_SCOPES } from './facts.ts';
import type { MgApp } from './model.ts';
import { TokenRequest } from './schemas.ts';
import type { MgStore } from './store.ts';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** JWT-shaped tokens bound to the tenant [2nd]; the signature is random (nobody verifies it here). */
function jwt(grant: Grant, kind: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: 'https://id.magalu.com',
    sub: grant.sellerId,
    tenant: grant.sellerId,
    client_id: grant.appId,
    scope: grant.scopes.join(' '),
    typ: kind,
    iat: now,
    jti: randomHex(8),
  };
  return `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}.${Buffer.from(randomHex(16)).toString('base64url')}`;
}

export const MG_TOKEN_FORMATS: TokenFormats = {
  access: (grant) => jwt(grant, 'access'),
  refresh: (grant) => jwt(grant, 'refresh'),
  code: () => randomHex(20),
};

/** Which scope each operation needs; an operation not listed needs none. */
const OPERATION_SCOPES: Readonly<Record<string, string>> = {
  'skus.list': MG_SCOPES.skusRead,
  'skus.get': MG_SCOPES.skusRead,
  'skus.create': MG_SCOPES.skusWrite,
  'skus.update': MG_SCOPES.skusWrite,
  'prices.get': MG_SCOPES.pricesRead,
  'prices.create': MG_SCOPES.pricesWrite,
  'prices.update': MG_SCOPES.pricesWrite,
  'stocks.get': MG_SCOPES.stocksRead,
  'stocks.create': MG_SCOPES.stocksWrite,
  'stocks.update': MG_SCOPES.stocksWrite,
  'orders.list': MG_SCOPES.ordersRead,
  'orders.get': MG_SCOPES.ordersRead,
  'deliveries.list': MG_SCOPES.deliveriesRead,
  'deliveries.get': MG_SCOPES.deliveriesRead,
  'deliveries.write': MG_SCOPES.deliveriesWrite,
  // G4 [doc: get_invoice] invoices are part of the delivery scope.
  'invoices.list': MG_SCOPES.deliveriesRead,
};

export const ALL_SCOPES: readonly string[] = Object.values(MG_SCOPES);

const checkToken = checker(TokenRequest);

export interface MgAuthDeps {
  readonly conformance: ConformanceLedger;
  readonly store: MgStore;
  readonly tokens: TokenStore;
  readonly limits: ChannelLimits;
  readonly clock: Clock;
  readonly defaultSellerId: () => string;
}

export function tokenResponse(deps: Pick<MgAuthDeps, 'tokens' | 'clock'>, grant: Grant) {
  const issued = deps.tokens.issueTokens(grant);
  return {
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    token_type: 'Bearer',
    expires_in: issued.expiresInS,
    created_at: Math.floor(deps.clock.now() / 1000),
    scope: grant.scopes.join(' '),
  };
}

function unauthorized(reply: FastifyReply, reason: string): null {
  reply.header(MG_AUTH.authErrorHeader, reason);
  sendMagaluError(reply, magaluError(401, 'Unauthorized'));
  return null;
}

/** Bearer check, then the operation's scope (403 without it). */
export function authenticateMagalu(
  tokens: TokenStore,
  request: FastifyRequest,
  reply: FastifyReply,
  operation: string,
): Grant | null {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ')) {
    return unauthorized(reply, 'Authorization token not found or has invalid format.');
  }
  const grant = tokens.resolve(header.slice(7));
  if (grant === 'expired') return unauthorized(reply, 'Token expired.');
  if (typeof grant === 'string') return unauthorized(reply, 'Invalid token.');
  const scope = OPERATION_SCOPES[operation];
  if (scope !== undefined && !grant.scopes.includes(scope)) {
    sendMagaluError(reply, magaluError(403, `The token lacks the scope ${scope}`));
    return null;
  }
  return grant;
}

type Params = Record<string, string | undefined>;

function consent(deps: MgAuthDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Params;
  const app = deps.store.apps.get(query.client_id ?? '');
  const fail = (message: string) => sendMagaluError(reply, magaluError(400, message));
  if (app === undefined) return fail('Unknown client_id');
  if (query.response_type !== 'code') return fail('response_type must be code');
  const redirectUri = query.redirect_uri;
  if (redirectUri === undefined || !redirectAllowed(app, redirectUri))
    return fail('redirect_uri is not allowed');
  // Simulator extension: `tenant_id` picks the seller who logs in; the default seller otherwise.
  const sellerId = query.tenant_id ?? deps.defaultSellerId();
  if (!deps.store.sellers.has(sellerId)) return fail('Unknown tenant_id');
  const asked = (query.scope ?? '').split(' ').filter((scope) => scope !== '');
  const mismatch = scopeMismatch(app.defaultScopes, asked);
  if (mismatch !== null) return fail(mismatch);
  const grant = deps.tokens.grant(app.clientId, sellerId, asked);
  const code = deps.tokens.issueCode(grant, { redirectUri });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (query.state !== undefined) target.searchParams.set('state', query.state);
  return reply.redirect(target.toString(), 302);
}

/**
 * G4 [doc: authentication page] the scopes asked at consent must be exactly the app's: the
 * message names the ones asked that the app lacks and the app's that were not asked.
 */
export function scopeMismatch(appScopes: readonly string[], asked: readonly string[]): string | null {
  if (!MG_CONSENT.scopesMustEqualApp) return null;
  const askedSet = new Set(asked);
  const appSet = new Set(appScopes);
  const extra = [...askedSet].filter((scope) => !appSet.has(scope));
  const missing = [...appSet].filter((scope) => !askedSet.has(scope));
  if (extra.length === 0 && missing.length === 0) return null;
  const parts = [];
  if (extra.length > 0) parts.push(`not registered for the app: ${extra.join(' ')}`);
  if (missing.length > 0) parts.push(`registered but not asked: ${missing.join(' ')}`);
  return `scope must equal the application's scopes (${parts.join('; ')})`;
}

function redirectAllowed(app: MgApp, redirectUri: string): boolean {
  return app.redirectUris.length === 0 ? URL.canParse(redirectUri) : app.redirectUris.includes(redirectUri);
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.code(status).send({ error, error_description: description });
}

function grantFailure(reply: FastifyReply, _reason: GrantFailure) {
  return oauthError(reply, 400, 'invalid_grant', MG_AUTH.invalidGrantDescription);
}

/** `POST /oauth/token` [doc]: JSON for the code exchange, form for refresh [2nd]; both accepted. */
function token(deps: MgAuthDeps, request: FastifyRequest, reply: FastifyReply) {
  const params = (request.body ?? {}) as Params;
  deps.conformance.judge(request, MG_CHANNEL, 'oauth.token', checkToken, params);
  const grantType = params.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError(reply, 400, 'unsupported_grant_type', 'The authorization grant type is not supported.');
  }
  const app = deps.store.apps.get(params.client_id ?? '');
  if (app === undefined || app.secret !== params.client_secret) {
    return oauthError(reply, 401, 'invalid_client', MG_AUTH.invalidClientDescription);
  }
  if (deps.limits.take(app, 'oauth.token', deps.clock.now()) > 0) {
    return sendMagaluError(reply, magaluError(429, 'Too many requests'));
  }
  let outcome: Grant | GrantFailure;
  if (grantType === 'authorization_code') {
    if (params.code === undefined || params.redirect_uri === undefined) {
      return oauthError(reply, 400, 'invalid_request', 'code and redirect_uri are required.');
    }
    outcome = deps.tokens.redeemCode(params.code, app.clientId, params.redirect_uri);
  } else {
    if (params.refresh_token === undefined)
      return oauthError(reply, 400, 'invalid_request', 'refresh_token is required.');
    outcome = deps.tokens.spendRefresh(params.refresh_token, app.clientId);
  }
  if (typeof outcome === 'string') return grantFailure(reply, outcome);
  return reply.send(tokenResponse(deps, outcome));
}

export function registerMgAuth(scope: FastifyInstance, deps: MgAuthDeps): void {
  scope.get(
    '/login',
    { config: { sim: { op: 'oauth.authorize', auth: false } } },
    judgeByStatus(deps.conformance, 'oauth.authorize', (request, reply) => consent(deps, request, reply)),
  );
  scope.post('/oauth/token', { config: { sim: { op: 'oauth.token', auth: false } } }, (request, reply) =>
    token(deps, request, reply),
  );
}
