/**
 * Stale-write protection: a write stamped (updated_at or sequence) older than the last accepted one
 * for that SKU and resource is refused: 409 on a single PUT, `stale` for that item in a bulk.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  assertError,
  assertNoContent,
  type Client,
  client,
  createProduct,
  getProduct,
  history,
} from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
});
after(() => t.close());

const T1 = '2026-03-01T10:00:00Z';
const T2 = '2026-03-01T10:00:01Z';
const T3 = '2026-03-01T10:05:00Z';

const qty = async (sku: string) => (await getProduct(c, sku)).qty;

async function bulkStock(items: unknown[]) {
  const res = await c.put('/stocks', items);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('updated_at on a single PUT', () => {
  before(() => createProduct(c, { sku: 'S-1', qty: 1, price: 10 }));

  test('a newer stamp is accepted', async () => {
    assertNoContent(await c.put('/products/S-1', { product: { qty: 2, updated_at: T2 } }));
    assert.equal(await qty('S-1'), 2);
  });

  test('an older stamp is 409 and the value stays', async () => {
    const res = await c.put('/products/S-1', { product: { qty: 99, updated_at: T1 } });
    assertError(res, 409, /updated_at\/sequence: older than the last accepted write/);
    assert.equal(res.json().code, 'stale_write');
    assert.equal(await qty('S-1'), 2);
  });

  test('an equal stamp is accepted (a retry of the same write is not stale)', async () => {
    assertNoContent(await c.put('/products/S-1', { product: { qty: 2, updated_at: T2 } }));
    assertNoContent(await c.put('/products/S-1', { product: { qty: 3, updated_at: T2 } }));
    assert.equal(await qty('S-1'), 3);
  });

  test('stamps compare as instants, whatever the time zone', async () => {
    // 07:00:00-03:00 is 10:00:00Z: older than T2.
    assertError(
      await c.put('/products/S-1', { product: { qty: 50, updated_at: '2026-03-01T07:00:00-03:00' } }),
      409,
      /older/,
    );
    // 07:05:00-03:00 is 10:05:00Z: newer than T2.
    assertNoContent(
      await c.put('/products/S-1', { product: { qty: 4, updated_at: '2026-03-01T07:05:00-03:00' } }),
    );
    assert.equal(await qty('S-1'), 4);
  });

  test('the stamp advances even when the value does not change', async () => {
    await createProduct(c, { sku: 'S-SAME', qty: 5 });
    assertNoContent(await c.put('/products/S-SAME', { product: { qty: 5, updated_at: T3 } }));
    assertError(await c.put('/products/S-SAME', { product: { qty: 7, updated_at: T2 } }), 409, /older/);
    assert.equal(await qty('S-SAME'), 5);
    assert.equal((await history(c, 'S-SAME')).stock_version, 1);
  });

  test('stock and price keep separate stamps', async () => {
    await createProduct(c, { sku: 'S-SEP', qty: 1, price: 10 });
    assertNoContent(await c.put('/products/S-SEP', { product: { qty: 2, updated_at: T3 } }));
    assertNoContent(await c.put('/products/S-SEP', { product: { price: 11, updated_at: T1 } }));
    assertError(
      await c.put('/products/S-SEP', { product: { price: 12, updated_at: '2026-01-01T00:00:00Z' } }),
      409,
      /older/,
    );
    const product = await getProduct(c, 'S-SEP');
    assert.deepEqual([product.qty, product.price], [2, 11]);
  });

  test('a stale stock in a PUT with stock and price refuses the whole PUT', async () => {
    await createProduct(c, { sku: 'S-BOTH', qty: 1, price: 10 });
    assertNoContent(await c.put('/products/S-BOTH', { product: { qty: 2, updated_at: T3 } }));
    assertError(
      await c.put('/products/S-BOTH', { product: { qty: 3, price: 20, updated_at: T2 } }),
      409,
      /older/,
    );
    const product = await getProduct(c, 'S-BOTH');
    assert.deepEqual([product.qty, product.price], [2, 10]);
  });

  test('a write without a stamp is not checked, and does not reset the stamp', async () => {
    assertNoContent(await c.put('/products/S-1', { product: { qty: 8 } }));
    assert.equal(await qty('S-1'), 8);
    assertError(await c.put('/products/S-1', { product: { qty: 9, updated_at: T1 } }), 409, /older/);
  });

  test('variations are protected the same way', async () => {
    await createProduct(c, { sku: 'S-P', variations: [{ sku: 'S-P-V', qty: 1 }] });
    assertNoContent(await c.put('/variations/S-P-V', { variation: { qty: 2, updated_at: T3 } }));
    assertError(await c.put('/variations/S-P-V', { variation: { qty: 3, updated_at: T1 } }), 409, /older/);
    assert.equal((await c.get('/variations/S-P-V')).json().qty, 2);
  });

  test('a deleted and re-created SKU starts with no stamp', async () => {
    await createProduct(c, { sku: 'S-RE', qty: 1 });
    assertNoContent(await c.put('/products/S-RE', { product: { qty: 2, updated_at: T3 } }));
    assertNoContent(await c.delete('/products/S-RE'));
    await createProduct(c, { sku: 'S-RE', qty: 1 });
    assertNoContent(await c.put('/products/S-RE', { product: { qty: 3, updated_at: T1 } }));
    assert.equal(await qty('S-RE'), 3);
  });
});

describe('sequence', () => {
  before(() => createProduct(c, { sku: 'Q-1', qty: 1, price: 5 }));

  test('higher is accepted, lower is 409, equal is accepted', async () => {
    assertNoContent(await c.put('/products/Q-1', { product: { qty: 2, sequence: 10 } }));
    assertError(await c.put('/products/Q-1', { product: { qty: 3, sequence: 9 } }), 409, /older/);
    assertNoContent(await c.put('/products/Q-1', { product: { qty: 4, sequence: 10 } }));
    assertNoContent(await c.put('/products/Q-1', { product: { qty: 5, sequence: 11 } }));
    assert.equal(await qty('Q-1'), 5);
  });

  test('sequence 0 counts, and large sequences work', async () => {
    await createProduct(c, { sku: 'Q-0', qty: 1 });
    assertNoContent(await c.put('/products/Q-0', { product: { qty: 2, sequence: 0 } }));
    assertNoContent(await c.put('/products/Q-0', { product: { qty: 3, sequence: Number.MAX_SAFE_INTEGER } }));
    assertError(
      await c.put('/products/Q-0', { product: { qty: 4, sequence: Number.MAX_SAFE_INTEGER - 1 } }),
      409,
      /older/,
    );
    assert.equal(await qty('Q-0'), 3);
  });

  test('price writes by sequence', async () => {
    assertNoContent(await c.put('/products/Q-1', { product: { price: 6, sequence: 100 } }));
    assertError(await c.put('/products/Q-1', { product: { price: 7, sequence: 99 } }), 409, /older/);
    assert.equal((await getProduct(c, 'Q-1')).price, 6);
  });
});

describe('bulk: per-item stale', () => {
  before(async () => {
    for (const sku of ['B-1', 'B-2', 'B-3']) await createProduct(c, { sku, qty: 1, price: 10 });
    await bulkStock([
      { sku: 'B-1', qty: 10, updated_at: T2 },
      { sku: 'B-2', qty: 20, sequence: 5 },
    ]);
  });

  test('a stale item is reported `stale`, the others in the request apply', async () => {
    const body = await bulkStock([
      { sku: 'B-1', qty: 11, updated_at: T1 },
      { sku: 'B-2', qty: 21, sequence: 6 },
      { sku: 'B-3', qty: 31 },
    ]);
    assert.deepEqual(
      body.results.map((r: { sku: string; status: string }) => [r.sku, r.status]),
      [
        ['B-1', 'stale'],
        ['B-2', 'updated'],
        ['B-3', 'updated'],
      ],
    );
    assert.match(body.results[0].error, /older than the last accepted write/);
    assert.deepEqual(body.summary, { updated: 2, unchanged: 0, stale: 1, not_found: 0, rejected: 0 });
    assert.deepEqual([await qty('B-1'), await qty('B-2'), await qty('B-3')], [10, 21, 31]);
  });

  test('an equal stamp in a bulk is not stale', async () => {
    const body = await bulkStock([{ sku: 'B-1', qty: 12, updated_at: T2 }]);
    assert.equal(body.results[0].status, 'updated');
  });

  test('a newer stamp with the same value is `unchanged` but still advances the stamp', async () => {
    const same = await bulkStock([{ sku: 'B-3', qty: 31, updated_at: T3 }]);
    assert.equal(same.results[0].status, 'unchanged');
    const older = await bulkStock([{ sku: 'B-3', qty: 32, updated_at: T2 }]);
    assert.equal(older.results[0].status, 'stale');
    assert.equal(await qty('B-3'), 31);
  });

  test('prices: per-item stale too', async () => {
    const first = await c.put('/prices', [{ sku: 'B-1', price: 12, sequence: 3 }]);
    assert.equal(first.json().results[0].status, 'updated');
    const res = await c.put('/prices', {
      prices: [
        { sku: 'B-1', price: 13, sequence: 2 },
        { sku: 'B-2', price: 14, sequence: 2 },
      ],
    });
    assert.deepEqual(
      res.json().results.map((r: { status: string }) => r.status),
      ['stale', 'updated'],
    );
    assert.equal((await getProduct(c, 'B-1')).price, 12);
  });

  test('a stale item leaves no history entry', async () => {
    const before = (await history(c, 'B-1')).changes.length;
    await bulkStock([{ sku: 'B-1', qty: 500, updated_at: '2020-01-01T00:00:00Z' }]);
    assert.equal((await history(c, 'B-1')).changes.length, before);
  });
});
