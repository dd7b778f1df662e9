import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';

let sim: TestSimulator;
before(async () => {
  sim = await openSimulator({ magalu: { applyDelayMs: 0 } });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
});

describe('control API', () => {
  test('describes every channel with its default credentials', async () => {
    const overview = await sim.control('GET', '/');
    assert.equal(overview.status, 200);
    const channels = overview.body.channels.map((channel: { channel: string }) => channel.channel);
    assert.deepEqual(channels, ['mercadolivre', 'magalu', 'amazon', 'shopee']);
    const ml = await sim.control('GET', '/mercadolivre');
    assert.deepEqual(Object.keys(ml.body.defaults), ['client_id', 'client_secret', 'user_id']);
    assert.equal((await sim.control('GET', '/tiktokshop')).status, 404);
  });

  test('a new app and seller get working tokens for their own listings only', async () => {
    await sim.control('POST', '/mercadolivre/apps', { client_id: '999', client_secret: 'shh' });
    await sim.control('POST', '/mercadolivre/sellers', { id: 4242, nickname: 'LOJA' });
    const token = (await sim.control('POST', '/mercadolivre/tokens', { client_id: '999', user_id: 4242 }))
      .body;
    assert.equal(token.user_id, 4242);
    const own = (await sim.control('POST', '/mercadolivre/listings', { user_id: 4242, sku: 'K', price: 3 }))
      .body;
    const put = await sim.call('mercadolivre', 'PUT', `/items/${own.id}`, {
      token: token.access_token,
      json: { price: 4 },
    });
    assert.equal(put.status, 200);
    assert.equal((await sim.control('GET', '/mercadolivre/listings?seller_id=4242')).body.length, 1);
    assert.equal((await sim.control('GET', '/mercadolivre/listings?sku=K')).body[0].id, own.id);
  });

  test('a marketplace-side edit shows in the API and is not a logged write', async () => {
    const listing = (await sim.control('POST', '/magalu/listings', { sku: 'E', price: 1000, stock: 1 })).body;
    const edited = await sim.control('PATCH', `/magalu/listings/${listing.id}`, { stock: 9 });
    assert.equal(edited.body.stock, 9);
    const token = await defaultToken(sim, 'magalu');
    const read = await sim.call('magalu', 'GET', '/seller/v1/portfolios/stocks/E', { token });
    assert.equal(read.body.results[0].quantity, 9);
    assert.equal((await sim.control('GET', '/writes')).body.entries.length, 0);
  });

  test('reset forgets listings, tokens and writes', async () => {
    const token = await defaultToken(sim, 'mercadolivre');
    const item = (await sim.control('POST', '/mercadolivre/listings', { price: 1, available_quantity: 1 }))
      .body;
    await sim.call('mercadolivre', 'PUT', `/items/${item.id}`, { token, json: { price: 2 } });
    await sim.control('POST', '/reset');
    assert.equal((await sim.control('GET', `/mercadolivre/listings/${item.id}`)).status, 404);
    assert.equal((await sim.control('GET', '/writes')).body.last_seq, 0);
    assert.equal((await sim.call('mercadolivre', 'GET', '/users/me', { token })).status, 401);
  });

  test('bad control input is a 400 naming the problem; unknown routes 404', async () => {
    const bad = await sim.control('POST', '/mercadolivre/listings', { price: 'ten' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /price/);
    assert.equal((await sim.control('GET', '/nothing/here/at/all')).status, 404);
    const transition = await sim.control('POST', '/mercadolivre/orders/1/status', { status: 'paid' });
    assert.equal(transition.status, 404);
  });

  test('limits can be read and overridden per operation', async () => {
    const before = await sim.control('GET', '/magalu/limits');
    assert.equal(before.body.limits['stocks.update'].burst, 650);
    const after = await sim.control('PUT', '/magalu/limits', { 'stocks.update': { rate: 1, burst: 1 } });
    assert.deepEqual(after.body.limits['stocks.update'], { rate: 1, burst: 1 });
    const restored = await sim.control('PUT', '/magalu/limits', { 'stocks.update': null });
    assert.equal(restored.body.limits['stocks.update'].burst, 650);
  });
});

describe('control token', () => {
  test('when set, /_control needs it and the marketplaces do not', async () => {
    const guarded = await openSimulator({ controlToken: 'secret' });
    try {
      assert.equal((await guarded.control('GET', '/')).status, 401);
      const ok = await fetch(`${guarded.url}/_control/`, { headers: { authorization: 'Bearer secret' } });
      assert.equal(ok.status, 200);
      assert.equal(
        (await guarded.call('mercadolivre', 'GET', '/users/me')).status,
        401,
        'ML answers with its own 401',
      );
    } finally {
      await guarded.close();
    }
  });
});
