/** A `catalog` run publishes listings whose first publication failed for a passing reason. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCatalog } from '../../src/sync/catalog-run.ts';
import { createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

describe('catalog runs', () => {
  it('retries a publication that failed with a 5xx and turns the flag green', async () => {
    await world.api('POST', '/products', { product: { sku: 'CAT-1', name: 'Catálogo', qty: 3, price: 20 } });
    await world.control('PUT', '/mercadolivre/faults/items.create', { error_rate: 1, error_status: 503 });
    const first = await world.api('POST', `/products/CAT-1/listings/${world.connectionId}`);
    await world.control('DELETE', '/mercadolivre/faults/items.create');
    assert.equal(
      first.body.listings[0].flag,
      'yellow',
      'a passing failure leaves the listing pending, not red',
    );

    await runCatalog(world.runner, { connectionId: world.connectionId, trigger: 'manual' });
    const flags = await world.api('GET', '/products/CAT-1/listings');
    assert.equal(flags.body.listings[0].flag, 'green');
    assert.equal((await world.listing('CAT-1')).stock, 3);
    const runs = await world.api('GET', `/sync/runs?connection_id=${world.connectionId}&resource=catalog`);
    assert.equal(runs.body.runs[0].status, 'succeeded');
    assert.equal(runs.body.runs[0].sent, 1);
  });
});
