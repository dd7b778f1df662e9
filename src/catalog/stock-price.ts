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

// A bulk's items arrive as one JSON array, the validated items themselves (`sku`, the values,
// `updated_at`, `sequence`), in SKU order: the server reads it in one pass, where four arrays
// each cost the driver an escaped copy of every element. `ord` is each item's place in it.
const items = (columns: string, names: string) =>
  `ROWS FROM (json_to_recordset($2::json) AS (sku text, ${columns}, updated_at timestamptz, sequence bigint))
         WITH ORDINALITY AS i(sku, ${names}, source_at, source_seq, ord)`;

// What happened to an item, as WriteStatus. Decided by the UPDATE when it wrote the row:
// `updated` when the value moved, `unchanged` when only a stamp did. Otherwise explained from the
// snapshot (`cur` names its columns): not found, a stale stamp, a refused price, or the same value.
const writtenStatus = (changed: string) => `CASE WHEN ${changed} THEN 'updated' ELSE 'unchanged' END`;
const snapshotStatus = (found: string, cur: string, rejection: string) =>
  `CASE WHEN NOT ${found} THEN 'not_found'
        WHEN coalesce(i.source_at < ${cur}source_at, false)
          OR coalesce(i.source_seq < ${cur}source_seq, false) THEN 'stale'
        WHEN ${rejection} IS NOT NULL THEN 'rejected'
        ELSE 'unchanged' END`;

// A bulk answers one row of two JSON arrays, which the driver parses natively (1,000 rows of
// columns cost it more than the statement's own lookup of them): `items`, each item's status and
// version as the snapshot explains them (and a refused price's reason), in the items' order; and
// `updated`, [ord, version, changed] for each item the UPDATE wrote. Two aggregates and no join
// between them, so no plan can compare every item with every updated row.
const bulkAnswer = (snapshotStatus: string, version: string, changed: string, rejection?: string) => `
SELECT (SELECT json_agg(json_build_array(${snapshotStatus}, i.cur_version${rejection ? `, ${rejection}` : ''}) ORDER BY i.ord)
          FROM input i) AS items,
       (SELECT json_agg(json_build_array(u.ord, u.${version}, ${changed})) FROM upd u) AS updated`;

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
// A bulk's UPDATE also returns each written item's place in the input.
const withOrd = (returning: string) => `${returning}, i.ord`;
const stockHistory = (
  who: string,
) => `INSERT INTO product_changes (account_id, product_id, resource, version, old_qty, new_qty, api_key_id, actor)
  SELECT $1, u.id, 'stock', u.stock_version, u.prev_qty, u.qty, ${who}
    FROM upd u
   WHERE u.prev_qty <> u.qty`;
const stockCurrent =
  'id, stock_source_at AS cur_source_at, stock_source_seq AS cur_source_seq, stock_version AS cur_version';
const stockChanged = 'u.prev_qty <> u.qty';

/** Parameters: the account, the items as JSON (`sku`, `qty`, stamps), the API key, the actor. */
export const stockSql = `
WITH input AS (
  SELECT i.*, p.id, p.stock_source_at AS cur_source_at, p.stock_source_seq AS cur_source_seq,
         p.stock_version AS cur_version
    FROM ${items('qty int', 'qty')}
    ${lookup('id, stock_source_at, stock_source_seq, stock_version')}
), upd AS (
  UPDATE products p
     SET ${stockSet}
    FROM input i
   WHERE ${byId} AND p.removed_at IS NULL
     AND ${stockGuards}
  RETURNING ${withOrd(stockReturning)}
), history AS (
  ${stockHistory('$3, $4')}
)${bulkAnswer(snapshotStatus('i.id IS NOT NULL', 'i.cur_', 'NULL'), 'stock_version', stockChanged)}`;

// One item (PUT /products/{sku}, PUT /variations/{sku}): the same decisions with scalar
// parameters and no unnest, lateral or union, about half the cost of the bulk statement with
// one item (a third less on PGlite, which parses and plans every statement). The row is reached
// by the unique (account_id, sku) index, the only index both columns' equality can use.
// The snapshot (what explains an item not written) is read only when the UPDATE wrote nothing:
// the lateral's condition on the UPDATE's row is a one-time filter, so a write that succeeded
// skips the second probe of the index.
const theSku = 'p.account_id = $1 AND p.sku = $2 AND p.removed_at IS NULL';
const single = (current: string, changed: string, snapshot: string, rejection: string, version: string) => `
SELECT CASE WHEN u.id IS NOT NULL THEN ${writtenStatus(changed)} ELSE ${snapshot} END AS status, coalesce(u.${version}, c.cur_version) AS version,
       CASE WHEN u.id IS NULL THEN ${rejection} END AS rejection
  FROM i
  LEFT JOIN upd u ON true
  LEFT JOIN LATERAL (SELECT ${current} FROM products p WHERE ${theSku} AND u.id IS NULL OFFSET 0) c ON true`;

/** Parameters: the account, the SKU, the qty, the two stamps, the API key, the actor. */
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
  ${stockHistory('$6, $7')}
)${single(stockCurrent, stockChanged, snapshotStatus('c.id IS NOT NULL', 'c.cur_', 'NULL'), 'NULL', 'stock_version')}`;

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
const priceHistory = (
  who: string,
) => `INSERT INTO product_changes (account_id, product_id, resource, version, old_price, new_price,
                               old_promotional_price, new_promotional_price, api_key_id, actor)
  SELECT $1, u.id, 'price', u.price_version, u.prev_price, u.price, u.prev_promotional_price, u.promotional_price, ${who}
    FROM upd u
   WHERE u.prev_price IS DISTINCT FROM u.price OR u.prev_promotional_price IS DISTINCT FROM u.promotional_price`;
const priceChangedRow =
  'u.prev_price IS DISTINCT FROM u.price OR u.prev_promotional_price IS DISTINCT FROM u.promotional_price';
const priceCurrent = `id, price_source_at AS cur_source_at, price_source_seq AS cur_source_seq,
         price_version AS cur_version, price AS cur_price, promotional_price AS cur_promotional_price`;

/**
 * Parameters: the account, the items as JSON (`sku`, `price`, `promo_given`, `promo`, stamps:
 * `promo_given` says whether the promotional price was sent, since a null one clears it), the
 * API key, the actor.
 */
export const priceSql = `
WITH input AS (
  SELECT i.*, p.id, p.price_source_at AS cur_source_at, p.price_source_seq AS cur_source_seq,
         p.price_version AS cur_version, p.price AS cur_price, p.promotional_price AS cur_promotional_price
    FROM ${items('price numeric, promo_given boolean, promo numeric', 'price, promo_given, promo')}
    ${lookup('id, price_source_at, price_source_seq, price_version, price, promotional_price')}
), upd AS (
  UPDATE products p
     SET ${priceSet}
    FROM input i
   WHERE ${byId} AND p.removed_at IS NULL
     AND ${priceGuards}
  RETURNING ${withOrd(priceReturning)}
), history AS (
  ${priceHistory('$3, $4')}
)${bulkAnswer(snapshotStatus('i.id IS NOT NULL', 'i.cur_', rejection('i.cur_')), 'price_version', priceChangedRow, rejection('i.cur_'))}`;

/** Parameters: the account, the SKU, price, promo_given, promo, the two stamps, the API key, the actor. */
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
  ${priceHistory('$8, $9')}
)${single(priceCurrent, priceChangedRow, snapshotStatus('c.id IS NOT NULL', 'c.cur_', rejection('c.cur_')), rejection('c.cur_'), 'price_version')}`;

/** What a statement says of one item: its status, version, and a refused price's reason. */
interface Outcome {
  status: WriteStatus;
  version: number | string | null;
  rejection: string | null;
}

/** A bulk statement's one row (see bulkAnswer): the snapshot's word on each item, then the writes. */
interface BulkAnswer {
  items: [WriteStatus, number | null, (string | null)?][];
  updated: [number, number, boolean][] | null;
}

function toResult(sku: string, { status, version: v, rejection }: Outcome): WriteResult {
  const version = v === null ? undefined : Number(v);
  switch (status) {
    case 'not_found':
      return {
        sku,
        status,
        error: `sku: ${sku} was not found`,
        code: 'item_not_found',
        params: { field: 'sku', sku },
      };
    case 'stale': {
      const error = 'updated_at/sequence: older than the last accepted write for this item; ignored';
      return { sku, status, version, error, code: 'stale_write', params: { sku } };
    }
    case 'rejected': {
      const error = rejection ?? '';
      return { sku, status, error, ...priceRejection(sku, error) };
    }
    default:
      return { sku, status, version };
  }
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

type Stamped = { sku: string; updated_at?: string | undefined; sequence?: number | undefined };

// Rows are locked in the order the plan meets them: the items' order, or the rows' order in the
// table. Sorting by SKU gives concurrent bulks one common order either way, so they queue behind
// each other instead of deadlocking; two plans of different shapes may still meet, and a deadlock
// between them is retried (deadlock.ts). Answers the items' places in request order, sorted.
function bySku(items: readonly { sku: string }[]): number[] {
  const order = items.map((_, i) => i);
  return order.sort((a, b) => (items[a]!.sku < items[b]!.sku ? -1 : items[a]!.sku > items[b]!.sku ? 1 : 0));
}

/**
 * The statements of one kind of write: the single-item one (scalar parameters: the SKU, the
 * item's values, its stamps) and the bulk one (the items as JSON, in SKU order).
 */
interface Write<T extends Stamped> {
  single: string;
  singleValues(item: T): unknown[];
  bulk: string;
  bulkItem(item: T): object;
}

/**
 * Runs one write statement and answers in request order: the single statement for one item,
 * the bulk one otherwise. Either takes the account first and who made the change last.
 */
async function applyWrite<T extends Stamped>(
  db: Queryable,
  ctx: WriteContext,
  write: Write<T>,
  items: readonly T[],
): Promise<WriteResult[]> {
  const who = [ctx.apiKeyId, ctx.actor];
  const [only] = items;
  if (items.length === 1 && only) {
    const params = [
      ctx.accountId,
      only.sku,
      ...write.singleValues(only),
      only.updated_at ?? null,
      only.sequence ?? null,
    ];
    const [row] = await retryOnDeadlock(db, () =>
      db.query<Outcome>(write.single, [...params, ...who], { prepare: true }),
    );
    return [toResult(only.sku, row!)];
  }
  const order = bySku(items);
  const json = JSON.stringify(order.map((i) => write.bulkItem(items[i]!)));
  // Not prepared: planned on each call, for the catalog as it is. A generic plan made while the
  // catalog held a few products reads the rows to update with a sequential scan, and a prepared
  // statement keeps it on its connection (for ever on PGlite, which never analyzes): 170 ms for
  // 100 items once the catalog had grown to 100,000 products (grown-catalog.test.ts).
  const [answer] = await retryOnDeadlock(db, () =>
    db.query<BulkAnswer>(write.bulk, [ctx.accountId, json, ...who]),
  );
  const outcomes: Outcome[] = answer!.items.map(([status, version, rejection]) => ({
    status,
    version,
    rejection: rejection ?? null,
  }));
  for (const [ord, version, changed] of answer!.updated ?? []) {
    outcomes[ord - 1] = { status: changed ? 'updated' : 'unchanged', version, rejection: null };
  }
  const results = new Array<WriteResult>(items.length);
  for (const [k, i] of order.entries()) results[i] = toResult(items[i]!.sku, outcomes[k]!);
  return results;
}

const stockWrite: Write<StockItem> = {
  single: stockSingleSql,
  singleValues: (item) => [item.qty],
  bulk: stockSql,
  bulkItem: (item) => item,
};

const priceWrite: Write<PriceItem> = {
  single: priceSingleSql,
  singleValues: (item) => [
    cents(item.price),
    item.promotional_price !== undefined,
    cents(item.promotional_price),
  ],
  bulk: priceSql,
  bulkItem: (item) => ({
    sku: item.sku,
    price: cents(item.price),
    promo_given: item.promotional_price !== undefined,
    promo: cents(item.promotional_price),
    updated_at: item.updated_at,
    sequence: item.sequence,
  }),
};

export function applyStockUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly StockItem[],
): Promise<WriteResult[]> {
  return applyWrite(db, ctx, stockWrite, items);
}

export function applyPriceUpdates(
  db: Queryable,
  ctx: WriteContext,
  items: readonly PriceItem[],
): Promise<WriteResult[]> {
  return applyWrite(db, ctx, priceWrite, items);
}
