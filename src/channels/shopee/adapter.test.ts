import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import { testContext } from '../testing.ts';
import type { SpHarness, SpListingView } from './testing.ts';
import { openShopee } from './testing.ts';

let sp: SpHarness;
before(async () => {
  sp = await openShopee();
});
after(async () => {
  // Whatever the adapter sent fits Shopee's request_params (the simulator's conformance ledger).
  try {
    await sp.assertConformant();
  } finally {
    await sp.close();
  }
});
beforeEach(() => sp.reset());

const DAY = 86_400_000;

function stock(item: SpListingView, qty: number, listingId = 1, model?: string): StockUpdate {
  return { listingId, externalId: item.id, externalVariationId: model, sku: item.sku ?? '', qty };
}

function price(item: SpListingView, value: number, listingId = 1, model?: string): PriceUpdate {
  return {
    listingId,
    externalId: item.id,
    externalVariationId: model,
    sku: '',
    price: value,
    promotionalPrice: null,
  };
}

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

const APPLIED = { listingId: 1, ok: true, applied: 'applied' };

describe('Shopee stock and price', () => {
  test('an item without models: seller_stock and original_price on model 0, applied at once', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'CANECA', price: 29.9, stock: 5 });
    assert.deepEqual(await sp.adapter.pushStock(ctx, [stock(item, 8)]), [APPLIED]);
    assert.deepEqual(await sp.adapter.pushPrice(ctx, [price(item, 31.5)]), [APPLIED]);
    assert.deepEqual(
      (await sp.writes()).map((w) => w.body),
      [
        { item_id: Number(item.id), stock_list: [{ model_id: 0, seller_stock: [{ stock: 8 }] }] },
        { item_id: Number(item.id), price_list: [{ model_id: 0, original_price: 31.5 }] },
      ],
    );
    const read = await sp.adapter.readListing(ctx, { externalId: item.id, sku: 'CANECA' });
    assert.deepEqual(read, { qty: 8, price: 31.5, promotionalPrice: null, status: 'active' });
  });

  test('the models of one item go in one call, each with its own outcome', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({
      sku: 'CAMISA',
      models: [
        { sku: 'CAMISA-P', price: 59.9, stock: 3 },
        { sku: 'CAMISA-M', price: 59.9, stock: 4 },
      ],
    });
    const [p, m] = item.variations;
    const other = await sp.listing({ sku: 'OUTRA', price: 10, stock: 1 });
    const outcomes = await sp.adapter.pushStock(ctx, [
      stock(item, 7, 1, p!.id),
      stock(other, 2, 2),
      stock(item, 9, 3, m!.id),
    ]);
    assert.deepEqual(
      outcomes.map((o) => [o.listingId, o.ok]),
      [
        [1, true],
        [2, true],
        [3, true],
      ],
    );
    const calls = await sp.writes('product.update_stock');
    assert.equal(calls.length, 2, 'one call per item');
    assert.deepEqual(calls[0]?.body, {
      item_id: Number(item.id),
      stock_list: [
        { model_id: Number(p!.id), seller_stock: [{ stock: 7 }] },
        { model_id: Number(m!.id), seller_stock: [{ stock: 9 }] },
      ],
    });
    const view = await sp.view(item.id);
    assert.deepEqual(
      view.variations.map((v) => v.stock),
      [7, 9],
    );
    const read = await sp.adapter.readListing(ctx, {
      externalId: item.id,
      externalVariationId: m!.id,
      sku: 'CAMISA-M',
    });
    assert.equal(read.qty, 9);
  });

  test('a model in a Shopee promotion keeps its price: a permanent error, the others apply', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({
      sku: 'PROMO',
      models: [
        { sku: 'A', price: 100, stock: 1 },
        { sku: 'B', price: 100, stock: 1, promotion_price: 80 },
      ],
    });
    const [a, b] = item.variations;
    const outcomes = await sp.adapter.pushPrice(ctx, [
      price(item, 110, 1, a!.id),
      price(item, 120, 2, b!.id),
    ]);
    assert.equal(outcomes[0]?.ok, true);
    const error = failure(outcomes[1]);
    assert.deepEqual(
      [error.failure, error.code, error.marketplaceMessage],
      [
        'permanent',
        'shopee.price_locked_by_promotion',
        'Original_price cannot be edited when item is under promotion.',
      ],
    );
    assert.match(error.hint ?? '', /promotion/);
    assert.match(error.hint ?? '', /request_id: 0+\w+/);
    const read = await sp.adapter.readListing(ctx, {
      externalId: item.id,
      externalVariationId: b!.id,
      sku: 'B',
    });
    assert.deepEqual([read.price, read.promotionalPrice], [100, 80]);
  });

  test('stock below what open orders reserve is that listing’s error, though Shopee sends it as error_auth (S2)', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'RES', price: 10, stock: 5 });
    await sp.control('POST', '/shopee/orders', { items: [{ item_id: Number(item.id), quantity: 3 }] });
    const error = failure((await sp.adapter.pushStock(ctx, [stock(item, 2)]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.marketplaceMessage, error.marketplaceCode],
      [
        'permanent',
        'shopee.stock_below_reserved',
        'Total stock must be more than reserved stock.',
        'error_auth',
      ],
    );
    const [write] = await sp.writes('product.update_stock');
    assert.equal(write?.status, 200, 'a failure inside HTTP 200');
  });

  test('original_price is the base price, never the promotional one, even inside its window (S8)', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'W', price: 90, stock: 1 });
    const promo = {
      ...price(item, 100),
      promotionalPrice: 79.9,
      promotionEndsAt: new Date(Date.now() + DAY),
    };
    assert.deepEqual(await sp.adapter.pushPrice(ctx, [promo]), [APPLIED]);
    const [write] = await sp.writes('product.update_price');
    assert.deepEqual((write?.body as { price_list?: unknown } | undefined)?.price_list, [
      { model_id: 0, original_price: 100 },
    ]);
    assert.equal((await sp.view(item.id)).price, 100);
  });

  test('a business refusal sent as error_auth is that listing’s sync error; the connection goes on (S2)', async () => {
    const ctx = await sp.connect();
    const a = await sp.listing({ sku: 'HA', price: 10, stock: 1 });
    const b = await sp.listing({ sku: 'HB', price: 10, stock: 1 });
    await sp.control('POST', '/shopee/sellers', { id: sp.defaults.shop_id, holiday_mode: true });
    const outcomes = await sp.adapter.pushStock(ctx, [stock(a, 3, 1), stock(b, 4, 2)]);
    for (const outcome of outcomes) {
      const error = failure(outcome);
      assert.deepEqual(
        [error.failure, error.code, error.marketplaceCode],
        ['permanent', 'shopee.holiday_mode', 'error_auth'],
      );
      assert.match(error.hint ?? '', /holiday mode/);
    }
    assert.equal((await sp.writes('product.update_stock')).length, 2, 'the second item was still tried');
    assert.equal(ctx.credentials.refreshCount, 0, 'no token refresh for a business refusal');
    await sp.control('POST', '/shopee/sellers', { id: sp.defaults.shop_id, holiday_mode: false });
    assert.deepEqual(await sp.adapter.pushStock(ctx, [stock(a, 3)]), [APPLIED]);
  });

  test('a multi-warehouse shop gets location_id in seller_stock: its one warehouse, or the connection’s (S4)', async () => {
    await sp.control('POST', '/shopee/sellers', { id: sp.defaults.shop_id, location_ids: ['BRW1'] });
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'WH', price: 10, stock: 1 });
    assert.deepEqual(await sp.adapter.pushStock(ctx, [stock(item, 6)]), [APPLIED]);
    const writes = await sp.writes('product.update_stock');
    const last = writes.at(-1)?.body as { stock_list?: unknown } | undefined;
    assert.deepEqual(last?.stock_list, [{ model_id: 0, seller_stock: [{ location_id: 'BRW1', stock: 6 }] }]);
    assert.equal((await sp.view(item.id)).stock, 6);

    await sp.control('POST', '/shopee/sellers', { id: sp.defaults.shop_id, location_ids: ['BRW1', 'BRW2'] });
    const two = await sp.listing({ sku: 'WH2', price: 10, stock: 1 });
    const unnamed = failure((await sp.adapter.pushStock(ctx, [stock(two, 2)]))[0]);
    assert.deepEqual([unnamed.failure, unnamed.code], ['permanent', 'shopee.location_id_missing']);
    assert.match(unnamed.hint ?? '', /extra\.locationId/);
    const named = testContext(sp.adapter, sp.baseUrl, {
      ...ctx.credentials.stored,
      extra: { locationId: 'BRW2' },
    });
    assert.deepEqual(await sp.adapter.pushStock(named, [stock(two, 2)]), [APPLIED]);
    assert.equal((await sp.view(two.id)).stock, 3, 'BRW1 keeps its unit, BRW2 gets 2');
  });

  test('whole-call refusals: an unknown item, and variation prices too far apart', async () => {
    const ctx = await sp.connect();
    const ghost = failure(
      (await sp.adapter.pushStock(ctx, [{ listingId: 1, externalId: '999', sku: 'X', qty: 1 }]))[0],
    );
    assert.deepEqual(
      [ghost.failure, ghost.code, ghost.marketplaceMessage],
      ['permanent', 'shopee.error_item_not_found', 'Item_id is not found.'],
    );
    const item = await sp.listing({ models: [{ price: 10 }, { price: 10 }] });
    const [a] = item.variations;
    const ratio = failure((await sp.adapter.pushPrice(ctx, [price(item, 50, 1, a!.id)]))[0]);
    assert.deepEqual([ratio.failure, ratio.code], ['permanent', 'shopee.error_price_agp_too_large']);
    const notANumber = failure(
      (await sp.adapter.pushStock(ctx, [{ listingId: 1, externalId: 'MLB1', sku: 'X', qty: 1 }]))[0],
    );
    assert.equal(notANumber.code, 'shopee.invalid_item_id');
  });
});

describe('Shopee listings', () => {
  test('finds an item by its SKU across pages, or answers undefined', async () => {
    const ctx = await sp.connect();
    for (let i = 0; i < 120; i++) await sp.listing({ sku: `S-${i}`, price: 10 });
    const wanted = await sp.listing({ sku: 'HERE', price: 10 });
    assert.deepEqual(await sp.adapter.findBySku(ctx, 'HERE'), { externalId: wanted.id, sku: 'HERE' });
    assert.equal(await sp.adapter.findBySku(ctx, 'NOT-HERE'), undefined);
  });

  test('publishing is refused with what to do; unpublish sets stock 0', async () => {
    const ctx = await sp.connect();
    const product = {
      sku: 'NEW',
      name: 'x',
      description: null,
      qty: 1,
      price: 1,
      promotionalPrice: null,
      brand: null,
      ean: null,
      images: [],
      variations: [],
    };
    await assert.rejects(sp.adapter.publish(ctx, product), {
      failure: 'permanent',
      code: 'shopee.publish_unsupported',
    });
    const item = await sp.listing({ sku: 'OFF', price: 10, stock: 4 });
    await sp.adapter.unpublish(ctx, { externalId: item.id, sku: 'OFF' });
    assert.equal((await sp.view(item.id)).stock, 0);
    await sp.adapter.unpublish(ctx, { externalId: '987654', sku: 'GONE' });
  });
});
