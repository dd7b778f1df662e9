import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { testContext } from '../testing.ts';
import { shopee } from './adapter.ts';
import type { SpHarness } from './testing.ts';
import { openShopee } from './testing.ts';

let sp: SpHarness;
before(async () => {
  sp = await openShopee();
});
after(async () => {
  // Whatever the adapter sent fits Shopee's request_params (the simulator's conformance ledger).
  try {
    await sp.assertConformant();
  } finally {
    await sp.close();
  }
});
beforeEach(() => sp.reset());

const REDIRECT = 'https://hub.example/oauth/callback';
const HOUR = 3_600_000;

describe('Shopee shop authorisation and tokens', () => {
  test('auth_partner is signed with the partner key and carries Cais’s state in the redirect', () => {
    const url = new URL(
      shopee.authorizeUrl!({
        baseUrl: 'https://openplatform.shopee.com.br',
        clientId: '2001887',
        clientSecret: 'key',
        redirectUri: REDIRECT,
        state: 'abc',
      }),
    );
    assert.equal(url.pathname, '/api/v2/shop/auth_partner');
    assert.equal(url.searchParams.get('partner_id'), '2001887');
    assert.match(url.searchParams.get('sign') ?? '', /^[0-9a-f]{64}$/);
    assert.equal(url.searchParams.get('redirect'), `${REDIRECT}?state=abc`);
  });

  test('consent → code and shop_id → tokens for that shop', async () => {
    const start = {
      baseUrl: sp.baseUrl,
      clientId: String(sp.defaults.partner_id),
      clientSecret: sp.defaults.partner_key,
      redirectUri: REDIRECT,
      state: 'st',
    };
    const response = await fetch(sp.adapter.authorizeUrl!(start), { redirect: 'manual' });
    assert.equal(response.status, 302);
    const back = new URL(response.headers.get('location') ?? '');
    const params = Object.fromEntries(back.searchParams);
    assert.equal(params.state, 'st');
    assert.equal(params.shop_id, String(sp.defaults.shop_id));
    const credentials = await sp.adapter.exchangeCode!({ ...start, code: params.code ?? '', params });
    assert.equal(credentials.sellerId, String(sp.defaults.shop_id));
    assert.ok((credentials.expiresAt ?? 0) > Date.now() + 4 * HOUR - 60_000);
    const ctx = testContext(sp.adapter, sp.baseUrl, credentials);
    assert.deepEqual(await sp.adapter.testConnection(ctx), { sellerId: String(sp.defaults.shop_id) });
    const again = sp.adapter.exchangeCode!({ ...start, code: params.code ?? '', params });
    await assert.rejects(again, {
      failure: 'auth',
      code: 'shopee.invalid_code',
      marketplaceMessage: 'The code is expired or used or invalid, please check the code.',
    });
    await assert.rejects(sp.adapter.exchangeCode!({ ...start, code: 'x', params: {} }), {
      code: 'shopee.no_shop_id',
    });
  });

  test('a main account’s authorisation (main_account_id, shop_id_list) connects its one shop; several are refused (S5)', async () => {
    const start = {
      baseUrl: sp.baseUrl,
      clientId: String(sp.defaults.partner_id),
      clientSecret: sp.defaults.partner_key,
      redirectUri: REDIRECT,
      state: 'ma',
    };
    const consent = async () => {
      const response = await fetch(sp.adapter.authorizeUrl!(start), { redirect: 'manual' });
      return Object.fromEntries(new URL(response.headers.get('location') ?? '').searchParams);
    };
    await sp.control('POST', '/shopee/sellers', { id: sp.defaults.shop_id, main_account_id: 7001 });
    const params = await consent();
    assert.deepEqual([params.main_account_id, params.shop_id], ['7001', undefined]);
    const credentials = await sp.adapter.exchangeCode!({ ...start, code: params.code ?? '', params });
    assert.equal(credentials.sellerId, String(sp.defaults.shop_id));
    const ctx = testContext(sp.adapter, sp.baseUrl, credentials);
    assert.deepEqual(await sp.adapter.testConnection(ctx), { sellerId: String(sp.defaults.shop_id) });

    await sp.control('POST', '/shopee/sellers', { id: 880000002, main_account_id: 7001 });
    const many = await consent();
    await assert.rejects(sp.adapter.exchangeCode!({ ...start, code: many.code ?? '', params: many }), {
      failure: 'permanent',
      code: 'shopee.main_account_many_shops',
      marketplaceMessage: `the Shopee main account 7001 authorised 2 shops (${sp.defaults.shop_id}, 880000002)`,
    });
  });

  test('a refresh rotates the refresh token; the spent one is refused (inside HTTP 200)', async () => {
    const ctx = await sp.connect();
    const first = ctx.credentials.stored;
    const second = await sp.adapter.refreshToken(sp.baseUrl, first);
    assert.notEqual(second.accessToken, first.accessToken);
    assert.notEqual(second.refreshToken, first.refreshToken);
    await assert.rejects(sp.adapter.refreshToken(sp.baseUrl, first), {
      failure: 'auth',
      code: 'shopee.error_shop_refresh_token',
      marketplaceMessage: 'Your refresh token is error ,please check refresh token or shopid.',
      httpStatus: 200,
    });
  });

  test('an access token Shopee expired (4 h) is refreshed once, and the write goes through', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ sku: 'A', price: 10, stock: 1 });
    await sp.advance(4 * HOUR + 1_000);
    const [outcome] = await sp.adapter.pushStock(ctx, [
      { listingId: 1, externalId: item.id, sku: 'A', qty: 3 },
    ]);
    assert.deepEqual(outcome, { listingId: 1, ok: true, applied: 'applied' });
    assert.equal(ctx.credentials.refreshCount, 1);
  });

  test('a revoked shop: the refresh is refused, the push fails with an auth error and stops', async () => {
    const ctx = await sp.connect();
    const a = await sp.listing({ sku: 'A', price: 10 });
    const b = await sp.listing({ sku: 'B', price: 10 });
    await sp.control('POST', '/shopee/revocations', { shop_id: sp.defaults.shop_id });
    const outcomes = await sp.adapter.pushStock(ctx, [
      { listingId: 1, externalId: a.id, sku: 'A', qty: 1 },
      { listingId: 2, externalId: b.id, sku: 'B', qty: 1 },
    ]);
    for (const outcome of outcomes) {
      assert.ok(!outcome.ok);
      assert.deepEqual(
        [outcome.error.failure, outcome.error.code],
        ['auth', 'shopee.error_shop_refresh_token'],
      );
    }
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.equal((await sp.writes('product.update_stock')).length, 0);
  });

  test('a wrong partner key is error_sign: an auth failure the seller fixes, not a refresh', async () => {
    const ctx = await sp.connect();
    const wrong = testContext(sp.adapter, sp.baseUrl, {
      ...ctx.credentials.stored,
      clientSecret: 'not-the-key',
    });
    await assert.rejects(sp.adapter.testConnection(wrong), {
      failure: 'auth',
      code: 'shopee.error_sign',
      marketplaceMessage: 'Wrong sign.',
    });
    assert.equal(wrong.credentials.refreshCount, 0);
  });

  test('a clock more than 5 minutes off is named as such, and passing (fix the clock, and it works)', async () => {
    const skewed = sp.withOptions({ clock: () => Date.now() - 10 * 60_000 });
    const ctx = await sp.connect({ adapter: skewed });
    await assert.rejects(skewed.testConnection(ctx), {
      failure: 'transient',
      code: 'shopee.invalid_timestamp',
      marketplaceMessage: 'Invalid timestamp',
    });
  });

  test('a token for another shop is error_auth, and the connection needs the seller', async () => {
    await sp.control('POST', '/shopee/sellers', { id: 880000002 });
    const ctx = await sp.connect();
    const other = testContext(sp.adapter, sp.baseUrl, { ...ctx.credentials.stored, sellerId: '880000002' });
    await assert.rejects(sp.adapter.testConnection(other), {
      failure: 'auth',
      code: 'shopee.error_auth',
      marketplaceMessage: 'Invalid partner_id or shopid.',
    });
    assert.equal(other.credentials.refreshCount, 0);
  });
});
