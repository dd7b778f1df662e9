import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator, sleep } from '../test-support.ts';
import { ML_DEFAULTS } from './control.ts';

/** A local callback receiver whose answers the test scripts. */
interface Receiver {
  url: string;
  received: Array<Record<string, unknown>>;
  answer: (attempt: number) => { status: number; delayMs?: number };
  close(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  const state: Receiver = { url: '', received: [], answer: () => ({ status: 200 }), close: async () => {} };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', async () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      state.received.push(body);
      const planned = state.answer(body.attempts as number);
      if (planned.delayMs) await sleep(planned.delayMs);
      response.writeHead(planned.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notifications`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(10);
  }
}

let sim: TestSimulator;
let hook: Receiver;
let token: string;
let itemId: string;
before(async () => {
  // 28 s doubling × 0.0002: the hour of retries takes about 0.7 s.
  sim = await openSimulator({ mercadolivre: { notificationTimeScale: 0.0002 } });
  hook = await receiver();
});
after(async () => {
  await sim.close();
  await hook.close();
});
beforeEach(async () => {
  await sim.control('POST', '/reset');
  await sim.control('PATCH', '/mercadolivre/settings', {
    notification_time_scale: 0.0002,
    notification_timeout_ms: 500,
  });
  hook.received.length = 0;
  await sim.control('POST', '/mercadolivre/apps', {
    client_id: ML_DEFAULTS.clientId,
    callback_url: hook.url,
    topics: ['items'],
  });
  token = await defaultToken(sim, 'mercadolivre');
  itemId = (
    await sim.control('POST', '/mercadolivre/listings', { sku: 'N', price: 9, available_quantity: 1 })
  ).body.id;
});

const touch = () =>
  sim.call('mercadolivre', 'PUT', `/items/${itemId}`, { token, json: { available_quantity: 2 } });

describe('Mercado Livre notifications', () => {
  test('a change is POSTed as a pointer to the resource', async () => {
    hook.answer = () => ({ status: 200 });
    await touch();
    await until(() => hook.received.length === 1);
    const notification = hook.received[0]!;
    assert.deepEqual(Object.keys(notification).sort(), [
      '_id',
      'application_id',
      'attempts',
      'received',
      'resource',
      'sent',
      'topic',
      'user_id',
    ]);
    assert.equal(notification.resource, `/items/${itemId}`);
    assert.equal(notification.topic, 'items');
    assert.equal(notification.user_id, ML_DEFAULTS.userId);
    assert.equal(notification.application_id, Number(ML_DEFAULTS.clientId));
    assert.equal(notification.attempts, 1);
  });

  test('a failed delivery is retried with the same _id until a 200', async () => {
    hook.answer = (attempt) => ({ status: attempt < 3 ? 500 : 200 });
    await touch();
    await until(() => hook.received.length === 3);
    await sleep(100);
    assert.equal(hook.received.length, 3, 'no retry after the 200');
    assert.deepEqual(
      hook.received.map((entry) => entry.attempts),
      [1, 2, 3],
    );
    assert.equal(new Set(hook.received.map((entry) => entry._id)).size, 1);
  });

  test('an answer slower than the limit counts as a failure', async () => {
    await sim.control('PATCH', '/mercadolivre/settings', { notification_timeout_ms: 50 });
    hook.answer = (attempt) => ({ status: 200, delayMs: attempt === 1 ? 200 : 0 });
    await touch();
    await until(() => hook.received.length === 2);
    assert.equal(hook.received[1]!.attempts, 2);
  });

  test('after 8 failed attempts the notification is in /missed_feeds', async () => {
    hook.answer = () => ({ status: 503 });
    await touch();
    await until(() => hook.received.length === 8);
    await sleep(50);
    const feeds = await sim.call('mercadolivre', 'GET', `/missed_feeds?app_id=${ML_DEFAULTS.clientId}`, {
      token,
    });
    assert.equal(feeds.status, 200);
    assert.equal(feeds.body.total, 1);
    assert.equal(feeds.body.messages[0].resource, `/items/${itemId}`);
    assert.equal(feeds.body.messages[0].attempts, 8);
    assert.equal(hook.received.length, 8, 'no ninth attempt');
    const otherApp = await sim.call('mercadolivre', 'GET', '/missed_feeds?app_id=1', { token });
    assert.equal(otherApp.status, 403);
  });

  test('a topic the app did not subscribe to is not sent', async () => {
    hook.answer = () => ({ status: 200 });
    await sim.control('POST', '/mercadolivre/orders', { items: [{ item_id: itemId, quantity: 1 }] });
    await touch();
    await until(() => hook.received.length >= 2);
    await sleep(50);
    assert.ok(hook.received.every((entry) => entry.topic === 'items'));
  });
});
