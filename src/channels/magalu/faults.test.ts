import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, StockUpdate } from '../adapter.ts';
import { fastRetry } from '../testing.ts';
import { magalu } from './adapter.ts';
import type { MgHarness } from './testing.ts';
import { openMagalu } from './testing.ts';

let mg: MgHarness;
before(async () => {
  mg = await openMagalu();
});
after(() => mg.close());
beforeEach(async () => {
  await mg.control('POST', '/reset');
  await mg.control('PATCH', '/magalu/settings', { apply_delay_ms: 0 });
  await mg.listing({ sku: 'A', price: 1000, stock: 1 });
});

// Fault rules cover the next `count` calls; the count left over says how many calls came.
const MANY = 50;
const UPDATE: StockUpdate = { listingId: 1, externalId: 'A', sku: 'A', qty: 5 };

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function fault(operation: string, rule: Record<string, number>) {
  const answer = await mg.control('PUT', `/magalu/faults/${operation}`, rule);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

describe('Magalu under faults', () => {
  test('5xx is retried a bounded number of times, then reported as transient', async () => {
    const ctx = await mg.connect();
    await fault('stocks.update', { error_rate: 1, error_status: 503, count: MANY });
    const error = failure((await magalu.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
      ['transient', 'magalu.service_unavailable', 503, 'Internal server error'],
    );
    assert.equal(await mg.faultCalls('stocks.update', MANY), fastRetry.attempts, 'no spinning');
    assert.deepEqual(await mg.writes('stocks.update'), []);
  });

  test('a 5xx that clears within the attempts is invisible to the caller', async () => {
    const ctx = await mg.connect();
    await fault('stocks.update', { error_rate: 1, count: 2 });
    const [outcome] = await magalu.pushStock(ctx, [UPDATE]);
    assert.deepEqual(outcome, { listingId: 1, ok: true, applied: 'pending' });
    assert.equal((await mg.settled('A')).stock, 5);
  });

  test('429 without Retry-After backs off and succeeds', async () => {
    const ctx = await mg.connect();
    await fault('stocks.update', { rate_limit_rate: 1, count: 2 });
    const [outcome] = await magalu.pushStock(ctx, [UPDATE]);
    assert.equal(outcome?.ok, true);
  });

  test('429 with Retry-After waits that long before the next call', async () => {
    await mg.control('PATCH', '/settings', { retry_after: true });
    const ctx = await mg.connect();
    await fault('stocks.update', { rate_limit_rate: 1, count: 1 });
    const started = Date.now();
    const [outcome] = await magalu.pushStock(ctx, [UPDATE]);
    assert.equal(outcome?.ok, true);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  });

  test('a 429 storm ends in a rate_limited error after the bounded attempts', async () => {
    const ctx = await mg.connect();
    await fault('stocks.update', { rate_limit_rate: 1, count: MANY });
    const error = failure((await magalu.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
      ['rate_limited', 'magalu.too_many_requests', 429, 'Too many requests'],
    );
    assert.equal(error.retryAfterMs, undefined, 'Magalu documents no Retry-After');
    assert.equal(await mg.faultCalls('stocks.update', MANY), fastRetry.attempts);
  });

  test('a marketplace that never answers times out, a bounded number of times', async () => {
    const ctx = await mg.connect({ timeoutMs: 150 });
    await fault('stocks.update', { timeout_rate: 1, count: MANY });
    const started = Date.now();
    const error = failure((await magalu.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual([error.failure, error.code], ['transient', 'timeout']);
    assert.equal(await mg.faultCalls('stocks.update', MANY), fastRetry.attempts);
    assert.ok(Date.now() - started < 2_000);
  });

  test('faults on reads: a flaky price read still reads back', async () => {
    const ctx = await mg.connect();
    await fault('prices.get', { error_rate: 1, count: 1 });
    await fault('stocks.get', { rate_limit_rate: 1, count: 1 });
    const read = await magalu.readListing(ctx, { externalId: 'A', sku: 'A' });
    assert.deepEqual(read, { qty: 1, price: 10, promotionalPrice: null, status: 'PUBLISHED' });
  });
});
