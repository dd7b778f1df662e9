/**
 * The whole flow with a running worker (pg-boss on the test database): an order placed on
 * simulated Magalu is imported by its schedule, lowers the stock Mercado Livre shows before the
 * ERP does anything, reaches the ERP through the queue and a signed webhook exactly once, and
 * the ERP's invoice and shipment reach Magalu, where the simulator shows them.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startBoss } from '../../src/jobs/boss.ts';
import { enqueueRun } from '../../src/sync/scheduler.ts';
import { verifySignature } from '../../src/webhooks/sign.ts';
import { startWorker, type Worker } from '../../src/worker.ts';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';
import { connectMagalu, connectTo, nfeKey, until } from './helpers.ts';

let world: World;
let magaluId: number;
let worker: Worker;
let stopBoss: () => Promise<void>;
let receiver: Server;
const received: { headers: Record<string, unknown>; body: string }[] = [];

before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 0, invoiceValidationMs: 0 } } });
  magaluId = await connectMagalu(world);
  const boss = await startBoss(world.t.db, { schema: world.t.schema ? `${world.t.schema}_boss` : undefined });
  worker = await startWorker({
    db: world.t.db,
    boss,
    cipher: world.runner.cipher,
    onError: (e) => console.error(e),
    // Continuous runs end soon after the last change, so the worker stops quickly.
    limits: { ...world.runner.limits, lingerMs: 200 },
    orders: { relayEveryMs: 100, webhookDispatchEveryMs: 100 },
  });
  stopBoss = () => boss.stop({ graceful: true, timeout: 10_000 });
  world.attachQueue((data) => enqueueRun(boss, data));
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (c) => {
      body += c;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await worker.stop();
  await stopBoss();
  receiver.close();
  await world.close();
});

describe('an order from marketplace to ERP and back', () => {
  it('is imported, reserves stock elsewhere, reaches the ERP once, and its invoice and shipment reach Magalu', async () => {
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp`;
    const hook = (
      await world.api('POST', '/webhooks', { webhook: { url: hookUrl, events: ['order.created'] } })
    ).body.webhook;
    await connectedProduct(world, 'FLOW-1', 20);
    // Magalu publishes no SKU without a description and a brand (fidelity G1).
    await world.api('PUT', '/products/FLOW-1', {
      product: { description: 'Produto de teste', brand: 'Cais' },
    });
    await connectTo(world, 'FLOW-1', magaluId);
    const connections = [world.connectionId, magaluId];
    await world.api('POST', '/sync/schedules', {
      schedule: { connections, resources: ['stock'], every: 'continuous' },
    });
    const orders = await world.api('POST', '/sync/schedules', {
      schedule: { connections, resources: ['orders'], every: '15m' },
    });

    const bought = await world.control('POST', '/magalu/orders', { items: [{ sku: 'FLOW-1', quantity: 5 }] });
    const code = `Magalu-${bought.code}`;
    await world.api('POST', `/sync/schedules/${orders.body.schedule.id}/run`);

    // Before the ERP does anything, Mercado Livre already shows the reserved units gone.
    await until('Mercado Livre to show 15', async () => (await world.listing('FLOW-1')).stock === 15, 15_000);

    const delivered = await until(
      'the webhook',
      async () => received.find((r) => r.body.includes(code)),
      15_000,
    );
    assert.ok(verifySignature(hook.secret, String(delivered.headers['cais-signature']), delivered.body));
    assert.equal(JSON.parse(delivered.body).data.order.code, code);

    const queued = await world.api('GET', '/queues/orders');
    assert.equal(queued.body.code, code);
    assert.equal((await world.api('DELETE', `/queues/orders/${encodeURIComponent(code)}`)).status, 204);
    assert.equal((await world.api('GET', '/queues/orders')).status, 204, 'exactly once through the queue');

    const key = nfeKey(code);
    const invoiced = await world.api('POST', `/orders/${encodeURIComponent(code)}/invoice`, {
      status: 'order_invoiced',
      invoice: { key, xml: `<nfeProc><chNFe>${key}</chNFe></nfeProc>` },
    });
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body));
    const shipped = await world.api('POST', `/orders/${encodeURIComponent(code)}/shipments`, {
      status: 'order_shipped',
      shipment: {
        items: [{ sku: 'FLOW-1', qty: 5 }],
        track: {
          code: 'BR123456789',
          carrier: 'Correios',
          url: 'https://rastreamento.correios.com.br/BR123456789',
        },
      },
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    const atMagalu = await until(
      'Magalu to show the shipment',
      async () => {
        const order = await world.control('GET', `/magalu/orders/${bought.id}`);
        return order.deliveries[0].status === 'shipped' && order;
      },
      15_000,
    );
    assert.equal(atMagalu.deliveries[0].invoices[0].key, key);
    assert.equal(atMagalu.deliveries[0].shipping.tracking.code, 'BR123456789');
    assert.equal(received.filter((r) => r.body.includes(code)).length, 1, 'exactly once through the webhook');
  });
});
