/**
 * The sync engine's SQL. `resource` is always one of the two literals below, never user input,
 * so it is safe to name columns after it.
 */
import type { Queryable } from '../db/db.ts';
import { type Fence, fencedBy, fenceParams } from './lease.ts';
import { dueForSend } from './owed.ts';

export type SyncResource = 'stock' | 'price';

export interface PendingItem {
  listing_id: number;
  product_id: number;
  sku: string;
  external_id: string | null;
  external_variation_id: string | null;
  seq: number;
  attempts: number;
  qty: number;
  price: number | null;
  promotional_price: number | null;
  stock_version: number;
  price_version: number;
  sellable: boolean;
  /** What the listing last received, before this send (read-back tells "not applied yet" from drift). */
  prev_qty: number | null;
  prev_price: number | null;
}

/** Green item listings of a connection that owe a send, in id order after `afterId` (a range of owed_sends). */
export function pendingItems(
  db: Queryable,
  resource: SyncResource,
  connectionId: number,
  afterId: number,
  limit: number,
  productIds?: readonly number[],
): Promise<PendingItem[]> {
  return db.query<PendingItem>(
    `SELECT l.id AS listing_id, l.product_id, p.sku, l.external_id, l.external_variation_id,
            l.${resource}_seq AS seq, l.${resource}_attempts AS attempts, p.qty, p.price, p.promotional_price,
            p.stock_version, p.price_version, p.removed_at IS NULL AND p.status = 'enabled' AS sellable,
            l.stock_sent_qty AS prev_qty, l.price_sent_price AS prev_price
       FROM owed_sends o JOIN listings l ON l.id = o.listing_id JOIN products p ON p.id = l.product_id
      WHERE o.connection_id = $1 AND o.resource = '${resource}' AND o.listing_id > $2 AND ${dueForSend(resource)}
        AND ($4::bigint[] IS NULL OR l.product_id = ANY($4))
      ORDER BY o.listing_id LIMIT $3`,
    [connectionId, afterId, limit, productIds ?? null],
    { prepare: productIds === undefined },
  );
}

export async function countPending(
  db: Queryable,
  resource: SyncResource,
  connectionId: number,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM owed_sends WHERE connection_id = $1 AND resource = '${resource}'`,
    [connectionId],
  );
  return row!.n;
}

export async function hasPending(
  db: Queryable,
  resource: SyncResource,
  connectionId: number,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM owed_sends o JOIN listings l ON l.id = o.listing_id
      WHERE o.connection_id = $1 AND o.resource = '${resource}' AND ${dueForSend(resource)}
      LIMIT 1`,
    [connectionId],
  );
  return rows.length > 0;
}

/**
 * The lowest and highest of a batch's listing ids, which its writes add as `l.id BETWEEN`: joined
 * with 500 unnested rows alone, the planner hashes the whole table (a 50,000-listing connection
 * read all 50,000 rows for each batch, half of what recording a delivery cost PostgreSQL); with
 * the range it reads the batch's stretch of the primary key. The range holds every id, so it
 * changes what is read, never what is written.
 */
function idRange(ids: readonly number[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const id of ids) {
    if (id < low) low = id;
    if (id > high) high = id;
  }
  return [low, high];
}

export interface Delivered {
  listingId: number;
  seq: number;
  version: number;
  /** false when the marketplace accepted the write to apply it later. */
  applied: boolean;
  qty?: number;
  price?: number;
  promotionalPrice?: number | null;
}

/**
 * Records what was delivered, at the seq it was read at. A listing already marked at a later
 * seq (a newer send finished first) keeps its newer record: nothing regresses. Fenced: nothing is
 * recorded once the run lost its lease.
 */
export async function markDelivered(
  db: Queryable,
  resource: SyncResource,
  items: readonly Delivered[],
  fence: Fence,
): Promise<void> {
  if (items.length === 0) return;
  const values =
    resource === 'stock'
      ? 'stock_sent_qty = d.qty'
      : 'price_sent_price = d.price, price_sent_promotional_price = d.promo';
  await db.query(
    `UPDATE listings l
        SET ${resource}_done_seq = d.seq, ${values}, ${resource}_sent_version = d.version,
            ${resource}_sent_at = now(), ${resource}_confirmed_at = CASE WHEN d.applied THEN now() END,
            ${resource}_retry_at = NULL, ${resource}_attempts = 0
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::boolean[], $5::int[], $6::numeric[], $7::numeric[])
            AS d(id, seq, version, applied, qty, price, promo)
      WHERE l.id = d.id AND l.id BETWEEN $11 AND $12 AND l.${resource}_done_seq < d.seq AND ${fencedBy(8)}`,
    [
      items.map((i) => i.listingId),
      items.map((i) => i.seq),
      items.map((i) => i.version),
      items.map((i) => i.applied),
      items.map((i) => i.qty ?? null),
      items.map((i) => i.price ?? null),
      items.map((i) => i.promotionalPrice ?? null),
      ...fenceParams(fence),
      ...idRange(items.map((i) => i.listingId)),
    ],
    { prepare: true },
  );
}

/** A transient failure: the listing stays pending and is skipped until retry_at. */
export async function deferRetry(
  db: Queryable,
  resource: SyncResource,
  fence: Fence,
  items: readonly { listingId: number; waitMs: number }[],
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `UPDATE listings l
        SET ${resource}_attempts = l.${resource}_attempts + 1,
            ${resource}_retry_at = now() + make_interval(secs => d.wait / 1000.0)
       FROM unnest($1::bigint[], $2::int[]) AS d(id, wait)
      WHERE l.id = d.id AND l.id BETWEEN $6 AND $7 AND ${fencedBy(3)}`,
    [
      items.map((i) => i.listingId),
      items.map((i) => Math.round(i.waitMs)),
      ...fenceParams(fence),
      ...idRange(items.map((i) => i.listingId)),
    ],
  );
}

/**
 * A permanent rejection: the listing stops owing this seq (it is not retried until the product
 * or a rule changes, or the seller presses retry), and nothing is recorded as delivered.
 */
export async function settleRejected(
  db: Queryable,
  resource: SyncResource,
  fence: Fence,
  items: readonly { listingId: number; seq: number }[],
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `UPDATE listings l SET ${resource}_done_seq = greatest(l.${resource}_done_seq, d.seq), ${resource}_retry_at = NULL
       FROM unnest($1::bigint[], $2::bigint[]) AS d(id, seq)
      WHERE l.id = d.id AND l.id BETWEEN $6 AND $7 AND ${fencedBy(3)}`,
    [
      items.map((i) => i.listingId),
      items.map((i) => i.seq),
      ...fenceParams(fence),
      ...idRange(items.map((i) => i.listingId)),
    ],
  );
}
