/**
 * A catalog starts with a handful of products and grows. Bulk writes made while it was small must
 * not leave behind a plan that reads the whole catalog once it is large: a plan made for a few
 * products reaches the rows to update by a sequential scan, and a prepared statement would keep
 * that plan on its connection (on PGlite, the embedded default, for the life of the process:
 * nothing there ever analyzes). Checked by the products table's own sequential-scan counter.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp({ CAIS_RATE_LIMIT_PER_MINUTE: '1000000' });
});
after(() => t.close());

const stocks = (skus: string[], qty: number) =>
  t.app.inject({
    method: 'PUT',
    url: '/stocks',
    headers: t.seller.headers,
    payload: skus.map((sku) => ({ sku, qty })),
  });

async function sequentialScansOfProducts(): Promise<number> {
  await t.db.query('SELECT pg_stat_force_next_flush()');
  const [row] = await t.db.query<{ seq_scan: number }>(
    "SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'products'::regclass",
  );
  return Number(row!.seq_scan);
}

test('bulk writes made on a small catalog leave no plan that scans it once it has grown', async () => {
  const account = t.seller.accountId;
  const insert = (from: number, to: number) =>
    t.db.query(
      `INSERT INTO products (account_id, sku, name, qty, price)
       SELECT $1, 'GROW-' || g, 'Produto ' || g, 0, 10 FROM generate_series($2::int, $3::int) g`,
      [account, from, to],
    );
  await insert(1, 5);
  const few = ['GROW-1', 'GROW-2', 'GROW-3', 'GROW-4', 'GROW-5'];
  // More calls than it takes PostgreSQL to settle on a generic plan, on every connection of the pool.
  for (let i = 1; i <= 60; i++) assert.equal((await stocks(few, i)).statusCode, 200);

  await insert(6, 20_000);
  const before = await sequentialScansOfProducts();
  const many = Array.from({ length: 100 }, (_, i) => `GROW-${200 * (i + 1)}`);
  for (let i = 1; i <= 5; i++) {
    const res = await stocks(many, i);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().summary.updated, 100);
  }
  assert.equal(
    await sequentialScansOfProducts(),
    before,
    'a bulk write read the catalog by a sequential scan',
  );
});
