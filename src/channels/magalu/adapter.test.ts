import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { hintText } from '../../i18n/hints.ts';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import { magalu } from './adapter.ts';
import type { MgHarness } from './testing.ts';
import { openMagalu } from './testing.ts';

let mg: MgHarness;
before(async () => {
  mg = await openMagalu();
});
after(() => mg.close());
beforeEach(async () => {
  await mg.control('POST', '/reset');
  // Applied at once unless a test is about the delay; the outcome is still 202 → pending.
  await mg.control('PATCH', '/magalu/settings', { apply_delay_ms: 0 });
});

function stock(sku: string, qty: number, listingId = 1): StockUpdate {
  return { listingId, externalId: sku, sku, qty };
}

function price(sku: string, value: number, promotionalPrice: number | null = null): PriceUpdate {
  return { listingId: 1, externalId: sku, sku, price: value, promotionalPrice };
}

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

const PENDING = { listingId: 1, ok: true, applied: 'pending' };

describe('Magalu stock and price', () => {
  test('pushes stock and price in cents; accepted now, shown once applied', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'SKU-1', price: 1000, stock: 5 });
    assert.deepEqual(await magalu.pushStock(ctx, [stock('SKU-1', 8)]), [PENDING]);
    assert.deepEqual(await magalu.pushPrice(ctx, [price('SKU-1', 19.9)]), [PENDING]);
    const view = await mg.settled('SKU-1');
    assert.deepEqual([view.stock, view.price, view.promotional_price], [8, 19.9, null]);
    const bodies = (await mg.writes()).map((entry) => entry.body);
    // G3: each body names the sales channel; an existing entry is updated with PATCH.
    const channel = { id: mg.defaults.channel_id };
    assert.deepEqual(bodies, [
      { channel, quantity: 8, type: 'AVAILABLE' },
      { channel, price: 1990, list_price: 1990, currency: 'BRL', normalizer: 100 },
    ]);
    assert.deepEqual(
      (await mg.writes()).map((entry) => entry.operation),
      ['stocks.update', 'prices.update'],
    );
    const read = await magalu.readListing(ctx, { externalId: 'SKU-1', sku: 'SKU-1' });
    assert.deepEqual(read, { qty: 8, price: 19.9, promotionalPrice: null, status: 'PUBLISHED' });
  });

  test('a 202 is pending: the old value shows until Magalu applies the write', async () => {
    await mg.control('PATCH', '/magalu/settings', { apply_delay_ms: 600 });
    const ctx = await mg.connect();
    await mg.listing({ sku: 'SLOW', price: 1000, stock: 5 });
    assert.deepEqual(await magalu.pushStock(ctx, [stock('SLOW', 9)]), [PENDING]);
    assert.equal((await mg.view('SLOW')).stock, 5, 'accepted, not applied yet');
    assert.equal((await magalu.readListing(ctx, { externalId: 'SLOW', sku: 'SLOW' })).qty, 5);
    const applied = await mg.settled('SLOW');
    assert.equal(applied.stock, 9);
    assert.equal((await magalu.readListing(ctx, { externalId: 'SLOW', sku: 'SLOW' })).qty, 9);
  });

  test('a promotional price is the paid price under a regular list price, within its window', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'PROMO', price: 10000, stock: 1 });
    await magalu.pushPrice(ctx, [price('PROMO', 100, 79.9)]);
    let view = await mg.settled('PROMO');
    assert.deepEqual([view.price, view.promotional_price], [100, 79.9]);
    assert.deepEqual(await magalu.readListing(ctx, { externalId: 'PROMO', sku: 'PROMO' }), {
      qty: 1,
      price: 100,
      promotionalPrice: 79.9,
      status: 'PUBLISHED',
    });
    const later = new Date(Date.now() + 86_400_000);
    await magalu.pushPrice(ctx, [{ ...price('PROMO', 100, 79.9), promotionStartsAt: later }]);
    view = await mg.settled('PROMO');
    assert.deepEqual([view.price, view.promotional_price], [100, null], 'not before the window opens');
  });

  test('a rejected value is a permanent error with Magalu’s message verbatim', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'P', price: 1000, stock: 1 });
    const error = failure((await magalu.pushPrice(ctx, [{ ...price('P', 10), promotionalPrice: 12 }]))[0]);
    // The adapter sends what the rules computed; Magalu is the one that refuses a sale above list.
    assert.equal(error.failure, 'permanent');
    assert.equal(error.code, 'magalu.price_above_list_price');
    assert.equal(error.marketplaceMessage, 'price (sale) must not exceed list_price');
    assert.equal(error.httpStatus, 422);
    assert.match(error.hint ?? '', /X-Request-Id: sim-\d+/);

    const missing = failure((await magalu.pushStock(ctx, [stock('GHOST', 1)]))[0]);
    assert.deepEqual(
      [missing.failure, missing.code, missing.marketplaceMessage],
      ['permanent', 'magalu.not_found', 'SKU GHOST not found (sku: not found)'],
    );
    assert.equal((await mg.writes('stocks.update')).length, 1, 'not retried');
  });

  test('each item of a batch gets its own outcome', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'A', price: 1000 });
    await mg.listing({ sku: 'C', price: 1000 });
    const outcomes = await magalu.pushStock(ctx, [stock('A', 3, 1), stock('B', 3, 2), stock('C', 3, 3)]);
    assert.deepEqual(
      outcomes.map((outcome) => [outcome.listingId, outcome.ok]),
      [
        [1, true],
        [2, false],
        [3, true],
      ],
    );
  });
});

describe('Magalu listings', () => {
  test('publishes a product with variations as a group of SKUs, then takes one off sale', async () => {
    const ctx = await mg.connect();
    const result = await magalu.publish(ctx, {
      sku: 'TEE',
      name: 'Camiseta',
      description: 'Algodão',
      qty: 0,
      price: 39.9,
      promotionalPrice: null,
      brand: 'Cais',
      ean: null,
      images: [],
      variations: [
        { sku: 'TEE-P', qty: 2, price: 39.9, ean: '7891234567895', attributes: { Tamanho: 'P' } },
        { sku: 'TEE-M', qty: 3, price: 42, ean: null, attributes: { Tamanho: 'M' } },
      ],
    });
    assert.equal(result.status, 'active');
    assert.deepEqual(result.variations?.['TEE-M'], { externalId: 'TEE-M', sku: 'TEE-M' });
    const medium = await mg.settled('TEE-M');
    assert.deepEqual([medium.stock, medium.price], [3, 42]);
    const [created] = await mg.writes('skus.create');
    assert.deepEqual(created?.body, {
      sku: 'TEE-P',
      title: 'Camiseta P',
      description: 'Algodão',
      brand: 'Cais',
      channels: [{ id: mg.defaults.channel_id }],
      identifiers: [{ type: 'ean', value: '7891234567895' }],
      group: { id: 'TEE', main_variation: true },
    });

    // G3: a new SKU's price and stock are created with POST.
    const mediumWrites = (await mg.writes()).filter((entry) => entry.target === 'TEE-M');
    assert.deepEqual(
      mediumWrites.map((entry) => `${entry.operation} ${entry.status}`),
      ['skus.create 201', 'prices.create 202', 'stocks.create 202'],
    );

    // G3: unpublished with `active: false`, not with stock 0, so a later stock sync keeps it off sale.
    await magalu.unpublish(ctx, { externalId: 'TEE-P', sku: 'TEE-P' });
    const [off] = await mg.writes('skus.update');
    assert.deepEqual([off?.target, off?.body], ['TEE-P', { active: false }]);
    await magalu.pushStock(ctx, [stock('TEE-P', 5)]);
    const read = await magalu.readListing(ctx, { externalId: 'TEE-P', sku: 'TEE-P' });
    assert.deepEqual([read.status, read.qty], ['inactive', 5]);
    await magalu.unpublish(ctx, { externalId: 'GONE', sku: 'GONE' });
  });

  test('G1: a product without description or brand is refused before any call, naming the fields', async () => {
    const ctx = await mg.connect();
    const product = {
      sku: 'BARE',
      name: 'Sem descrição',
      description: null,
      qty: 1,
      price: 10,
      promotionalPrice: null,
      brand: '  ',
      ean: null,
      images: [],
      variations: [],
    };
    await assert.rejects(magalu.publish(ctx, product), (error: Error) => {
      assert.deepEqual(
        [Reflect.get(error, 'failure'), Reflect.get(error, 'code'), Reflect.get(error, 'marketplaceMessage')],
        [
          'permanent',
          'magalu.description_required',
          "Magalu requires the product's description and brand (at least 1 character); product BARE has none",
        ],
      );
      assert.match(String(Reflect.get(error, 'hint')), /product\.description, product\.brand/);
      assert.match(String(hintText({ code: 'magalu.description_required', hint: 'x' }, 'pt-BR')), /marca/);
      return true;
    });
    assert.deepEqual(await mg.writes(), [], 'nothing was sent to Magalu');
  });

  test('publishing a SKU that already exists takes it over', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'OLD', price: 500, stock: 1 });
    const product = {
      sku: 'OLD',
      name: 'x',
      description: 'Antigo',
      qty: 4,
      price: 9,
      promotionalPrice: null,
      brand: 'Cais',
      ean: null,
      images: [],
      variations: [],
    };
    const result = await magalu.publish(ctx, product);
    assert.deepEqual(result.ref, { externalId: 'OLD', sku: 'OLD' });
    const view = await mg.settled('OLD');
    assert.deepEqual([view.stock, view.price], [4, 9]);
    // The SKU's price and stock exist already: the POSTs meet 409 and become PATCHes.
    assert.deepEqual(
      (await mg.writes()).map((entry) => `${entry.operation} ${entry.status}`),
      ['skus.create 409', 'prices.create 409', 'prices.update 202', 'stocks.create 409', 'stocks.update 202'],
    );
  });

  test('G3: a SKU created in Magalu’s panel without stock gets it created on the first push', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'PANEL', price: 1000, stock_entry: false });
    assert.deepEqual(await magalu.pushStock(ctx, [stock('PANEL', 6)]), [PENDING]);
    assert.equal((await mg.settled('PANEL')).stock, 6);
    assert.deepEqual(
      (await mg.writes()).map((entry) => `${entry.operation} ${entry.status}`),
      ['stocks.update 404', 'stocks.create 202'],
    );
  });
});

describe('Magalu reads under faults', () => {
  test('readListing reads SKU, price and stock apart: a flaky price or stock read still reads back', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'A', price: 1000, stock: 1 });
    for (const [operation, rule] of [
      ['prices.get', { error_rate: 1, count: 1 }],
      ['stocks.get', { rate_limit_rate: 1, count: 1 }],
    ] as const) {
      const answer = await mg.control('PUT', `/magalu/faults/${operation}`, rule);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    }
    const read = await magalu.readListing(ctx, { externalId: 'A', sku: 'A' });
    assert.deepEqual(read, { qty: 1, price: 10, promotionalPrice: null, status: 'PUBLISHED' });
  });
});
