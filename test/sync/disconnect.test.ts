/**
 * Disconnecting a product with variations takes every variation off sale where the marketplace
 * keeps each one apart (Magalu: a SKU per variation, G3), not only the group's own address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectMagalu } from '../orders/helpers.ts';
import { createWorld, type World } from './world.ts';

let world: World;
let magaluId: number;
before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 0 } } });
  magaluId = await connectMagalu(world);
});
after(() => world.close());

describe('disconnecting a product with variations', () => {
  it('takes each Magalu SKU of the group off sale', async () => {
    const created = await world.api('POST', '/products', {
      product: {
        sku: 'DV',
        name: 'Camiseta',
        description: 'Algodão',
        brand: 'Cais',
        price: 39.9,
        qty: 0,
        variations: [
          { sku: 'DV-P', qty: 2, price: 39.9, specifications: [{ key: 'Tamanho', value: 'P' }] },
          { sku: 'DV-M', qty: 3, price: 39.9, specifications: [{ key: 'Tamanho', value: 'M' }] },
        ],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const connected = await world.api('POST', `/products/DV/listings/${magaluId}`);
    assert.equal(connected.status, 201);
    const flags = connected.body.listings
      .filter((listing: { connection_id: number }) => listing.connection_id === magaluId)
      .map((listing: { sku: string; flag: string }) => [listing.sku, listing.flag]);
    assert.deepEqual(flags.sort(), [
      ['DV', 'green'],
      ['DV-M', 'green'],
      ['DV-P', 'green'],
    ]);

    const removed = await world.api('DELETE', `/products/DV/listings/${magaluId}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    for (const sku of ['DV-P', 'DV-M']) {
      const view = await world.control('GET', `/magalu/listings/${sku}`);
      assert.equal(view.status, 'inactive', `${sku} is off sale`);
    }
    const hints = removed.body.listings.map((listing: { hint: string | null }) => listing.hint);
    assert.ok(
      hints.every((hint: string | null) => hint === null),
      JSON.stringify(hints),
    );
  });
});
