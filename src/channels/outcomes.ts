/**
 * Per-item outcomes for a stock or price batch. One item's failure never hides another's
 * result; an auth failure stops the batch, since every later item would fail the same way and
 * each attempt would cost a call (and maybe a refresh) for nothing.
 */
import type { ItemOutcome } from './adapter.ts';
import { ChannelError, FailureClass, isChannelError } from './errors.ts';

export async function eachItem<T extends { listingId: number }>(
  items: readonly T[],
  push: (item: T) => Promise<'applied' | 'pending'>,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  let stop: ChannelError | undefined;
  for (const item of items) {
    if (stop !== undefined) {
      outcomes.push({ listingId: item.listingId, ok: false, error: stop });
      continue;
    }
    try {
      outcomes.push({ listingId: item.listingId, ok: true, applied: await push(item) });
    } catch (error) {
      const channelError = asChannelError(error);
      if (channelError.failure === FailureClass.auth) stop = channelError;
      outcomes.push({ listingId: item.listingId, ok: false, error: channelError });
    }
  }
  return outcomes;
}

function asChannelError(error: unknown): ChannelError {
  if (isChannelError(error)) return error;
  return new ChannelError(FailureClass.transient, {
    code: 'unexpected',
    marketplaceMessage: error instanceof Error ? error.message : String(error),
  });
}
