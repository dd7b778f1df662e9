/**
 * Reservations end to end: an order on Magalu lowers the stock Cais sends to Mercado Livre
 * before the ERP reacts; the ERP's first stock push after acknowledging the order ends the
 * reservation; a cancellation gives the units back; the account setting turns it off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orderReservations } from '../../src/orders/reservations.ts';
import { runSync } from '../../src/sync/runner.ts';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';
import { connectMagalu, connectTo, importOrders } from './helpers.ts';

let world: World;
let magaluId: number;
before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 0 } } });
  magaluId = await connectMagalu(world);
});
after(() => world.close());

/** A stock run to Mercado Livre, with reservations, as the worker runs it. */
async function syncMercadoLivreStock() {
  const run = await runSync(
    { ...world.runner, reservations: orderReservations },
    { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' },
  );
  assert.notEqual(run.status, 'failed', JSON.stringify(run.failures));
  return run;
}

async function buyOnMagalu(sku: string, quantity: number): Promise<{ id: string; code: string }> {
  return world.control('POST', '/magalu/orders', { items: [{ sku, quantity }] });
}

async function explainMl(sku: string) {
  const explain = await world.api('GET', `/products/${sku}/sync_status`);
  return explain.body.listings.find(
    (l: { connection: { id: number } }) => l.connection.id === world.connectionId,
  ).stock;
}

describe('order reservations', () => {
  it('an order on Magalu lowers the stock sent to Mercado Livre at once; the ERP’s next push ends it', async () => {
    await connectedProduct(world, 'RES-1', 10);
    await connectTo(world, 'RES-1', magaluId);
    await syncMercadoLivreStock();
    assert.equal((await world.listing('RES-1')).stock, 10);

    const bought = await buyOnMagalu('RES-1', 3);
    const imported = await importOrders(world, {}, magaluId);
    assert.equal(imported.counts.created, 1);
    const code = `Magalu-${bought.code}`;

    const owed = await explainMl('RES-1');
    assert.equal(owed.pending, true, 'the Mercado Livre listing owes a send at once');
    assert.equal(owed.reserved, 3);
    assert.equal(owed.effective_value, 7);
    await syncMercadoLivreStock();
    assert.equal((await world.listing('RES-1')).stock, 7, 'Mercado Livre shows 7 before the ERP reacts');

    // The ERP pushes stock before it has taken the order: the reservation holds.
    await world.api('PUT', '/products/RES-1', { product: { qty: 12 } });
    assert.equal((await explainMl('RES-1')).effective_value, 9);

    // It takes the order from the queue, then pushes its new count: the reservation ends.
    const queued = await world.api('GET', '/queues/orders');
    assert.equal(queued.body.code, code);
    await world.api('DELETE', `/queues/orders/${encodeURIComponent(code)}`);
    assert.equal((await explainMl('RES-1')).reserved, 3, 'acknowledging alone does not end it');
    await world.api('PUT', '/products/RES-1', { product: { qty: 9 } });
    const ended = await explainMl('RES-1');
    assert.equal(ended.reserved, 0);
    assert.equal(ended.effective_value, 9);
    await syncMercadoLivreStock();
    assert.equal((await world.listing('RES-1')).stock, 9);
    const order = await world.api('GET', `/orders/${encodeURIComponent(code)}`);
    assert.deepEqual(
      order.body.cais.reservations.map((r: { sku: string; qty: number; status: string }) => [
        r.sku,
        r.qty,
        r.status,
      ]),
      [['RES-1', 3, 'ended']],
    );
  });

  it('a cancelled order gives its units back', async () => {
    await connectedProduct(world, 'RES-2', 10);
    await connectTo(world, 'RES-2', magaluId);
    const bought = await buyOnMagalu('RES-2', 4);
    await importOrders(world, {}, magaluId);
    await syncMercadoLivreStock();
    assert.equal((await world.listing('RES-2')).stock, 6);
    await world.control('POST', `/magalu/orders/${bought.id}/status`, { status: 'cancelled' });
    const imported = await importOrders(world, {}, magaluId);
    assert.ok(imported.counts.statusChanged >= 1);
    const stock = await explainMl('RES-2');
    assert.equal(stock.reserved, 0);
    assert.equal(stock.pending, true);
    await syncMercadoLivreStock();
    assert.equal((await world.listing('RES-2')).stock, 10);
    const order = await world.api('GET', `/orders/${encodeURIComponent(`Magalu-${bought.code}`)}`);
    assert.equal(order.body.status.code, 'order_canceled');
  });

  it('the account can turn reservations off (and on again)', async () => {
    await connectedProduct(world, 'RES-3', 10);
    await connectTo(world, 'RES-3', magaluId);
    await buyOnMagalu('RES-3', 2);
    await importOrders(world, {}, magaluId);
    assert.equal((await explainMl('RES-3')).effective_value, 8);
    const off = await world.api('PUT', '/settings/orders', { reservations: false });
    assert.equal(off.body.reservations, false);
    const stock = await explainMl('RES-3');
    assert.equal(stock.effective_value, 10);
    assert.equal(stock.pending, true, 'the listings owe the new value');
    await world.api('PUT', '/settings/orders', { reservations: true });
    assert.equal((await explainMl('RES-3')).effective_value, 8);
  });
});
