import type { Grant } from '../core/oauth.ts';
import { SP_QUOTA } from './facts.ts';

const DAY_MS = 86_400_000;

/**
 * The daily call quota behind `error_limit` [2nd]: counted per (partner, shop) grant, reset at
 * 00:00 UTC+8. Only calls that passed the burst bucket count.
 */
export class DailyQuota {
  #counts = new WeakMap<Grant, { day: number; used: number }>();

  /** Counts one call; false when the day's allowance is spent. */
  take(grant: Grant, now: number, limit: number): boolean {
    const day = Math.floor((now + SP_QUOTA.resetOffsetMs) / DAY_MS);
    let count = this.#counts.get(grant);
    if (count === undefined || count.day !== day) {
      count = { day, used: 0 };
      this.#counts.set(grant, count);
    }
    if (count.used >= limit) return false;
    count.used += 1;
    return true;
  }

  clear(): void {
    this.#counts = new WeakMap();
  }
}
