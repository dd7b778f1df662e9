import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator, sleep } from '../test-support.ts';

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator({ magalu: { applyDelayMs: 100 } });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'magalu');
  await sim.control('POST', '/magalu/listings', { sku: 'MG-1', price: 9980, list_price: 12990, stock: 5 });
});

const call = (method: string, path: string, json?: unknown) =>
  sim.call('magalu', method, `/seller/v1/portfolios${path}`, { token, json });

describe('Magalu portfolios', () => {
  test('stock PATCH answers 202 and shows only after the delay', async () => {
    const patch = await call('PATCH', '/stocks/MG-1', { quantity: 42, type: 'AVAILABLE' });
    assert.equal(patch.status, 202);
    assert.equal((await call('GET', '/stocks/MG-1')).body.results[0].quantity, 5, 'not applied yet');
    await sleep(150);
    const read = await call('GET', '/stocks/MG-1');
    assert.deepEqual([read.body.results[0].type, read.body.results[0].quantity], ['AVAILABLE', 42]);
    assert.equal((await sim.control('GET', '/magalu/listings/MG-1')).body.stock, 42);
  });

  test('price PATCH: integer cents with normalizer 100, applied later; the latest write wins', async () => {
    await call('PATCH', '/prices/MG-1', { price: 8990, list_price: 12990, currency: 'BRL', normalizer: 100 });
    await call('PATCH', '/prices/MG-1', { price: 7990, list_price: 12990, currency: 'BRL', normalizer: 100 });
    await sleep(150);
    const price = (await call('GET', '/prices/MG-1')).body.results[0];
    assert.deepEqual(
      [price.price, price.list_price, price.normalizer, price.currency],
      [7990, 12990, 100, 'BRL'],
    );
    const view = (await sim.control('GET', '/magalu/listings/MG-1')).body;
    assert.deepEqual([view.price, view.promotional_price], [129.9, 79.9]);
  });

  test('a decimal price, a wrong normalizer or a sale above the list price are refused at once', async () => {
    const decimal = await call('PATCH', '/prices/MG-1', { price: 99.8 });
    assert.equal(decimal.status, 400);
    assert.equal(decimal.body.slug, 'BAD_REQUEST');
    assert.deepEqual(decimal.body.details[0].field, 'price');
    assert.equal((await call('PATCH', '/prices/MG-1', { price: 100, normalizer: 1 })).status, 400);
    const above = await call('PATCH', '/prices/MG-1', { price: 20000, list_price: 12990 });
    assert.equal(above.status, 422);
    assert.equal((await call('PATCH', '/stocks/NOPE', { quantity: 1 })).status, 404);
  });

  test('SKU list: _limit default 50, at most 100, meta.page and links', async () => {
    for (let i = 0; i < 59; i++) await sim.control('POST', '/magalu/listings', { sku: `S-${i}`, price: 100 });
    const first = await call('GET', '/skus');
    assert.equal(first.body.results.length, 50);
    assert.deepEqual(first.body.meta.page, { limit: 50, offset: 0, count: 50, max_limit: 100 });
    assert.ok(first.body.meta.links.next.includes('_offset=50'));
    const nextUrl = new URL(first.body.meta.links.next);
    const nextPath = `${nextUrl.pathname.slice('/magalu'.length)}${nextUrl.search}`;
    const next = await sim.call('magalu', 'GET', nextPath, { token });
    assert.equal(next.body.results.length, 10);
    assert.equal(next.body.meta.links.next, null);
    const tooBig = await call('GET', '/skus?_limit=101');
    assert.equal(tooBig.status, 400);
    assert.equal(tooBig.body.details[0].field, '_limit');
    assert.equal((await call('GET', '/skus?_limit=100')).body.results.length, 60);
  });

  test('POST /skus creates a SKU; the same SKU again is a 409', async () => {
    const created = await call('POST', '/skus', { sku: 'NEW-1', title: 'Novo' });
    assert.equal(created.status, 201);
    assert.equal((await call('GET', '/skus/NEW-1')).body.title, 'Novo');
    const again = await call('POST', '/skus', { sku: 'NEW-1', title: 'Novo' });
    assert.equal(again.status, 409);
    assert.equal(again.body.details[0].slug, 'ENTITY_WITH_SAME_KEY_ALREADY_EXISTS');
  });

  test('writes are logged at receipt, with the 202', async () => {
    await call('PATCH', '/stocks/MG-1', { quantity: 1 });
    const log = await sim.control('GET', '/writes?channel=magalu&sku=MG-1');
    assert.deepEqual(
      log.body.entries.map((entry: { operation: string; status: number }) => [entry.operation, entry.status]),
      [['stocks.update', 202]],
    );
  });
});
