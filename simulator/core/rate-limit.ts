/**
 * Token buckets per (app, seller, operation). The bucket state lives on the holder (a grant for
 * authenticated calls, an app for the token endpoint), so a lookup is one Map get on an object
 * the request already has, with no key string built per request.
 */
export interface BucketLimit {
  /** Tokens added per second. */
  readonly rate: number;
  /** Bucket capacity: how many calls may be made at once after a quiet period. */
  readonly burst: number;
}

export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketHolder {
  readonly buckets: Map<string, Bucket>;
}

/** `*` is the limit of every operation without an entry of its own. */
export type LimitTable = Readonly<Record<string, BucketLimit>>;

export interface LimitSwitch {
  /** The "no limits" mode benchmarks use: every bucket is skipped. */
  unlimited: boolean;
}

export class ChannelLimits {
  readonly #defaults: LimitTable;
  readonly #switch: LimitSwitch;
  readonly #effective = new Map<string, BucketLimit>();

  constructor(defaults: LimitTable, limitSwitch: LimitSwitch) {
    this.#defaults = defaults;
    this.#switch = limitSwitch;
    this.reset();
  }

  reset(): void {
    this.#effective.clear();
    for (const [operation, limit] of Object.entries(this.#defaults)) this.#effective.set(operation, limit);
  }

  /** Overrides one operation's limit; `null` restores the default (or removes a custom one). */
  set(operation: string, limit: BucketLimit | null): void {
    const fallback = this.#defaults[operation];
    if (limit !== null) this.#effective.set(operation, limit);
    else if (fallback !== undefined) this.#effective.set(operation, fallback);
    else this.#effective.delete(operation);
  }

  /** The limit applied to an operation (its own, else `*`); marketplaces echo it in headers. */
  limitOf(operation: string): BucketLimit | undefined {
    return this.#effective.get(operation) ?? this.#effective.get('*');
  }

  table(): Record<string, BucketLimit> {
    return Object.fromEntries(this.#effective);
  }

  /** Takes one token. Returns 0 when the call may proceed, else the ms until a token is back. */
  take(holder: BucketHolder, operation: string, now: number): number {
    if (this.#switch.unlimited) return 0;
    const limit = this.#effective.get(operation) ?? this.#effective.get('*');
    if (limit === undefined) return 0;
    let bucket = holder.buckets.get(operation);
    if (bucket === undefined) {
      bucket = { tokens: limit.burst, updatedAt: now };
      holder.buckets.set(operation, bucket);
    } else {
      const refilled = bucket.tokens + ((now - bucket.updatedAt) * limit.rate) / 1000;
      bucket.tokens = Math.min(refilled, limit.burst);
      bucket.updatedAt = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / limit.rate);
  }
}
