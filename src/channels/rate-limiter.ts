/**
 * Token buckets per (connection, operation), so Cais stays within each marketplace's documented
 * rates instead of causing 429 storms. A 429 with Retry-After pauses the bucket for everyone
 * sharing it. On PostgreSQL the buckets live in the database (`rate_buckets`), shared by every
 * worker and API process, so N processes together still send one connection's rate, and
 * Amazon's one PATCH bucket is shared by the stock run and the price run wherever they run.
 * With the embedded PGlite there is one process, and the buckets stay in its memory.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../db/db.ts';
import type { Rate } from './adapter.ts';

export interface Limiter {
  /** Resolves when a call may go out under `rate` (rejects when `signal` aborts first). */
  take(key: string, rate: Rate, signal?: AbortSignal): Promise<void>;
  /** Takes a token when one is free and answers 0; otherwise answers the wait in ms, taking nothing. */
  wouldWait(key: string, rate: Rate): Promise<number>;
  /** Stops calls under this key until `ms` from now (the marketplace asked us to wait). */
  pause(key: string, ms: number): Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
  rate: Rate;
}

/** One process's buckets (PGlite, and tests of the bucket arithmetic). */
export class RateLimiter implements Limiter {
  readonly #buckets = new Map<string, Bucket>();

  async take(key: string, rate: Rate, signal?: AbortSignal): Promise<void> {
    if (!Number.isFinite(rate.perSecond)) return;
    for (;;) {
      const wait = this.#tryTake(key, rate);
      if (wait === 0) return;
      await sleep(wait, undefined, { signal });
    }
  }

  async wouldWait(key: string, rate: Rate): Promise<number> {
    return this.#tryTake(key, rate);
  }

  async pause(key: string, ms: number): Promise<void> {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.pausedUntil = Math.max(bucket.pausedUntil, Date.now() + ms);
  }

  #tryTake(key: string, rate: Rate): number {
    const now = Date.now();
    let bucket = this.#buckets.get(key);
    if (!bucket || bucket.rate.perSecond !== rate.perSecond || bucket.rate.burst !== rate.burst) {
      bucket = { tokens: rate.burst, updatedAt: now, pausedUntil: bucket?.pausedUntil ?? 0, rate };
      this.#buckets.set(key, bucket);
    }
    if (bucket.pausedUntil > now) return bucket.pausedUntil - now;
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate.perSecond);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / rate.perSecond) * 1000));
  }
}

/**
 * A fast bucket (hundreds of calls a second) takes a small lease of tokens at once, enough for
 * LEASE_SECONDS of its rate, so the database sees about 1/LEASE_SECONDS statements a second per
 * bucket and process rather than one per call. A lease unused after LEASE_SECONDS is dropped
 * (the tokens are spent, never handed out late), so any window of t seconds still carries at most
 * burst + rate × (t + LEASE_SECONDS) calls; for a bucket under 1/LEASE_SECONDS calls a second the
 * lease is one token and the bound is exact.
 */
const LEASE_SECONDS = 0.05;
// A wait shorter than this would only spin on the row lock; marketplaces count in seconds.
const MIN_WAIT_MS = 5;

/** Buckets in PostgreSQL, shared by every process (see take_rate_tokens, migration 000020). */
export class PgRateLimiter implements Limiter {
  readonly #db: Queryable;
  readonly #leases = new Map<string, Lease>();
  // A fast bucket's next lease, taken while the current one still serves (see #refillAhead).
  readonly #ahead = new Map<string, Lease>();
  // One refill per bucket at a time: when a lease runs out, the callers in flight (a run sends
  // 64 at once) wait for one statement and share its lease instead of each taking one.
  readonly #refills = new Map<string, Promise<number>>();

  constructor(db: Queryable) {
    this.#db = db;
  }

  async take(key: string, rate: Rate, signal?: AbortSignal): Promise<void> {
    if (!Number.isFinite(rate.perSecond)) return;
    for (;;) {
      signal?.throwIfAborted();
      if (this.#fromLease(key)) {
        this.#refillAhead(key, rate);
        return;
      }
      const pending = this.#refills.get(key);
      if (pending) {
        const wait = await pending;
        if (wait > 0) await sleep(Math.max(MIN_WAIT_MS, wait), undefined, { signal });
        continue;
      }
      const refill = this.#takeShared(key, rate, leaseSize(rate), false).finally(() =>
        this.#refills.delete(key),
      );
      this.#refills.set(key, refill);
      const wait = await refill;
      if (wait === 0) return;
      await sleep(Math.max(MIN_WAIT_MS, wait), undefined, { signal });
    }
  }

  async wouldWait(key: string, rate: Rate): Promise<number> {
    return this.#takeShared(key, rate, 1, false);
  }

  async pause(key: string, ms: number): Promise<void> {
    this.#leases.delete(key);
    this.#ahead.delete(key);
    await this.#db.query(
      `INSERT INTO rate_buckets (key, tokens, updated_at, paused_until)
       VALUES ($1, 0, clock_timestamp(), clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE
         SET paused_until = greatest(rate_buckets.paused_until, excluded.paused_until)`,
      [key, ms],
    );
  }

  #fromLease(key: string): boolean {
    let lease = this.#leases.get(key);
    if (!lease || lease.tokens <= 0 || lease.until < Date.now()) {
      lease = this.#ahead.get(key);
      if (!lease) return false;
      this.#ahead.delete(key);
      this.#leases.set(key, lease);
      if (lease.tokens <= 0 || lease.until < Date.now()) return false;
    }
    lease.tokens -= 1;
    return true;
  }

  /**
   * A lease of many tokens (a fast bucket) has its successor taken once half of it is spent or
   * half its time is gone, while it still serves: the calls in flight no longer all stop for a
   * statement every LEASE_SECONDS (7% of a 30,000-call run's time, every call waiting on one
   * refill). Safe for the marketplace: the next lease's tokens come from the same shared bucket,
   * and each lease is still spent within LEASE_SECONDS of its grant or dropped, so the bound
   * above holds. A one-token bucket (a real Mercado Livre app's 10 a second) never leases ahead:
   * each of its calls takes its token when it goes.
   */
  #refillAhead(key: string, rate: Rate): void {
    const lease = this.#leases.get(key);
    if (!lease || lease.granted <= 1 || lease.successorAsked || this.#refills.has(key)) return;
    const halfSpent = lease.tokens <= lease.granted / 2;
    const halfGone = lease.until - Date.now() <= (LEASE_SECONDS * 1000) / 2;
    if (!halfSpent && !halfGone) return;
    // Once per lease: a bucket that had nothing to grant ahead is asked again when this one ends.
    lease.successorAsked = true;
    const refill = this.#takeShared(key, rate, leaseSize(rate), true).finally(() =>
      this.#refills.delete(key),
    );
    this.#refills.set(key, refill);
    // A failed refill ahead fails only the callers that come to wait on it.
    refill.catch(() => {});
  }

  /**
   * One statement: takes up to `want` tokens. Answers 0 when it got some, else the wait: the
   * tokens are the caller's one and a lease of the rest, or with `ahead` all the next lease's.
   */
  async #takeShared(key: string, rate: Rate, want: number, ahead: boolean): Promise<number> {
    const [row] = await this.#db.query<{ granted: number; wait_ms: number }>(
      'SELECT granted, wait_ms FROM take_rate_tokens($1, $2, $3, $4)',
      [key, rate.perSecond, rate.burst, want],
      { prepare: true },
    );
    if (!row || row.granted === 0) return row?.wait_ms ?? MIN_WAIT_MS;
    const lease = { granted: row.granted, until: Date.now() + LEASE_SECONDS * 1000, successorAsked: false };
    if (ahead) this.#ahead.set(key, { ...lease, tokens: row.granted });
    else if (row.granted > 1) this.#leases.set(key, { ...lease, tokens: row.granted - 1 });
    return 0;
  }
}

interface Lease {
  tokens: number;
  granted: number;
  until: number;
  /** Its successor was asked for (see #refillAhead). */
  successorAsked: boolean;
}

function leaseSize(rate: Rate): number {
  return Math.max(1, Math.min(Math.floor(rate.burst), Math.floor(rate.perSecond * LEASE_SECONDS)));
}

/** The process's buckets when the database is this process's alone (PGlite), and tests. */
export const rateLimiter = new RateLimiter();

const shared = new WeakMap<object, Limiter>();

/** The limiter every caller on this database shares: PostgreSQL's buckets, or this process's. */
export function limiterFor(db: Queryable & { kind?: string }): Limiter {
  if (db.kind !== 'postgres') return rateLimiter;
  let limiter = shared.get(db);
  if (!limiter) {
    limiter = new PgRateLimiter(db);
    shared.set(db, limiter);
  }
  return limiter;
}
