import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, StockUpdate } from '../adapter.ts';
import { fastRetry } from '../testing.ts';
import { mercadoLivre } from './adapter.ts';
import type { MlHarness, MlListingView } from './testing.ts';
import { openMl } from './testing.ts';

let ml: MlHarness;
before(async () => {
  ml = await openMl();
});
after(() => ml.close());
beforeEach(async () => {
  await ml.control('POST', '/reset');
});

// Fault rules cover the next `count` calls; the count left over says how many calls came.
const MANY = 50;

function stock(item: MlListingView, qty: number): StockUpdate {
  return { listingId: 1, externalId: item.id, sku: item.sku ?? '', qty };
}

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function fault(operation: string, rule: Record<string, number>) {
  const answer = await ml.control('PUT', `/mercadolivre/faults/${operation}`, rule);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

describe('Mercado Livre under faults', () => {
  test('5xx is retried a bounded number of times, then reported as transient', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { error_rate: 1, error_status: 503, count: MANY });
    const error = failure((await mercadoLivre.pushStock(ctx, [stock(item, 5)]))[0]);
    assert.deepEqual([error.failure, error.code, error.httpStatus], ['transient', 'ml.internal_error', 503]);
    assert.equal(error.marketplaceMessage, 'Service Unavailable');
    assert.equal(await ml.faultCalls('items.update', MANY), fastRetry.attempts, 'no spinning');
    assert.equal((await ml.view(item.id)).stock, 1);
  });

  test('a 5xx that clears within the attempts is invisible to the caller', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { error_rate: 1, count: 2 });
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 5)]);
    assert.equal(outcome?.ok, true);
    assert.deepEqual(
      (await ml.writes('items.update')).map((entry) => entry.status),
      [200],
    );
    assert.equal((await ml.view(item.id)).stock, 5);
  });

  test('429 without Retry-After backs off and succeeds', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { rate_limit_rate: 1, count: 2 });
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 5)]);
    assert.equal(outcome?.ok, true);
    assert.equal((await ml.view(item.id)).stock, 5);
  });

  test('429 with Retry-After waits that long before the next call', async () => {
    await ml.control('PATCH', '/settings', { retry_after: true });
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { rate_limit_rate: 1, count: 1 });
    const started = Date.now();
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 5)]);
    assert.equal(outcome?.ok, true);
    // The simulator asks for 1 s; the test policy's own backoff is at most 20 ms.
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  });

  test('a 429 storm ends in a rate_limited error after the bounded attempts', async () => {
    await ml.control('PATCH', '/settings', { retry_after: true });
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { rate_limit_rate: 1, count: MANY });
    const slowRetry = { ...fastRetry, attempts: 2 };
    const error = failure((await mercadoLivre.pushStock({ ...ctx, retry: slowRetry }, [stock(item, 5)]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus],
      ['rate_limited', 'ml.too_many_requests', 429],
    );
    assert.equal(error.marketplaceMessage, 'Too Many Requests');
    assert.equal(error.retryAfterMs, 1000, 'the engine learns how long to wait');
    assert.equal(await ml.faultCalls('items.update', MANY), 2);
  });

  test('a marketplace that never answers times out, a bounded number of times', async () => {
    const ctx = await ml.connect({ timeoutMs: 150 });
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { timeout_rate: 1, count: MANY });
    const started = Date.now();
    const error = failure((await mercadoLivre.pushStock(ctx, [stock(item, 5)]))[0]);
    assert.deepEqual([error.failure, error.code], ['transient', 'timeout']);
    assert.equal(await ml.faultCalls('items.update', MANY), fastRetry.attempts);
    assert.ok(Date.now() - started < 2_000, 'three 150 ms timeouts and short waits');
  });

  test('latency under the timeout is only latency', async () => {
    const ctx = await ml.connect({ timeoutMs: 1_000 });
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { latency_ms: 100, count: 1 });
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 5)]);
    assert.equal(outcome?.ok, true);
  });

  test('reads are retried the same way: a flaky order search still lists', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 5 });
    await ml.control('POST', '/mercadolivre/orders', { items: [{ item_id: item.id, quantity: 1 }] });
    await fault('orders.search', { error_rate: 1, count: 2 });
    const page = await mercadoLivre.listOrders(ctx, { since: new Date(Date.now() - 60_000) });
    assert.equal(page.orders.length, 1);
  });

  test('an aborted run stops waiting and retrying at once', async () => {
    const controller = new AbortController();
    // The run is cancelled while the first retry waits (a long one: up to 2 s).
    const retry = { attempts: 5, baseMs: 2_000, maxMs: 2_000, onRetry: () => controller.abort() };
    const ctx = { ...(await ml.connect()), signal: controller.signal, retry };
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    await fault('items.update', { error_rate: 1, count: MANY });
    const started = Date.now();
    const error = failure((await mercadoLivre.pushStock(ctx, [stock(item, 5)]))[0]);
    assert.deepEqual([error.failure, error.code], ['transient', 'ml.internal_error']);
    assert.ok(Date.now() - started < 1_000);
    assert.equal(await ml.faultCalls('items.update', MANY), 1);
  });
});
