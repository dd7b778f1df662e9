/**
 * Bounded retries for one marketplace call: exponential backoff with full jitter, honouring the
 * marketplace's Retry-After; only transient and rate-limited failures are retried. After the
 * last attempt the classified error goes to the caller, which records it; nothing spins.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ChannelError, FailureClass, isChannelError } from './errors.ts';

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Called before each wait, e.g. to pause a shared rate limiter. */
  onRetry?: ((error: ChannelError, waitMs: number) => void) | undefined;
  /**
   * Narrows which failures are retried (default: `error.retryable`). A refresh-token exchange
   * uses it: a timed-out exchange may have spent the single-use token, so it is not repeated.
   */
  retryable?: ((error: ChannelError) => boolean) | undefined;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseMs: 250, maxMs: 8_000 };

export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * The one backoff policy of every retry in Cais (a call's attempts, a listing's next run, an order
 * page): full jitter up to base·2^(attempt-1), at least `minMs`, never sooner than the
 * marketplace's Retry-After, and never longer than `maxMs`.
 */
export function retryWaitMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'> & { minMs?: number | undefined },
  retryAfterMs?: number | undefined,
  random = Math.random,
): number {
  return Math.min(
    policy.maxMs,
    Math.max(retryAfterMs ?? 0, policy.minMs ?? 0, backoffMs(attempt, policy, random)),
  );
}

/** Runs `call` until it succeeds, fails for good, runs out of attempts, or `signal` aborts. */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = defaultRetry,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const channelError = isChannelError(error)
        ? error
        : new ChannelError(FailureClass.transient, { code: 'unexpected', marketplaceMessage: String(error) });
      const retryable = policy.retryable?.(channelError) ?? channelError.retryable;
      if (!retryable || attempt >= policy.attempts || signal?.aborted) throw channelError;
      const wait = retryWaitMs(attempt, policy, channelError.retryAfterMs);
      policy.onRetry?.(channelError, wait);
      // An aborted run stops waiting at once and reports the failure it had.
      await sleep(wait, undefined, { signal }).catch(() => {
        throw channelError;
      });
    }
  }
}
