/**
 * Status back to the marketplace (simulated Mercado Livre): the ERP's invoice reaches the
 * shipment, a transient failure is retried, a refusal becomes an order sync error shown on the
 * order, one order's relays keep their order; and marketplace changes re-queue the order
 * without ever moving it backwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';
import { buyOnMercadoLivre, importOrders, nfeKey, nfeXml, relayNow } from './helpers.ts';

let world: World;
let itemId: string;
before(async () => {
  world = await createWorld();
  itemId = (await connectedProduct(world, 'REL-1', 1000, 80)).external_id;
});
after(() => world.close());

const path = (code: string, action = '') =>
  `/orders/${encodeURIComponent(code)}${action ? `/${action}` : ''}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An order bought on ML and imported into Cais; answers its SkyHub code and ML id. */
async function importedOrder(): Promise<{ code: string; id: number }> {
  const bought = await buyOnMercadoLivre(world, [{ item_id: itemId, quantity: 1 }]);
  await importOrders(world);
  return { code: `Mercado Livre-${bought.id}`, id: bought.id };
}

async function relays(code: string) {
  return world.t.db.query<{ status: string; attempts: number; transition: { kind: string } }>(
    `SELECT r.status, r.attempts, r.transition FROM order_relays r JOIN orders o ON o.id = r.order_id
      WHERE o.code = $1 ORDER BY r.id`,
    [code],
  );
}

describe('relaying the ERP’s status to Mercado Livre', () => {
  it('delivers the invoice to the shipment, where the simulator shows it', async () => {
    const { code, id } = await importedOrder();
    const key = nfeKey(code);
    const invoiced = await world.api('POST', path(code, 'invoice'), {
      status: 'order_invoiced',
      invoice: { key, xml: nfeXml(key) },
    });
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body));
    assert.deepEqual(
      (await relays(code)).map((r) => r.status),
      ['pending'],
    );
    const outcomes = await relayNow(world);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      ['succeeded'],
    );
    const { shipment } = await world.control('GET', `/mercadolivre/orders/${id}`);
    assert.equal(shipment.invoice.fiscal_key, key);
    assert.equal(shipment.substatus, 'ready_to_print');
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const { code, id } = await importedOrder();
    await world.control('PUT', '/mercadolivre/faults/shipments.invoice', {
      error_rate: 1,
      error_status: 503,
    });
    await world.api('POST', path(code, 'invoice'), {
      invoice: { key: nfeKey(`t-${code}`), xml: nfeXml(nfeKey(`t-${code}`)) },
    });
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['retrying'],
    );
    const [pending] = await relays(code);
    assert.equal(pending!.status, 'pending');
    assert.equal(pending!.attempts, 1);
    await world.control('DELETE', '/mercadolivre/faults');
    await sleep(120);
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['succeeded'],
    );
    const { shipment } = await world.control('GET', `/mercadolivre/orders/${id}`);
    assert.ok(shipment.invoice);
  });

  it('a refusal becomes an order sync error with the marketplace’s message, shown on the order', async () => {
    const { code } = await importedOrder();
    const cancelled = await world.api('POST', path(code, 'cancel'), { status: 'order_canceled' });
    assert.equal(cancelled.body.status.code, 'order_canceled', 'recorded in Cais at once');
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['failed'],
    );
    const order = (await world.api('GET', path(code))).body;
    assert.equal(order.cais.sync_errors.length, 1);
    const error = order.cais.sync_errors[0];
    assert.equal(error.error_category_code, 'sync_order_skyhub_to_mtkp');
    assert.equal(error.error_code, 'ml.order_status.unsupported');
    assert.match(error.message, /^cancel: Mercado Livre takes no cancel/);
    assert.match(error.hint, /Cancel the sale in Mercado Livre/);
    const listed = await world.api(
      'GET',
      '/sync_errors/orders?error_category_code=sync_order_skyhub_to_mtkp',
    );
    assert.ok(listed.body.errors.some((e: { entity_id: string }) => e.entity_id === code));
  });

  it('an invoice without the NF-e XML is refused up front, naming invoice.xml; nothing is stored', async () => {
    const { code } = await importedOrder();
    const res = await world.api('POST', path(code, 'invoice'), { invoice: { key: nfeKey(`x-${code}`) } });
    assert.equal(res.status, 422);
    assert.match(res.body.error, /^invoice\.xml: /);
    assert.deepEqual(await relays(code), []);
    assert.equal((await world.api('GET', path(code))).body.status.code, 'payment_received');
  });

  it('Mercado Envios: a shipment post is recorded, not relayed, and the answer says so', async () => {
    const { code } = await importedOrder();
    const key = nfeKey(`me-${code}`);
    await world.api('POST', path(code, 'invoice'), { invoice: { key, xml: nfeXml(key) } });
    const shipped = await world.api('POST', path(code, 'shipments'), {
      shipment: { items: [{ sku: 'REL-1', qty: 1 }], track: { code: 'ME1' } },
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    assert.equal(shipped.body.status.code, 'order_shipped');
    assert.equal(shipped.body.cais.relay.relayed, false);
    assert.equal(shipped.body.cais.relay.reason, 'marketplace_ships');
    assert.match(shipped.body.cais.relay.note_pt, /Mercado Envios/);
    assert.deepEqual(
      (await relays(code)).map((r) => r.transition.kind),
      ['invoice'],
    );
  });

  it('keeps one order’s relays in order: the cancellation waits for the invoice', async () => {
    const { code } = await importedOrder();
    await world.control('PUT', '/mercadolivre/faults/shipments.invoice', {
      error_rate: 1,
      error_status: 503,
    });
    await world.api('POST', path(code, 'invoice'), {
      invoice: { key: nfeKey(`o-${code}`), xml: nfeXml(nfeKey(`o-${code}`)) },
    });
    await world.api('POST', path(code, 'cancel'), { status: 'order_canceled' });
    await relayNow(world);
    assert.deepEqual(
      (await relays(code)).map((r) => [r.transition.kind, r.status, r.attempts]),
      [
        ['invoice', 'pending', 1],
        ['cancel', 'pending', 0],
      ],
    );
    await world.control('DELETE', '/mercadolivre/faults');
    await sleep(120);
    await relayNow(world);
    await relayNow(world);
    assert.deepEqual(
      (await relays(code)).map((r) => r.status),
      ['succeeded', 'failed'],
      'the invoice first; ML takes no cancellation from the seller',
    );
  });

  it('refuses to approve a marketplace order', async () => {
    const { code } = await importedOrder();
    const res = await world.api('POST', path(code, 'approval'), {});
    assert.equal(res.status, 422);
    assert.match(res.body.error, /approval comes from the marketplace/);
  });
});

describe('marketplace changes', () => {
  it('re-queue the order with its current status, never moving it backwards; a cancellation wins', async () => {
    const { code, id } = await importedOrder();
    const queued = await drainTo(code);
    assert.equal(queued.status.code, 'payment_received');
    await world.api('DELETE', `/queues/orders/${encodeURIComponent(code)}`);
    await world.api('POST', path(code, 'invoice'), {
      invoice: { key: nfeKey(`b-${code}`), xml: nfeXml(nfeKey(`b-${code}`)) },
    });
    // ML changes the order but still calls it paid-like: Cais keeps the ERP's INVOICED.
    await world.control('POST', `/mercadolivre/orders/${id}/status`, { status: 'partially_refunded' });
    await importOrders(world);
    const still = (await world.api('GET', path(code))).body;
    assert.equal(still.status.code, 'order_invoiced');
    assert.equal(still.cais.marketplace_status, 'partially_refunded');
    assert.equal(still.sync_status, 'SYNCED', 'no status change, nothing to hand out');
    await world.control('POST', `/mercadolivre/orders/${id}/status`, { status: 'cancelled' });
    await importOrders(world);
    const again = await drainTo(code);
    assert.equal(again.status.code, 'order_canceled');
    assert.equal(again.sync_status, 'NOT_SYNCED');
    const history = (await world.api('GET', path(code, 'history'))).body.history;
    assert.deepEqual(
      history.map((h: { status_code: string; source: string }) => `${h.source}:${h.status_code}`),
      ['marketplace:payment_received', 'erp:order_invoiced', 'marketplace:order_canceled'],
    );
  });
});

/** Takes orders off the queue (acknowledging the others) until `code` comes. */
async function drainTo(code: string) {
  for (;;) {
    const got = await world.api('GET', '/queues/orders');
    assert.equal(got.status, 200, `${code} never came out of the queue`);
    if (got.body.code === code) return got.body;
    await world.api('DELETE', `/queues/orders/${encodeURIComponent(got.body.code)}`);
  }
}

// Last in this file: it deletes the connection the other tests use.
describe('an order whose connection was deleted', () => {
  it('stays a marketplace order: no approval from the ERP, and actions are recorded, saying why not relayed', async () => {
    const { code } = await importedOrder();
    const deleted = await world.api('DELETE', `/connections/${world.connectionId}`);
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    const order = await world.api('GET', path(code));
    assert.equal(order.status, 200, 'the seller keeps the order');
    const approval = await world.api('POST', path(code, 'approval'), {});
    assert.equal(approval.status, 422, 'only test orders are approved by the ERP');
    assert.match(approval.body.error, /approval comes from the marketplace/);
    const key = nfeKey(`${code}-deleted`);
    const invoiced = await world.api('POST', path(code, 'invoice'), {
      status: 'order_invoiced',
      invoice: { key, xml: nfeXml(key) },
    });
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body));
    assert.equal(invoiced.body.cais.relay.relayed, false);
    assert.equal(invoiced.body.cais.relay.reason, 'connection_deleted');
    assert.match(invoiced.body.cais.relay.note, /connection that imported this order was deleted/);
    assert.deepEqual(await relays(code), [], 'nothing queued for a marketplace Cais no longer reaches');
  });
});
