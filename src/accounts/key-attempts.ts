/**
 * Brute-force limits on SkyHub credentials (X-User-Email + X-Api-Key). Failed attempts are counted
 * per client address and per email in the database (login_failures, beside console logins), so
 * every API process counts the same attempts; once a count is over its limit, the process that saw
 * it refuses that address (or that email) at once, before any lookup, with a 429 and Retry-After.
 *
 * Valid keys are not slowed: a success writes nothing and reads nothing more, and an email under
 * attack stays usable from any address that has not itself failed, so the seller's own ERP keeps
 * working while someone guesses at its email from elsewhere.
 */
import type { Queryable } from '../db/db.ts';

export interface KeyAttemptLimits {
  /** Failed attempts from one address, any email, within the window. */
  perAddress: number;
  /** Failed attempts for one email, from addresses that have failed, within the window. */
  perEmail: number;
  windowMs: number;
}

// An ERP with a mistyped key retries a few times a minute: 20 failures in 15 minutes stops a
// guesser long before a key's 256 bits (or an operator's 20-character bootstrap key) are at risk,
// and tells a misconfigured ERP to stop with Retry-After. An office or a platform behind one
// address serves many sellers, hence more room per address.
export const defaultKeyAttemptLimits: KeyAttemptLimits = {
  perAddress: 50,
  perEmail: 20,
  windowMs: 15 * 60_000,
};

const MAX_REMEMBERED = 10_000;

export class KeyAttempts {
  readonly #db: Queryable;
  readonly #limits: KeyAttemptLimits;
  /** `ip:…` / `email:…` → when the lock-out ends (epoch ms), in this process. */
  readonly #lockedUntil = new Map<string, number>();
  /** Addresses that failed within the window, in this process. */
  readonly #failedUntil = new Map<string, number>();

  constructor(db: Queryable, limits: KeyAttemptLimits = defaultKeyAttemptLimits) {
    this.#db = db;
    this.#limits = limits;
  }

  /** Seconds this attempt must wait before it is even checked; 0 when it may go ahead. */
  lockedOut(address: string, email: string, now = Date.now()): number {
    const byAddress = this.#remaining(`ip:${address}`, now);
    if (byAddress > 0) return byAddress;
    // An email's lock-out applies only to addresses that have themselves failed recently.
    if ((this.#failedUntil.get(address) ?? 0) <= now) return 0;
    return this.#remaining(`email:${email.toLowerCase()}`, now);
  }

  /** Records a failed attempt; answers the seconds to wait when a limit is now reached, else 0. */
  async recordFailure(address: string, email: string): Promise<number> {
    const keys = { address: `apikey-ip:${address}`, email: `apikey-email:${email.toLowerCase()}` };
    const windowMs = this.#limits.windowMs;
    const now = Date.now();
    this.#remember(this.#failedUntil, address, now + windowMs);
    const [row] = await this.#db.query<{
      by_address: number;
      by_email: number;
      address_wait: number;
      email_wait: number;
    }>(
      `WITH added AS (INSERT INTO login_failures (key) VALUES ($1), ($2))
       SELECT count(*) FILTER (WHERE key = $1)::int + 1 AS by_address,
              count(*) FILTER (WHERE key = $2)::int + 1 AS by_email,
              ceil(extract(epoch FROM coalesce(min(at) FILTER (WHERE key = $1), now())
                   + make_interval(secs => $3 / 1000.0) - now()))::int AS address_wait,
              ceil(extract(epoch FROM coalesce(min(at) FILTER (WHERE key = $2), now())
                   + make_interval(secs => $3 / 1000.0) - now()))::int AS email_wait
         FROM login_failures WHERE key IN ($1, $2) AND at > now() - make_interval(secs => $3 / 1000.0)`,
      [keys.address, keys.email, windowMs],
    );
    // Old rows go now and then, not on every failure: the table stays small without extra work.
    if (Math.random() < 0.02)
      await this.#db.query("DELETE FROM login_failures WHERE at < now() - interval '1 day'");
    let wait = 0;
    if (row!.by_address > this.#limits.perAddress) {
      wait = Math.max(1, row!.address_wait);
      this.#remember(this.#lockedUntil, `ip:${address}`, now + wait * 1000);
    }
    if (row!.by_email > this.#limits.perEmail) {
      const emailWait = Math.max(1, row!.email_wait);
      this.#remember(this.#lockedUntil, `email:${email.toLowerCase()}`, now + emailWait * 1000);
      wait = Math.max(wait, emailWait);
    }
    return wait;
  }

  #remaining(key: string, now: number): number {
    const until = this.#lockedUntil.get(key);
    if (until === undefined) return 0;
    if (until <= now) {
      this.#lockedUntil.delete(key);
      return 0;
    }
    return Math.ceil((until - now) / 1000);
  }

  #remember(map: Map<string, number>, key: string, until: number): void {
    if (map.size >= MAX_REMEMBERED) {
      const now = Date.now();
      for (const [k, v] of map) if (v <= now) map.delete(k);
      // Still full of live entries: an attack from very many addresses; forget the oldest half.
      if (map.size >= MAX_REMEMBERED)
        for (const k of [...map.keys()].slice(0, MAX_REMEMBERED / 2)) map.delete(k);
    }
    map.set(key, until);
  }
}
