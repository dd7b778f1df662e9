/** SkyHub's Rehub: a JWT from POST /auth, then link / price_entry / unlink actions by SKU. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorld, inject, type World } from './world.ts';

let world: World;
let token: string;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

const bearer = (method: string, url: string, body?: unknown) =>
  inject(world.t.app, { authorization: `Bearer ${token}`, accept: 'application/json' }, method, url, body);

describe('Rehub', () => {
  it('trades SkyHub credentials for a token, and refuses wrong ones', async () => {
    const bad = await inject(world.t.app, { 'x-accountmanager-key': 'erp' }, 'POST', '/auth', {
      user_email: world.t.seller.email,
      api_key: 'nope',
    });
    assert.equal(bad.status, 401);
    const missing = await inject(world.t.app, {}, 'POST', '/auth', {
      user_email: world.t.seller.email,
      api_key: world.t.seller.apiKey,
    });
    assert.equal(missing.status, 401);
    assert.match(missing.body.error, /X-Accountmanager-Key/);
    const ok = await inject(world.t.app, { 'x-accountmanager-key': 'erp' }, 'POST', '/auth', {
      user_email: world.t.seller.email,
      api_key: world.t.seller.apiKey,
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.expires_in, 21_600);
    token = ok.body.token;
  });

  it('refuses /rehub without a valid bearer token', async () => {
    const res = await inject(
      world.t.app,
      { authorization: 'Bearer forged.token.here' },
      'GET',
      '/rehub/product_actions?type=link',
    );
    assert.equal(res.status, 401);
  });

  it('links, syncs (price_entry) and unlinks products, recording each action', async () => {
    await world.api('POST', '/products', { product: { sku: 'RH-1', name: 'Rehub', qty: 3, price: 15 } });
    const link = await bearer('POST', '/rehub/product_actions', { type: 'link', sku: 'RH-1' });
    assert.equal(link.status, 201);
    assert.match(link.body.id, /^\d+$/);
    assert.equal((await world.listing('RH-1')).stock, 3);

    await world.api('PUT', '/products/RH-1', { product: { qty: 8 } });
    const entry = await bearer('POST', '/rehub/product_actions', { type: 'price_entry', skus: ['RH-1'] });
    assert.equal(entry.status, 201);
    assert.equal((await world.listing('RH-1')).stock, 8, 'price_entry sends stock and price now');

    const unlink = await bearer('POST', '/rehub/product_actions', { type: 'unlink', sku: 'RH-1' });
    assert.equal(unlink.status, 201);
    assert.equal((await world.listing('RH-1')).status, 'paused');

    const links = await bearer('GET', '/rehub/product_actions?type=link');
    assert.equal(links.body.product_actions[0].id, link.body.id);
    assert.equal(links.body.product_actions[0].status, 'done');
    const noType = await bearer('GET', '/rehub/product_actions');
    assert.equal(noType.status, 400);
    assert.match(noType.body.error, /type: is required/);
  });

  it("records a SKU's failure in the action instead of failing it", async () => {
    const res = await bearer('POST', '/rehub/product_actions', { type: 'link', skus: ['NO-SUCH-SKU'] });
    assert.equal(res.status, 201);
    const list = await bearer('GET', '/rehub/product_actions?type=link');
    const action = list.body.product_actions.find((a: { id: string }) => a.id === res.body.id);
    assert.equal(action.status, 'failed');
    assert.match(action.results[0].error, /NO-SUCH-SKU/);
  });
});
