import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { assertConformant, openSimulator } from '../test-support.ts';
import { shopeeCall } from './testing.ts';

let sim: TestSimulator;
let token: string;
let single: number;
let multi: { item_id: number; models: number[] };
before(async () => {
  sim = await openSimulator();
});
after(async () => {
  try {
    await assertConformant(sim.url);
  } finally {
    await sim.close();
  }
});
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = (await sim.control('POST', '/shopee/tokens', {})).body.access_token;
  single = Number(
    (await sim.control('POST', '/shopee/listings', { sku: 'CANECA', price: 29.9, stock: 5 })).body.id,
  );
  const created = await sim.control('POST', '/shopee/listings', {
    sku: 'CAMISA',
    models: [
      { sku: 'CAMISA-P', name: 'P', price: 59.9, stock: 3 },
      { sku: 'CAMISA-M', name: 'M', price: 59.9, stock: 4, promotion_price: 49.9 },
    ],
  });
  multi = {
    item_id: Number(created.body.id),
    models: created.body.variations.map((variation: { id: string }) => Number(variation.id)),
  };
});

const post = (path: string, json: unknown, expectInvalid?: string) =>
  shopeeCall(sim, 'POST', path, { token, json, ...(expectInvalid === undefined ? {} : { expectInvalid }) });
const get = (path: string, query: Record<string, string>) => shopeeCall(sim, 'GET', path, { token, query });
const stockEntry = (modelId: number, stock: number) => ({ model_id: modelId, seller_stock: [{ stock }] });

describe('Shopee update_stock', () => {
  test('an item without models (model_id 0); read back through get_item_base_info', async () => {
    const answer = await post('/api/v2/product/update_stock', {
      item_id: single,
      stock_list: [stockEntry(0, 8)],
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.error, '');
    assert.deepEqual(answer.body.response, { success_list: [{ model_id: 0, stock: 8 }], failure_list: [] });
    const read = await get('/api/v2/product/get_item_base_info', { item_id_list: String(single) });
    const [info] = read.body.response.item_list;
    assert.equal(info.has_model, false);
    assert.equal(info.stock_info_v2.summary_info.total_available_stock, 8);
    assert.deepEqual(
      info.stock_info_v2.seller_stock.map((entry: { stock: number }) => entry.stock),
      [8],
    );
    assert.deepEqual(info.price_info[0], { currency: 'BRL', original_price: 29.9, current_price: 29.9 });
    const writes = (await sim.control('GET', `/writes?channel=shopee&target=${single}`)).body.entries;
    assert.equal(writes[0].operation, 'product.update_stock');
  });

  test('partial failure: error_busi_update_stock_failed with failure_list; the good model is applied', async () => {
    const [small, medium] = multi.models as [number, number];
    const answer = await post('/api/v2/product/update_stock', {
      item_id: multi.item_id,
      stock_list: [stockEntry(small, 10), stockEntry(999, 1), stockEntry(medium, -1)],
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.error, 'error_busi_update_stock_failed');
    assert.match(answer.body.message, /failure_list/);
    assert.deepEqual(answer.body.response.success_list, [{ model_id: small, stock: 10 }]);
    assert.deepEqual(
      answer.body.response.failure_list.map((entry: { model_id: number }) => entry.model_id),
      [999, medium],
    );
    assert.equal(typeof answer.body.response.failure_list[0].failed_reason, 'string');
    const models = (await get('/api/v2/product/get_model_list', { item_id: String(multi.item_id) })).body
      .response.model;
    assert.deepEqual(
      models.map(
        (model: { stock_info_v2: { seller_stock: Array<{ stock: number }> } }) =>
          model.stock_info_v2.seller_stock[0]!.stock,
      ),
      [10, 4],
    );
  });

  test('one item_id per call; an unknown item; ≤ 50 models; model_id 0 on an item with models', async () => {
    const many = await post(
      '/api/v2/product/update_stock',
      { item_id: [single, multi.item_id], stock_list: [stockEntry(0, 1)] },
      'update_stock: two item ids',
    );
    assert.deepEqual(
      [many.body.error, many.body.message],
      ['error_param', 'Wrong parameters, detail: item_id must be int64.'],
    );
    const unknown = await post('/api/v2/product/update_stock', {
      item_id: 123,
      stock_list: [stockEntry(0, 1)],
    });
    assert.equal(unknown.body.error, 'error_item_not_found');
    const stockList = Array.from({ length: 51 }, () => stockEntry(multi.models[0]!, 1));
    assert.equal(
      (
        await post(
          '/api/v2/product/update_stock',
          { item_id: multi.item_id, stock_list: stockList },
          'update_stock: 51 models',
        )
      ).body.message,
      'Wrong parameters, detail: stock_list length should be between 1 to 50.',
    );
    const direct = await post('/api/v2/product/update_stock', {
      item_id: multi.item_id,
      stock_list: [stockEntry(0, 1)],
    });
    assert.equal(direct.body.response.failure_list.length, 1);
  });

  test('request_params: a missing or mistyped nested field is error_param naming it', async () => {
    const missing = await post(
      '/api/v2/product/update_stock',
      { item_id: single, stock_list: [{ model_id: 0, seller_stock: [{ location_id: 'BRZ' }] }] },
      'update_stock: no stock',
    );
    assert.deepEqual(
      [missing.status, missing.body.error, missing.body.message],
      [200, 'error_param', 'Wrong parameters, detail: stock_list.0.seller_stock.0.stock is required.'],
    );
    const text = await post(
      '/api/v2/product/update_price',
      { item_id: single, price_list: [{ model_id: 0, original_price: '10' }] },
      'update_price: a price as text',
    );
    assert.equal(text.body.message, 'Wrong parameters, detail: price_list.0.original_price must be float.');
    assert.equal(
      (await sim.control('GET', `/shopee/listings/${single}`)).body.price,
      29.9,
      'nothing changed',
    );
  });

  test('a multi-warehouse shop: error_auth without location_id or with another shop’s; its own applies (S4)', async () => {
    await sim.control('POST', '/shopee/sellers', { id: 880000001, location_ids: ['BRW1', 'BRW2'] });
    const item = Number(
      (await sim.control('POST', '/shopee/listings', { sku: 'WH', price: 10, stock: 5 })).body.id,
    );
    const write = (seller_stock: unknown[]) =>
      post('/api/v2/product/update_stock', { item_id: item, stock_list: [{ model_id: 0, seller_stock }] });
    const lack = await write([{ stock: 3 }]);
    assert.deepEqual(
      [lack.status, lack.body.error, lack.body.message],
      [200, 'error_auth', 'Lack of location_id, please double check.'],
    );
    assert.equal((await write([{ location_id: 'XX', stock: 3 }])).body.error, 'error_auth');
    assert.equal((await write([{ location_id: 'BRW2', stock: 3 }])).body.error, '');
    const read = await get('/api/v2/product/get_item_base_info', { item_id_list: String(item) });
    assert.deepEqual(read.body.response.item_list[0].stock_info_v2.seller_stock, [
      { location_id: 'BRW1', stock: 5 },
      { location_id: 'BRW2', stock: 3 },
    ]);
  });

  test('holiday mode: stock and price edits refused with error_auth (S2), nothing applied', async () => {
    await sim.control('POST', '/shopee/sellers', { id: 880000001, holiday_mode: true });
    const stock = await post('/api/v2/product/update_stock', {
      item_id: single,
      stock_list: [stockEntry(0, 9)],
    });
    assert.deepEqual(
      [stock.body.error, stock.body.message],
      ['error_auth', 'Please wait for the holiday mode set then to edit item. Please try later.'],
    );
    const priced = await post('/api/v2/product/update_price', {
      item_id: single,
      price_list: [{ model_id: 0, original_price: 30 }],
    });
    assert.equal(priced.body.error, 'error_auth');
    const view = (await sim.control('GET', `/shopee/listings/${single}`)).body;
    assert.deepEqual([view.stock, view.price], [5, 29.9]);
  });

  test('seller_stock may not go below the units reserved by open orders: error_auth alone, failure_list beside a success (S2)', async () => {
    await sim.control('POST', '/shopee/orders', { items: [{ item_id: single, quantity: 3 }] });
    const answer = await post('/api/v2/product/update_stock', {
      item_id: single,
      stock_list: [stockEntry(0, 2)],
    });
    assert.deepEqual(
      [answer.status, answer.body.error, answer.body.message],
      [200, 'error_auth', 'Total stock must be more than reserved stock.'],
    );
    const [small, medium] = multi.models as [number, number];
    await sim.control('POST', '/shopee/orders', {
      items: [{ item_id: multi.item_id, model_id: small, quantity: 2 }],
    });
    const mixed = await post('/api/v2/product/update_stock', {
      item_id: multi.item_id,
      stock_list: [stockEntry(small, 1), stockEntry(medium, 6)],
    });
    assert.equal(mixed.body.error, 'error_busi_update_stock_failed');
    assert.match(mixed.body.response.failure_list[0].failed_reason, /reserved/);
    const read = await get('/api/v2/product/get_item_base_info', { item_id_list: String(single) });
    assert.deepEqual(read.body.response.item_list[0].stock_info_v2.summary_info, {
      total_reserved_stock: 3,
      total_available_stock: 2,
    });
  });
});

describe('Shopee update_price', () => {
  test('a model in a promotion keeps its price (failure_list); the other changes', async () => {
    const [small, medium] = multi.models as [number, number];
    const answer = await post('/api/v2/product/update_price', {
      item_id: multi.item_id,
      price_list: [
        { model_id: small, original_price: 69.9 },
        { model_id: medium, original_price: 69.9 },
      ],
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.response.success_list, [{ model_id: small, original_price: 69.9 }]);
    assert.equal(answer.body.response.failure_list[0].model_id, medium);
    assert.match(answer.body.response.failure_list[0].failed_reason, /promotion/);
    const models = (await get('/api/v2/product/get_model_list', { item_id: String(multi.item_id) })).body
      .response.model;
    assert.deepEqual(models[0].price_info[0], { currency: 'BRL', original_price: 69.9, current_price: 69.9 });
    assert.deepEqual(models[1].price_info[0], { currency: 'BRL', original_price: 59.9, current_price: 49.9 });
    const view = (await sim.control('GET', `/shopee/listings/${multi.item_id}`)).body;
    assert.equal(view.promotional_price, 49.9);
  });

  test('the price limits and the BR max/min model ratio of 4', async () => {
    const [small] = multi.models as [number];
    const tooHigh = await post('/api/v2/product/update_price', {
      item_id: multi.item_id,
      price_list: [{ model_id: small, original_price: 59.9 * 5 }],
    });
    assert.equal(tooHigh.body.error, 'error_price_agp_too_large');
    const zero = await post('/api/v2/product/update_price', {
      item_id: single,
      price_list: [{ model_id: 0, original_price: 0 }],
    });
    assert.equal(zero.body.response.failure_list.length, 1);
    const fine = await post('/api/v2/product/update_price', {
      item_id: single,
      price_list: [{ original_price: 31.5 }],
    });
    assert.deepEqual([fine.body.error, fine.body.response.success_list[0].original_price], ['', 31.5]);
  });

  test('get_item_list pages with offset and has_next_page', async () => {
    const first = await get('/api/v2/product/get_item_list', {
      offset: '0',
      page_size: '1',
      item_status: 'NORMAL',
    });
    assert.deepEqual(
      [first.body.response.total_count, first.body.response.has_next_page, first.body.response.next_offset],
      [2, true, 1],
    );
    const tooBig = await get('/api/v2/product/get_item_list', {
      offset: '0',
      page_size: '101',
      item_status: 'NORMAL',
    });
    assert.equal(tooBig.body.error, 'error_param');
  });
});
