/**
 * Tenant isolation across every seller route: account B can neither see nor change account A's
 * data, and A's SKU answers B exactly as a SKU that does not exist.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  assertError,
  assertNoContent,
  assertStatus,
  type Client,
  client,
  createProduct,
  getProduct,
  otherClient,
  type Response,
} from './client.ts';

let t: TestApp;
let a: Client;
let b: Client;
let snapshotA: unknown;

before(async () => {
  t = await createTestApp();
  a = client(t.app, t.seller);
  b = await otherClient(t);
  await createProduct(a, {
    sku: 'A-1',
    name: 'Produto de A',
    qty: 10,
    price: 100,
    categories: [{ code: 'cat-a', name: 'Categoria de A' }],
    variations: [{ sku: 'A-1-V', qty: 3 }],
  });
  await createProduct(a, { sku: 'A-2', qty: 1, price: 1 });
  assertStatus(await a.post('/categories', { category: { code: 'cat-a', name: 'Categoria de A' } }), 201);
  assertStatus(await a.post('/attributes', { attribute: { name: 'attr-a', options: ['x'] } }), 201);
  snapshotA = await state(a);
});
after(() => t.close());

/** Everything account A can see, to compare before and after B's attempts. */
async function state(c: Client) {
  return {
    products: (await c.get('/products')).json(),
    variation: (await c.get('/variations/A-1-V')).json(),
    history: (await c.get('/products/A-1/history')).json(),
    categories: (await c.get('/categories')).json(),
    attributes: (await c.get('/attributes')).json(),
  };
}

/** B's answer for A's SKU must be the answer for a SKU nobody has, with only the SKU differing. */
async function assertSameAsMissing(
  request: (sku: string) => Promise<Response>,
  sku: string,
  status = 404,
): Promise<void> {
  const forA = await request(sku);
  const missing = await request('ZZ-MISSING');
  assert.equal(forA.statusCode, status, forA.body);
  assert.equal(missing.statusCode, status, missing.body);
  assert.deepEqual(forA.json(), JSON.parse(missing.body.replaceAll('ZZ-MISSING', sku)));
}

describe('account B and account A’s SKUs', () => {
  test('GET /products/{sku} and /variations/{sku}: 404 like a SKU that does not exist', async () => {
    await assertSameAsMissing((s) => b.get(`/products/${s}`), 'A-1');
    await assertSameAsMissing((s) => b.get(`/variations/${s}`), 'A-1-V');
    assertError(await b.get('/products/A-1'), 404, /^Não foi possível encontrar Product: A-1$/);
  });

  test('PUT /products/{sku}: 404, for stock, price, catalog fields and variations', async () => {
    for (const product of [
      { qty: 0 },
      { price: 1 },
      { qty: 0, price: 1 },
      { name: 'roubado' },
      { variations: [{ sku: 'A-1-V', qty: 0 }] },
      {},
    ]) {
      await assertSameAsMissing((s) => b.put(`/products/${s}`, { product }), 'A-1');
    }
  });

  test('PUT /variations/{sku}: 404', async () => {
    await assertSameAsMissing((s) => b.put(`/variations/${s}`, { variation: { qty: 0 } }), 'A-1-V');
    await assertSameAsMissing((s) => b.put(`/variations/${s}`, { variation: { price: 1 } }), 'A-1-V');
  });

  test('DELETE /products/{sku} and /variations/{sku}: 404', async () => {
    await assertSameAsMissing((s) => b.delete(`/products/${s}`), 'A-2');
    await assertSameAsMissing((s) => b.delete(`/variations/${s}`), 'A-1-V');
  });

  test('POST /products/{sku}/variations under A’s product: 404', async () => {
    await assertSameAsMissing(
      (s) => b.post(`/products/${s}/variations`, { variation: { sku: 'B-V' } }),
      'A-1',
    );
  });

  test('GET /products/{sku}/history: 404', async () => {
    await assertSameAsMissing((s) => b.get(`/products/${s}/history`), 'A-1');
    await assertSameAsMissing((s) => b.get(`/products/${s}/history`), 'A-1-V');
  });

  test('bulk /stocks and /prices: A’s SKUs are not_found, like unknown ones', async () => {
    const stocks = (
      await b.put('/stocks', [
        { sku: 'A-1', qty: 0 },
        { sku: 'A-1-V', qty: 0 },
        { sku: 'ZZ', qty: 0 },
      ])
    ).json();
    assert.deepEqual(
      stocks.results.map((r: { status: string }) => r.status),
      ['not_found', 'not_found', 'not_found'],
    );
    const prices = (await b.put('/prices', { prices: [{ sku: 'A-1', price: 1 }] })).json();
    assert.equal(prices.results[0].status, 'not_found');
  });

  test('GET /products does not list A’s products, by any filter', async () => {
    for (const query of [
      '',
      '?sku=A-1',
      '?name=Produto',
      '?categories=cat-a',
      '?qty_from=0',
      '?status=enabled',
    ]) {
      const page = (await b.get(`/products${query}`)).json();
      assert.deepEqual(page, { products: [], total: 0 }, query);
    }
  });

  test('a cursor from A’s listing does not show B A’s products', async () => {
    const next = (await a.get('/products?per_page=1')).json().next as string;
    const cursor = new URL(next).searchParams.get('cursor');
    const page = (await b.get(`/products?cursor=${cursor}`)).json();
    assert.deepEqual(page.products, []);
  });

  test('categories and attributes are per account', async () => {
    assert.deepEqual((await b.get('/categories')).json(), []);
    assert.deepEqual((await b.get('/attributes')).json(), []);
    assertError(await b.put('/categories/cat-a', { category: { name: 'x' } }), 404, /Category: cat-a/);
    assertError(await b.delete('/categories/cat-a'), 404, /Category: cat-a/);
    assertError(await b.put('/attributes/attr-a', { attribute: { label: 'x' } }), 404, /Attribute: attr-a/);
  });

  test('after all that, account A sees exactly what it had', async () => {
    assert.deepEqual(await state(a), snapshotA);
  });
});

describe('the same names in two accounts are two things', () => {
  test('B can create a product with A’s SKU (and A’s variation SKU); each sees its own', async () => {
    await createProduct(b, {
      sku: 'A-1',
      name: 'Produto de B',
      qty: 77,
      variations: [{ sku: 'A-1-V', qty: 7 }],
    });
    assert.equal((await getProduct(b, 'A-1')).name, 'Produto de B');
    assert.equal((await getProduct(a, 'A-1')).name, 'Produto de A');
    assert.equal((await b.get('/variations/A-1-V')).json().qty, 7);
    assert.equal((await a.get('/variations/A-1-V')).json().qty, 3);
  });

  test('B’s writes to its own SKU never reach A’s', async () => {
    assertNoContent(await b.put('/products/A-1', { product: { qty: 0, price: 5 } }));
    assert.equal((await b.put('/stocks', [{ sku: 'A-1-V', qty: 0 }])).json().results[0].status, 'updated');
    assertNoContent(await b.delete('/products/A-1'));
    assert.deepEqual(await state(a), snapshotA);
  });

  test('B’s history does not show A’s changes', async () => {
    await createProduct(b, { sku: 'A-2', qty: 1 });
    const h = (await b.get('/products/A-2/history')).json();
    assert.deepEqual(
      h.changes.map((x: { resource: string }) => x.resource),
      ['lifecycle'],
    );
  });

  test('the same category code and attribute name in both accounts', async () => {
    assertStatus(await b.post('/categories', { category: { code: 'cat-a', name: 'De B' } }), 201);
    assertStatus(await b.post('/attributes', { attribute: { name: 'attr-a', label: 'De B' } }), 201);
    assert.deepEqual((await b.get('/categories')).json(), [{ code: 'cat-a', name: 'De B' }]);
    assert.deepEqual(await state(a), snapshotA);
  });

  test('an Idempotency-Key used by A means nothing to B', async () => {
    const key = { 'idempotency-key': 'same-key-both-accounts' };
    assertStatus(await a.post('/products', { product: { sku: 'IDEM-A' } }, key), 201);
    const res = await b.post('/products', { product: { sku: 'IDEM-B' } }, key);
    assertStatus(res, 201);
    assert.equal(res.headers['idempotent-replayed'], undefined);
    assertStatus(await b.get('/products/IDEM-B'), 200);
    assertStatus(await b.get('/products/IDEM-A'), 404);
  });
});
