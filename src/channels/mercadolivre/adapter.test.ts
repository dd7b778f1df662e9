import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import { mercadoLivre } from './adapter.ts';
import type { MlHarness, MlListingView } from './testing.ts';
import { openMl } from './testing.ts';

let ml: MlHarness;
before(async () => {
  ml = await openMl();
});
after(() => ml.close());
beforeEach(async () => {
  await ml.control('POST', '/reset');
});

function stock(item: MlListingView, qty: number, variation?: string): StockUpdate {
  return { listingId: 1, externalId: item.id, externalVariationId: variation, sku: item.sku ?? '', qty };
}

function price(item: MlListingView, value: number, promotionalPrice: number | null = null): PriceUpdate {
  return { listingId: 1, externalId: item.id, sku: item.sku ?? '', price: value, promotionalPrice };
}

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

describe('Mercado Livre stock and price', () => {
  test('a stock push to one variation keeps every other variation', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({
      sku: 'SHIRT',
      variations: [
        { sku: 'SHIRT-P', price: 50, available_quantity: 3, attributes: { SIZE: 'P' } },
        { sku: 'SHIRT-M', price: 50, available_quantity: 4, attributes: { SIZE: 'M' } },
        { sku: 'SHIRT-G', price: 55, available_quantity: 5, attributes: { SIZE: 'G' } },
      ],
    });
    const medium = item.variations[1]!;
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 9, medium.id)]);
    assert.equal(outcome?.ok, true);
    const view = await ml.view(item.id);
    assert.deepEqual(
      view.variations.map((variation) => [variation.sku, variation.stock, variation.price]),
      [
        ['SHIRT-P', 3, 50],
        ['SHIRT-M', 9, 50],
        ['SHIRT-G', 5, 55],
      ],
    );
    const [put] = await ml.writes('items.update');
    assert.deepEqual(put?.body, {
      variations: item.variations.map((variation) =>
        variation.id === medium.id
          ? { id: Number(variation.id), available_quantity: 9 }
          : { id: Number(variation.id) },
      ),
    });
  });

  test('a price push to one variation changes that variation only', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({
      sku: 'MUG',
      variations: [
        { sku: 'MUG-W', price: 20, available_quantity: 1, attributes: { COLOR: 'White' } },
        { sku: 'MUG-B', price: 20, available_quantity: 1, attributes: { COLOR: 'Black' } },
      ],
    });
    const black = item.variations[1]!;
    const [outcome] = await mercadoLivre.pushPrice(ctx, [
      { ...price(item, 24.5), externalVariationId: black.id },
    ]);
    assert.equal(outcome?.ok, true);
    const view = await ml.view(item.id);
    assert.deepEqual(
      view.variations.map((variation) => variation.price),
      [20, 24.5],
    );
    const read = await mercadoLivre.readListing(ctx, {
      externalId: item.id,
      externalVariationId: black.id,
      sku: 'MUG-B',
    });
    assert.deepEqual(read, { qty: 1, price: 24.5, promotionalPrice: null, status: 'active' });
  });

  test('a promotional price becomes a seller discount, and goes away when cleared', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'PROMO', price: 100, available_quantity: 2 });
    const endsAt = new Date(Date.now() + 3 * 86_400_000);
    const [set] = await mercadoLivre.pushPrice(ctx, [{ ...price(item, 100, 79.9), promotionEndsAt: endsAt }]);
    assert.equal(set?.ok, true);
    assert.equal((await ml.view(item.id)).promotional_price, 79.9);
    const read = await mercadoLivre.readListing(ctx, { externalId: item.id, sku: 'PROMO' });
    assert.deepEqual([read.price, read.promotionalPrice], [100, 79.9]);

    await mercadoLivre.pushPrice(ctx, [price(item, 100, 69.9)]);
    assert.equal((await ml.view(item.id)).promotional_price, 69.9, 'an existing discount is replaced');
    await mercadoLivre.pushPrice(ctx, [price(item, 100, null)]);
    assert.equal((await ml.view(item.id)).promotional_price, null);
    const operations = (await ml.writes()).map((entry) => `${entry.operation} ${entry.status}`);
    assert.deepEqual(operations, [
      'items.update 200',
      'promotions.create 201',
      'items.update 200',
      'promotions.update 200',
      'items.update 200',
      'promotions.delete 200',
    ]);
  });

  test('a rejected value is a permanent error with Mercado Livre’s message verbatim', async () => {
    const ctx = await ml.connect();
    const full = await ml.listing({
      sku: 'FULL',
      price: 10,
      available_quantity: 5,
      logistic_type: 'fulfillment',
    });
    const error = failure((await mercadoLivre.pushStock(ctx, [stock(full, 1)]))[0]);
    assert.equal(error.failure, 'permanent');
    assert.equal(error.code, 'ml.item.available_quantity.not_modifiable');
    assert.equal(
      error.marketplaceMessage,
      'The stock of a fulfillment (Full) item is managed by Mercado Livre',
    );
    assert.equal(error.httpStatus, 400);
    assert.match(error.hint ?? '', /Full/);
    assert.equal((await ml.writes('items.update')).length, 1, 'a permanent error is not retried');

    const automated = await ml.listing({
      sku: 'AUTO',
      price: 10,
      available_quantity: 1,
      price_automation: true,
    });
    const priceError = failure((await mercadoLivre.pushPrice(ctx, [price(automated, 9)]))[0]);
    assert.equal(priceError.code, 'ml.item.price.not_modifiable');
    assert.equal(priceError.marketplaceMessage, 'The price of this item is set by price automation');
  });

  test('each item of a batch gets its own outcome', async () => {
    const ctx = await ml.connect();
    const first = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    const full = await ml.listing({
      sku: 'B',
      price: 10,
      available_quantity: 1,
      logistic_type: 'fulfillment',
    });
    const third = await ml.listing({ sku: 'C', price: 10, available_quantity: 1 });
    const updates = [first, full, third].map((item, index) => ({ ...stock(item, 7), listingId: index + 1 }));
    const outcomes = await mercadoLivre.pushStock(ctx, updates);
    assert.deepEqual(
      outcomes.map((outcome) => [outcome.listingId, outcome.ok]),
      [
        [1, true],
        [2, false],
        [3, true],
      ],
    );
    assert.deepEqual([(await ml.view(first.id)).stock, (await ml.view(third.id)).stock], [7, 7]);
  });

  test('another seller’s item is a permanent forbidden error', async () => {
    await ml.control('POST', '/mercadolivre/sellers', { id: 200000002 });
    const foreign = await ml.listing({ user_id: 200000002, sku: 'X', price: 10, available_quantity: 1 });
    const ctx = await ml.connect();
    const error = failure((await mercadoLivre.pushStock(ctx, [stock(foreign, 3)]))[0]);
    assert.deepEqual([error.failure, error.code, error.httpStatus], ['permanent', 'ml.forbidden', 403]);
  });
});

describe('Mercado Livre listings', () => {
  test('finds a listing by SKU, on the item or on a variation', async () => {
    const ctx = await ml.connect();
    const simple = await ml.listing({ sku: 'SIMPLE', price: 10, available_quantity: 1 });
    const shirt = await ml.listing({
      sku: 'SHIRT',
      variations: [{ sku: 'SHIRT-P', price: 5, available_quantity: 1, attributes: { SIZE: 'P' } }],
    });
    assert.deepEqual(await mercadoLivre.findBySku(ctx, 'SIMPLE'), { externalId: simple.id, sku: 'SIMPLE' });
    assert.deepEqual(await mercadoLivre.findBySku(ctx, 'SHIRT-P'), {
      externalId: shirt.id,
      externalVariationId: shirt.variations[0]!.id,
      sku: 'SHIRT-P',
    });
    assert.equal(await mercadoLivre.findBySku(ctx, 'NOPE'), undefined);
  });

  test('publishes a product with variations, then takes it off sale', async () => {
    const ctx = await ml.connect();
    const result = await mercadoLivre.publish(ctx, {
      sku: 'TEE',
      name: 'Camiseta básica',
      description: 'Algodão',
      qty: 0,
      price: 39.9,
      promotionalPrice: null,
      brand: 'Cais',
      ean: null,
      images: ['https://img.example/tee.jpg'],
      categoryId: 'MLB31447',
      variations: [
        { sku: 'TEE-P', qty: 2, price: 39.9, ean: null, attributes: { SIZE: 'P' } },
        { sku: 'TEE-M', qty: 3, price: 39.9, ean: null, attributes: { SIZE: 'M' } },
      ],
    });
    assert.equal(result.status, 'active');
    const view = await ml.view(result.ref.externalId);
    assert.deepEqual([view.sku, view.stock], ['TEE', 5]);
    assert.deepEqual(Object.keys(result.variations ?? {}).sort(), ['TEE-M', 'TEE-P']);
    assert.equal(result.variations?.['TEE-M']?.externalVariationId, view.variations[1]?.id);

    await mercadoLivre.unpublish(ctx, result.ref);
    assert.equal((await ml.view(result.ref.externalId)).status, 'paused');
  });

  test('publishing without a category is a permanent error with a hint', async () => {
    const ctx = await ml.connect();
    const product = {
      sku: 'NOCAT',
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
    await assert.rejects(mercadoLivre.publish(ctx, product), {
      failure: 'permanent',
      code: 'ml.category_required',
    });
  });
});

describe('Mercado Livre reads under faults', () => {
  test('reads are retried like writes: a flaky order search still lists', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 5 });
    await ml.control('POST', '/mercadolivre/orders', { items: [{ item_id: item.id, quantity: 1 }] });
    const answer = await ml.control('PUT', '/mercadolivre/faults/orders.search', { error_rate: 1, count: 2 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const page = await mercadoLivre.listOrders(ctx, { since: new Date(Date.now() - 60_000) });
    assert.equal(page.orders.length, 1);
  });
});
