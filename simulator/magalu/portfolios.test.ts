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

const call = (method: string, path: string, json?: unknown, expectInvalid?: string) =>
  sim.call('magalu', method, `/seller/v1/portfolios${path}`, { token, json, expectInvalid });
const CHANNEL = { id: '9fe0d853-732b-4e4a-a0b0-cff988ed043d' };
const SKU = { title: 'Novo', description: 'Um produto novo', brand: 'Marca' };

describe('Magalu portfolios', () => {
  test('stock PATCH answers 202 and shows only after the delay', async () => {
    const patch = await call('PATCH', '/stocks/MG-1', { channel: CHANNEL, quantity: 42, type: 'AVAILABLE' });
    assert.equal(patch.status, 202);
    assert.equal((await call('GET', '/stocks/MG-1')).body.results[0].quantity, 5, 'not applied yet');
    await sleep(150);
    const read = await call('GET', '/stocks/MG-1');
    assert.deepEqual([read.body.results[0].type, read.body.results[0].quantity], ['AVAILABLE', 42]);
    assert.equal((await sim.control('GET', '/magalu/listings/MG-1')).body.stock, 42);
  });

  test('price PATCH: integer cents with normalizer 100, applied later; the latest write wins', async () => {
    await call('PATCH', '/prices/MG-1', {
      channel: CHANNEL,
      price: 8990,
      list_price: 12990,
      currency: 'BRL',
      normalizer: 100,
    });
    await call('PATCH', '/prices/MG-1', {
      channel: CHANNEL,
      price: 7990,
      list_price: 12990,
      currency: 'BRL',
      normalizer: 100,
    });
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
    const name = 'refuses decimal price';
    const decimal = await call('PATCH', '/prices/MG-1', { channel: CHANNEL, price: 99.8 }, name);
    assert.equal(decimal.status, 400);
    assert.equal(decimal.body.slug, 'BAD_REQUEST');
    assert.deepEqual(decimal.body.details[0].field, 'price');
    const normalizer = { channel: CHANNEL, price: 100, normalizer: 1 };
    assert.equal((await call('PATCH', '/prices/MG-1', normalizer, name)).status, 400);
    const above = await call('PATCH', '/prices/MG-1', { channel: CHANNEL, price: 20000, list_price: 12990 });
    assert.equal(above.status, 422);
    assert.equal((await call('PATCH', '/stocks/NOPE', { channel: CHANNEL, quantity: 1 })).status, 404);
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
    const tooBig = await call('GET', '/skus?_limit=101', undefined, 'refuses _limit over 100');
    assert.equal(tooBig.status, 400);
    assert.equal(tooBig.body.details[0].field, '_limit');
    assert.equal((await call('GET', '/skus?_limit=100')).body.results.length, 60);
  });

  test('POST /skus creates a SKU; the same SKU again is a 409', async () => {
    const created = await call('POST', '/skus', { sku: 'NEW-1', ...SKU });
    assert.equal(created.status, 201);
    assert.equal((await call('GET', '/skus/NEW-1')).body.title, 'Novo');
    const again = await call('POST', '/skus', { sku: 'NEW-1', ...SKU });
    assert.equal(again.status, 409);
    assert.equal(again.body.details[0].slug, 'ENTITY_WITH_SAME_KEY_ALREADY_EXISTS');
  });

  test('writes are logged at receipt, with the 202', async () => {
    await call('PATCH', '/stocks/MG-1', { channel: CHANNEL, quantity: 1 });
    const log = await sim.control('GET', '/writes?channel=magalu&sku=MG-1');
    assert.deepEqual(
      log.body.entries.map((entry: { operation: string; status: number }) => [entry.operation, entry.status]),
      [['stocks.update', 202]],
    );
  });

  test('G1: a SKU without description or brand, or with empty ones, is a 400 naming the field', async () => {
    const name = 'G1 refusal';
    const missing = await call('POST', '/skus', { sku: 'G1-A', title: 'Sem marca' }, name);
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.details.map((entry: { field: string }) => entry.field).sort(), [
      'brand',
      'description',
    ]);
    const empty = await call('POST', '/skus', { sku: 'G1-B', ...SKU, description: '', brand: '' }, name);
    assert.equal(empty.status, 400);
    assert.deepEqual(empty.body.details.map((entry: { field: string }) => entry.field).sort(), [
      'brand',
      'description',
    ]);
    assert.equal((await call('GET', '/skus/G1-B')).status, 404, 'nothing was created');
  });

  test('G3: price and stock are created with POST and updated with PATCH, each naming its channel', async () => {
    assert.equal((await call('POST', '/skus', { sku: 'G3', ...SKU })).status, 201);
    const early = await call('PATCH', '/stocks/G3', { channel: CHANNEL, quantity: 2 });
    assert.equal(early.status, 404, 'no stock entry yet');
    const name = 'G3 refusal';
    const noChannel = await call('POST', '/stocks/G3', { quantity: 2, type: 'AVAILABLE' }, name);
    assert.equal(noChannel.status, 400);
    assert.equal(noChannel.body.details[0].field, 'channel');
    const otherChannel = await call('POST', '/stocks/G3', { channel: { id: 'elsewhere' }, quantity: 2 });
    assert.deepEqual([otherChannel.status, otherChannel.body.details[0].field], [400, 'channel.id']);
    assert.equal((await call('POST', '/stocks/G3', { channel: CHANNEL, quantity: 2 })).status, 202);
    assert.equal((await call('POST', '/stocks/G3', { channel: CHANNEL, quantity: 3 })).status, 409);
    assert.equal((await call('PATCH', '/stocks/G3', { channel: CHANNEL, quantity: 4 })).status, 202);
    const price = { channel: CHANNEL, price: 1000, list_price: 1000, currency: 'BRL', normalizer: 100 };
    assert.equal((await call('PATCH', '/prices/G3', price)).status, 404);
    assert.equal((await call('POST', '/prices/G3', price)).status, 202);
    await sleep(150);
    const view = (await sim.control('GET', '/magalu/listings/G3')).body;
    assert.deepEqual([view.stock, view.price], [4, 10]);
  });

  test('G3: PATCH /skus/{sku} with active false takes the SKU off sale; it stays in the portfolio', async () => {
    const off = await call('PATCH', '/skus/MG-1', { active: false });
    assert.equal(off.status, 202);
    const sku = (await call('GET', '/skus/MG-1')).body;
    assert.equal(sku.active, false);
    const name = 'G3 sku patch refusal';
    assert.equal((await call('PATCH', '/skus/MG-1', { active: 'no' }, name)).status, 400);
    assert.equal((await call('PATCH', '/skus/NOPE', { active: false })).status, 404);
  });

  test('every body received is counted in the conformance ledger, valid or not', async () => {
    const mark = (await sim.conformance()).last_seq;
    await call('PATCH', '/stocks/MG-1', { channel: CHANNEL, quantity: 9 });
    await call('PATCH', '/stocks/MG-1', { quantity: 9 }, 'ledger check');
    const report = await sim.conformance({ channel: 'magalu', operation: 'stocks.update', since: mark });
    const counts = report.counts[0]!;
    assert.ok(counts.valid >= 1 && counts.expected_invalid >= 1);
    assert.equal(report.violations.length, 1);
    assert.equal(report.violations[0]!.expected_by, 'ledger check');
  });
});
