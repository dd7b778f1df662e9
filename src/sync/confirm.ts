/**
 * Read-back confirmation for marketplaces that accept a write first and apply it later (Magalu's
 * 202, Amazon's ACCEPTED). A while after the run, Cais reads the listing back: the value it sent
 * is there → confirmed; a third value is there → the listing owes the send again (the write was
 * overwritten at the marketplace — the "silent failure" hubs are blamed for); the value from
 * before the send → not applied yet, left unconfirmed.
 */
import type { ChannelAdapter, ChannelContext } from '../channels/adapter.ts';
import { isChannelError } from '../channels/errors.ts';
import { mapConcurrent } from '../channels/map-concurrent.ts';
import type { Queryable } from '../db/db.ts';
import type { Delivered, SyncResource } from './queries.ts';

/** At most this many reads per run: confirmation samples a large run rather than doubling it. */
export const MAX_CONFIRMATIONS = 200;

export interface Unconfirmed extends Delivered {
  ref: { externalId: string; externalVariationId?: string | undefined; sku: string };
  /** The value the listing had received before this send. */
  previous: number | null;
}

export interface ConfirmResult {
  confirmed: number;
  drifted: number;
  unreadable: number;
}

export async function confirmDelivered(
  db: Queryable,
  adapter: ChannelAdapter,
  ctx: ChannelContext,
  resource: SyncResource,
  items: readonly Unconfirmed[],
): Promise<ConfirmResult> {
  const result: ConfirmResult = { confirmed: 0, drifted: 0, unreadable: 0 };
  const confirmed: number[] = [];
  const drifted: number[] = [];
  await mapConcurrent(items.slice(0, MAX_CONFIRMATIONS), adapter.capabilities.concurrency, async (item) => {
    try {
      const live = await adapter.readListing(ctx, item.ref);
      const sent = resource === 'stock' ? item.qty : item.price;
      const shown = resource === 'stock' ? live.qty : live.price;
      const same =
        shown === sent &&
        (resource === 'stock' || (live.promotionalPrice ?? null) === (item.promotionalPrice ?? null));
      if (same) confirmed.push(item.listingId);
      // Still the value from before this send: not applied yet, not drift. Left unconfirmed, not resent,
      // so a slow marketplace does not get the same write again and again.
      else if (shown !== item.previous) drifted.push(item.listingId);
    } catch (error) {
      if (!isChannelError(error)) throw error;
      result.unreadable++;
    }
  });
  result.confirmed = confirmed.length;
  result.drifted = drifted.length;
  await db.query(
    `UPDATE listings SET ${resource}_confirmed_at = now() WHERE id = ANY($1::bigint[]) AND ${resource}_confirmed_at IS NULL`,
    [confirmed],
  );
  // Only a listing still marked delivered at the version we read back owes the send again; a
  // newer change already made it owe one.
  await db.query(
    `UPDATE listings SET ${resource}_seq = greatest(${resource}_seq, ${resource}_done_seq) + 1
      WHERE id = ANY($1::bigint[]) AND ${resource}_seq = ${resource}_done_seq`,
    [drifted],
  );
  return result;
}
