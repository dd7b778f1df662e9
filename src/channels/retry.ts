/**
 * Bounded retries for one marketplace call: exponential backoff with full jitter, honouring the
 * marketplace's Retry-After; only transient and rate-limited failures are retried. After the
 * last attempt the classified error goes to the caller, which records it; nothing spins.
 */
import { ChannelError, FailureClass, isChannelError } from './errors.ts';

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Called before each wait, e.g. to pause a shared rate limiter. */
  onRetry?: ((error: ChannelError, waitMs: number) => void) | undefined;
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

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy = defaultRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const channelError = isChannelError(error)
        ? error
        : new ChannelError(FailureClass.transient, { code: 'unexpected', marketplaceMessage: String(error) });
      if (!channelError.retryable || attempt >= policy.attempts) throw channelError;
      const wait = Math.min(policy.maxMs, channelError.retryAfterMs ?? backoffMs(attempt, policy));
      policy.onRetry?.(channelError, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
