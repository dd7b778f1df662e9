import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, StockUpdate } from '../adapter.ts';
import { fastRetry } from '../testing.ts';
import type { AmHarness } from './testing.ts';
import { openAmazon, quickAmazon } from './testing.ts';

let am: AmHarness;
before(async () => {
  am = await openAmazon();
});
after(() => am.close());
beforeEach(async () => {
  await am.control('POST', '/reset');
  await am.instant();
  await am.listing({ sku: 'A', price: 10, quantity: 1 });
});

// Fault rules cover the next `count` calls; the count left over says how many calls came.
const MANY = 50;
const UPDATE: StockUpdate = { listingId: 1, externalId: 'A', sku: 'A', qty: 5 };

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function fault(operation: string, rule: Record<string, number>) {
  const answer = await am.control('PUT', `/amazon/faults/${operation}`, rule);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

describe('Amazon under faults', () => {
  test('5xx is retried a bounded number of times, then reported as transient', async () => {
    const ctx = await am.connect();
    await fault('listings.patch', { error_rate: 1, error_status: 503, count: MANY });
    const error = failure((await quickAmazon.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
      ['transient', 'amazon.service_unavailable', 503, 'Service temporarily unavailable.'],
    );
    assert.equal(await am.faultCalls('listings.patch', MANY), fastRetry.attempts, 'no spinning');
    assert.deepEqual(await am.writes('listings.patch'), []);
  });

  test('a 5xx that clears within the attempts is invisible to the caller', async () => {
    const ctx = await am.connect();
    await fault('listings.patch', { error_rate: 1, count: 2 });
    assert.deepEqual(await quickAmazon.pushStock(ctx, [UPDATE]), [
      { listingId: 1, ok: true, applied: 'pending' },
    ]);
    assert.equal((await am.view('A')).stock, 5);
  });

  test('429 QuotaExceeded without Retry-After backs off and succeeds', async () => {
    const ctx = await am.connect();
    await fault('listings.patch', { rate_limit_rate: 1, count: 2 });
    assert.equal((await quickAmazon.pushStock(ctx, [UPDATE]))[0]?.ok, true);
  });

  test('429 with Retry-After waits that long before the next call', async () => {
    await am.control('PATCH', '/settings', { retry_after: true });
    const ctx = await am.connect();
    await fault('listings.patch', { rate_limit_rate: 1, count: 1 });
    const started = Date.now();
    assert.equal((await quickAmazon.pushStock(ctx, [UPDATE]))[0]?.ok, true);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  });

  test('a 429 storm ends in a rate_limited error after the bounded attempts', async () => {
    const ctx = await am.connect();
    await fault('listings.patch', { rate_limit_rate: 1, count: MANY });
    const error = failure((await quickAmazon.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus, error.marketplaceMessage],
      ['rate_limited', 'amazon.quota_exceeded', 429, 'You exceeded your quota for the requested resource.'],
    );
    assert.equal(error.retryAfterMs, undefined, 'Amazon documents no Retry-After');
    assert.equal(await am.faultCalls('listings.patch', MANY), fastRetry.attempts);
  });

  test('Amazon’s own bucket is respected: a burst of PATCHes never meets a 429', async () => {
    const ctx = await am.connect();
    for (const sku of ['B', 'C', 'D', 'E', 'F', 'G', 'H']) await am.listing({ sku, price: 10 });
    const updates = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((sku, i) => ({
      ...UPDATE,
      listingId: i + 1,
      sku,
      externalId: sku,
    }));
    const outcomes = await quickAmazon.pushStock(ctx, updates);
    assert.ok(outcomes.every((o) => o.ok));
    const statuses = (await am.writes('listings.patch')).map((w) => w.status);
    assert.deepEqual(statuses, Array(8).fill(200), '5 at once, then 5 a second');
  });

  test('a marketplace that never answers times out, a bounded number of times', async () => {
    const ctx = await am.connect({ timeoutMs: 150 });
    await fault('listings.patch', { timeout_rate: 1, count: MANY });
    const started = Date.now();
    const error = failure((await quickAmazon.pushStock(ctx, [UPDATE]))[0]);
    assert.deepEqual([error.failure, error.code], ['transient', 'timeout']);
    assert.equal(await am.faultCalls('listings.patch', MANY), fastRetry.attempts);
    assert.ok(Date.now() - started < 2_000);
  });

  test('latency only delays the answer', async () => {
    const ctx = await am.connect();
    await fault('listings.patch', { latency_ms: 120, count: 1 });
    const started = Date.now();
    assert.equal((await quickAmazon.pushStock(ctx, [UPDATE]))[0]?.ok, true);
    assert.ok(Date.now() - started >= 110);
  });

  test('faults on reads: a flaky getListingsItem still reads back', async () => {
    const ctx = await am.connect();
    await fault('listings.get', { error_rate: 1, count: 1 });
    const read = await quickAmazon.readListing(ctx, { externalId: 'A', sku: 'A' });
    assert.deepEqual(read, { qty: 1, price: 10, promotionalPrice: null, status: 'active' });
  });
});
