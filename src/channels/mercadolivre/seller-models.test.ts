/**
 * Mercado Livre sellers on the newer models (fidelity rows M1, M2, M5): multi-origin stock,
 * User Products sellers, and variation attributes named by the category's ids.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ProductForChannel, StockUpdate } from '../adapter.ts';
import { testContext } from '../testing.ts';
import { mercadoLivre } from './adapter.ts';
import type { MlContext, MlHarness } from './testing.ts';
import { openMl } from './testing.ts';

let ml: MlHarness;
before(async () => {
  ml = await openMl();
});
after(() => ml.close());
beforeEach(async () => {
  await ml.control('POST', '/reset');
});

const SELLER = 100000001;

async function seller(tags: string[], stores: string[] = []) {
  const answer = await ml.control('POST', '/mercadolivre/sellers', {
    id: SELLER,
    tags: ['normal', ...tags],
    stores,
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
}

/** A context whose connection names the warehouse Cais writes to. */
function withStore(ctx: MlContext, storeId: string): MlContext {
  const stored = { ...ctx.credentials.stored, extra: { storeId } };
  return testContext(mercadoLivre, ml.baseUrl, stored) as MlContext;
}

interface UpStock {
  locations: { store_id: string; quantity: number }[];
}

async function warehouses(userProductId: string, ctx: MlContext): Promise<Record<string, number>> {
  const response = await fetch(`${ml.baseUrl}/user-products/${userProductId}/stock`, {
    headers: { authorization: `Bearer ${ctx.credentials.stored.accessToken}` },
  });
  const body = (await response.json()) as UpStock;
  return Object.fromEntries(body.locations.map((location) => [location.store_id, location.quantity]));
}

function stock(id: string, sku: string, qty: number): StockUpdate {
  return { listingId: 1, externalId: id, sku, qty };
}

const TEE: ProductForChannel = {
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
    { sku: 'TEE-P', qty: 2, price: 39.9, ean: null, attributes: { Tamanho: 'P' } },
    { sku: 'TEE-M', qty: 3, price: 41.9, ean: null, attributes: { tamanho: 'M' } },
  ],
};

describe('M1: a multi-origin seller’s stock goes to its warehouse', () => {
  test('one warehouse: the stock is written there under x-version, never as available_quantity', async () => {
    await seller(['warehouse_management'], ['STORE-A']);
    const item = await ml.listing({ sku: 'MO', price: 10, available_quantity: 5 });
    const ctx = await ml.connect();
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item.id, 'MO', 8)]);
    assert.equal(outcome?.ok, true, JSON.stringify(outcome));
    assert.deepEqual(await ml.writes('items.update'), [], 'no available_quantity on /items');
    const [put] = await ml.writes('user_products.stock_put');
    assert.deepEqual(
      [put?.status, put?.body],
      [200, { locations: [{ store_id: 'STORE-A', network_node_id: 'BRSP01', quantity: 8 }] }],
    );
    assert.equal((await ml.view(item.id)).stock, 8);
    const read = await mercadoLivre.readListing(ctx, { externalId: item.id, sku: 'MO' });
    assert.equal(read.qty, 8);
  });

  test('several warehouses: the connection’s one changes, the others keep their stock; none named is refused', async () => {
    await seller(['warehouse_management'], ['STORE-A', 'STORE-B']);
    const item = await ml.listing({
      sku: 'MO2',
      price: 10,
      available_quantity: 9,
      stock_locations: { 'STORE-A': 4, 'STORE-B': 5 },
    });
    const upId = (await ml.view(item.id)).native.user_product_id ?? '';
    const connected = await ml.connect();
    const error = (await mercadoLivre.pushStock(connected, [stock(item.id, 'MO2', 1)]))[0];
    assert.ok(error !== undefined && !error.ok);
    assert.deepEqual([error.error.failure, error.error.code], ['permanent', 'ml.store_required']);
    assert.match(error.error.marketplaceMessage, /STORE-A, STORE-B/);

    const ctx = withStore(connected, 'STORE-B');
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item.id, 'MO2', 11)]);
    assert.equal(outcome?.ok, true, JSON.stringify(outcome));
    assert.deepEqual(await warehouses(upId, ctx), { 'STORE-A': 4, 'STORE-B': 11 });
    assert.equal((await ml.view(item.id)).stock, 15, 'the item shows every warehouse');
    assert.equal((await mercadoLivre.readListing(ctx, { externalId: item.id, sku: 'MO2' })).qty, 11);
  });

  test('a 409 Version mismatch is read again and retried; a writer that keeps winning is transient', async () => {
    await seller(['warehouse_management'], ['STORE-A']);
    const item = await ml.listing({ sku: 'MO3', price: 10, available_quantity: 5 });
    const ctx = await ml.connect();
    await ml.control('PATCH', '/mercadolivre/settings', { concurrent_stock_writes: 1 });
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item.id, 'MO3', 2)]);
    assert.equal(outcome?.ok, true, JSON.stringify(outcome));
    assert.deepEqual(
      (await ml.writes('user_products.stock_put')).map((entry) => entry.status),
      [409, 200],
    );
    assert.equal((await ml.view(item.id)).stock, 2);

    await ml.control('PATCH', '/mercadolivre/settings', { concurrent_stock_writes: 10 });
    const [lost] = await mercadoLivre.pushStock(ctx, [stock(item.id, 'MO3', 7)]);
    assert.ok(lost !== undefined && !lost.ok);
    assert.deepEqual([lost.error.failure, lost.error.code], ['transient', 'ml.version_mismatch']);
    assert.equal((await ml.view(item.id)).stock, 2, 'nothing was written over the other writer');
  });

  test('publishing creates the item at /items/multiwarehouse with the stock in the warehouse', async () => {
    await seller(['warehouse_management'], ['STORE-A']);
    const ctx = await ml.connect();
    const result = await mercadoLivre.publish(ctx, {
      ...TEE,
      sku: 'MUG',
      name: 'Caneca',
      variations: [],
      qty: 6,
    });
    const view = await ml.view(result.ref.externalId);
    assert.equal(view.stock, 6);
    const [created] = await ml.writes('items.create');
    const body = (created?.body ?? {}) as { stock_locations?: unknown; available_quantity?: number };
    assert.deepEqual(body.stock_locations, [{ store_id: 'STORE-A', quantity: 6 }]);
    assert.equal(body.available_quantity, undefined);
  });
});

describe('M2: a User Products seller publishes one item per variation', () => {
  test('each variation is an item with family_name and no title; each gets its own listing', async () => {
    await seller(['user_product_seller']);
    const ctx = await ml.connect();
    const result = await mercadoLivre.publish(ctx, TEE);
    assert.equal(result.status, 'active');
    const small = result.variations?.['TEE-P'];
    const medium = result.variations?.['TEE-M'];
    assert.ok(small && medium && small.externalId !== medium.externalId, JSON.stringify(result));
    assert.equal(small.externalVariationId, undefined);
    const bodies = (await ml.writes('items.create')).map((entry) => entry.body as Record<string, unknown>);
    assert.equal(bodies.length, 2);
    for (const body of bodies) {
      assert.equal(body.family_name, 'Camiseta básica');
      assert.equal(body.title, undefined);
      assert.equal(body.variations, undefined);
    }
    assert.deepEqual(bodies[1]?.attributes, [
      { id: 'SELLER_SKU', value_name: 'TEE-M' },
      { id: 'BRAND', value_name: 'Cais' },
      { id: 'SIZE', value_name: 'M' },
    ]);
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(medium.externalId, 'TEE-M', 9)]);
    assert.equal(outcome?.ok, true);
    const view = await ml.view(medium.externalId);
    assert.deepEqual([view.sku, view.stock, view.price], ['TEE-M', 9, 41.9]);
  });

  test('publishing again takes the family’s items over instead of creating them twice', async () => {
    await seller(['user_product_seller']);
    const ctx = await ml.connect();
    const first = await mercadoLivre.publish(ctx, TEE);
    const again = await mercadoLivre.publish(ctx, TEE);
    assert.deepEqual(again.variations, first.variations);
    assert.equal((await ml.writes('items.create')).length, 2);
  });
});

describe('M5: variation attributes are the category’s attribute ids', () => {
  test('the ERP’s names are mapped by id or ML’s name, ignoring case and accents', async () => {
    const ctx = await ml.connect();
    const result = await mercadoLivre.publish(ctx, TEE);
    const [created] = await ml.writes('items.create');
    const { variations = [] } = (created?.body ?? {}) as {
      variations?: { attribute_combinations: unknown }[];
    };
    assert.deepEqual(
      variations.map((variation) => variation.attribute_combinations),
      [[{ id: 'SIZE', value_name: 'P' }], [{ id: 'SIZE', value_name: 'M' }]],
    );
    assert.deepEqual(Object.keys(result.variations ?? {}).sort(), ['TEE-M', 'TEE-P']);
  });

  test('an attribute the category does not vary on is refused before any item is created', async () => {
    const ctx = await ml.connect();
    const product = {
      ...TEE,
      variations: [{ sku: 'TEE-X', qty: 1, price: 39.9, ean: null, attributes: { Estampa: 'Listrada' } }],
    };
    await assert.rejects(mercadoLivre.publish(ctx, product), (error: Error) => {
      assert.equal(Reflect.get(error, 'failure'), 'permanent');
      assert.equal(Reflect.get(error, 'code'), 'ml.variation_attribute_unknown');
      assert.equal(
        Reflect.get(error, 'marketplaceMessage'),
        'Variation attribute "Estampa" is not a variation attribute of Mercado Livre category MLB31447; it takes COLOR (Cor), SIZE (Tamanho)',
      );
      return true;
    });
    assert.deepEqual(await ml.writes('items.create'), []);
  });
});
