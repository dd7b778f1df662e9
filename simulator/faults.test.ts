import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from './test-support.ts';
import { defaultToken, openSimulator } from './test-support.ts';

const ML_429 = { message: 'Too Many Requests', error: 'too_many_requests', status: 429, cause: [] };

let sim: TestSimulator;
let mlToken: string;
let mgToken: string;
let itemId: string;
before(async () => {
  sim = await openSimulator({ magalu: { applyDelayMs: 0 } });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  mlToken = await defaultToken(sim, 'mercadolivre');
  mgToken = await defaultToken(sim, 'magalu');
  itemId = (
    await sim.control('POST', '/mercadolivre/listings', { sku: 'F', price: 5, available_quantity: 5 })
  ).body.id;
  await sim.control('POST', '/magalu/listings', { sku: 'F', price: 500, stock: 5 });
});

const mlPut = (json: unknown = { available_quantity: 3 }, signal?: AbortSignal) =>
  sim.call('mercadolivre', 'PUT', `/items/${itemId}`, { token: mlToken, json, signal });
const mgPatch = () =>
  sim.call('magalu', 'PATCH', '/seller/v1/portfolios/stocks/F', {
    token: mgToken,
    json: { channel: { id: '9fe0d853-732b-4e4a-a0b0-cff988ed043d' }, quantity: 3 },
  });
async function setFault(channel: string, op: string, spec: unknown) {
  const answer = await sim.control('PUT', `/${channel}/faults/${op}`, spec);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}
describe('injected faults', () => {
  test('error rate 1: every call gets the 5xx in the marketplace body', async () => {
    await setFault('mercadolivre', 'items.update', { error_rate: 1, error_status: 503 });
    const ml = await mlPut();
    assert.equal(ml.status, 503);
    assert.deepEqual(Object.keys(ml.body), ['message', 'error', 'status', 'cause']);
    await setFault('magalu', '*', { error_rate: 1 });
    const mg = await mgPatch();
    assert.equal(mg.status, 500);
    assert.equal(mg.body.slug, 'SERVER_ERROR');
    const view = await sim.control('GET', `/mercadolivre/listings/${itemId}`);
    assert.equal(view.body.stock, 5, 'a failed call changed nothing');
  });

  test('429 storm: ML and Magalu bodies, Retry-After only when switched on', async () => {
    await setFault('mercadolivre', '*', { rate_limit_rate: 1 });
    await setFault('magalu', 'stocks.update', { rate_limit_rate: 1 });
    const ml = await mlPut();
    assert.equal(ml.status, 429);
    assert.deepEqual(ml.body, ML_429);
    assert.equal(ml.headers.get('retry-after'), null);
    const mg = await mgPatch();
    assert.deepEqual([mg.status, mg.body.slug], [429, 'TOO_MANY_REQUESTS']);
    await sim.control('PATCH', '/settings', { retry_after: true });
    assert.equal((await mlPut()).headers.get('retry-after'), '1');
  });

  test('count: the rule covers the next N calls only', async () => {
    await setFault('mercadolivre', 'items.update', { error_rate: 1, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await mlPut()).status);
    assert.deepEqual(statuses, [500, 500, 200]);
  });

  test('latency delays the answer', async () => {
    await setFault('mercadolivre', 'items.get', { latency_ms: 150 });
    const started = Date.now();
    const answer = await sim.call('mercadolivre', 'GET', `/items/${itemId}`, { token: mlToken });
    assert.equal(answer.status, 200);
    assert.ok(Date.now() - started >= 140, 'at least the added latency');
  });

  test('timeout: no answer until the client gives up; the next call is served', async () => {
    await setFault('mercadolivre', 'items.update', { timeout_rate: 1, count: 1 });
    await assert.rejects(mlPut({ available_quantity: 1 }, AbortSignal.timeout(200)), {
      name: 'TimeoutError',
    });
    const next = await mlPut({ available_quantity: 2 });
    assert.equal(next.status, 200);
    assert.equal(next.body.available_quantity, 2);
  });

  test('partial batch failures: some multiget entries fail on their own', async () => {
    await setFault('mercadolivre', 'items.multiget', { partial_failure_rate: 0.5 });
    const ids = Array.from({ length: 20 }, () => itemId).join(',');
    const answer = await sim.call('mercadolivre', 'GET', `/items?ids=${ids}`, { token: mlToken });
    assert.equal(answer.status, 200);
    const codes = answer.body.map((entry: { code: number }) => entry.code);
    assert.ok(codes.includes(500) && codes.includes(200), `a mix of failures and successes: ${codes}`);
    const failed = answer.body.find((entry: { code: number }) => entry.code === 500);
    assert.equal(failed.body.status, 500);
  });

  test('the same seed fails the same calls', async () => {
    const pattern = async (seed: string) => {
      await sim.control('POST', '/reset', { seed });
      mlToken = await defaultToken(sim, 'mercadolivre');
      itemId = (await sim.control('POST', '/mercadolivre/listings', { price: 5, available_quantity: 5 })).body
        .id;
      await setFault('mercadolivre', 'items.update', { error_rate: 0.4 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await mlPut()).status);
      return statuses.join('');
    };
    const first = await pattern('alpha');
    assert.equal(await pattern('alpha'), first);
    assert.notEqual(await pattern('beta'), first);
  });

  test('faults can be listed and cleared; an unknown operation is refused', async () => {
    await setFault('mercadolivre', 'items.update', { error_rate: 0.1 });
    assert.ok((await sim.control('GET', '/faults')).body.mercadolivre['items.update']);
    assert.equal(
      (await sim.control('PUT', '/mercadolivre/faults/items.explode', { error_rate: 1 })).status,
      400,
    );
    assert.equal((await sim.control('PUT', '/mercadolivre/faults/*', { error_rate: 2 })).status, 400);
    await sim.control('DELETE', '/faults');
    assert.equal((await mlPut()).status, 200);
  });
});

describe('token buckets', () => {
  test('per (app, seller, operation): the burst passes, then 429 with ML body', async () => {
    await sim.control('PUT', '/mercadolivre/limits', { 'items.update': { rate: 0.5, burst: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await mlPut()).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.deepEqual((await mlPut()).body, ML_429);
    const read = await sim.call('mercadolivre', 'GET', `/items/${itemId}`, { token: mlToken });
    assert.equal(read.status, 200, 'another operation has its own bucket');
    await sim.control('POST', '/mercadolivre/sellers', { id: 777 });
    const otherToken = (await sim.control('POST', '/mercadolivre/tokens', { user_id: 777 })).body
      .access_token;
    const other = (await sim.control('POST', '/mercadolivre/listings', { user_id: 777, price: 1 })).body.id;
    const otherPut = await sim.call('mercadolivre', 'PUT', `/items/${other}`, {
      token: otherToken,
      json: { price: 2 },
    });
    assert.equal(otherPut.status, 200, 'another seller has its own bucket');
  });

  test('Retry-After tells the wait when switched on', async () => {
    await sim.control('PUT', '/mercadolivre/limits', { 'items.update': { rate: 0.5, burst: 1 } });
    await sim.control('PATCH', '/settings', { retry_after: true });
    await mlPut();
    const limited = await mlPut();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
  });

  test('Magalu answers its own 429 body', async () => {
    await sim.control('PUT', '/magalu/limits', { 'stocks.update': { rate: 0.1, burst: 1 } });
    assert.equal((await mgPatch()).status, 202);
    const limited = await mgPatch();
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, { slug: 'TOO_MANY_REQUESTS', message: 'Too many requests', details: [] });
  });

  test('"no limits" mode skips every bucket', async () => {
    await sim.control('PUT', '/mercadolivre/limits', { '*': { rate: 0.1, burst: 1 } });
    await sim.control('PATCH', '/settings', { unlimited: true });
    for (let i = 0; i < 5; i++) assert.equal((await mlPut()).status, 200);
  });
});
