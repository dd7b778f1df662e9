/**
 * Outgoing webhooks against a local HTTP receiver: signed deliveries the receiver can verify,
 * retries with growing waits and an attempt log, dead-lettering after the retry window, replay,
 * event filtering, and the worker delivering through pg-boss.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Cipher } from '../../src/connections/cipher.ts';
import { startBoss } from '../../src/jobs/boss.ts';
import { type AttemptOutcome, attemptDelivery, type WebhookLimits } from '../../src/webhooks/deliver.ts';
import { startWebhookWorker } from '../../src/webhooks/jobs.ts';
import { verifySignature } from '../../src/webhooks/sign.ts';
import { createTestApp, type TestApp, testSecretKey } from '../helpers.ts';
import { inject } from '../sync/world.ts';
import { until } from './helpers.ts';

interface Received {
  path: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

let t: TestApp;
let server: Server;
let url: string;
const received: Received[] = [];
/** What the receiver answers next; then 200. */
let answers: number[] = [];
const cipher = new Cipher(Buffer.from(testSecretKey, 'hex'));
const api = (method: string, path: string, body?: unknown) =>
  inject(t.app, t.seller.headers, method, path, body);

before(async () => {
  t = await createTestApp();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ path: request.url, headers: request.headers, body, at: Date.now() });
      response.statusCode = answers.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
after(async () => {
  server.close();
  await t.close();
});

async function endpoint(events: string[], path = '/hooks') {
  const res = await api('POST', '/webhooks', { webhook: { url: url.replace('/hooks', path), events } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.match(res.body.webhook.secret, /^whsec_/);
  return res.body.webhook as { id: number; secret: string };
}

async function pendingOf(endpointId: number): Promise<number[]> {
  const rows = await t.db.query<{ id: number }>(
    `SELECT id FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending' ORDER BY id`,
    [endpointId],
  );
  return rows.map((r) => r.id);
}

async function testOrder(sku = 'SKU-W') {
  return (await api('POST', '/orders', { order: { items: [{ id: sku, qty: 1, original_price: 10 }] } })).body;
}

const deps = (limits: Partial<WebhookLimits> = {}) => ({
  db: t.db,
  cipher,
  limits: { timeoutMs: 2_000, ...limits },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('webhooks', () => {
  it('signs each delivery so the receiver can verify body, time and sender', async () => {
    const hook = await endpoint(['order.created'], '/signed');
    const order = await testOrder();
    const [id] = await pendingOf(hook.id);
    assert.deepEqual(await attemptDelivery(deps(), id!), { outcome: 'succeeded' });
    const got = received.at(-1)!;
    assert.equal(got.headers['cais-event'], 'order.created');
    const signature = String(got.headers['cais-signature']);
    assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.ok(verifySignature(hook.secret, signature, got.body));
    assert.ok(
      !verifySignature(hook.secret, signature, got.body.replace('SKU-W', 'SKU-X')),
      'a changed body fails',
    );
    assert.ok(!verifySignature('whsec_other', signature, got.body), 'another secret fails');
    assert.ok(
      !verifySignature(hook.secret, signature, got.body, 300, Date.now() + 600_000),
      'an old delivery fails',
    );
    const event = JSON.parse(got.body);
    assert.equal(event.type, 'order.created');
    assert.match(event.id, /^evt_/);
    assert.equal(event.data.order.code, order.code);
    assert.equal(event.data.order.status.code, 'book_product');
    await api('DELETE', `/webhooks/${hook.id}`);
  });

  it('retries failures with growing waits and logs every attempt', async () => {
    const hook = await endpoint(['order.created'], '/retry');
    await testOrder();
    const [id] = await pendingOf(hook.id);
    answers = [500, 503];
    const limits = { baseMs: 40, maxMs: 1_000 };
    const first: AttemptOutcome = await attemptDelivery(deps(limits), id!);
    assert.equal(first.outcome, 'retrying');
    assert.deepEqual(await attemptDelivery(deps(limits), id!), { outcome: 'skipped' }, 'not before its time');
    const waits: number[] = [];
    let last: AttemptOutcome = first;
    while (last.outcome === 'retrying') {
      const wait = last.nextAttemptAt.getTime() - Date.now();
      waits.push(wait);
      await sleep(Math.max(0, wait) + 5);
      last = await attemptDelivery(deps(limits), id!);
    }
    assert.equal(last.outcome, 'succeeded');
    assert.ok(waits[1]! > waits[0]!, `waits grow: ${waits}`);
    const log = await api('GET', `/webhooks/${hook.id}/deliveries`);
    const delivery = log.body.deliveries[0];
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts, 3);
    assert.deepEqual(
      delivery.attempt_log.map((a: { status_code: number }) => a.status_code),
      [500, 503, 200],
    );
    await api('DELETE', `/webhooks/${hook.id}`);
  });

  it('dead-letters a delivery failing past the retry window, and replays it on request', async () => {
    const hook = await endpoint(['order.created'], '/dead');
    await testOrder();
    const [id] = await pendingOf(hook.id);
    answers = Array(20).fill(503);
    const limits = { baseMs: 30, maxMs: 60, windowMs: 150 };
    let outcome = await attemptDelivery(deps(limits), id!);
    while (outcome.outcome === 'retrying') {
      await sleep(Math.max(0, outcome.nextAttemptAt.getTime() - Date.now()) + 5);
      outcome = await attemptDelivery(deps(limits), id!);
    }
    assert.equal(outcome.outcome, 'dead');
    const dead = await api('GET', `/webhooks/${hook.id}/deliveries?status=dead`);
    assert.equal(dead.body.deliveries.length, 1);
    assert.equal(dead.body.deliveries[0].last_status_code, 503);
    answers = [];
    const replay = await api('POST', `/webhooks/${hook.id}/replay`, {});
    assert.deepEqual(replay.body, { replayed: 1, delivery_ids: [id] });
    assert.deepEqual(await attemptDelivery(deps(limits), id!), { outcome: 'succeeded' });
    assert.equal((await api('GET', `/webhooks/${hook.id}/deliveries?status=dead`)).body.deliveries.length, 0);
    await api('DELETE', `/webhooks/${hook.id}`);
  });

  it('sends only the event types an endpoint asked for', async () => {
    const updates = await endpoint(['order.updated'], '/updates');
    const order = await testOrder();
    assert.deepEqual(await pendingOf(updates.id), [], 'no order.created for it');
    await api('POST', `/orders/${encodeURIComponent(order.code)}/approval`, {});
    const [id] = await pendingOf(updates.id);
    await attemptDelivery(deps(), id!);
    const event = JSON.parse(received.at(-1)!.body);
    assert.equal(event.type, 'order.updated');
    assert.equal(event.data.order.status.code, 'payment_received');
    assert.equal(event.data.source, 'erp');
    await api('DELETE', `/webhooks/${updates.id}`);
  });

  it('manages endpoints: list, update, rotate the secret, refuse bad URLs', async () => {
    const hook = await endpoint(['order.created'], '/manage');
    const bad = await api('POST', '/webhooks', { webhook: { url: 'ftp://x', events: ['order.created'] } });
    assert.equal(bad.status, 400);
    const badEvent = await api('POST', '/webhooks', { webhook: { url, events: ['order.deleted'] } });
    assert.equal(badEvent.status, 400);
    const updated = await api('PUT', `/webhooks/${hook.id}`, {
      webhook: { url, events: ['order.created', 'sync_error.created'], status: 'disabled' },
    });
    assert.deepEqual(updated.body.webhook.events, ['order.created', 'sync_error.created']);
    assert.equal(updated.body.webhook.secret, undefined, 'the secret is shown only once');
    const rotated = await api('POST', `/webhooks/${hook.id}/rotate_secret`);
    assert.notEqual(rotated.body.webhook.secret, hook.secret);
    const list = await api('GET', '/webhooks');
    assert.ok(
      list.body.webhooks.some(
        (w: { id: number; status: string }) => w.id === hook.id && w.status === 'disabled',
      ),
    );
    await api('DELETE', `/webhooks/${hook.id}`);
    assert.equal((await api('GET', `/webhooks/${hook.id}`)).status, 404);
  });
});

describe('the webhook worker', () => {
  it('delivers order.created and sync_error.created through pg-boss', async () => {
    const boss = await startBoss(t.db, { schema: t.schema ? `${t.schema}_boss` : 'pgboss_webhooks' });
    const worker = await startWebhookWorker({
      db: t.db,
      boss,
      cipher,
      onError: (e) => console.error(e),
      dispatchEveryMs: 100,
    });
    try {
      const hook = await endpoint(['order.created', 'sync_error.created'], '/worker');
      answers = [];
      const since = received.length;
      const order = await testOrder('NOT-IN-CATALOG');
      const got = await until('both events', async () => {
        const mine = received.slice(since).filter((r) => r.path === '/worker');
        return mine.length >= 2 && mine;
      });
      const types = got.map((r) => JSON.parse(r.body).type).sort();
      assert.deepEqual(types, ['order.created', 'sync_error.created']);
      const error = got.map((r) => JSON.parse(r.body)).find((e) => e.type === 'sync_error.created');
      assert.equal(error.data.sync_error.entity_id, order.code);
      assert.equal(error.data.sync_error.error_code, 'unknown_sku');
      for (const r of got)
        assert.ok(verifySignature(hook.secret, String(r.headers['cais-signature']), r.body));
    } finally {
      await worker.stop();
      await boss.stop({ graceful: false });
    }
  });
});
