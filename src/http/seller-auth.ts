/**
 * SkyHub's authentication: X-User-Email + X-Api-Key (or the legacy X-User-Token) identify the
 * seller; X-Accountmanager-Key identifies the ERP/platform and is required, any value accepted
 * unless the operator configured an allow-list. Node lower-cases header names, so matching is
 * case-insensitive as SkyHub clients need. Without those headers, the console's session cookie
 * is accepted instead (http/session.ts), with its CSRF token on every change.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../accounts/accounts.ts';
import type { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import type { WriteContext } from '../catalog/stock-price.ts';
import type { Db } from '../db/db.ts';
import { type CaisError, unauthorized } from '../errors.ts';
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
) {
  const allowed = accountManagerKeys ? new Set(accountManagerKeys) : undefined;
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
    if (!email || !apiKey) throw missing('X-User-Email and X-Api-Key headers are required');
    if (!accountManagerKey) throw missing('X-Accountmanager-Key header is required');
    if (allowed && !allowed.has(accountManagerKey))
      throw missing('X-Accountmanager-Key is not accepted by this server');
    const principal = await authenticator.authenticate(email, apiKey);
    if (!principal) throw missing('X-User-Email and X-Api-Key do not match an active API key');
    request.principal = principal;
  };
}

const missing = (message: string): CaisError => unauthorized(message, { code: 'unauthorized' });

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('authentication required');
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
