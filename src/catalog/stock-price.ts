/**
 * Stock and price writes, single or bulk, in one SQL statement each. The UPDATE decides against
 * the row as it is when locked (so a concurrent write is never compared with a stale copy):
 * it refuses stale stamps, bumps the version only when the value really changes (ten equal pushes
 * are not ten changes to relay), and the same statement writes the history entry.
 */
import type { Queryable } from '../db/db.ts';
import type { ErrorParams } from '../errors.ts';
import { retryOnDeadlock } from './deadlock.ts';
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
  version?: number | undefined;
  error?: string | undefined;
  /** The error's stable code and params, so the API can say it in the caller's language. */
  code?: string | undefined;
  params?: ErrorParams | undefined;
}

// Every statement finds each item's row with a per-item lookup on the unique (account_id, sku)
// index: the LATERAL with LIMIT 1 cannot be flattened into a join, so no plan, generic or custom,
// can read the account's products and filter them by SKU (a plan that planner statistics taken
// on a small catalog favour, and that made each write cost O(catalog); see docs/BENCHMARKS.md).
// The UPDATE then reaches the rows by primary key, `id = ANY (ARRAY(...))`: an array whose length
// the planner cannot see (it assumes 10), so only a table of a few pages is ever scanned instead.
// Items that were not updated are classified from the lookup's snapshot: the decision itself was
// taken by the UPDATE on the locked row; only the explanation reads the snapshot.
const lookup = (columns: string) => `
    LEFT JOIN LATERAL (
      SELECT ${columns} FROM products p
       WHERE p.account_id = $1 AND p.sku = i.sku AND p.removed_at IS NULL LIMIT 1
    ) p ON true`;
const byId = 'p.id = ANY (ARRAY(SELECT id FROM input WHERE id IS NOT NULL)) AND p.id = i.id';

const stockSet = `prev_qty = p.qty,
         qty = i.qty,
         stock_version = p.stock_version + (p.qty <> i.qty)::int,
         stock_changed_at = CASE WHEN p.qty <> i.qty THEN now() ELSE p.stock_changed_at END,
         stock_source_at = greatest(p.stock_source_at, i.source_at),
         stock_source_seq = greatest(p.stock_source_seq, i.source_seq),
         updated_at = now()`;
const stockGuards = `NOT coalesce(i.source_at < p.stock_source_at, false)
     AND NOT coalesce(i.source_seq < p.stock_source_seq, false)
     AND (p.qty <> i.qty OR i.source_at IS NOT NULL OR i.source_seq IS NOT NULL)`;
const stockReturning = 'p.id, p.prev_qty, p.qty, p.stock_version';
const stockHistory = `INSERT INTO product_changes (account_id, product_id, resource, version, old_qty, new_qty, api_key_id, actor)
  SELECT $1, u.id, 'stock', u.stock_version, u.prev_qty, u.qty, $6, $7
    FROM upd u
   WHERE u.prev_qty <> u.qty`;
const stockCurrent =
  'id, stock_source_at AS cur_source_at, stock_source_seq AS cur_source_seq, stock_version AS cur_version';

export const stockSql = `
WITH input AS (
  SELECT i.*, p.id, p.stock_source_at AS cur_source_at, p.stock_source_seq AS cur_source_seq,
         p.stock_version AS cur_version
    FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::bigint[])
         WITH ORDINALITY AS i(sku, qty, source_at, source_seq, ord)
    ${lookup('id, stock_source_at, stock_source_seq, stock_version')}
), upd AS (
  UPDATE products p
     SET ${stockSet}
    FROM input i
   WHERE ${byId} AND p.removed_at IS NULL
     AND ${stockGuards}
  RETURNING ${stockReturning}
), history AS (
  ${stockHistory}
)
SELECT i.ord, i.sku, true AS found, false AS stale, u.prev_qty <> u.qty AS changed, NULL AS rejection,
       u.stock_version AS version
  FROM input i JOIN upd u ON u.id = i.id
UNION ALL
SELECT i.ord, i.sku, i.id IS NOT NULL,
       coalesce(i.source_at < i.cur_source_at, false) OR coalesce(i.source_seq < i.cur_source_seq, false),
       false, NULL, i.cur_version
  FROM input i
 WHERE NOT EXISTS (SELECT 1 FROM upd u WHERE u.id = i.id)
 ORDER BY ord`;

// One item (PUT /products/{sku}, PUT /variations/{sku}): the same decisions with scalar
// parameters and no unnest, lateral or union, about half the cost of the bulk statement with
// one item (a third less on PGlite, which parses and plans every statement). The row is reached
// by the unique (account_id, sku) index, the only index both columns' equality can use.
const theSku = 'p.account_id = $1 AND p.sku = $2 AND p.removed_at IS NULL';
const single = (current: string, changed: string, rejection: string, version: string) => `
SELECT 1 AS ord, $2::text AS sku, u.id IS NOT NULL OR c.id IS NOT NULL AS found,
       u.id IS NULL AND (coalesce(i.source_at < c.cur_source_at, false)
                         OR coalesce(i.source_seq < c.cur_source_seq, false)) AS stale,
       coalesce(${changed}, false) AS changed,
       CASE WHEN u.id IS NULL AND c.id IS NOT NULL THEN ${rejection} END AS rejection,
       coalesce(u.${version}, c.cur_version) AS version
  FROM i
  LEFT JOIN (SELECT ${current} FROM products p WHERE ${theSku}) c ON true
  LEFT JOIN upd u ON true`;

export const stockSingleSql = `
WITH i AS (
  SELECT $3::int AS qty, $4::timestamptz AS source_at, $5::bigint AS source_seq
), upd AS (
  UPDATE products p
     SET ${stockSet}
    FROM i
   WHERE ${theSku}
     AND ${stockGuards}
  RETURNING ${stockReturning}
), history AS (
  ${stockHistory}
)${single(stockCurrent, 'u.prev_qty <> u.qty', 'NULL', 'stock_version')}`;

// new price = the given price or the current one; new promotional price = the given one (null
// clears it) or the current one. Written out in full in each place: UPDATE's FROM cannot see p.
// \`c\` is the row the expression reads: the locked row in the UPDATE, the snapshot after it.
const newPrice = (c: string) => `coalesce(i.price, ${c}price)`;
const newPromo = (c: string) => `CASE WHEN i.promo_given THEN i.promo ELSE ${c}promotional_price END`;
const priceChanged = `(${newPrice('p.')} IS DISTINCT FROM p.price OR ${newPromo('p.')} IS DISTINCT FROM p.promotional_price)`;
const rejection = (
  c: string,
) => `CASE WHEN ${newPrice(c)} IS NULL THEN 'price: is required, the product has no price yet'
  WHEN ${newPromo(c)} > ${newPrice(c)} THEN 'promotional_price: must not be greater than price (' || ${newPrice(c)} || ')' END`;

const priceSet = `prev_price = p.price,
         prev_promotional_price = p.promotional_price,
         price = ${newPrice('p.')},
         promotional_price = ${newPromo('p.')},
         price_version = p.price_version + ${priceChanged}::int,
         price_changed_at = CASE WHEN ${priceChanged} THEN now() ELSE p.price_changed_at END,
         price_source_at = greatest(p.price_source_at, i.source_at),
         price_source_seq = greatest(p.price_source_seq, i.source_seq),
         updated_at = now()`;
const priceGuards = `NOT coalesce(i.source_at < p.price_source_at, false)
     AND NOT coalesce(i.source_seq < p.price_source_seq, false)
     AND ${rejection('p.')} IS NULL
     AND (${priceChanged} OR i.source_at IS NOT NULL OR i.source_seq IS NOT NULL)`;
const priceReturning =
  'p.id, p.prev_price, p.prev_promotional_price, p.price, p.promotional_price, p.price_version';
const priceHistory = `INSERT INTO product_changes (account_id, product_id, resource, version, old_price, new_price,
                               old_promotional_price, new_promotional_price, api_key_id, actor)
  SELECT $1, u.id, 'price', u.price_version, u.prev_price, u.price, u.prev_promotional_price, u.promotional_price, $8, $9
    FROM upd u
   WHERE u.prev_price IS DISTINCT FROM u.price OR u.prev_promotional_price IS DISTINCT FROM u.promotional_price`;
const priceChangedRow =
  'u.prev_price IS DISTINCT FROM u.price OR u.prev_promotional_price IS DISTINCT FROM u.promotional_price';
const priceCurrent = `id, price_source_at AS cur_source_at, price_source_seq AS cur_source_seq,
         price_version AS cur_version, price AS cur_price, promotional_price AS cur_promotional_price`;

export const priceSql = `
WITH input AS (
  SELECT i.*, p.id, p.price_source_at AS cur_source_at, p.price_source_seq AS cur_source_seq,
         p.price_version AS cur_version, p.price AS cur_price, p.promotional_price AS cur_promotional_price
    FROM unnest($2::text[], $3::numeric[], $4::boolean[], $5::numeric[], $6::timestamptz[], $7::bigint[])
         WITH ORDINALITY AS i(sku, price, promo_given, promo, source_at, source_seq, ord)
    ${lookup('id, price_source_at, price_source_seq, price_version, price, promotional_price')}
), upd AS (
  UPDATE products p
     SET ${priceSet}
    FROM input i
   WHERE ${byId} AND p.removed_at IS NULL
     AND ${priceGuards}
  RETURNING ${priceReturning}
), history AS (
  ${priceHistory}
)
SELECT i.ord, i.sku, true AS found, false AS stale, ${priceChangedRow} AS changed,
       NULL AS rejection, u.price_version AS version
  FROM input i JOIN upd u ON u.id = i.id
UNION ALL
SELECT i.ord, i.sku, i.id IS NOT NULL,
       coalesce(i.source_at < i.cur_source_at, false) OR coalesce(i.source_seq < i.cur_source_seq, false),
       false, ${rejection('i.cur_')}, i.cur_version
  FROM input i
 WHERE NOT EXISTS (SELECT 1 FROM upd u WHERE u.id = i.id)
 ORDER BY ord`;

export const priceSingleSql = `
WITH i AS (
  SELECT $3::numeric AS price, $4::boolean AS promo_given, $5::numeric AS promo,
         $6::timestamptz AS source_at, $7::bigint AS source_seq
), upd AS (
  UPDATE products p
     SET ${priceSet}
    FROM i
   WHERE ${theSku}
     AND ${priceGuards}
  RETURNING ${priceReturning}
), history AS (
  ${priceHistory}
)${single(priceCurrent, priceChangedRow, rejection('c.cur_'), 'price_version')}`;

interface ResultRow {
  sku: string;
  found: boolean;
  stale: boolean;
  changed: boolean;
  rejection: string | null;
  version: number | null;
}

function toResult(row: ResultRow): WriteResult {
  const version = row.version ?? undefined;
  const sku = row.sku;
  if (!row.found) {
    const error = `sku: ${sku} was not found`;
    return { sku, status: 'not_found', error, code: 'item_not_found', params: { field: 'sku', sku } };
  }
  if (row.stale) {
    const error = 'updated_at/sequence: older than the last accepted write for this item; ignored';
    return { sku, status: 'stale', version, error, code: 'stale_write', params: { sku } };
  }
  if (row.rejection)
    return { sku, status: 'rejected', error: row.rejection, ...priceRejection(sku, row.rejection) };
  return { sku, status: row.changed ? 'updated' : 'unchanged', version };
}

/** The code of a price the statement refused (its two `rejection` sentences), with its params. */
export function priceRejection(sku: string, rejection: string): { code: string; params: ErrorParams } {
  const above = /^promotional_price: .*\(([\d.]+)\)$/.exec(rejection);
  return above
    ? { code: 'promo_above_price', params: { field: 'promotional_price', price: Number(above[1]), sku } }
    : { code: 'price_required', params: { field: 'price', sku } };
}

// Prices are validated to 2 decimals within a float tolerance (0.1 + 0.2 passes as 0.30): round
// them to cents before comparing with the stored numeric(12,2), or an equal price looks changed.
const cents = (value: number | null | undefined) => (value == null ? null : Math.round(value * 100) / 100);

const stampAt = (item: { updated_at?: string | undefined }) => item.updated_at ?? null;
const stampSeq = (item: { sequence?: number | undefined }) => item.sequence ?? null;

// Rows are locked in the order the plan meets them: the items' order, or the rows' order in the
// table. Sorting by SKU gives concurrent bulks one common order either way, so they queue behind
// each other instead of deadlocking; two plans of different shapes may still meet, and a deadlock
// between them is retried (deadlock.ts).
const bySku = <T extends { sku: string }>(items: readonly T[]) =>
  items.length > 1 ? [...items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)) : items;

function inRequestOrder(items: readonly { sku: string }[], results: WriteResult[]): WriteResult[] {
  if (items.length <= 1) return results;
  const bySkuResult = new Map(results.map((r) => [r.sku, r]));
  return items.map((i) => bySkuResult.get(i.sku)!);
}

/**
 * Runs one write statement over the items in SKU order and answers in request order: the single
 * statement for one item, the bulk one otherwise. Either takes the account, the SKU(s), the
 * item columns, the ERP's stamps, then who made the change.
 */
async function applyWrite<
  T extends { sku: string; updated_at?: string | undefined; sequence?: number | undefined },
>(
  db: Queryable,
  ctx: WriteContext,
  sql: { bulk: string; single: string },
  items: readonly T[],
  columns: (sorted: readonly T[]) => unknown[][],
): Promise<WriteResult[]> {
  const [only] = items;
  const sorted = bySku(items);
  const [text, params] =
    items.length === 1 && only
      ? [sql.single, [only.sku, ...columns(items).map(([value]) => value), stampAt(only), stampSeq(only)]]
      : [sql.bulk, [sorted.map((i) => i.sku), ...columns(sorted), sorted.map(stampAt), sorted.map(stampSeq)]];
  // Only the single statement is prepared. A prepared bulk statement soon runs a generic plan,
  // which puts any array at 10 items and joins the updated rows to the input by a nested loop:
  // 1,000 × 1,000 comparisons, 190 ms instead of 9 for a bulk of 1,000. Planned with the
  // arrays' real lengths, it hashes; planning costs well under a millisecond.
  const prepare = items.length === 1;
  const rows = await retryOnDeadlock(db, () =>
    db.query<ResultRow>(text, [ctx.accountId, ...params, ctx.apiKeyId, ctx.actor], { prepare }),
  );
  return inRequestOrder(items, rows.map(toResult));
}

export function applyStockUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly StockItem[],
): Promise<WriteResult[]> {
  return applyWrite(db, ctx, { bulk: stockSql, single: stockSingleSql }, items, (sorted) => [
    sorted.map((i) => i.qty),
  ]);
}

export function applyPriceUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly PriceItem[],
): Promise<WriteResult[]> {
  return applyWrite(db, ctx, { bulk: priceSql, single: priceSingleSql }, items, (sorted) => [
    sorted.map((i) => cents(i.price)),
    sorted.map((i) => i.promotional_price !== undefined),
    sorted.map((i) => cents(i.promotional_price)),
  ]);
}
