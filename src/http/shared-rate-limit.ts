/**
 * The seller API's per-account request limit, shared by every API process through PostgreSQL
 * (`request_windows`, migration 000020): N processes together allow one account the configured
 * requests a minute, not N times that. A store for @fastify/rate-limit, so the answers keep the
 * plugin's `X-RateLimit-*` and `Retry-After` headers. With the embedded PGlite there is one
 * process and the plugin's own memory store is used instead.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from '../db/db.ts';

/**
 * A busy account would cost one statement per request; instead a process takes 1 % of the limit
 * at a time (at least one request) and counts those down in memory until the window ends. The
 * allowance a process took and did not use is lost to the others for that window, so the limit
 * can only be stricter than configured, never looser. With a limit under 200 a minute every
 * request is one statement and the count is exact.
 */
const LEASE_SHARE = 0.01;

interface Lease {
  remaining: number;
  current: number;
  endsAt: number;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function sharedRateLimitStore(db: Queryable): FastifyRateLimitStoreCtor {
  // Per process: the allowance this process took and has not handed out yet, per key.
  const leases = new Map<string, Lease>();
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const lease = leases.get(key);
      const now = Date.now();
      if (lease && lease.remaining > 0 && lease.endsAt > now) {
        lease.remaining -= 1;
        lease.current += 1;
        callback(null, { current: lease.current, ttl: lease.endsAt - now });
        return;
      }
      const want = Math.max(1, Math.floor(max * LEASE_SHARE));
      countRequests(db, key, want, timeWindow).then(({ count, ttl_ms }) => {
        // `want` requests were counted; those within the limit are this process's to hand out.
        const before = count - want;
        const granted = Math.max(0, Math.min(want, max - before));
        if (granted > 1)
          leases.set(key, { remaining: granted - 1, current: before + 1, endsAt: now + ttl_ms });
        else leases.delete(key);
        callback(null, { current: granted > 0 ? before + 1 : Math.max(before + 1, max + 1), ttl: ttl_ms });
      }, callback);
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/** Counts `n` requests in the key's current window (a new window starts once it ended). */
async function countRequests(
  db: Queryable,
  key: string,
  n: number,
  windowMs: number,
): Promise<{ count: number; ttl_ms: number }> {
  const [row] = await db.query<{ count: number; ttl_ms: number }>(
    `INSERT INTO request_windows AS w (key, started_at, count) VALUES ($1, now(), $2)
     ON CONFLICT (key) DO UPDATE SET
       started_at = CASE WHEN w.started_at + make_interval(secs => $3 / 1000.0) <= now() THEN now() ELSE w.started_at END,
       count = CASE WHEN w.started_at + make_interval(secs => $3 / 1000.0) <= now() THEN $2 ELSE w.count + $2 END
     RETURNING count,
       greatest(0, ceil(extract(epoch FROM w.started_at + make_interval(secs => $3 / 1000.0) - now()) * 1000))::int AS ttl_ms`,
    [key, n, windowMs],
    { prepare: true },
  );
  return row!;
}
