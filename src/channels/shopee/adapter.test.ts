import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import type { SpHarness, SpListingView } from './testing.ts';
import { openShopee } from './testing.ts';

let sp: SpHarness;
before(async () => {
  sp = await openShopee();
});
after(() => sp.close());
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

  test('stock below what open orders reserve is refused with Shopee’s reason (stock partial failure)', async () => {
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
        'error_busi_update_stock_failed',
      ],
    );
    const [write] = await sp.writes('product.update_stock');
    assert.equal(write?.status, 200, 'a failure inside HTTP 200');
  });

  test('a promotional price is what the buyer pays while its window is open', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'W', price: 100, stock: 1 });
    const promo = { ...price(item, 100), promotionalPrice: 79.9 };
    await sp.adapter.pushPrice(ctx, [promo]);
    assert.equal((await sp.view(item.id)).price, 79.9);
    await sp.adapter.pushPrice(ctx, [{ ...promo, promotionStartsAt: new Date(Date.now() + DAY) }]);
    assert.equal((await sp.view(item.id)).price, 100, 'not before it starts');
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

  test('testConnection proves the sign, the token and the shop', async () => {
    const ctx = await sp.connect();
    assert.deepEqual(await sp.adapter.testConnection(ctx), { sellerId: String(sp.defaults.shop_id) });
  });
});
