/**
 * Magalu accepts writes with 202 and applies them later: Cais reads the listing back after the
 * run, confirms what it finds, and owes the send again when the marketplace shows something else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSync } from '../../src/sync/runner.ts';
import { createWorld, type World } from './world.ts';

let world: World;
let magaluId: number;
before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 50 } } });
  const created = await world.api('POST', '/connections', {
    connection: {
      channel: 'magalu',
      name: 'Magalu',
      base_url: world.sim.baseUrl('magalu'),
      client_id: 'magalu-sim-client',
      client_secret: 'magalu-sim-secret',
    },
  });
  const consent = await fetch(created.body.authorize_url, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  const callback = await world.t.app.inject({
    method: 'GET',
    url: `/oauth/callback${back.search}`,
    headers: { accept: 'application/json' },
  });
  assert.equal(JSON.parse(callback.body).connection.status, 'active');
  magaluId = created.body.connection.id;
});
after(() => world.close());

const run = (limits = {}) =>
  runSync(
    { ...world.runner, limits: { ...world.runner.limits, confirmAfterMs: 300, ...limits } },
    { connectionId: magaluId, resource: 'stock', trigger: 'manual' },
  );

async function magaluStock(sku: string): Promise<number> {
  const found = await world.control('GET', `/magalu/listings?sku=${sku}`);
  const list = Array.isArray(found) ? found : (found.listings ?? found.results);
  return list[0].stock;
}

describe('read-back confirmation', () => {
  it('confirms an accepted write once the marketplace shows it', async () => {
    await world.control('POST', '/magalu/listings', { sku: 'MG-1', price: 1990, stock: 1 });
    await world.api('POST', '/products', { product: { sku: 'MG-1', name: 'x', qty: 4, price: 19.9 } });
    const connected = await world.api('POST', `/products/MG-1/listings/${magaluId}`);
    assert.equal(connected.body.listings[0].flag, 'green', JSON.stringify(connected.body));
    const result = await run();
    assert.equal(result.counts.sent, 1);
    assert.equal(result.counts.confirmed, 1, 'read back after the 202');
    assert.equal(await magaluStock('MG-1'), 4);
    const explain = await world.api('GET', '/products/MG-1/sync_status');
    const mine = explain.body.listings.find(
      (l: { connection: { id: number } }) => l.connection.id === magaluId,
    );
    assert.ok(mine.stock.last_sent.confirmed_at, 'the explain answer shows it confirmed');
  });

  it('owes the send again when the marketplace shows something else after accepting it', async () => {
    await world.control('POST', '/magalu/listings', { sku: 'MG-2', price: 1990, stock: 1 });
    await world.api('POST', '/products', { product: { sku: 'MG-2', name: 'x', qty: 6, price: 19.9 } });
    await world.api('POST', `/products/MG-2/listings/${magaluId}`);
    const running = run({ confirmAfterMs: 600 });
    // After Cais's write is applied, an edit on the marketplace's side overwrites it.
    await new Promise((r) => setTimeout(r, 350));
    const listing = await world.control('GET', '/magalu/listings?sku=MG-2');
    const id = (Array.isArray(listing) ? listing : (listing.listings ?? listing.results))[0].id;
    await world.control('PATCH', `/magalu/listings/${id}`, { stock: 99 });
    const result = await running;
    assert.match(result.status === 'succeeded' ? '' : result.status, /^$/);
    const explain = await world.api('GET', '/products/MG-2/sync_status');
    const mine = explain.body.listings.find(
      (l: { connection: { id: number } }) => l.connection.id === magaluId,
    );
    assert.equal(mine.stock.pending, true, 'drift makes the listing owe the send again');
    await run();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await magaluStock('MG-2'), 6, 'the next run puts the ERP value back');
  });
});
