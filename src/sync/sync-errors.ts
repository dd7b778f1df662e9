/**
 * Sync errors: what a marketplace refused, per listing and resource, with its own message, a
 * stable code, the class (transient or not) and a hint. One open error per (listing, resource)
 * counts attempts instead of piling up; an error of the whole connection (its authorisation) is
 * one error, not one per listing. A later success resolves the open error on its own.
 */
import type { ChannelError } from '../channels/errors.ts';
import type { Queryable } from '../db/db.ts';

export interface ListingFailure {
  listingId: number;
  productId: number;
  error: ChannelError;
}

export async function recordListingErrors(
  db: Queryable,
  target: { accountId: number; connectionId: number; resource: string },
  failures: readonly ListingFailure[],
): Promise<void> {
  if (failures.length === 0) return;
  await db.query(
    `INSERT INTO sync_errors (account_id, connection_id, listing_id, product_id, resource, code, failure, message,
                              marketplace_code, hint)
     SELECT $1, $2, f.listing_id, f.product_id, $3, f.code, f.failure, f.message, f.marketplace_code, f.hint
       FROM unnest($4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
            AS f(listing_id, product_id, code, failure, message, marketplace_code, hint)
     ON CONFLICT (listing_id, resource) WHERE status = 'open' DO UPDATE SET
       code = excluded.code, failure = excluded.failure, message = excluded.message,
       marketplace_code = excluded.marketplace_code, hint = excluded.hint,
       attempts = sync_errors.attempts + 1, last_seen_at = now()`,
    [
      target.accountId,
      target.connectionId,
      target.resource,
      failures.map((f) => f.listingId),
      failures.map((f) => f.productId),
      failures.map((f) => f.error.code),
      failures.map((f) => f.error.failure),
      failures.map((f) => f.error.marketplaceMessage),
      failures.map((f) => f.error.marketplaceCode ?? null),
      failures.map((f) => f.error.hint ?? null),
    ],
  );
}

export async function resolveListingErrors(
  db: Queryable,
  resource: string,
  listingIds: readonly number[],
): Promise<void> {
  if (listingIds.length === 0) return;
  await db.query(
    `UPDATE sync_errors SET status = 'resolved', resolved_at = now()
      WHERE listing_id = ANY($1::bigint[]) AND resource = $2 AND status = 'open'`,
    [listingIds, resource],
    { prepare: true },
  );
}

export async function recordConnectionError(
  db: Queryable,
  target: { accountId: number; connectionId: number; resource: string },
  error: ChannelError,
): Promise<void> {
  await db.query(
    `INSERT INTO sync_errors (account_id, connection_id, resource, code, failure, message, marketplace_code, hint)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (connection_id, resource) WHERE status = 'open' AND listing_id IS NULL DO UPDATE SET
       code = excluded.code, failure = excluded.failure, message = excluded.message,
       attempts = sync_errors.attempts + 1, last_seen_at = now()`,
    [
      target.accountId,
      target.connectionId,
      target.resource,
      error.code,
      error.failure,
      error.marketplaceMessage,
      error.marketplaceCode ?? null,
      error.hint ?? 'Reconnect the marketplace (Integrações › Reconectar); syncing resumes by itself.',
    ],
  );
}

export async function resolveConnectionErrors(db: Queryable, connectionId: number): Promise<void> {
  await db.query(
    `UPDATE sync_errors SET status = 'resolved', resolved_at = now()
      WHERE connection_id = $1 AND listing_id IS NULL AND status = 'open'`,
    [connectionId],
  );
}
