import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';
import type { Bucket, BucketHolder } from './rate-limit.ts';

/**
 * OAuth2 state shared by the marketplaces that use the authorization-code flow: codes, access
 * tokens and single-use rotating refresh tokens. Each marketplace supplies its token formats
 * and lifetimes; the rules (single use, rotation, revocation) are the same.
 */
export interface Grant extends BucketHolder {
  readonly appId: string;
  readonly sellerId: string;
  scopes: string[];
  /** Bumping it revokes every token issued under this grant so far. */
  epoch: number;
}

export interface TokenFormats {
  access(grant: Grant): string;
  refresh(grant: Grant): string;
  code(grant: Grant): string;
}

export interface TokenLifetimes {
  readonly accessMs: number;
  readonly refreshMs: number;
  readonly codeMs: number;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresInS: number;
  readonly grant: Grant;
}

/** Why a bearer token was refused; strings so that a lookup allocates nothing. */
export type AccessFailure = 'invalid' | 'expired' | 'revoked';
export type GrantFailure =
  | 'invalid'
  | 'expired'
  | 'revoked'
  | 'client_mismatch'
  | 'redirect_mismatch'
  | 'pkce';

interface TokenRecord {
  readonly grant: Grant;
  readonly expiresAt: number;
  readonly epoch: number;
}

interface CodeRecord extends TokenRecord {
  readonly redirectUri: string;
  readonly challenge: string | null;
  readonly challengeMethod: string | null;
}

export interface CodeRequest {
  readonly redirectUri: string;
  readonly challenge?: string | null;
  readonly challengeMethod?: string | null;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function pkceMatches(record: CodeRecord, verifier: string | undefined): boolean {
  if (record.challenge === null) return true;
  if (verifier === undefined) return false;
  if (record.challengeMethod === 'S256') {
    return createHash('sha256').update(verifier).digest('base64url') === record.challenge;
  }
  return verifier === record.challenge;
}

export class TokenStore {
  readonly #formats: TokenFormats;
  readonly #lifetimes: TokenLifetimes;
  readonly #clock: Clock;
  readonly #grants = new Map<string, Grant>();
  readonly #codes = new Map<string, CodeRecord>();
  readonly #access = new Map<string, TokenRecord>();
  readonly #refresh = new Map<string, TokenRecord>();

  constructor(formats: TokenFormats, lifetimes: TokenLifetimes, clock: Clock) {
    this.#formats = formats;
    this.#lifetimes = lifetimes;
    this.#clock = clock;
  }

  /** The grant of (app, seller), created on first use; scopes accumulate like a re-consent. */
  grant(appId: string, sellerId: string, scopes: readonly string[] = []): Grant {
    const key = `${appId}\n${sellerId}`;
    let grant = this.#grants.get(key);
    if (grant === undefined) {
      grant = { appId, sellerId, scopes: [], epoch: 0, buckets: new Map<string, Bucket>() };
      this.#grants.set(key, grant);
    }
    for (const scope of scopes) if (!grant.scopes.includes(scope)) grant.scopes.push(scope);
    return grant;
  }

  /** Whether the seller has authorised the app (a consent or a token was ever issued). */
  hasGrant(appId: string, sellerId: string): boolean {
    return this.#grants.has(`${appId}\n${sellerId}`);
  }

  issueCode(grant: Grant, request: CodeRequest): string {
    const code = this.#formats.code(grant);
    this.#codes.set(code, {
      grant,
      expiresAt: this.#clock.now() + this.#lifetimes.codeMs,
      epoch: grant.epoch,
      redirectUri: request.redirectUri,
      challenge: request.challenge ?? null,
      challengeMethod: request.challengeMethod ?? null,
    });
    return code;
  }

  /** Redeems a code once: a second redemption fails like an unknown code. */
  redeemCode(code: string, appId: string, redirectUri: string, verifier?: string): Grant | GrantFailure {
    const record = this.#codes.get(code);
    if (record === undefined) return 'invalid';
    this.#codes.delete(code);
    if (record.grant.appId !== appId) return 'client_mismatch';
    if (record.expiresAt <= this.#clock.now()) return 'expired';
    if (record.epoch !== record.grant.epoch) return 'revoked';
    if (record.redirectUri !== redirectUri) return 'redirect_mismatch';
    if (!pkceMatches(record, verifier)) return 'pkce';
    return record.grant;
  }

  issueTokens(grant: Grant): IssuedTokens {
    const now = this.#clock.now();
    const accessToken = this.#formats.access(grant);
    const refreshToken = this.#formats.refresh(grant);
    this.#access.set(accessToken, { grant, expiresAt: now + this.#lifetimes.accessMs, epoch: grant.epoch });
    this.#refresh.set(refreshToken, {
      grant,
      expiresAt: now + this.#lifetimes.refreshMs,
      epoch: grant.epoch,
    });
    return { accessToken, refreshToken, expiresInS: Math.round(this.#lifetimes.accessMs / 1000), grant };
  }

  /**
   * Access token only, for marketplaces whose refresh tokens are long-lived and reused (Amazon
   * LWA answers a refresh with a new access token and the same refresh token).
   */
  issueAccess(grant: Grant): { accessToken: string; expiresInS: number } {
    const accessToken = this.#formats.access(grant);
    const expiresAt = this.#clock.now() + this.#lifetimes.accessMs;
    this.#access.set(accessToken, { grant, expiresAt, epoch: grant.epoch });
    return { accessToken, expiresInS: Math.round(this.#lifetimes.accessMs / 1000) };
  }

  /** Registers a refresh token of a chosen value (a self-authorised app's fixed token). */
  adoptRefresh(grant: Grant, refreshToken: string): void {
    const expiresAt = this.#clock.now() + this.#lifetimes.refreshMs;
    this.#refresh.set(refreshToken, { grant, expiresAt, epoch: grant.epoch });
  }

  /** Reads a reusable refresh token without spending it. */
  peekRefresh(refreshToken: string, appId: string): Grant | GrantFailure {
    const record = this.#refresh.get(refreshToken);
    if (record === undefined) return 'invalid';
    if (record.grant.appId !== appId) return 'client_mismatch';
    if (record.epoch !== record.grant.epoch) return 'revoked';
    if (record.expiresAt <= this.#clock.now()) return 'expired';
    return record.grant;
  }

  /** Spends a refresh token (single use) and returns its grant, for the caller to issue new tokens. */
  spendRefresh(refreshToken: string, appId: string): Grant | GrantFailure {
    const record = this.#refresh.get(refreshToken);
    if (record === undefined) return 'invalid';
    if (record.grant.appId !== appId) return 'client_mismatch';
    this.#refresh.delete(refreshToken);
    if (record.epoch !== record.grant.epoch) return 'revoked';
    if (record.expiresAt <= this.#clock.now()) return 'expired';
    return record.grant;
  }

  /** The hot path of every authenticated call: one Map lookup, no allocation. */
  resolve(accessToken: string): Grant | AccessFailure {
    const record = this.#access.get(accessToken);
    if (record === undefined) return 'invalid';
    if (record.epoch !== record.grant.epoch) return 'revoked';
    if (record.expiresAt <= this.#clock.now()) return 'expired';
    return record.grant;
  }

  /** Revokes one access or refresh token. */
  revokeToken(token: string): boolean {
    return this.#access.delete(token) || this.#refresh.delete(token);
  }

  /** Revokes every token of the matching grants (all apps when appId is omitted). */
  revokeSeller(sellerId: string, appId?: string): number {
    let revoked = 0;
    for (const grant of this.#grants.values()) {
      if (grant.sellerId !== sellerId || (appId !== undefined && grant.appId !== appId)) continue;
      grant.epoch += 1;
      revoked += 1;
    }
    return revoked;
  }

  clear(): void {
    this.#grants.clear();
    this.#codes.clear();
    this.#access.clear();
    this.#refresh.clear();
  }
}
