/**
 * Resolves SkyHub's credentials (X-User-Email + X-Api-Key) to an account. Verified credentials
 * are remembered for half a second: a busy ERP's hot path then costs one lookup per key and
 * process every 500 ms instead of one per request, and a key revoked anywhere (another API
 * process, `cais apikey revoke`) is refused by every process within that half second. A key
 * revoked in this process is forgotten at once.
 */
import type { Queryable } from '../db/db.ts';
import { findApiKeyForUser } from './queries.ts';
import { hashApiKey } from './secrets.ts';

export interface ApiPrincipal {
  accountId: number;
  apiKeyId: number;
}

// Bounds how long a revoked key keeps working in another process (DESIGN §5: within a second).
const CACHE_TTL_MS = 500;
const CACHE_MAX_ENTRIES = 10_000;

export class ApiKeyAuthenticator {
  readonly #db: Queryable;
  readonly #cache = new Map<string, { principal: ApiPrincipal; expiresAt: number }>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  async authenticate(email: string, apiKey: string): Promise<ApiPrincipal | undefined> {
    const digest = hashApiKey(apiKey);
    const cacheKey = `${email.toLowerCase()}\u0000${digest}`;
    const cached = this.#cache.get(cacheKey);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;

    const found = await findApiKeyForUser(this.#db, digest, email.toLowerCase());
    if (!found) {
      this.#cache.delete(cacheKey);
      return undefined;
    }
    const principal = { accountId: found.accountId, apiKeyId: found.keyId };
    if (this.#cache.size >= CACHE_MAX_ENTRIES) this.#cache.clear();
    this.#cache.set(cacheKey, { principal, expiresAt: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  /** Whether this pair was verified here within the last half second (no lookup, no write). */
  remembers(email: string, apiKey: string): boolean {
    const cached = this.#cache.get(`${email.toLowerCase()}\u0000${hashApiKey(apiKey)}`);
    return cached !== undefined && cached.expiresAt > Date.now();
  }

  /** Called when a key is revoked through this process. */
  forgetKey(apiKeyId: number): void {
    for (const [k, v] of this.#cache) if (v.principal.apiKeyId === apiKeyId) this.#cache.delete(k);
  }
}
