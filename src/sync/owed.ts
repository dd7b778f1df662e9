/**
 * What the sync engine reads of "owes a send" (DESIGN §3.2). The definition itself is the listings
 * domain's (`owesSend` in listings/queries.ts: a green item whose seq is ahead of the seq last
 * delivered). The listings that meet it are the rows of owed_sends, which triggers on listings
 * keep (migration 000072): a query that starts from owed_sends' primary key costs what is owed,
 * never the catalog, and still checks the definition on the listing it reaches. `resource` is one
 * of two literals, never user input.
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
