/**
 * The raw baselines' table: the keys and the qty of a product, nothing else (no trigger, no
 * history, no versions), so a baseline measures the database and HTTP, not Cais's products table.
 */
type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

export const plainUpsertSql = `INSERT INTO plain_products (account_id, sku, qty) VALUES ($1, $2, $3)
  ON CONFLICT (account_id, sku) DO UPDATE SET qty = excluded.qty`;

export const plainBulkSql = `INSERT INTO plain_products (account_id, sku, qty)
  SELECT $1, * FROM unnest($2::text[], $3::int[])
  ON CONFLICT (account_id, sku) DO UPDATE SET qty = excluded.qty`;

/** Creates the table with `skus` rows SKU-1..SKU-n for account 1 (and keeps it if it exists). */
export async function createPlainTable(query: Query, skus: number, accountId = 1): Promise<void> {
  await query(`CREATE TABLE IF NOT EXISTS plain_products (
    account_id bigint NOT NULL, sku text NOT NULL, qty integer NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, sku))`);
  await query(
    `INSERT INTO plain_products (account_id, sku, qty) SELECT $1, 'SKU-' || g, 0 FROM generate_series(1, $2::int) g
     ON CONFLICT DO NOTHING`,
    [accountId, skus],
  );
}
