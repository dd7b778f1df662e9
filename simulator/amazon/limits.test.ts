import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';
import { AM_DEFAULTS } from './control.ts';

const BR = 'A2Q3Y263D00KWC';
const QUOTA = {
  errors: [
    { code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' },
  ],
};

// A frozen clock: buckets refill only when a test advances it, so bursts are exact on any machine.
const T0 = Date.parse('2026-05-04T12:00:00Z');

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator({ amazon: { applyDelayMs: 0 }, now: () => T0 });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'amazon');
  await sim.control('POST', '/amazon/listings', { sku: 'A', price: 10, quantity: 1 });
});

const headers = () => ({ 'x-amz-access-token': token });
const since = () => new Date(T0 - 3_600_000).toISOString();
const getOrders = () =>
  sim.call('amazon', 'GET', `/orders/v0/orders?MarketplaceIds=${BR}&CreatedAfter=${since()}`, {
    headers: headers(),
  });
const patchStock = (quantity = 2) =>
  sim.call('amazon', 'PATCH', `/listings/2021-08-01/items/${AM_DEFAULTS.sellerId}/A?marketplaceIds=${BR}`, {
    headers: headers(),
    json: {
      productType: 'PRODUCT',
      patches: [
        {
          op: 'replace',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
        },
      ],
    },
  });

describe('Amazon rate limits', () => {
  test('getOrders: burst 20, then 429 QuotaExceeded with x-amzn-RateLimit-Limit 0.0167 and no Retry-After', async () => {
    for (let i = 0; i < 20; i++) assert.equal((await getOrders()).status, 200);
    const limited = await getOrders();
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.body, QUOTA);
    assert.equal(limited.headers.get('x-amzn-ratelimit-limit'), '0.0167');
    assert.equal(limited.headers.get('retry-after'), null);
    await sim.control('POST', '/clock', { advance_ms: 60_000 });
    assert.equal((await getOrders()).status, 200, 'a token is back after 1/0.0167 s');
  });

  test('listings PATCH: burst 5, then 429; Retry-After when switched on', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await patchStock()).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
    await sim.control('PATCH', '/settings', { retry_after: true });
    const limited = await patchStock();
    assert.equal(limited.headers.get('x-amzn-ratelimit-limit'), '5.0');
    assert.equal(limited.headers.get('retry-after'), '1');
    await sim.control('POST', '/clock', { advance_ms: 200 });
    assert.equal((await patchStock()).status, 200, 'one token back after 1/5 s');
  });

  test('buckets are per seller: another seller still has its burst', async () => {
    await sim.control('PUT', '/amazon/limits', { 'orders.list': { rate: 0.01, burst: 1 } });
    assert.equal((await getOrders()).status, 200);
    assert.equal((await getOrders()).status, 429);
    await sim.control('POST', '/amazon/sellers', { id: 'A2OTHERSELLER01' });
    const other = (await sim.control('POST', '/amazon/tokens', { seller_id: 'A2OTHERSELLER01' })).body
      .access_token;
    const answer = await sim.call(
      'amazon',
      'GET',
      `/orders/v0/orders?MarketplaceIds=${BR}&CreatedAfter=${since()}`,
      {
        headers: { 'x-amz-access-token': other },
      },
    );
    assert.equal(answer.status, 200);
  });

  test('"no limits" mode skips every bucket', async () => {
    await sim.control('PATCH', '/settings', { unlimited: true });
    for (let i = 0; i < 30; i++) assert.equal((await getOrders()).status, 200);
  });
});

describe('Amazon faults', () => {
  test('error_rate: 500 InternalFailure, 503 ServiceUnavailable, nothing applied', async () => {
    await sim.control('PUT', '/amazon/faults/listings.patch', { error_rate: 1, count: 1 });
    const failed = await patchStock(9);
    assert.equal(failed.status, 500);
    assert.equal(failed.body.errors[0].code, 'InternalFailure');
    assert.equal((await sim.control('GET', '/amazon/listings/A')).body.stock, 1);
    await sim.control('PUT', '/amazon/faults/*', { error_rate: 1, error_status: 503 });
    const unavailable = await getOrders();
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.body.errors[0].code, 'ServiceUnavailable');
  });

  test('a 429 storm answers the QuotaExceeded body', async () => {
    await sim.control('PUT', '/amazon/faults/orders.list', { rate_limit_rate: 1 });
    const limited = await getOrders();
    assert.deepEqual([limited.status, limited.body], [429, QUOTA]);
  });

  test('timeout: no answer until the client gives up', async () => {
    await sim.control('PUT', '/amazon/faults/listings.get', { timeout_rate: 1, count: 1 });
    const url = `/listings/2021-08-01/items/${AM_DEFAULTS.sellerId}/A?marketplaceIds=${BR}`;
    await assert.rejects(
      sim.call('amazon', 'GET', url, { headers: headers(), signal: AbortSignal.timeout(150) }),
      {
        name: 'TimeoutError',
      },
    );
    assert.equal((await sim.call('amazon', 'GET', url, { headers: headers() })).status, 200);
  });

  test('partial failures of a feed fail single messages, the same ones under the same seed', async () => {
    const run = async () => {
      await sim.control('POST', '/reset', { seed: 'feeds' });
      await sim.control('PATCH', '/amazon/settings', { feed_queue_ms: 0, feed_processing_ms: 0 });
      token = await defaultToken(sim, 'amazon');
      for (let i = 0; i < 10; i++)
        await sim.control('POST', '/amazon/listings', { sku: `S${i}`, price: 1, quantity: 1 });
      await sim.control('PUT', '/amazon/faults/feeds.create', { partial_failure_rate: 0.5 });
      const doc = (
        await sim.call('amazon', 'POST', '/feeds/2021-06-30/documents', {
          headers: headers(),
          json: { contentType: 'application/json' },
        })
      ).body;
      const messages = Array.from({ length: 10 }, (_, i) => ({
        messageId: i + 1,
        sku: `S${i}`,
        operationType: 'DELETE',
      }));
      await fetch(doc.url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ header: { sellerId: AM_DEFAULTS.sellerId, version: '2.0' }, messages }),
      });
      const feed = await sim.call('amazon', 'POST', '/feeds/2021-06-30/feeds', {
        headers: headers(),
        json: {
          feedType: 'JSON_LISTINGS_FEED',
          marketplaceIds: [BR],
          inputFeedDocumentId: doc.feedDocumentId,
        },
      });
      const done = await sim.call('amazon', 'GET', `/feeds/2021-06-30/feeds/${feed.body.feedId}`, {
        headers: headers(),
      });
      const report = await sim.call(
        'amazon',
        'GET',
        `/feeds/2021-06-30/documents/${done.body.resultFeedDocumentId}`,
        {
          headers: headers(),
        },
      );
      const content = (await (await fetch(report.body.url)).json()) as { issues: Array<{ sku: string }> };
      return content.issues.map((entry) => entry.sku).join(',');
    };
    const first = await run();
    assert.ok(first.length > 0 && first.split(',').length < 10, `some messages failed: ${first}`);
    assert.equal(await run(), first);
  });
});
