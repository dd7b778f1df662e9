/** Manual sync of one product, and rules with their preview (DESIGN §3.6, §3.11). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSync } from '../../src/sync/runner.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

describe('manual sync', () => {
  it("delivers the product's stock and price now, without any schedule, and says what happened", async () => {
    await connectedProduct(world, 'MAN-1', 2, 20);
    await world.api('PUT', '/products/MAN-1', { product: { qty: 12, price: 25.5 } });
    const res = await world.api('POST', '/products/MAN-1/sync');
    assert.equal(res.status, 200);
    const outcomes = res.body.results.map(
      (r: { resource: string; outcome: string }) => `${r.resource}:${r.outcome}`,
    );
    assert.deepEqual(outcomes.sort(), ['price:sent', 'stock:sent']);
    const live = await world.listing('MAN-1');
    assert.equal(live.stock, 12);
    assert.equal(live.price, 25.5);
  });

  it('reports a marketplace failure per listing', async () => {
    await connectedProduct(world, 'MAN-2', 2, 20);
    await world.control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 500 });
    try {
      const res = await world.api('POST', '/products/MAN-2/sync');
      const stock = res.body.results.find((r: { resource: string }) => r.resource === 'stock');
      assert.equal(stock.outcome, 'failed');
      assert.ok(stock.error.message.length > 0);
    } finally {
      await world.control('DELETE', '/mercadolivre/faults/items.update');
    }
  });

  it('refuses a product that is not connected, and an unknown SKU', async () => {
    await world.api('POST', '/products', { product: { sku: 'MAN-3', name: 'x', qty: 1, price: 1 } });
    const notConnected = await world.api('POST', '/products/MAN-3/sync');
    assert.equal(notConnected.status, 422);
    assert.match(notConnected.body.error, /no connected \(green\) listing/);
    assert.equal((await world.api('POST', '/products/NOPE-404/sync')).status, 404);
  });

  it('is rate-limited per account with a clear 429', async () => {
    await connectedProduct(world, 'MAN-4', 1, 10);
    let limited: { status: number; body: { error: string } } | undefined;
    for (let i = 0; i < 15 && !limited; i++) {
      const res = await world.api('POST', '/products/MAN-4/sync');
      if (res.status === 429) limited = res;
    }
    assert.ok(limited, 'a burst of manual syncs is limited');
    assert.match(limited.body.error, /manual sync is limited/);
  });
});

describe('rules', () => {
  it('previews without changing anything, then applies on save and makes listings owe a send', async () => {
    await connectedProduct(world, 'RULE-1', 10, 100);
    await runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
    await runSync(world.runner, { connectionId: world.connectionId, resource: 'price', trigger: 'manual' });
    const rules = { stock: { buffer_units: 2, max_qty: 5 }, price: { markup_percent: 10, rounding: '0.90' } };
    const preview = await world.api('POST', `/connections/${world.connectionId}/rules/preview`, {
      rules,
      skus: ['RULE-1'],
    });
    assert.equal(preview.status, 200);
    const row = preview.body.listings[0];
    assert.equal(row.proposed.qty, 5);
    assert.equal(row.proposed.price, 110.9);
    assert.equal(row.live.qty, 10);
    assert.equal(row.changes.qty, true);
    assert.equal((await world.listing('RULE-1')).stock, 10, 'a preview changes nothing');

    const saved = await world.api('PUT', `/connections/${world.connectionId}/rules`, { rules });
    assert.equal(saved.status, 200);
    assert.ok(saved.body.listings_owing_send >= 1);
    await runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
    await runSync(world.runner, { connectionId: world.connectionId, resource: 'price', trigger: 'manual' });
    const live = await world.listing('RULE-1');
    assert.equal(live.stock, 5);
    assert.equal(live.price, 110.9);
    const explain = await world.api('GET', '/products/RULE-1/sync_status');
    assert.equal(explain.body.listings[0].stock.effective_value, 5);
    assert.equal(explain.body.listings[0].stock.erp_value, 10);
    await world.api('PUT', `/connections/${world.connectionId}/rules`, { rules: {} });
  });

  it('refuses malformed rules with the field named', async () => {
    const res = await world.api('PUT', `/connections/${world.connectionId}/rules`, {
      rules: { stock: { buffer_units: -1 } },
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error, /rules\.stock\.buffer_units/);
  });
});
