import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock.ts';
import type { ConformanceLedger } from '../core/conformance.ts';
import type { Grant, GrantFailure, TokenFormats, TokenStore } from '../core/oauth.ts';
import { randomHex } from '../core/oauth.ts';
import type { ChannelLimits } from '../core/rate-limit.ts';
import { checker } from '../core/validate.ts';
import { judgeByStatus, ML_CHANNEL } from './deps.ts';
import type { MlTokenErrorBody } from './errors.ts';
import { mlError, mlTokenError, sendMlError } from './errors.ts';
import { ML_AUTH } from './facts.ts';
import type { MlApp } from './model.ts';
import { TokenRequest } from './schemas.ts';
import type { MlStore } from './store.ts';

/** Token shapes as ML prints them: `APP_USR-{app}-{MMDDHH}-{hash}-{user}` and `TG-{hash}-{user}`. */
export const ML_TOKEN_FORMATS: TokenFormats = {
  access: (grant) => `APP_USR-${grant.appId}-${stamp()}-${randomHex(16)}-${grant.sellerId}`,
  refresh: (grant) => `TG-${randomHex(12)}-${grant.sellerId}`,
  code: (grant) => `TG-${randomHex(12)}-${grant.sellerId}`,
};

function stamp(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}${pad(now.getUTCHours())}`;
}

const checkToken = checker(TokenRequest);

export interface MlAuthDeps {
  readonly conformance: ConformanceLedger;
  readonly store: MlStore;
  readonly tokens: TokenStore;
  readonly limits: ChannelLimits;
  readonly clock: Clock;
  readonly defaultSellerId: () => number;
}

/** The token response body, as `POST /oauth/token` answers it [doc/2nd]. */
export function tokenResponse(tokens: TokenStore, grant: Grant) {
  const issued = tokens.issueTokens(grant);
  return {
    access_token: issued.accessToken,
    token_type: 'bearer',
    expires_in: issued.expiresInS,
    scope: ML_AUTH.scope,
    user_id: Number(grant.sellerId),
    refresh_token: issued.refreshToken,
  };
}

const MISSING_TOKEN = mlError(401, 'unauthorized', 'authorization value not present');

/** Resolves `Authorization: Bearer …`; answers ML's 401 body itself when it cannot. */
export function authenticateMl(
  tokens: TokenStore,
  request: FastifyRequest,
  reply: FastifyReply,
): Grant | null {
  const header = request.headers.authorization;
  if (header === undefined || header.length < 8) {
    sendMlError(reply, MISSING_TOKEN);
    return null;
  }
  const grant = tokens.resolve(header.slice(7));
  if (typeof grant === 'string') {
    sendMlError(reply, ML_AUTH.invalidTokenBody);
    return null;
  }
  return grant;
}

type Params = Record<string, string | undefined>;

function consentError(reply: FastifyReply, error: string, message: string): FastifyReply {
  return sendMlError(reply, mlError(400, error, message));
}

/** `GET /authorization`: the consent page. The simulated user approves at once. */
function authorize(deps: MlAuthDeps, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const query = request.query as Params;
  const app = deps.store.apps.get(query.client_id ?? '');
  if (app === undefined) return consentError(reply, 'invalid_client', 'invalid client_id');
  if (query.response_type !== 'code')
    return consentError(reply, 'unsupported_response_type', 'response_type must be code');
  const redirectUri = query.redirect_uri;
  if (redirectUri === undefined || !redirectAllowed(app, redirectUri)) {
    return consentError(reply, 'invalid_request', 'redirect_uri does not match the application');
  }
  if (app.pkce && query.code_challenge === undefined) {
    return consentError(reply, 'invalid_request', 'code_challenge is required for this application');
  }
  // Simulator extension: `user_id` picks which seller logs in; the default seller otherwise.
  const sellerId = query.user_id === undefined ? deps.defaultSellerId() : Number(query.user_id);
  if (!deps.store.sellers.has(sellerId)) return consentError(reply, 'invalid_request', 'unknown user_id');
  const grant = deps.tokens.grant(app.clientId, String(sellerId));
  const code = deps.tokens.issueCode(grant, {
    redirectUri,
    challenge: query.code_challenge ?? null,
    challengeMethod: query.code_challenge_method ?? 'plain',
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (query.state !== undefined) target.searchParams.set('state', query.state);
  return reply.redirect(target.toString(), 302);
}

function redirectAllowed(app: MlApp, redirectUri: string): boolean {
  if (app.redirectUris.length === 0) return URL.canParse(redirectUri);
  return app.redirectUris.includes(redirectUri);
}

function grantError(reason: GrantFailure): MlTokenErrorBody {
  if (reason === 'client_mismatch')
    return mlTokenError(400, 'invalid_grant', 'the code was issued to another client');
  if (reason === 'redirect_mismatch') return mlTokenError(400, 'invalid_grant', 'redirect_uri mismatch');
  if (reason === 'pkce')
    return mlTokenError(400, 'invalid_grant', 'code_verifier does not match code_challenge');
  return mlTokenError(400, 'invalid_grant', ML_AUTH.invalidGrantMessage);
}

function sendTokenError(reply: FastifyReply, body: MlTokenErrorBody): FastifyReply {
  return reply.code(body.status).send(body);
}

/** `POST /oauth/token`: authorization_code and refresh_token grants, form-urlencoded (or JSON). */
function token(deps: MlAuthDeps, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const params: Params = { ...(request.query as Params), ...((request.body as Params | null) ?? {}) };
  deps.conformance.judge(request, ML_CHANNEL, 'oauth.token', checkToken, params);
  const grantType = params.grant_type;
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return sendTokenError(reply, mlTokenError(400, 'unsupported_grant_type', 'grant_type is not supported'));
  }
  const app = deps.store.apps.get(params.client_id ?? '');
  // [unverified] a wrong client answers 400 invalid_client, like the other token errors.
  if (app === undefined || app.secret !== params.client_secret) {
    return sendTokenError(reply, mlTokenError(400, 'invalid_client', 'invalid client_id or client_secret.'));
  }
  if (deps.limits.take(app, 'oauth.token', deps.clock.now()) > 0) {
    return sendTokenError(reply, mlTokenError(429, ML_AUTH.tokenRateLimitedError, 'Too many requests'));
  }
  const outcome = grantType === 'authorization_code' ? redeem(deps, app, params) : refresh(deps, app, params);
  if (typeof outcome === 'string') return sendTokenError(reply, grantError(outcome));
  if ('status' in outcome) return sendTokenError(reply, outcome);
  return reply.send(tokenResponse(deps.tokens, outcome));
}

function redeem(deps: MlAuthDeps, app: MlApp, params: Params) {
  if (params.code === undefined || params.redirect_uri === undefined) {
    return mlTokenError(400, 'invalid_request', 'code and redirect_uri are required');
  }
  return deps.tokens.redeemCode(params.code, app.clientId, params.redirect_uri, params.code_verifier);
}

function refresh(deps: MlAuthDeps, app: MlApp, params: Params) {
  if (params.refresh_token === undefined)
    return mlTokenError(400, 'invalid_request', 'refresh_token is required');
  return deps.tokens.spendRefresh(params.refresh_token, app.clientId);
}

export function registerMlAuth(scope: FastifyInstance, deps: MlAuthDeps): void {
  scope.get(
    '/authorization',
    { config: { sim: { op: 'oauth.authorize', auth: false } } },
    judgeByStatus(deps.conformance, 'oauth.authorize', (request, reply) => authorize(deps, request, reply)),
  );
  scope.post('/oauth/token', { config: { sim: { op: 'oauth.token', auth: false } } }, (request, reply) =>
    token(deps, request, reply),
  );
}
