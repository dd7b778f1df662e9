/**
 * Invoices that can always be completed, against simulated Magalu: one without the NF-e XML is
 * refused up front naming `invoice.xml`; with the XML it reaches Magalu's delivery; a relay that
 * failed is sent again when the ERP posts the invoice again, and then succeeds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { relayDue } from '../../src/orders/relay.ts';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';
import { connectMagalu, connectTo, importOrders, nfeKey, nfeXml, relayNow } from './helpers.ts';

let world: World;
let magaluId: number;
before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 0 } } });
  magaluId = await connectMagalu(world);
  await connectedProduct(world, 'INV-1', 50);
  // Magalu publishes no SKU without a description and a brand (fidelity G1).
  await world.api('PUT', '/products/INV-1', { product: { description: 'Produto de teste', brand: 'Cais' } });
  await connectTo(world, 'INV-1', magaluId);
});
after(() => world.close());

const path = (code: string, action: string) => `/orders/${encodeURIComponent(code)}/${action}`;

async function magaluOrder(): Promise<{ code: string; id: string }> {
  const bought = await world.control('POST', '/magalu/orders', { items: [{ sku: 'INV-1', quantity: 1 }] });
  await importOrders(world, {}, magaluId);
  return { code: `Magalu-${bought.code}`, id: bought.id };
}

async function invoicesAtMagalu(id: string): Promise<{ key: string }[]> {
  const order = await world.control('GET', `/magalu/orders/${id}`);
  return order.deliveries[0].invoices;
}

describe('invoices to Magalu', () => {
  it('without the NF-e XML: 422 naming invoice.xml, and nothing is stored or relayed', async () => {
    const { code } = await magaluOrder();
    const res = await world.api('POST', path(code, 'invoice'), { invoice: { key: nfeKey(code) } });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.match(res.body.error, /^invoice\.xml: Magalu needs the NF-e XML/);
    const order = (await world.api('GET', `/orders/${encodeURIComponent(code)}`)).body;
    assert.equal(order.status.code, 'payment_received');
    assert.deepEqual(order.invoices, []);
  });

  it('with the XML: accepted, relayed, and the invoice is on Magalu’s delivery', async () => {
    const { code, id } = await magaluOrder();
    const key = nfeKey(`ok-${code}`);
    const res = await world.api('POST', path(code, 'invoice'), { invoice: { key, xml: nfeXml(key) } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.cais.relay.relayed, true);
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['succeeded'],
    );
    assert.deepEqual(
      (await invoicesAtMagalu(id)).map((i) => i.key),
      [key],
    );
  });

  it('a relay that failed is sent again when the ERP posts the invoice again, and succeeds', async () => {
    const { code, id } = await magaluOrder();
    const key = nfeKey(`again-${code}`);
    await world.control('PUT', '/magalu/faults/deliveries.write', { error_rate: 1, error_status: 503 });
    await world.api('POST', path(code, 'invoice'), { invoice: { key, xml: nfeXml(key) } });
    // A relay still failing when its time is up (a day by default) ends as failed.
    const failed = await relayDue({
      db: world.t.db,
      cipher: world.runner.cipher,
      retry: { attempts: 1, baseMs: 5, maxMs: 20 },
      limits: { baseMs: 20, maxMs: 50, giveUpAfterMs: 0 },
    });
    assert.deepEqual(
      failed.map((o) => o.outcome),
      ['failed'],
    );
    const broken = (await world.api('GET', `/orders/${encodeURIComponent(code)}`)).body;
    assert.equal(broken.cais.sync_errors.length, 1);
    assert.match(broken.cais.sync_errors[0].hint, /post the status again/i);
    await world.control('DELETE', '/magalu/faults');

    const again = await world.api('POST', path(code, 'invoice'), { invoice: { key, xml: nfeXml(key) } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.cais.relay.state, 'again');
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['succeeded'],
    );
    assert.deepEqual(
      (await invoicesAtMagalu(id)).map((i) => i.key),
      [key],
    );
    const fixed = (await world.api('GET', `/orders/${encodeURIComponent(code)}`)).body;
    assert.deepEqual(fixed.cais.sync_errors, [], 'the success resolves the error');
  });

  it('every order sync error names its ways out; POST /sync_errors/orders/retry sends the relay again', async () => {
    const { code, id } = await magaluOrder();
    const key = nfeKey(`retry-${code}`);
    await world.control('PUT', '/magalu/faults/deliveries.write', { error_rate: 1, error_status: 503 });
    await world.api('POST', path(code, 'invoice'), { invoice: { key, xml: nfeXml(key) } });
    await relayDue({
      db: world.t.db,
      cipher: world.runner.cipher,
      retry: { attempts: 1, baseMs: 5, maxMs: 20 },
      limits: { baseMs: 20, maxMs: 50, giveUpAfterMs: 0 },
    });
    await world.control('DELETE', '/magalu/faults');
    const res = await world.t.app.inject({
      method: 'GET',
      url: '/sync_errors/orders?error_category_code=sync_order_skyhub_to_mtkp',
      headers: { ...world.t.seller.headers, 'accept-language': 'pt-BR' },
    });
    const error = JSON.parse(res.body).errors.find((e: { entity_id: string }) => e.entity_id === code);
    assert.deepEqual(error.ways_out, ['retry', 'correct', 'ignore']);
    assert.match(error.hint, /envie o status de novo/);
    const retried = await world.api('POST', '/sync_errors/orders/retry', { codes: [code] });
    assert.deepEqual(retried.body, { retried: 1, codes: [code] });
    assert.deepEqual(
      (await relayNow(world)).map((o) => o.outcome),
      ['succeeded'],
    );
    assert.deepEqual(
      (await invoicesAtMagalu(id)).map((i) => i.key),
      [key],
    );
  });
});
