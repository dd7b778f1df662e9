/**
 * Stock and price writes, single or bulk, in one SQL statement each: lock the rows in id order
 * (so concurrent bulks cannot deadlock), refuse stale stamps, bump the version only when the value
 * really changes (ten equal pushes are not ten changes to relay), and record history.
 */
import type { Queryable } from '../db/db.ts';
import type { PriceItem, StockItem } from './schemas.ts';

export interface WriteContext {
  accountId: number;
  apiKeyId: number | null;
  /** Who made the change, for history: `api_key:12`, `user:3`, `system`. */
  actor: string;
}

export type WriteStatus = 'updated' | 'unchanged' | 'stale' | 'not_found' | 'rejected';

export interface WriteResult {
  sku: string;
  status: WriteStatus;
  version?: number;
  error?: string;
}

const stockSql = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::bigint[])
    WITH ORDINALITY AS i(sku, qty, source_at, source_seq, ord)
), cur AS (
  SELECT p.id, p.sku, p.qty, p.stock_version, p.stock_source_at, p.stock_source_seq
    FROM products p JOIN input i ON i.sku = p.sku
   WHERE p.account_id = $1 AND p.removed_at IS NULL
   ORDER BY p.id
     FOR UPDATE OF p
), decided AS (
  SELECT c.id, c.sku, c.stock_version, c.qty AS old_qty, i.qty, i.source_at, i.source_seq,
         i.qty <> c.qty AS changed,
         coalesce(i.source_at < c.stock_source_at, false) OR coalesce(i.source_seq < c.stock_source_seq, false) AS stale
    FROM input i JOIN cur c ON c.sku = i.sku
), upd AS (
  UPDATE products p
     SET qty = d.qty,
         stock_version = p.stock_version + d.changed::int,
         stock_changed_at = CASE WHEN d.changed THEN now() ELSE p.stock_changed_at END,
         stock_source_at = greatest(p.stock_source_at, d.source_at),
         stock_source_seq = greatest(p.stock_source_seq, d.source_seq),
         updated_at = now()
    FROM decided d
   WHERE p.id = d.id AND NOT d.stale AND (d.changed OR d.source_at IS NOT NULL OR d.source_seq IS NOT NULL)
  RETURNING p.id, p.stock_version
), history AS (
  INSERT INTO product_changes (account_id, product_id, resource, version, old_value, new_value, api_key_id, actor)
  SELECT $1, d.id, 'stock', u.stock_version, jsonb_build_object('qty', d.old_qty), jsonb_build_object('qty', d.qty), $6, $7
    FROM decided d JOIN upd u ON u.id = d.id
   WHERE d.changed
)
SELECT i.sku, d.id IS NOT NULL AS found, coalesce(d.stale, false) AS stale, coalesce(d.changed, false) AS changed,
       coalesce(u.stock_version, d.stock_version) AS version
  FROM input i LEFT JOIN decided d ON d.sku = i.sku LEFT JOIN upd u ON u.id = d.id
 ORDER BY i.ord`;

const priceSql = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::numeric[], $4::boolean[], $5::numeric[], $6::timestamptz[], $7::bigint[])
    WITH ORDINALITY AS i(sku, price, promo_given, promo, source_at, source_seq, ord)
), cur AS (
  SELECT p.id, p.sku, p.price, p.promotional_price, p.price_version, p.price_source_at, p.price_source_seq
    FROM products p JOIN input i ON i.sku = p.sku
   WHERE p.account_id = $1 AND p.removed_at IS NULL
   ORDER BY p.id
     FOR UPDATE OF p
), proposed AS (
  SELECT c.*, i.source_at, i.source_seq,
         coalesce(i.price, c.price) AS new_price,
         CASE WHEN i.promo_given THEN i.promo ELSE c.promotional_price END AS new_promo
    FROM input i JOIN cur c ON c.sku = i.sku
), decided AS (
  SELECT p.*,
         p.new_price IS DISTINCT FROM p.price OR p.new_promo IS DISTINCT FROM p.promotional_price AS changed,
         coalesce(p.source_at < p.price_source_at, false) OR coalesce(p.source_seq < p.price_source_seq, false) AS stale,
         CASE WHEN p.new_price IS NULL THEN 'price: is required, the product has no price yet'
              WHEN p.new_promo > p.new_price THEN 'promotional_price: must not be greater than price (' || p.new_price || ')'
         END AS rejection
    FROM proposed p
), upd AS (
  UPDATE products p
     SET price = d.new_price,
         promotional_price = d.new_promo,
         price_version = p.price_version + d.changed::int,
         price_changed_at = CASE WHEN d.changed THEN now() ELSE p.price_changed_at END,
         price_source_at = greatest(p.price_source_at, d.source_at),
         price_source_seq = greatest(p.price_source_seq, d.source_seq),
         updated_at = now()
    FROM decided d
   WHERE p.id = d.id AND NOT d.stale AND d.rejection IS NULL
     AND (d.changed OR d.source_at IS NOT NULL OR d.source_seq IS NOT NULL)
  RETURNING p.id, p.price_version
), history AS (
  INSERT INTO product_changes (account_id, product_id, resource, version, old_value, new_value, api_key_id, actor)
  SELECT $1, d.id, 'price', u.price_version,
         jsonb_build_object('price', d.price, 'promotional_price', d.promotional_price),
         jsonb_build_object('price', d.new_price, 'promotional_price', d.new_promo), $8, $9
    FROM decided d JOIN upd u ON u.id = d.id
   WHERE d.changed
)
SELECT i.sku, d.id IS NOT NULL AS found, coalesce(d.stale, false) AS stale, coalesce(d.changed, false) AS changed,
       d.rejection, coalesce(u.price_version, d.price_version) AS version
  FROM input i LEFT JOIN decided d ON d.sku = i.sku LEFT JOIN upd u ON u.id = d.id
 ORDER BY i.ord`;

interface ResultRow {
  sku: string;
  found: boolean;
  stale: boolean;
  changed: boolean;
  rejection?: string | null;
  version: number | null;
}

function toResult(row: ResultRow): WriteResult {
  if (!row.found) return { sku: row.sku, status: 'not_found', error: `sku: ${row.sku} was not found` };
  if (row.stale) {
    return {
      sku: row.sku,
      status: 'stale',
      version: row.version ?? undefined,
      error: 'updated_at/sequence: older than the last accepted write for this item; ignored',
    } as WriteResult;
  }
  if (row.rejection) return { sku: row.sku, status: 'rejected', error: row.rejection };
  return {
    sku: row.sku,
    status: row.changed ? 'updated' : 'unchanged',
    version: row.version ?? undefined,
  } as WriteResult;
}

const stampAt = (item: { updated_at?: string | undefined }) => item.updated_at ?? null;
const stampSeq = (item: { sequence?: number | undefined }) => item.sequence ?? null;

export async function applyStockUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly StockItem[],
): Promise<WriteResult[]> {
  const rows = await db.query<ResultRow>(stockSql, [
    ctx.accountId,
    items.map((i) => i.sku),
    items.map((i) => i.qty),
    items.map(stampAt),
    items.map(stampSeq),
    ctx.apiKeyId,
    ctx.actor,
  ]);
  return rows.map(toResult);
}

export async function applyPriceUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly PriceItem[],
): Promise<WriteResult[]> {
  const rows = await db.query<ResultRow>(priceSql, [
    ctx.accountId,
    items.map((i) => i.sku),
    items.map((i) => i.price ?? null),
    items.map((i) => i.promotional_price !== undefined),
    items.map((i) => i.promotional_price ?? null),
    items.map(stampAt),
    items.map(stampSeq),
    ctx.apiKeyId,
    ctx.actor,
  ]);
  return rows.map(toResult);
}
