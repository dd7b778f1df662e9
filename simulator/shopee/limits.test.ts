import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { openSimulator } from '../test-support.ts';
import { shopeeCall } from './testing.ts';

// A frozen clock: buckets refill and days end only when a test advances it. 20:00 UTC is 04:00 UTC+8.
const T0 = Date.parse('2026-05-04T20:00:00Z');

let sim: TestSimulator;
let token: string;
let itemId: number;
before(async () => {
  sim = await openSimulator({ now: () => T0 });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = (await sim.control('POST', '/shopee/tokens', {})).body.access_token;
  itemId = Number((await sim.control('POST', '/shopee/listings', { sku: 'X', price: 10, stock: 1 })).body.id);
});

const updateStock = (stock = 2) =>
  shopeeCall(sim, 'POST', '/api/v2/product/update_stock', {
    token,
    json: { item_id: itemId, stock_list: [{ model_id: 0, seller_stock: [{ stock }] }] },
  });

describe('Shopee limits', () => {
  test('a burst past the bucket answers error_rate_limit in an HTTP 200 envelope', async () => {
    const errors: string[] = [];
    for (let i = 0; i < 21; i++) errors.push((await updateStock()).body.error);
    assert.deepEqual(errors.slice(0, 20), Array(20).fill(''));
    const limited = await updateStock();
    assert.equal(limited.status, 200);
    assert.equal(limited.body.error, 'error_rate_limit');
    assert.ok(limited.body.request_id);
    assert.equal(limited.headers.get('retry-after'), null);
    await sim.control('POST', '/clock', { advance_ms: 100 });
    assert.equal((await updateStock()).body.error, '', 'one token back after 1/10 s');
  });

  test('the daily quota answers error_limit until 00:00 UTC+8', async () => {
    await sim.control('PATCH', '/shopee/settings', { daily_call_limit: 3 });
    for (let i = 0; i < 3; i++) assert.equal((await updateStock()).body.error, '');
    const spent = await updateStock();
    assert.deepEqual([spent.status, spent.body.error], [200, 'error_limit']);
    await sim.control('POST', '/clock', { advance_ms: 19 * 3_600_000 });
    // A fresh token (the old one lived 4 h): the quota belongs to the (partner, shop), not the token.
    token = (await sim.control('POST', '/shopee/tokens', {})).body.access_token;
    assert.equal((await updateStock()).body.error, 'error_limit', '23:00 UTC+8: same day');
    await sim.control('POST', '/clock', { advance_ms: 3_600_000 });
    assert.equal((await updateStock()).body.error, '', 'a new day at 00:00 UTC+8');
  });

  test('"no limits" mode skips the buckets and the daily quota', async () => {
    await sim.control('PATCH', '/shopee/settings', { daily_call_limit: 1 });
    await sim.control('PATCH', '/settings', { unlimited: true });
    for (let i = 0; i < 30; i++) assert.equal((await updateStock()).body.error, '');
  });
});

describe('Shopee faults', () => {
  test('error_rate: the status asked, error_server in the envelope, nothing applied', async () => {
    await sim.control('PUT', '/shopee/faults/product.update_stock', {
      error_rate: 1,
      error_status: 503,
      count: 1,
    });
    const failed = await updateStock(9);
    assert.deepEqual([failed.status, failed.body.error], [503, 'error_server']);
    assert.equal((await sim.control('GET', `/shopee/listings/${itemId}`)).body.stock, 1);
  });

  test('a 429 storm is error_rate_limit in HTTP 200; Retry-After when switched on', async () => {
    await sim.control('PUT', '/shopee/faults/*', { rate_limit_rate: 1 });
    await sim.control('PATCH', '/settings', { retry_after: true });
    const limited = await updateStock();
    assert.deepEqual([limited.status, limited.body.error], [200, 'error_rate_limit']);
    assert.equal(limited.headers.get('retry-after'), '1');
  });

  test('partial_failure_rate fails single models into failure_list', async () => {
    const created = await sim.control('POST', '/shopee/listings', {
      sku: 'M',
      models: Array.from({ length: 10 }, (_, i) => ({ name: `T${i}`, price: 10, stock: 1 })),
    });
    const models = created.body.variations.map((variation: { id: string }) => Number(variation.id));
    await sim.control('PUT', '/shopee/faults/product.update_stock', { partial_failure_rate: 0.5 });
    const answer = await shopeeCall(sim, 'POST', '/api/v2/product/update_stock', {
      token,
      json: {
        item_id: Number(created.body.id),
        stock_list: models.map((id: number) => ({ model_id: id, seller_stock: [{ stock: 5 }] })),
      },
    });
    assert.equal(answer.body.error, 'error_busi_update_stock_failed');
    const failed = answer.body.response.failure_list.length;
    assert.ok(failed > 0 && failed < 10, `some models failed (${failed})`);
    assert.equal(answer.body.response.success_list.length + failed, 10);
  });

  test('an unknown path is error_not_found; a malformed body is error_param', async () => {
    const missing = await shopeeCall(sim, 'GET', '/api/v2/product/nothing', { token });
    assert.deepEqual([missing.status, missing.body.error], [404, 'error_not_found']);
    const broken = await sim.call('shopee', 'POST', '/api/v2/product/update_stock', {
      text: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    assert.deepEqual([broken.status, broken.body.error], [200, 'error_param']);
  });
});
