/** The console's read models over the API: the Painel per connection, and flags for a page of SKUs. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

describe('GET /dashboard', () => {
  it('shows what is pending, since when, and what waits for a schedule', async () => {
    await connectedProduct(world, 'DASH-1', 3);
    await connectedProduct(world, 'DASH-2', 3);
    const before = Date.now();
    await world.api('PUT', '/products/DASH-1', { product: { qty: 4 } });
    const res = await world.api('GET', '/dashboard');
    assert.equal(res.status, 200);
    const [c] = res.body.connections;
    assert.equal(c.connection.id, world.connectionId);
    assert.equal(c.connection.status, 'active');
    assert.equal(c.listings.green, 2);
    // Connecting makes both owe their first send; the change to DASH-1 is the newest.
    assert.equal(c.pending.stock.count, 2);
    assert.equal(c.pending.price.count, 2);
    assert.ok(Date.parse(c.pending.stock.since) <= before + 1000);
    assert.equal(c.schedule.stock, null);
    assert.equal(c.last_runs.stock, null);
    assert.equal(c.open_errors, 0);
  });

  it('shows the schedule and the last run once a schedule has run', async () => {
    const created = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '15m' },
    });
    const res = await world.api('GET', '/dashboard');
    const [c] = res.body.connections;
    assert.equal(c.schedule.stock.every, '15m');
    assert.ok(c.schedule.stock.next_run_at);
    assert.equal(c.schedule.price, null);
    await world.api('POST', '/products/DASH-1/sync');
    const after = (await world.api('GET', '/dashboard')).body.connections[0];
    assert.equal(after.last_runs.stock.trigger, 'manual');
    assert.equal(after.pending.stock.count, 1, 'DASH-2 still waits');
    await world.api('DELETE', `/sync/schedules/${created.body.schedule.id}`);
  });
});

describe('GET /listings', () => {
  it('answers the flags of the SKUs asked for, on every connection', async () => {
    await world.api('POST', '/products', { product: { sku: 'GREY-1', name: 'Solto', qty: 1, price: 5 } });
    const res = await world.api('GET', '/listings?sku=DASH-1&sku=GREY-1&sku=NOPE');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.listings.map((l: { sku: string; flag: string }) => [l.sku, l.flag]),
      [['DASH-1', 'green']],
    );
    const one = await world.api('GET', '/listings?sku=DASH-2');
    assert.equal(one.body.listings[0].connection_id, world.connectionId);
    const tooMany = Array.from({ length: 101 }, (_, i) => `sku=S${i}`).join('&');
    assert.equal((await world.api('GET', `/listings?${tooMany}`)).status, 400);
  });
});
