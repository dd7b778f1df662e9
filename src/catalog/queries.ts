import type { Queryable } from '../db/db.ts';

export interface ProductRow {
  id: number;
  account_id: number;
  sku: string;
  parent_id: number | null;
  name: string;
  status: 'enabled' | 'disabled';
  qty: number;
  price: number | null;
  promotional_price: number | null;
  stock_version: number;
  price_version: number;
  data: Record<string, unknown>;
  removed_at: Date | null;
}

const productColumns = `id, account_id, sku, parent_id, name, status, qty, price, promotional_price,
  stock_version, price_version, data, removed_at`;

/** Any row with this SKU in the account, removed or not, locked for the caller's transaction. */
export async function lockProductBySku(
  db: Queryable,
  accountId: number,
  sku: string,
): Promise<ProductRow | undefined> {
  const [row] = await db.query<ProductRow>(
    `SELECT ${productColumns} FROM products WHERE account_id = $1 AND sku = $2 FOR UPDATE`,
    [accountId, sku],
  );
  return row;
}

export async function findLiveProduct(
  db: Queryable,
  accountId: number,
  sku: string,
): Promise<ProductRow | undefined> {
  const [row] = await db.query<ProductRow>(
    `SELECT ${productColumns} FROM products WHERE account_id = $1 AND sku = $2 AND removed_at IS NULL`,
    [accountId, sku],
  );
  return row;
}

export function findVariations(db: Queryable, parentIds: readonly number[]): Promise<ProductRow[]> {
  return db.query<ProductRow>(
    `SELECT ${productColumns} FROM products
      WHERE parent_id = ANY($1::bigint[]) AND removed_at IS NULL ORDER BY parent_id, id`,
    [parentIds],
  );
}

export interface NewProductRow {
  accountId: number;
  sku: string;
  parentId: number | null;
  name: string;
  status: string;
  qty: number;
  price: number | null;
  promotionalPrice: number | null;
  data: Record<string, unknown>;
}

export async function insertProduct(db: Queryable, p: NewProductRow): Promise<ProductRow> {
  const [row] = await db.query<ProductRow>(
    `INSERT INTO products (account_id, sku, parent_id, name, status, qty, price, promotional_price, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${productColumns}`,
    [p.accountId, p.sku, p.parentId, p.name, p.status, p.qty, p.price, p.promotionalPrice, p.data],
  );
  return row!;
}

/** Brings a removed SKU back with new content; its versions move on so nothing older wins. */
export async function reviveProduct(db: Queryable, id: number, p: NewProductRow): Promise<ProductRow> {
  const [row] = await db.query<ProductRow>(
    `UPDATE products SET parent_id = $2, name = $3, status = $4, qty = $5, price = $6, promotional_price = $7,
            data = $8, removed_at = NULL, stock_version = stock_version + 1, price_version = price_version + 1,
            stock_changed_at = now(), price_changed_at = now(), updated_at = now(),
            stock_source_at = NULL, stock_source_seq = NULL, price_source_at = NULL, price_source_seq = NULL
      WHERE id = $1 RETURNING ${productColumns}`,
    [id, p.parentId, p.name, p.status, p.qty, p.price, p.promotionalPrice, p.data],
  );
  return row!;
}

export async function updateCatalogFields(
  db: Queryable,
  id: number,
  fields: { name: string; status: string; data: Record<string, unknown> },
): Promise<void> {
  await db.query('UPDATE products SET name = $2, status = $3, data = $4, updated_at = now() WHERE id = $1', [
    id,
    fields.name,
    fields.status,
    fields.data,
  ]);
}

/** Marks the product and its variations removed; returns the ids removed. */
export async function markRemoved(db: Queryable, id: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `UPDATE products SET removed_at = now(), updated_at = now()
      WHERE (id = $1 OR parent_id = $1) AND removed_at IS NULL RETURNING id`,
    [id],
  );
  return rows.map((r) => r.id);
}

export interface ChangeRow {
  resource: 'stock' | 'price' | 'catalog' | 'lifecycle';
  version: number | null;
  old_value: unknown;
  new_value: unknown;
  actor: string;
  changed_at: Date;
  id: number;
}

export async function insertChange(
  db: Queryable,
  change: {
    accountId: number;
    productId: number;
    resource: 'stock' | 'price' | 'catalog' | 'lifecycle';
    version: number | null;
    oldValue: unknown;
    newValue: unknown;
    apiKeyId: number | null;
    actor: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO product_changes (account_id, product_id, resource, version, detail, api_key_id, actor)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      change.accountId,
      change.productId,
      change.resource,
      change.version,
      JSON.stringify({ old: change.oldValue ?? null, new: change.newValue ?? null }),
      change.apiKeyId,
      change.actor,
    ],
  );
}

export function listChanges(
  db: Queryable,
  productId: number,
  options: { resource?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<ChangeRow[]> {
  return db.query<ChangeRow>(
    `SELECT id, resource, version, actor, changed_at,
            CASE resource
              WHEN 'stock' THEN jsonb_build_object('qty', old_qty)
              WHEN 'price' THEN jsonb_build_object('price', old_price, 'promotional_price', old_promotional_price)
              ELSE detail->'old' END AS old_value,
            CASE resource
              WHEN 'stock' THEN jsonb_build_object('qty', new_qty)
              WHEN 'price' THEN jsonb_build_object('price', new_price, 'promotional_price', new_promotional_price)
              ELSE detail->'new' END AS new_value
       FROM product_changes
      WHERE product_id = $1 AND ($2::text IS NULL OR resource = $2) AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [productId, options.resource ?? null, options.beforeId ?? null, options.limit],
  );
}

export interface ProductFilter {
  accountId: number;
  sku?: string | undefined;
  name?: string | undefined;
  status?: string | undefined;
  qtyFrom?: number | undefined;
  qtyTo?: number | undefined;
  category?: string | undefined;
}

// The filter is one parameter list shared by the page query and the count, so both always agree.
const filterSql = `p.account_id = $1 AND p.removed_at IS NULL AND p.parent_id IS NULL
  AND ($2::text IS NULL OR p.sku = $2)
  AND ($3::text IS NULL OR p.name ILIKE '%' || $3 || '%')
  AND ($4::text IS NULL OR p.status = $4)
  AND ($5::int IS NULL OR p.qty >= $5)
  AND ($6::int IS NULL OR p.qty <= $6)
  AND ($7::text IS NULL OR p.data->'categories' @> jsonb_build_array(jsonb_build_object('code', $7::text)))`;

function filterParams(f: ProductFilter): unknown[] {
  const escaped = f.name?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [
    f.accountId,
    f.sku ?? null,
    escaped ?? null,
    f.status ?? null,
    f.qtyFrom ?? null,
    f.qtyTo ?? null,
    f.category ?? null,
  ];
}

export function listProductPage(
  db: Queryable,
  filter: ProductFilter,
  page: { afterId?: number | undefined; offset?: number | undefined; limit: number },
): Promise<ProductRow[]> {
  return db.query<ProductRow>(
    `SELECT ${productColumns} FROM products p WHERE ${filterSql} AND ($8::bigint IS NULL OR p.id > $8)
      ORDER BY p.id LIMIT $9 OFFSET $10`,
    [...filterParams(filter), page.afterId ?? null, page.limit, page.offset ?? 0],
  );
}

export async function countProducts(db: Queryable, filter: ProductFilter): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM products p WHERE ${filterSql}`,
    filterParams(filter),
  );
  return row!.n;
}
