/**
 * Bulk PUT /stocks and PUT /prices: up to 1,000 items, raw array or wrapped, one result per item.
 * A malformed request changes nothing; an unknown or refused item only affects itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import { assertError, assertStatus, type Client, client, createProduct, getProduct } from './client.ts';

let t: TestApp;
let c: Client;
const N = 1000;
const bulkSku = (i: number) => `BULK-${String(i).padStart(4, '0')}`;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  // A thousand products, seeded in one statement: this file tests the bulk routes, not creation.
  await t.db.query(
    `INSERT INTO products (account_id, sku, qty, price)
     SELECT $1, 'BULK-' || lpad(g::text, 4, '0'), 0, 10 FROM generate_series(1, $2::int) g`,
    [t.seller.accountId, N],
  );
  await createProduct(c, { sku: 'P-1', qty: 1, price: 100, promotional_price: 90 });
  await createProduct(c, { sku: 'P-2', qty: 2, price: 200 });
  await createProduct(c, { sku: 'P-NOPRICE', qty: 0 });
  await createProduct(c, { sku: 'P-VAR', price: 50, variations: [{ sku: 'P-VAR-1', qty: 1 }] });
});
after(() => t.close());

interface Result {
  sku: string;
  status: string;
  version?: number;
  error?: string;
}

async function bulk(path: '/stocks' | '/prices', body: unknown) {
  const res = await c.put(path, body as object);
  assertStatus(res, 200);
  return res.json() as { results: Result[]; summary: Record<string, number> };
}

const statuses = (body: { results: Result[] }) => body.results.map((r) => [r.sku, r.status]);

/** Total stock across the seeded thousand: the cheapest way to see "nothing changed". */
async function seededStockSum(): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(
    `SELECT coalesce(sum(qty), 0)::int AS n FROM products WHERE account_id = $1 AND sku LIKE 'BULK-%'`,
    [t.seller.accountId],
  );
  return row!.n;
}

describe('PUT /stocks', () => {
  test('a raw array: one result per item, in request order, with a summary', async () => {
    const body = await bulk('/stocks', [
      { sku: 'P-2', qty: 5 },
      { sku: 'P-1', qty: 4 },
    ]);
    assert.deepEqual(body.results, [
      { sku: 'P-2', status: 'updated', version: 2 },
      { sku: 'P-1', status: 'updated', version: 2 },
    ]);
    assert.deepEqual(body.summary, { updated: 2, unchanged: 0, stale: 0, not_found: 0, rejected: 0 });
    assert.equal((await getProduct(c, 'P-1')).qty, 4);
    assert.equal((await getProduct(c, 'P-2')).qty, 5);
  });

  test('the wrapped form {"stocks": [...]}', async () => {
    const body = await bulk('/stocks', { stocks: [{ sku: 'P-1', qty: 6 }] });
    assert.deepEqual(statuses(body), [['P-1', 'updated']]);
    assert.equal((await getProduct(c, 'P-1')).qty, 6);
  });

  test('the same value again is `unchanged`', async () => {
    const body = await bulk('/stocks', [{ sku: 'P-1', qty: 6 }]);
    assert.deepEqual(body.results, [{ sku: 'P-1', status: 'unchanged', version: 3 }]);
  });

  test('an unknown SKU is `not_found` for that item only', async () => {
    const body = await bulk('/stocks', [
      { sku: 'NOPE-1', qty: 1 },
      { sku: 'P-2', qty: 7 },
    ]);
    assert.deepEqual(statuses(body), [
      ['NOPE-1', 'not_found'],
      ['P-2', 'updated'],
    ]);
    assert.match(body.results[0]!.error!, /sku: NOPE-1 was not found/);
    assert.equal(body.summary.not_found, 1);
    assert.equal((await getProduct(c, 'P-2')).qty, 7);
  });

  test('variation SKUs are items like any other; deleted SKUs are not_found', async () => {
    await createProduct(c, { sku: 'P-GONE', qty: 1 });
    assertStatus(await c.delete('/products/P-GONE'), 204);
    const body = await bulk('/stocks', [
      { sku: 'P-VAR-1', qty: 9 },
      { sku: 'P-GONE', qty: 9 },
    ]);
    assert.deepEqual(statuses(body), [
      ['P-VAR-1', 'updated'],
      ['P-GONE', 'not_found'],
    ]);
    assert.equal((await c.get('/variations/P-VAR-1')).json().qty, 9);
  });

  test('1,000 items in one request are all applied', async () => {
    const items = Array.from({ length: N }, (_, i) => ({ sku: bulkSku(i + 1), qty: i + 1 }));
    const body = await bulk('/stocks', items);
    assert.equal(body.results.length, N);
    assert.equal(body.summary.updated, N);
    assert.deepEqual(
      body.results.map((r) => r.sku),
      items.map((i) => i.sku),
    );
    assert.equal(await seededStockSum(), (N * (N + 1)) / 2);
    assert.equal((await getProduct(c, bulkSku(500))).qty, 500);
  });

  test('1,001 items is 400 and nothing changes', async () => {
    const items = Array.from({ length: N + 1 }, (_, i) => ({ sku: bulkSku((i % N) + 1), qty: 0 }));
    items[N] = { sku: 'P-1', qty: 0 };
    assertError(await c.put('/stocks', items), 400, /^stocks: must NOT have more than 1000 items/);
    assert.equal(await seededStockSum(), (N * (N + 1)) / 2);
  });

  test('a SKU twice in one request is 400, naming both places, and nothing changes', async () => {
    const res = await c.put('/stocks', [
      { sku: 'P-1', qty: 100 },
      { sku: 'P-2', qty: 100 },
      { sku: 'P-1', qty: 101 },
    ]);
    assertError(res, 400, /^stocks\[2\]\.sku: P-1 repeats stocks\[0\]/);
    assert.equal((await getProduct(c, 'P-1')).qty, 6);
    assert.equal((await getProduct(c, 'P-2')).qty, 7);
  });

  test('one malformed item among a thousand is 400 naming it, and NOTHING changes', async () => {
    const items: Record<string, unknown>[] = Array.from({ length: N }, (_, i) => ({
      sku: bulkSku(i + 1),
      qty: 0,
    }));
    for (const [bad, pattern] of [
      [{ sku: bulkSku(731), qty: -1 }, /^stocks\[730\]\.qty: must be >= 0/],
      [{ sku: bulkSku(731), qty: '5' }, /^stocks\[730\]\.qty: must be integer/],
      [{ sku: bulkSku(731) }, /^stocks\[730\]\.qty: is required/],
      [{ qty: 1 }, /^stocks\[730\]\.sku: is required/],
      [{ sku: bulkSku(731), qty: 1, price: 2 }, /^stocks\[730\]\.price: is not a known field/],
      [{ sku: 'has space', qty: 1 }, /^stocks\[730\]\.sku: must not be empty or contain whitespace/],
      [null, /^stocks\[730\]: must be object/],
    ] as const) {
      const res = await c.put('/stocks', items.with(730, bad as Record<string, unknown>));
      assertError(res, 400, pattern);
    }
    assert.equal(await seededStockSum(), (N * (N + 1)) / 2);
  });

  test('bodies that are not a list of items are 400', async () => {
    assertError(await c.put('/stocks', []), 400, /^stocks: must NOT have fewer than 1 items/);
    assertError(await c.put('/stocks', { stocks: [] }), 400, /^stocks: must NOT have fewer than 1 items/);
    assertError(await c.put('/stocks', { sku: 'P-1', qty: 1 }), 400, /body: must be an array of items/);
    assertError(
      await c.put('/stocks', { stocks: { sku: 'P-1', qty: 1 } }),
      400,
      /body: must be an array of items|stocks: must be array/,
    );
    assertError(
      await c.put('/stocks', { prices: [{ sku: 'P-1', qty: 1 }] }),
      400,
      /body: must be an array of items/,
    );
  });

  test('fields beside the "stocks" wrapper are refused, not ignored', async () => {
    const res = await c.put('/stocks', {
      stocks: [{ sku: 'P-1', qty: 50 }],
      prices: [{ sku: 'P-1', price: 1 }],
    });
    assertError(res, 400, /^prices: is not a known field/);
    const product = await getProduct(c, 'P-1');
    assert.deepEqual([product.qty, product.price], [6, 100]);
  });
});

describe('PUT /prices', () => {
  test('price, promotional price, or both, per item', async () => {
    const body = await bulk('/prices', [
      { sku: 'P-1', price: 110 },
      { sku: 'P-2', price: 210, promotional_price: 199.9 },
      { sku: 'P-VAR-1', promotional_price: 45 },
    ]);
    assert.deepEqual(statuses(body), [
      ['P-1', 'updated'],
      ['P-2', 'updated'],
      ['P-VAR-1', 'updated'],
    ]);
    const p1 = await getProduct(c, 'P-1');
    assert.deepEqual([p1.price, p1.promotional_price], [110, 90]);
    const p2 = await getProduct(c, 'P-2');
    assert.deepEqual([p2.price, p2.promotional_price], [210, 199.9]);
    const v = (await c.get('/variations/P-VAR-1')).json();
    assert.deepEqual([v.price, v.promotional_price], [50, 45]);
  });

  test('the wrapped form {"prices": [...]}, and null clears the promotional price', async () => {
    const body = await bulk('/prices', { prices: [{ sku: 'P-1', promotional_price: null }] });
    assert.deepEqual(statuses(body), [['P-1', 'updated']]);
    assert.equal((await getProduct(c, 'P-1')).promotional_price, null);
  });

  test('a promotional price above the price is `rejected` for that item only', async () => {
    const body = await bulk('/prices', [
      { sku: 'P-1', price: 50, promotional_price: 60 },
      { sku: 'P-2', promotional_price: 300 },
      { sku: 'P-VAR-1', price: 40 },
      { sku: BULK_OK, price: 11 },
    ]);
    assert.deepEqual(statuses(body), [
      ['P-1', 'rejected'],
      ['P-2', 'rejected'],
      ['P-VAR-1', 'rejected'],
      [BULK_OK, 'updated'],
    ]);
    assert.match(body.results[0]!.error!, /promotional_price: must not be greater than price/);
    assert.equal(body.summary.rejected, 3);
    assert.equal((await getProduct(c, 'P-1')).price, 110);
    assert.equal((await getProduct(c, 'P-2')).promotional_price, 199.9);
    assert.equal((await c.get('/variations/P-VAR-1')).json().price, 50);
    assert.equal((await getProduct(c, BULK_OK)).price, 11);
  });

  test('a promotional price alone on a product without a price is `rejected`', async () => {
    const body = await bulk('/prices', [{ sku: 'P-NOPRICE', promotional_price: 5 }]);
    assert.equal(body.results[0]!.status, 'rejected');
    assert.match(body.results[0]!.error!, /price: is required/);
    const product = await getProduct(c, 'P-NOPRICE');
    assert.deepEqual([product.price, product.promotional_price], [null, null]);
  });

  test('an item with neither price nor promotional price is 400', async () => {
    assertError(
      await c.put('/prices', [{ sku: 'P-1' }]),
      400,
      /^prices\[0\]: needs price or promotional_price/,
    );
  });

  test('malformed items are 400s naming them, and nothing changes', async () => {
    for (const [bad, pattern] of [
      [{ sku: 'P-2', price: 10.001 }, /^prices\[1\]\.price: must have at most 2 decimal places/],
      [{ sku: 'P-2', price: 0 }, /^prices\[1\]\.price: must be >/],
      [{ sku: 'P-2', price: -5 }, /^prices\[1\]\.price: must be >/],
      [{ sku: 'P-2', price: '10.00' }, /^prices\[1\]\.price: must be number/],
      [{ sku: 'P-2', price: 1e9 }, /^prices\[1\]\.price: must be <= 99999999.99/],
      [{ sku: 'P-2', qty: 3, price: 1 }, /^prices\[1\]\.qty: is not a known field/],
    ] as const) {
      assertError(await c.put('/prices', [{ sku: 'P-1', price: 1 }, bad]), 400, pattern);
    }
    assert.equal((await getProduct(c, 'P-1')).price, 110);
  });

  test('1,000 items are fine, 1,001 are 400', async () => {
    const items = Array.from({ length: N }, (_, i) => ({ sku: bulkSku(i + 1), price: 20 + (i % 10) }));
    const body = await bulk('/prices', items);
    assert.equal(body.results.length, N);
    assert.equal(body.summary.updated! + body.summary.unchanged!, N);
    assertError(
      await c.put('/prices', [...items, { sku: 'P-1', price: 1 }]),
      400,
      /^prices: must NOT have more than 1000 items/,
    );
    assert.equal((await getProduct(c, 'P-1')).price, 110);
  });

  test('a SKU twice is 400', async () => {
    assertError(
      await c.put('/prices', {
        prices: [
          { sku: 'P-2', price: 1 },
          { sku: 'P-2', price: 2 },
        ],
      }),
      400,
      /^prices\[1\]\.sku: P-2 repeats prices\[0\]/,
    );
  });
});

const BULK_OK = bulkSku(1);
