/**
 * What the sync engine reads of "owes a send" (DESIGN §3.2). The definition itself is the listings
 * domain's (`owesSend` in listings/queries.ts: a green item whose seq is ahead of the seq last
 * delivered, exactly the predicate of the partial indexes on listings, so a query written with it
 * costs what is owed, never the catalog); runs, continuous schedules, the dashboard, the metrics
 * and explain all use it. `resource` is one of two literals, never user input.
 */
import { owesSend } from '../listings/queries.ts';
import type { SyncResource } from './queries.ts';

export { owesSend };

/** SQL: it owes a send and is not waiting out a retry, so a run would send it now. */
export function dueForSend(resource: SyncResource, alias = 'l'): string {
  const retryAt = `${alias}.${resource}_retry_at`;
  return `(${owesSend(resource, alias)} AND (${retryAt} IS NULL OR ${retryAt} <= now()))`;
}

/** The same definition for a listing row already read (explain). */
export function owesSendRow(
  listing: {
    flag: string;
    role: string;
    stock_seq: number;
    stock_done_seq: number;
    price_seq: number;
    price_done_seq: number;
  },
  resource: SyncResource,
): boolean {
  if (listing.flag !== 'green' || listing.role !== 'item') return false;
  return resource === 'stock'
    ? listing.stock_seq > listing.stock_done_seq
    : listing.price_seq > listing.price_done_seq;
}
