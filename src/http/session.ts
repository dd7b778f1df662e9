/**
 * Console login: `POST /session` (email, password) sets an HttpOnly, SameSite=Lax cookie (Secure
 * over https); `GET /session` says who is logged in and hands the CSRF token; `DELETE /session`
 * logs out. With the cookie, the seller API accepts the session instead of SkyHub's headers
 * (see sessionPrincipal, called by seller-auth.ts).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import {
  csrfMatches,
  defaultLoginLimits,
  findSession,
  type LoginLimits,
  login,
  logout,
  SESSION_MAX_MS,
  type Session,
} from '../accounts/sessions.ts';
import type { Db } from '../db/db.ts';
import { CaisError, ErrorKind, rateLimited, unauthorized } from '../errors.ts';
import { errorResponses, NoContent } from './contract/common.ts';
import { LoginBody, SessionInfo } from './contract/session.ts';
import type { Principal } from './seller-auth.ts';
import { bodyCheckedByHandler, refuseUnstorableText, validate } from './validation.ts';

export const SESSION_COOKIE = 'cais_session';
const CSRF_HEADER = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

// POSTs a viewer may make: they read, they change nothing.
const readOnlyPosts = [/^\/connections\/\d+\/rules\/preview$/];

export interface SessionRouteDeps {
  db: Db;
  /** Cookies get the Secure flag when the public URL is https, or the request came over https. */
  publicUrl: string | undefined;
  loginLimits?: LoginLimits | undefined;
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === SESSION_COOKIE) return part.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

function setCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  value: string,
  maxAgeSeconds: number,
  https: boolean,
) {
  const secure = https || request.protocol === 'https' ? '; Secure' : '';
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`,
  );
}

function presentSession(session: Session): Static<typeof SessionInfo> {
  return {
    user: { id: session.user.id, email: session.user.email, role: session.user.role },
    account: { id: session.user.accountId, name: session.user.accountName },
    csrf_token: session.csrfToken,
    expires_at: session.expiresAt.toISOString(),
  };
}

const forbidden = (message: string, code: string) => new CaisError(ErrorKind.forbidden, message, { code });

/**
 * The principal of a request that carries the session cookie: refuses an expired session (401),
 * a state-changing request without the session's CSRF token, and changes by a viewer (403).
 */
export async function sessionPrincipal(
  db: Db,
  request: FastifyRequest,
  sessionId: string,
): Promise<Principal> {
  const session = await findSession(db, sessionId);
  if (!session) throw unauthorized('the session has ended; log in again', { code: 'session_expired' });
  if (!safeMethods.has(request.method)) {
    const token = request.headers[CSRF_HEADER];
    if (!csrfMatches(session, typeof token === 'string' ? token : undefined)) {
      throw forbidden('X-CSRF-Token: missing or wrong; reload the console', 'csrf_failed');
    }
    const path = request.url.split('?')[0] ?? '';
    if (session.user.role === 'viewer' && !readOnlyPosts.some((p) => p.test(path))) {
      throw forbidden('your user can view but not change anything (role viewer)', 'read_only');
    }
  }
  return {
    accountId: session.user.accountId,
    apiKeyId: null,
    user: { id: session.user.id, email: session.user.email, role: session.user.role },
  };
}

export async function sessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): Promise<void> {
  const https = deps.publicUrl?.startsWith('https://') ?? false;
  const tags = ['Session'];
  // Beside the per-email and per-address failure counts: a cap on login requests per address,
  // since each one costs a deliberately slow password hash.
  await app.register(rateLimit, {
    max: 60,
    timeWindow: 60_000,
    keyGenerator: (request) => `login:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      rateLimited(`too many login requests; retry in ${context.after}`, { code: 'login_rate_limited' }),
  });

  app.post(
    '/session',
    {
      schema: {
        operationId: 'logIn',
        tags,
        summary: 'Log in to the console (sets the session cookie)',
        body: LoginBody,
        response: { 201: SessionInfo, ...errorResponses(401, 429) },
      },
      validatorCompiler: bodyCheckedByHandler,
      preValidation: refuseUnstorableText,
    },
    async (request, reply) => {
      const body = validate(LoginBody, request.body, '');
      const { sessionId, session } = await login(
        deps.db,
        { email: body.email, password: body.password, address: request.ip },
        deps.loginLimits ?? defaultLoginLimits,
      );
      setCookie(reply, request, sessionId, Math.floor(SESSION_MAX_MS / 1000), https);
      return reply.code(201).send(presentSession(session));
    },
  );

  app.get(
    '/session',
    {
      schema: {
        operationId: 'getSession',
        tags,
        summary: 'Who is logged in, the account, and the CSRF token',
        response: { 200: SessionInfo, ...errorResponses(401) },
      },
      config: { rateLimit: false },
    },
    async (request) => {
      const id = readSessionCookie(request);
      const session = id ? await findSession(deps.db, id) : undefined;
      if (!session) throw unauthorized('not logged in', { code: 'no_session' });
      return presentSession(session);
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        operationId: 'logOut',
        tags,
        summary: 'Log out',
        response: { 204: NoContent, ...errorResponses(403) },
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const id = readSessionCookie(request);
      const session = id ? await findSession(deps.db, id) : undefined;
      if (id && session) {
        const token = request.headers[CSRF_HEADER];
        if (!csrfMatches(session, typeof token === 'string' ? token : undefined)) {
          throw forbidden('X-CSRF-Token: missing or wrong; reload the console', 'csrf_failed');
        }
        await logout(deps.db, id);
      }
      setCookie(reply, request, '', 0, https);
      return reply.code(204).send();
    },
  );
}
