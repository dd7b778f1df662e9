/**
 * Token buckets per (connection, operation), so Cais stays within each marketplace's documented
 * rates instead of causing 429 storms. A 429 with Retry-After pauses the bucket for everyone
 * sharing it. In-process: only one run per (connection, resource) exists at a time (DESIGN §3.8).
 */
import type { Rate } from './adapter.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
  pausedUntil: number;
  rate: Rate;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  /** Resolves when a call may go out under `rate`. */
  async take(key: string, rate: Rate): Promise<void> {
    if (!Number.isFinite(rate.perSecond)) return;
    for (;;) {
      const wait = this.#tryTake(key, rate);
      if (wait === 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Takes a token when one is free and answers 0; otherwise answers the wait in ms, taking nothing. */
  wouldWait(key: string, rate: Rate): number {
    return this.#tryTake(key, rate);
  }

  /** Stops calls under this key until `ms` from now (the marketplace asked us to wait). */
  pause(key: string, ms: number): void {
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

/** One limiter per process: every adapter instance of a connection shares it. */
export const rateLimiter = new RateLimiter();
