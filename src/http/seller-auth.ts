/**
 * SkyHub's authentication: X-User-Email + X-Api-Key (or the legacy X-User-Token) identify the
 * seller; X-Accountmanager-Key identifies the ERP/platform and is required, any value accepted
 * unless the operator configured an allow-list. Node lower-cases header names, so matching is
 * case-insensitive as SkyHub clients need. Without those headers, the console's session cookie
 * is accepted instead (http/session.ts), with its CSRF token on every change.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../accounts/accounts.ts';
import type { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import type { KeyAttempts } from '../accounts/key-attempts.ts';
import type { WriteContext } from '../catalog/stock-price.ts';
import type { Db } from '../db/db.ts';
import { type CaisError, rateLimited, unauthorized } from '../errors.ts';
import { readSessionCookie, sessionPrincipal } from './session.ts';

/** Who is calling: an ERP's API key, or a console user (session cookie, no API key). */
export interface Principal {
  accountId: number;
  apiKeyId: number | null;
  user?: { id: number; email: string; role: Role } | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
};

export function makeSellerAuth(
  authenticator: ApiKeyAuthenticator,
  accountManagerKeys: string[] | undefined,
  sessions?: { db: Db },
  attempts?: KeyAttempts,
) {
  const allowed = accountManagerKeys?.map(digest);
  return async function sellerAuth(request: FastifyRequest): Promise<void> {
    const email = header(request, 'x-user-email');
    const apiKey = header(request, 'x-api-key') ?? header(request, 'x-user-token');
    // The console: no SkyHub headers, the session cookie instead. SkyHub headers always win.
    const sessionId = !email && !apiKey && sessions ? readSessionCookie(request) : undefined;
    if (sessions && sessionId) {
      request.principal = await sessionPrincipal(sessions.db, request, sessionId);
      return;
    }
    const accountManagerKey = header(request, 'x-accountmanager-key');
    if (!email || !apiKey)
      throw missing('X-User-Email and X-Api-Key headers are required', 'credentials_required');
    if (!accountManagerKey) throw missing('X-Accountmanager-Key header is required', 'credentials_required');
    if (allowed && !includesInConstantTime(allowed, digest(accountManagerKey)))
      throw missing('X-Accountmanager-Key is not accepted by this server', 'account_manager_key_refused');
    const wait = attempts?.lockedOut(request.ip, email) ?? 0;
    if (wait > 0 && !authenticator.remembers(email, apiKey)) throw tooManyFailures(wait);
    const principal = await authenticator.authenticate(email, apiKey);
    if (!principal) {
      const locked = (await attempts?.recordFailure(request.ip, email)) ?? 0;
      if (locked > 0) throw tooManyFailures(locked);
      throw missing('X-User-Email and X-Api-Key do not match an active API key', 'credentials_refused');
    }
    request.principal = principal;
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The operator's platform keys are secrets: compared digest to digest (equal lengths) in constant
 * time, every one of them, so the answer time says nothing about how close a guess came.
 */
function includesInConstantTime(list: readonly Buffer[], given: Buffer): boolean {
  let found = false;
  for (const candidate of list) found = timingSafeEqual(candidate, given) || found;
  return found;
}

/** Whether X-Accountmanager-Key is on the operator's allow-list (for routes outside this scope). */
export function accountManagerKeyAllowed(allowList: readonly string[], given: string): boolean {
  return includesInConstantTime(allowList.map(digest), digest(given));
}

const missing = (message: string, code: string): CaisError => unauthorized(message, { code });

// The same words whichever limit was reached, so the answer does not say whether the email exists.
const tooManyFailures = (seconds: number): CaisError =>
  rateLimited(`too many failed API key attempts; retry in ${seconds} seconds`, {
    code: 'auth_rate_limited',
    params: { seconds },
    retryAfter: seconds,
  });

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('authentication required', { code: 'credentials_required' });
  return request.principal;
}

export function writeContext(request: FastifyRequest): WriteContext {
  const principal = principalOf(request);
  return {
    accountId: principal.accountId,
    apiKeyId: principal.apiKeyId,
    actor: principal.user ? `user:${principal.user.id}` : `api_key:${principal.apiKeyId}`,
  };
}
