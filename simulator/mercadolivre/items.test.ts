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

const put = (id: string, json: unknown, expectInvalid?: string) =>
  sim.call('mercadolivre', 'PUT', `/items/${id}`, { token, json, expectInvalid });

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
    const answer = await put(item.id, { available_quantity: -1, status: 'sold' }, 'refuses a negative stock');
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
    const tooMany = await sim.call('mercadolivre', 'GET', `/items?ids=${twenty},MLB1`, {
      token,
      expectInvalid: 'multiget over 20 ids',
    });
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
    const search = (query: string, expectInvalid?: string) =>
      sim.call('mercadolivre', 'GET', `/users/100000001/items/search?${query}`, { token, expectInvalid });
    const first = await search('');
    assert.equal(first.body.results.length, 50);
    assert.deepEqual(first.body.paging, { limit: 50, offset: 0, total: 55 });
    const second = await search('offset=50');
    assert.equal(second.body.results.length, 5);
    const bySku = await search('seller_sku=P-7');
    assert.equal(bySku.body.results.length, 1);
    assert.equal((await search('status=paused')).body.paging.total, 0);
    const past = await search('offset=990&limit=50', 'past 1000 needs scan');
    assert.equal(past.status, 400, 'past 1000 needs search_type=scan');
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
    await put(item.id, { available_quantity: -4 }, 'write log keeps a refused write');
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

  test('M5: a variation names its category’s attribute ids; a free name is a validation error', async () => {
    const body = (id: string) => ({
      title: 'Camiseta',
      category_id: 'MLB31447',
      currency_id: 'BRL',
      buying_mode: 'buy_it_now',
      listing_type_id: 'gold_special',
      variations: [{ price: 30, available_quantity: 1, attribute_combinations: [{ id, value_name: 'P' }] }],
    });
    const attributes = await sim.call('mercadolivre', 'GET', '/categories/MLB31447/attributes');
    const variationIds = attributes.body
      .filter((entry: { tags: { allow_variations?: boolean } }) => entry.tags.allow_variations)
      .map((entry: { id: string }) => entry.id);
    assert.deepEqual(variationIds, ['COLOR', 'SIZE']);
    assert.equal(
      (await sim.call('mercadolivre', 'POST', '/items', { token, json: body('SIZE') })).status,
      201,
    );
    const named = await sim.call('mercadolivre', 'POST', '/items', { token, json: body('Tamanho') });
    assert.equal(named.status, 400);
    assert.equal(named.body.error, 'validation_error');
    assert.equal(named.body.cause[0].code, 'item.attribute_combinations.invalid');
    assert.match(
      named.body.cause[0].message,
      /Attribute Tamanho is not a variation attribute of category MLB31447/,
    );
    const unknown = await sim.call('mercadolivre', 'POST', '/items', {
      token,
      json: { ...body('SIZE'), category_id: 'MLB0' },
    });
    assert.equal(unknown.body.cause[0].code, 'item.category_id.invalid');
  });
});

describe('Mercado Livre User Products sellers (M2)', () => {
  beforeEach(async () => {
    await sim.control('POST', '/mercadolivre/sellers', {
      id: 100000001,
      tags: ['normal', 'user_product_seller'],
    });
  });

  const item = (extra: Record<string, unknown>) => ({
    category_id: 'MLB31447',
    price: 40,
    currency_id: 'BRL',
    available_quantity: 2,
    buying_mode: 'buy_it_now',
    listing_type_id: 'gold_special',
    ...extra,
  });

  test('/users/me carries the tag; an item per variation with family_name, no title, its own UP', async () => {
    const me = await sim.call('mercadolivre', 'GET', '/users/me', { token });
    assert.ok(me.body.tags.includes('user_product_seller'));
    const attributes = [
      { id: 'SIZE', value_name: 'P' },
      { id: 'SELLER_SKU', value_name: 'TEE-P' },
    ];
    const created = await sim.call('mercadolivre', 'POST', '/items', {
      token,
      json: item({ family_name: 'Camiseta básica', attributes }),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.family_name, 'Camiseta básica');
    assert.equal(created.body.title, 'Camiseta básica P');
    assert.match(created.body.user_product_id, /^MLBU\d+$/);
    assert.deepEqual(created.body.variations, []);
  });

  test('title or variations[] from such a seller, or no family_name, are validation errors', async () => {
    const name = 'M2 refusals';
    const withTitle = await sim.call('mercadolivre', 'POST', '/items', {
      token,
      json: item({ title: 'Camiseta', family_name: 'Camiseta' }),
      expectInvalid: name,
    });
    assert.equal(withTitle.status, 400);
    assert.deepEqual(
      withTitle.body.cause.map((cause: { code: string }) => cause.code),
      ['item.title.not_allowed'],
    );
    const withVariations = await sim.call('mercadolivre', 'POST', '/items', {
      token,
      json: item({
        family_name: 'Camiseta',
        variations: [
          { price: 40, available_quantity: 1, attribute_combinations: [{ id: 'SIZE', value_name: 'P' }] },
        ],
      }),
    });
    assert.equal(withVariations.body.cause[0].code, 'item.variations.not_allowed');
    const bare = await sim.call('mercadolivre', 'POST', '/items', { token, json: item({}) });
    assert.equal(bare.body.cause[0].code, 'item.family_name.required');
  });
});

describe('Mercado Livre multi-origin stock (M1)', () => {
  let item: { id: string; native: { user_product_id: string } };
  beforeEach(async () => {
    await sim.control('POST', '/mercadolivre/sellers', {
      id: 100000001,
      tags: ['normal', 'user_product_seller', 'warehouse_management'],
      stores: ['STORE-A', 'STORE-B'],
    });
    item = await listing({ sku: 'MO-1', family_name: 'Caneca', price: 20, available_quantity: 5 });
  });

  const stockPath = () => `/user-products/${item.native.user_product_id}/stock`;
  const write = (json: unknown, headers: Record<string, string> = {}, expectInvalid?: string) =>
    sim.call('mercadolivre', 'PUT', `${stockPath()}/type/seller_warehouse`, {
      token,
      json,
      headers,
      expectInvalid,
    });

  test('available_quantity on PUT /items is refused; the stock is read per warehouse with x-version', async () => {
    const refused = await put(item.id, { available_quantity: 3 });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.cause[0].code, 'item.available_quantity.not_modifiable_multi_origin');
    assert.equal((await put(item.id, { price: 21 })).status, 200, 'the price is still written on the item');
    const read = await sim.call('mercadolivre', 'GET', stockPath(), { token });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('x-version'), '1');
    assert.deepEqual(
      read.body.locations.map((l: { type: string; store_id: string; quantity: number }) => [
        l.type,
        l.store_id,
        l.quantity,
      ]),
      [
        ['seller_warehouse', 'STORE-A', 5],
        ['seller_warehouse', 'STORE-B', 0],
      ],
    );
  });

  test('a PUT needs the current x-version: missing is 400, stale is 409; a good one moves the item', async () => {
    const body = { locations: [{ store_id: 'STORE-B', quantity: 7 }] };
    const missing = await write(body);
    assert.deepEqual([missing.status, missing.body.message], [400, 'Missing X-Version header']);
    const stale = await write(body, { 'x-version': '0' });
    assert.deepEqual([stale.status, stale.body.message], [409, 'Version mismatch']);
    const done = await write(body, { 'x-version': '1' });
    assert.equal(done.status, 200);
    assert.equal(done.headers.get('x-version'), '2');
    assert.equal(
      (await sim.call('mercadolivre', 'GET', `/items/${item.id}`, { token })).body.available_quantity,
      12,
    );
    assert.equal((await write(body, { 'x-version': '1' })).status, 409, 'the version moved on');
    const unknown = await write(
      { locations: [{ store_id: 'ELSEWHERE', quantity: 1 }] },
      { 'x-version': '2' },
    );
    assert.equal(unknown.body.cause[0].code, 'stock.locations.store_id.invalid');
    const malformed = await write(
      { locations: [{ store_id: 'STORE-A', quantity: -1 }] },
      { 'x-version': '2' },
      'M1 malformed',
    );
    assert.equal(malformed.body.error, 'validation_error');
  });
});
