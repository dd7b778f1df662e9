/**
 * The sync-errors domain (this folder: listings and connections here, orders in orders.ts) owns
 * every sync error, whichever flow met it: runs, order imports and relays, connection checks.
 *
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

export async function hasOpenListingErrors(
  db: Queryable,
  connectionId: number,
  resource: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM sync_errors WHERE connection_id = $1 AND resource = $2 AND status = 'open' AND listing_id IS NOT NULL LIMIT 1`,
    [connectionId, resource],
  );
  return rows.length > 0;
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

/** SkyHub's error categories, mapped from the resource an error belongs to. */
export const categories = [
  { code: 'stock_sync', resource: 'stock', entity_type: 'products', name: 'Estoque não sincronizado' },
  { code: 'price_sync', resource: 'price', entity_type: 'products', name: 'Preço não sincronizado' },
  { code: 'catalog_publish', resource: 'catalog', entity_type: 'products', name: 'Produto não publicado' },
  { code: 'connection', resource: 'connection', entity_type: 'products', name: 'Conexão com o marketplace' },
] as const;

export function categoryOf(resource: string): string {
  return categories.find((c) => c.resource === resource)?.code ?? resource;
}

export function resourceOf(categoryCode: string): string | undefined {
  return categories.find((c) => c.code === categoryCode)?.resource;
}

export interface ErrorRow {
  id: number;
  connection_id: number;
  connection_name: string;
  listing_id: number | null;
  product_id: number | null;
  sku: string | null;
  resource: string;
  code: string;
  failure: string;
  message: string;
  marketplace_code: string | null;
  hint: string | null;
  attempts: number;
  first_seen_at: Date;
  last_seen_at: Date;
  status: string;
}

export function listErrors(
  db: Queryable,
  accountId: number,
  filter: {
    resource?: string | undefined;
    connectionId?: number | undefined;
    status: string;
    limit: number;
    beforeId?: number | undefined;
  },
): Promise<ErrorRow[]> {
  return db.query<ErrorRow>(
    `SELECT e.id, e.connection_id, c.name AS connection_name, e.listing_id, e.product_id, p.sku, e.resource, e.code,
            e.failure, e.message, e.marketplace_code, e.hint, e.attempts, e.first_seen_at, e.last_seen_at, e.status
       FROM sync_errors e JOIN connections c ON c.id = e.connection_id LEFT JOIN products p ON p.id = e.product_id
      WHERE e.account_id = $1 AND e.status = $2 AND ($3::text IS NULL OR e.resource = $3)
        AND ($4::bigint IS NULL OR e.connection_id = $4) AND ($5::bigint IS NULL OR e.id < $5)
      ORDER BY e.id DESC LIMIT $6`,
    [
      accountId,
      filter.status,
      filter.resource ?? null,
      filter.connectionId ?? null,
      filter.beforeId ?? null,
      filter.limit,
    ],
  );
}

export async function countErrors(db: Queryable, accountId: number, resource?: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sync_errors WHERE account_id = $1 AND status = 'open' AND ($2::text IS NULL OR resource = $2)`,
    [accountId, resource ?? null],
  );
  return row!.n;
}

/** The codes seen in this account per resource, for SkyHub's categories listing. */
export function errorTypes(
  db: Queryable,
  accountId: number,
): Promise<{ resource: string; code: string; hint: string | null }[]> {
  return db.query(
    `SELECT DISTINCT ON (resource, code) resource, code, hint FROM sync_errors WHERE account_id = $1
      ORDER BY resource, code, id DESC`,
    [accountId],
  );
}

/** SkyHub's PATCH: the seller chose to ignore these errors (by SKU, category and code). */
export async function ignoreErrors(
  db: Queryable,
  accountId: number,
  entries: readonly { sku: string; resource: string; code?: string | undefined }[],
): Promise<number> {
  const rows = await db.query(
    `UPDATE sync_errors e SET status = 'ignored', resolved_at = now()
       FROM products p, unnest($2::text[], $3::text[], $4::text[]) AS x(sku, resource, code)
      WHERE e.account_id = $1 AND e.status = 'open' AND p.id = e.product_id AND p.account_id = $1
        AND p.sku = x.sku AND e.resource = x.resource AND (x.code IS NULL OR e.code = x.code)
      RETURNING e.id`,
    [
      accountId,
      entries.map((e) => e.sku),
      entries.map((e) => e.resource),
      entries.map((e) => e.code ?? null),
    ],
  );
  return rows.length;
}

/** Errors to retry now: their listings owe a send again and wait for no backoff. */
export function openListingErrors(
  db: Queryable,
  accountId: number,
  filter: { skus?: string[] | undefined; resource?: string | undefined },
): Promise<{ product_id: number; connection_id: number; resource: string }[]> {
  return db.query(
    `SELECT e.product_id, e.connection_id, e.resource FROM sync_errors e JOIN products p ON p.id = e.product_id
      WHERE e.account_id = $1 AND e.status IN ('open', 'ignored') AND e.listing_id IS NOT NULL
        AND e.resource IN ('stock', 'price') AND ($2::text[] IS NULL OR p.sku = ANY($2))
        AND ($3::text IS NULL OR e.resource = $3)`,
    [accountId, filter.skus ?? null, filter.resource ?? null],
  );
}
