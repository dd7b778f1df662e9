/**
 * DESIGN §3 as tests against the simulator (Mercado Livre): what is relayed, when, and never
 * anything older after something newer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSync } from '../../src/sync/runner.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

const runStock = () =>
  runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
const runPrice = () =>
  runSync(world.runner, { connectionId: world.connectionId, resource: 'price', trigger: 'manual' });

describe('connecting', () => {
  it('publishes the product with its current values and shows a green flag', async () => {
    const listing = await connectedProduct(world, 'CONN-1', 7, 45.5);
    const live = await world.listing('CONN-1');
    assert.equal(live.id, listing.external_id);
    assert.equal(live.stock, 7);
    assert.equal(live.price, 45.5);
    const flags = await world.api('GET', '/products/CONN-1/listings');
    assert.equal(flags.body.listings[0].flag, 'green');
  });

  it('refuses to connect an unknown SKU or a connection of nobody', async () => {
    assert.equal((await world.api('POST', `/products/NOPE/listings/${world.connectionId}`)).status, 404);
    await world.api('POST', '/products', { product: { sku: 'CONN-2', name: 'x', qty: 1, price: 1 } });
    const res = await world.api('POST', '/products/CONN-2/listings/999999');
    assert.equal(res.status, 404);
    assert.match(res.body.error, /connection 999999 not found/);
  });

  it('never returns marketplace tokens', async () => {
    const res = await world.api('GET', `/connections/${world.connectionId}`);
    const text = JSON.stringify(res.body);
    assert.doesNotMatch(text, /APP_USR|TG-|secret/i);
  });
});

describe('relaying stock', () => {
  it('sends only the latest of many updates, once (coalescing)', async () => {
    const { external_id } = await connectedProduct(world, 'COAL-1', 1);
    await runStock(); // delivers what connecting left owed
    const before = (await world.writes(external_id)).length;
    for (let qty = 2; qty <= 11; qty++) await world.api('PUT', '/products/COAL-1', { product: { qty } });
    const result = await runStock();
    const writes = (await world.writes(external_id)).slice(before);
    assert.equal(writes.length, 1, 'one write for ten changes');
    assert.equal(writes[0]!.body.available_quantity, 11);
    assert.equal((await world.listing('COAL-1')).stock, 11);
    assert.equal(result.counts.sent, 1);
  });

  it('sends nothing when nothing changed', async () => {
    const { external_id } = await connectedProduct(world, 'IDLE-1', 3);
    await runStock();
    const before = (await world.writes(external_id)).length;
    await world.api('PUT', '/products/IDLE-1', { product: { qty: 3 } }); // the same value again
    const result = await runStock();
    assert.equal((await world.writes(external_id)).length, before);
    assert.equal(result.counts.considered, 0);
  });

  it('never marks an older value delivered when the product changed during the send', async () => {
    const { external_id } = await connectedProduct(world, 'RACE-1', 5);
    await runStock();
    await world.control('PUT', '/mercadolivre/faults/items.update', { latency_ms: 300 });
    try {
      await world.api('PUT', '/products/RACE-1', { product: { qty: 6 } });
      const running = runStock();
      await new Promise((r) => setTimeout(r, 100)); // the send of 6 is in flight
      await world.api('PUT', '/products/RACE-1', { product: { qty: 9 } });
      const run = await running;
      // The run read 6 at seq s and marked only s delivered; the 9 moved the seq on, so the same
      // run's next pass found it owed and sent it too.
      assert.equal(run.counts.sent, 2);
      const status = await world.api('GET', '/products/RACE-1/sync_status');
      assert.equal(status.body.listings[0].stock.pending, false);
      assert.equal(status.body.listings[0].stock.last_sent.value, 9);
    } finally {
      await world.control('DELETE', '/mercadolivre/faults/items.update');
    }
    assert.equal((await world.listing('RACE-1')).stock, 9);
    const sent = (await world.writes(external_id))
      .map((w) => w.body.available_quantity)
      .filter((q) => q !== undefined);
    assert.deepEqual(sent.slice(-2), [6, 9], 'the older value went first, the newer last');
  });

  it('sends price separately, only when the price run fires', async () => {
    await connectedProduct(world, 'PRICE-1', 2, 10);
    await runStock();
    await runPrice();
    await world.api('PUT', '/products/PRICE-1', { product: { price: 12.5 } });
    await runStock();
    assert.equal((await world.listing('PRICE-1')).price, 10, 'a stock run does not carry price');
    await runPrice();
    assert.equal((await world.listing('PRICE-1')).price, 12.5);
  });

  it('does not send to a listing that is not green', async () => {
    const { external_id } = await connectedProduct(world, 'GREY-1', 4);
    await runStock();
    const disconnected = await world.api('DELETE', `/products/GREY-1/listings/${world.connectionId}`);
    assert.equal(disconnected.body.listings[0].flag, 'grey');
    assert.equal((await world.listing('GREY-1')).status, 'paused');
    const before = (await world.writes(external_id)).length;
    await world.api('PUT', '/products/GREY-1', { product: { qty: 40 } });
    await runStock();
    const afterWrites = (await world.writes(external_id)).slice(before);
    assert.equal(afterWrites.filter((w) => w.body.available_quantity !== undefined).length, 0);
    const status = await world.api('GET', '/products/GREY-1/sync_status');
    assert.equal(status.body.listings[0].stock.waiting_for.code, 'not_connected');
  });
});

describe('failures', () => {
  it('keeps a value owed through 5xx, records a transient error, and resolves it on success', async () => {
    await connectedProduct(world, 'FAIL-1', 1);
    await runStock();
    await world.api('PUT', '/products/FAIL-1', { product: { qty: 8 } });
    await world.control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
    // A backoff longer than the run, so the run ends with the value still owed.
    const slowRetry = { ...world.runner, limits: { retryBaseMs: 300, retryMaxMs: 300 } };
    const failed = await runSync(slowRetry, {
      connectionId: world.connectionId,
      resource: 'stock',
      trigger: 'manual',
    });
    await world.control('DELETE', '/mercadolivre/faults/items.update');
    assert.equal(failed.counts.failed, 1);
    const errors = await world.api('GET', '/sync_errors/products?error_category_code=stock_sync');
    const mine = errors.body.errors.find((e: { entity_id: string }) => e.entity_id === 'FAIL-1');
    assert.equal(mine.transient, true);
    assert.equal(
      (await world.api('GET', '/products/FAIL-1/sync_status')).body.listings[0].stock.pending,
      true,
    );
    await new Promise((r) => setTimeout(r, 350)); // past the backoff
    await runStock();
    assert.equal((await world.listing('FAIL-1')).stock, 8);
    const categories = await world.api('GET', '/sync_errors/categories');
    const stock = categories.body.find((c: { code: string }) => c.code === 'stock_sync');
    assert.ok(
      stock.error_types.some((t: { code: string }) => t.code === mine.error_code),
      'the code seen is listed',
    );
    assert.ok(
      categories.body.some((c: { entity_type: string }) => c.entity_type === 'orders'),
      'order categories too',
    );
    const after = await world.api('GET', '/sync_errors/products?error_category_code=stock_sync');
    assert.equal(
      after.body.errors.some((e: { entity_id: string }) => e.entity_id === 'FAIL-1'),
      false,
    );
  });

  it('pauses the connection when its authorisation is revoked, with one error for the connection', async () => {
    const local = await createWorld();
    try {
      await connectedProduct(local, 'AUTH-1', 1);
      await connectedProduct(local, 'AUTH-2', 1);
      await runSync(local.runner, { connectionId: local.connectionId, resource: 'stock', trigger: 'manual' });
      await local.control('POST', '/mercadolivre/revocations', { user_id: 100000001 });
      await local.api('PUT', '/stocks', [
        { sku: 'AUTH-1', qty: 5 },
        { sku: 'AUTH-2', qty: 6 },
      ]);
      const run = await runSync(local.runner, {
        connectionId: local.connectionId,
        resource: 'stock',
        trigger: 'manual',
      });
      assert.equal(run.status, 'paused');
      const connection = await local.api('GET', `/connections/${local.connectionId}`);
      assert.equal(connection.body.connection.status, 'auth_failed');
      const errors = await local.api('GET', '/sync_errors/products?error_category_code=connection');
      assert.equal(errors.body.errors.length, 1);
      const explain = await local.api('GET', '/products/AUTH-1/sync_status');
      assert.equal(explain.body.listings[0].stock.waiting_for.code, 'connection_auth_failed');
      assert.equal(explain.body.listings[0].stock.pending, true, 'nothing is dropped while paused');
    } finally {
      await local.close();
    }
  });

  it('stops sending once the marketplace refuses the authorisation: no batch starts after the one that met it', async () => {
    const local = await createWorld();
    try {
      const skus = Array.from({ length: 12 }, (_, i) => `AUTHB-${i + 1}`);
      for (const sku of skus) await connectedProduct(local, sku, 1);
      await runSync(local.runner, { connectionId: local.connectionId, resource: 'stock', trigger: 'manual' });
      await local.control('POST', '/mercadolivre/revocations', { user_id: 100000001 });
      await local.api(
        'PUT',
        '/stocks',
        skus.map((sku) => ({ sku, qty: 7 })),
      );
      // Batches of 2, two sending at once: what was refused is at most the first two batches.
      const run = await runSync(
        { ...local.runner, limits: { ...local.runner.limits, batchSize: 2 } },
        { connectionId: local.connectionId, resource: 'stock', trigger: 'manual' },
      );
      assert.equal(run.status, 'paused');
      // Each batch the run took is counted as considered: two, not the third that would have
      // started when the first finished sending.
      assert.equal(run.counts.considered, 4);
      assert.equal(run.counts.sent, 0);
      for (const sku of skus) {
        const explain = await local.api('GET', `/products/${sku}/sync_status`);
        assert.equal(explain.body.listings[0].stock.pending, true, `${sku} is still owed`);
      }
    } finally {
      await local.close();
    }
  });
});
