import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'mercadolivre');
});

async function listing(body: Record<string, unknown>) {
  const created = await sim.control('POST', '/mercadolivre/listings', body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

const put = (id: string, json: unknown) => sim.call('mercadolivre', 'PUT', `/items/${id}`, { token, json });

describe('Mercado Livre items', () => {
  test('PUT stock and price changes what the item shows, and answers the item', async () => {
    const item = await listing({ sku: 'SKU-1', price: 10, available_quantity: 5 });
    const answer = await put(item.id, { available_quantity: 7, price: 12.5 });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.available_quantity, 7);
    const read = await sim.call('mercadolivre', 'GET', `/items/${item.id}`, { token });
    assert.equal(read.body.price, 12.5);
    const view = await sim.control('GET', `/mercadolivre/listings/${item.id}`);
    assert.deepEqual([view.body.stock, view.body.price, view.body.sku], [7, 12.5, 'SKU-1']);
  });

  test('a variation left out of a PUT is deleted, one without id is created', async () => {
    const item = await listing({
      sku: 'SHIRT',
      variations: [
        { sku: 'SHIRT-P', price: 50, available_quantity: 3, attributes: { SIZE: 'P' } },
        { sku: 'SHIRT-M', price: 50, available_quantity: 4, attributes: { SIZE: 'M' } },
      ],
    });
    const [small, medium] = item.variations;
    const answer = await put(item.id, {
      variations: [
        { id: Number(small.id), available_quantity: 9 },
        { available_quantity: 2, price: 50, attribute_combinations: [{ id: 'SIZE', value_name: 'G' }] },
      ],
    });
    assert.equal(answer.status, 200);
    const ids = answer.body.variations.map((variation: { id: number }) => variation.id);
    assert.equal(ids.length, 2);
    assert.ok(ids.includes(Number(small.id)));
    assert.ok(!ids.includes(Number(medium.id)), 'the medium variation was left out, so it is gone');
    assert.equal(answer.body.available_quantity, 11, 'the item shows the sum of its variations');
  });

  test('an unknown variation id, or a new one without attributes, is a validation error', async () => {
    const item = await listing({ variations: [{ sku: 'V1', price: 5, available_quantity: 1 }] });
    const answer = await put(item.id, {
      variations: [{ id: 1, available_quantity: 1 }, { available_quantity: 1 }],
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'validation_error');
    const codes = answer.body.cause.map((cause: { code: string }) => cause.code);
    assert.deepEqual(codes, [
      'item.variations.id.invalid',
      'item.variations.attribute_combinations.required',
    ]);
    const unchanged = await sim.control('GET', `/mercadolivre/listings/${item.id}`);
    assert.equal(unchanged.body.variations.length, 1, 'a refused PUT changes nothing');
  });

  test('malformed values are refused with cause[] naming the field', async () => {
    const item = await listing({ sku: 'A', price: 10, available_quantity: 1 });
    const answer = await put(item.id, { available_quantity: -1, status: 'sold' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, 'Validation error');
    assert.deepEqual(answer.body.cause[0].references, ['item.available_quantity']);
  });

  test('a Full item refuses stock writes (item.available_quantity.not_modifiable)', async () => {
    const item = await listing({
      sku: 'FULL',
      price: 10,
      available_quantity: 5,
      logistic_type: 'fulfillment',
    });
    const answer = await put(item.id, { available_quantity: 1 });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.cause[0].code, 'item.available_quantity.not_modifiable');
  });

  test('status: paused and back, closed is final; stock 0 pauses', async () => {
    const item = await listing({ sku: 'S', price: 10, available_quantity: 5 });
    assert.equal((await put(item.id, { status: 'paused' })).body.status, 'paused');
    assert.equal((await put(item.id, { status: 'active' })).body.status, 'active');
    const empty = await put(item.id, { available_quantity: 0 });
    assert.deepEqual([empty.body.status, empty.body.sub_status], ['paused', ['out_of_stock']]);
    assert.equal((await put(item.id, { available_quantity: 3 })).body.status, 'active');
    assert.equal((await put(item.id, { status: 'closed' })).status, 200);
    const reopen = await put(item.id, { status: 'active' });
    assert.equal(reopen.status, 400);
    assert.equal(reopen.body.cause[0].code, 'item.status.not_modifiable');
  });

  test("another seller's item is 403, an unknown one 404, both in ML's body", async () => {
    await sim.control('POST', '/mercadolivre/sellers', { id: 555 });
    const other = await listing({ user_id: 555, sku: 'X', price: 1, available_quantity: 1 });
    const forbidden = await put(other.id, { available_quantity: 2 });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.error, 'forbidden');
    const missing = await put('MLB1', { available_quantity: 2 });
    assert.deepEqual(missing.body, {
      message: 'Item with id MLB1 not found',
      error: 'not_found',
      status: 404,
      cause: [],
    });
  });

  test('multiget takes 20 ids and refuses 21 with ML body', async () => {
    const item = await listing({ sku: 'M', price: 3, available_quantity: 1 });
    const twenty = [item.id, ...Array.from({ length: 19 }, (_, i) => `MLB9${i}`)].join(',');
    const answer = await sim.call('mercadolivre', 'GET', `/items?ids=${twenty}&attributes=id,price`, {
      token,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.length, 20);
    assert.deepEqual(answer.body[0], { code: 200, body: { id: item.id, price: 3 } });
    assert.equal(answer.body[1].code, 404);
    const tooMany = await sim.call('mercadolivre', 'GET', `/items?ids=${twenty},MLB1`, { token });
    assert.equal(tooMany.status, 400);
    assert.deepEqual(Object.keys(tooMany.body), ['message', 'error', 'status', 'cause']);
    assert.equal(tooMany.body.error, 'bad_request');
  });

  test('POST /items publishes a listing; missing fields are validation errors', async () => {
    const body = {
      title: 'Caneca',
      category_id: 'MLB1',
      price: 20,
      currency_id: 'BRL',
      available_quantity: 3,
      buying_mode: 'buy_it_now',
      listing_type_id: 'gold_special',
      attributes: [{ id: 'SELLER_SKU', value_name: 'CANECA-1' }],
    };
    const created = await sim.call('mercadolivre', 'POST', '/items', { token, json: body });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^MLB\d+$/);
    const { title: _, ...withoutTitle } = body;
    const refused = await sim.call('mercadolivre', 'POST', '/items', { token, json: withoutTitle });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'validation_error');
  });

  test('seller item search by seller_sku and status, default limit 50, offset paging', async () => {
    for (let i = 0; i < 55; i++) await listing({ sku: `P-${i}`, price: 1, available_quantity: 1 });
    const search = (query: string) =>
      sim.call('mercadolivre', 'GET', `/users/100000001/items/search?${query}`, { token });
    const first = await search('');
    assert.equal(first.body.results.length, 50);
    assert.deepEqual(first.body.paging, { limit: 50, offset: 0, total: 55 });
    const second = await search('offset=50');
    assert.equal(second.body.results.length, 5);
    const bySku = await search('seller_sku=P-7');
    assert.equal(bySku.body.results.length, 1);
    assert.equal((await search('status=paused')).body.paging.total, 0);
    assert.equal((await search('offset=990&limit=50')).status, 400, 'past 1000 needs search_type=scan');
    const otherUser = await sim.call('mercadolivre', 'GET', '/users/1/items/search', { token });
    assert.equal(otherUser.status, 403);
  });

  test('scan search walks every id with a scroll_id', async () => {
    for (let i = 0; i < 7; i++) await listing({ sku: `S-${i}`, price: 1, available_quantity: 1 });
    const seen: string[] = [];
    let page = await sim.call(
      'mercadolivre',
      'GET',
      '/users/100000001/items/search?search_type=scan&limit=3',
      { token },
    );
    while (page.body.results.length > 0) {
      seen.push(...page.body.results);
      const next = `/users/100000001/items/search?search_type=scan&limit=3&scroll_id=${page.body.scroll_id}`;
      page = await sim.call('mercadolivre', 'GET', next, { token });
    }
    assert.equal(new Set(seen).size, 7);
  });

  test('every write is in the write log, with its answer status', async () => {
    const item = await listing({ sku: 'L', price: 1, available_quantity: 1 });
    await put(item.id, { available_quantity: 4 });
    await put(item.id, { available_quantity: -4 });
    const log = await sim.control('GET', `/writes?channel=mercadolivre&item=${item.id}`);
    assert.deepEqual(
      log.body.entries.map((entry: { status: number; body: unknown }) => [entry.status, entry.body]),
      [
        [200, { available_quantity: 4 }],
        [400, { available_quantity: -4 }],
      ],
    );
    const since = await sim.control('GET', `/writes?since=${log.body.entries[0].seq}`);
    assert.equal(since.body.entries.length, 1);
    assert.ok(!Number.isNaN(Date.parse(since.body.entries[0].at)));
  });
});
