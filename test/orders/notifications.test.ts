/**
 * Mercado Livre's orders_v2 notifications on Cais's public callback: answered 200 well within
 * ML's 500 ms, filed once however often repeated, fetched by id by the next import run (queued
 * at once), and never a duplicate order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SyncJobData } from '../../src/sync/scheduler.ts';
import { connectedProduct, createWorld, ML_CLIENT, type World } from '../sync/world.ts';
import { buyOnMercadoLivre, duplicateOrders, importOrders, until } from './helpers.ts';

let world: World;
let url: string;
let itemId: string;
const queued: SyncJobData[] = [];

before(async () => {
  world = await createWorld();
  url = await world.t.app.listen({ port: 0, host: '127.0.0.1' });
  world.attachQueue(async (data) => {
    queued.push(data);
    return true;
  });
  itemId = (await connectedProduct(world, 'NOTE-1', 1000)).external_id;
  // The first import sets the cursor; later ones see only what notifications point at.
  await importOrders(world);
  await world.t.db.query(`UPDATE order_import_cursors SET since = now() + interval '1 day'`);
});
after(() => world.close());

const notification = (orderId: number, extra: Record<string, unknown> = {}) => ({
  _id: `n-${orderId}`,
  resource: `/orders/${orderId}`,
  user_id: 100000001,
  topic: 'orders_v2',
  application_id: Number(ML_CLIENT.id),
  attempts: 1,
  sent: new Date().toISOString(),
  received: new Date().toISOString(),
  ...extra,
});

async function post(body: unknown): Promise<{ status: number }> {
  const res = await fetch(`${url}/notifications/mercadolivre`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return { status: res.status };
}

async function inbox(): Promise<string[]> {
  const rows = await world.t.db.query<{ external_id: string }>('SELECT external_id FROM order_notifications');
  return rows.map((r) => r.external_id);
}

describe('Mercado Livre notifications', () => {
  it('the simulator’s notification is answered 200, filed, and queues an import that fetches the order', async () => {
    await world.control('POST', '/mercadolivre/apps', {
      client_id: ML_CLIENT.id,
      callback_url: `${url}/notifications/mercadolivre`,
      topics: ['orders_v2'],
    });
    const bought = await buyOnMercadoLivre(world, [{ item_id: itemId, quantity: 1 }]);
    const attempt = await until('the simulator to notify', async () => {
      const described = await world.control('GET', '/mercadolivre');
      return described.notifications.find(
        (n: { resource: string; ok: boolean }) => n.resource === `/orders/${bought.id}` && n.ok,
      );
    });
    assert.equal(attempt.http_code, 200);
    assert.deepEqual(await inbox(), [String(bought.id)]);
    assert.ok(queued.some((q) => q.connectionId === world.connectionId && q.resource === 'orders'));
    const run = await importOrders(world);
    assert.equal(run.counts.notified, 1);
    assert.equal(run.counts.created, 1, 'fetched by id: the cursor window holds nothing');
    assert.deepEqual(await inbox(), []);
    const order = await world.api('GET', `/orders/${encodeURIComponent(`Mercado Livre-${bought.id}`)}`);
    assert.equal(order.status, 200);
    await world.control('POST', '/mercadolivre/apps', { client_id: ML_CLIENT.id, callback_url: null });
  });

  // ML wants the answer within 500 ms: the callback only files the notification, and the order
  // is fetched by the import run, so no answer waits on a marketplace call (asserted by what is
  // stored when the answers are in, not by a clock: timings belong in bench/).
  it('answers before fetching anything, and repeats collapse into one fetch and one order', async () => {
    const bought = await buyOnMercadoLivre(world, [{ item_id: itemId, quantity: 1 }]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(notification(bought.id))));
    assert.ok(answers.every((a) => a.status === 200));
    assert.deepEqual(await inbox(), [String(bought.id)]);
    const code = encodeURIComponent(`Mercado Livre-${bought.id}`);
    assert.equal((await world.api('GET', `/orders/${code}`)).status, 404, 'fetched during the answer');
    const run = await importOrders(world);
    assert.equal(run.counts.notified, 1);
    // Notified again after the import: fetched again, still one order.
    await post(notification(bought.id));
    const again = await importOrders(world);
    assert.equal(again.counts.created, 0);
    assert.equal(await duplicateOrders(world.t.db), 0);
  });

  it('answers 200 to what it does not use, and files nothing', async () => {
    for (const body of [
      notification(1, { topic: 'items', resource: '/items/MLB1' }),
      notification(2, { user_id: 999 }),
      { hello: 'world' },
    ]) {
      assert.equal((await post(body)).status, 200);
    }
    assert.deepEqual(await inbox(), []);
  });

  it('drops a notified order the marketplace does not know, after a few tries', async () => {
    await post(notification(99_999_999));
    for (let i = 0; i < 5; i++) await importOrders(world);
    assert.deepEqual(await inbox(), []);
  });
});
