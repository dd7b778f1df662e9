import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { StockUpdate } from '../adapter.ts';
import { testContext } from '../testing.ts';
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

const REDIRECT = 'https://hub.example/oauth/mercadolivre';

function stock(item: MlListingView, qty: number): StockUpdate {
  return { listingId: 1, externalId: item.id, sku: item.sku ?? '', qty };
}

/** The seller's browser: open the consent page, follow nothing, read the code off the redirect. */
async function consent(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.status, 302);
  const location = new URL(response.headers.get('location') ?? '');
  assert.equal(location.searchParams.get('state'), 'st-1');
  return location.searchParams.get('code') ?? '';
}

describe('Mercado Livre OAuth', () => {
  test('the consent page is on auth.mercadolivre.com.br for the real API, under the base URL otherwise', () => {
    const start = { clientId: '123', redirectUri: REDIRECT, state: 's' };
    const real = new URL(mercadoLivre.authorizeUrl!({ ...start, baseUrl: mercadoLivre.defaultBaseUrl }));
    assert.equal(`${real.origin}${real.pathname}`, 'https://auth.mercadolivre.com.br/authorization');
    assert.deepEqual(Object.fromEntries(real.searchParams), {
      response_type: 'code',
      client_id: '123',
      redirect_uri: REDIRECT,
      state: 's',
    });
    const local = new URL(mercadoLivre.authorizeUrl!({ ...start, baseUrl: ml.baseUrl }));
    assert.equal(`${local.origin}${local.pathname}`, `${ml.baseUrl}/authorization`);
  });

  test('exchanges the code for tokens that work', async () => {
    const start = { baseUrl: ml.baseUrl, clientId: ml.clientId, redirectUri: REDIRECT, state: 'st-1' };
    const code = await consent(mercadoLivre.authorizeUrl!(start));
    const credentials = await mercadoLivre.exchangeCode!({ ...start, clientSecret: ml.clientSecret, code });
    assert.match(credentials.accessToken ?? '', /^APP_USR-/);
    assert.match(credentials.refreshToken ?? '', /^TG-/);
    assert.ok((credentials.expiresAt ?? 0) > Date.now() + 5 * 3_600_000, 'six hours');
    assert.ok(credentials.sellerId);
    const ctx = testContext(mercadoLivre, ml.baseUrl, credentials);
    assert.equal((await mercadoLivre.testConnection(ctx)).sellerId, credentials.sellerId);
    const again = mercadoLivre.exchangeCode!({ ...start, clientSecret: ml.clientSecret, code });
    await assert.rejects(again, { failure: 'auth', code: 'ml.invalid_grant' }, 'a code is single-use');
  });

  test('a refresh rotates the refresh token, and the old one is refused afterwards', async () => {
    const ctx = await ml.connect();
    const before = ctx.credentials.stored;
    const after = await mercadoLivre.refreshToken(ml.baseUrl, before);
    assert.notEqual(after.accessToken, before.accessToken);
    assert.notEqual(after.refreshToken, before.refreshToken);
    assert.equal(after.sellerId, before.sellerId);
    await assert.rejects(mercadoLivre.refreshToken(ml.baseUrl, before), (error: Error) => {
      assert.deepEqual(
        [Reflect.get(error, 'failure'), Reflect.get(error, 'code'), Reflect.get(error, 'marketplaceMessage')],
        [
          'auth',
          'ml.invalid_grant',
          'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
        ],
      );
      return true;
    });
  });

  test('a revoked access token is refreshed once, and the call goes through', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    const stale = ctx.credentials.stored;
    await ml.control('POST', '/mercadolivre/revocations', { access_token: stale.accessToken });
    const [outcome] = await mercadoLivre.pushStock(ctx, [stock(item, 4)]);
    assert.equal(outcome?.ok, true);
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.notEqual(ctx.credentials.stored.refreshToken, stale.refreshToken, 'the rotated token was kept');
    assert.equal((await ml.view(item.id)).stock, 4);
  });

  test('an access token expired at the marketplace is refreshed the same way', async () => {
    const ctx = await ml.connect();
    await ml.control('POST', '/clock', { advance_ms: 6 * 3_600_000 + 1_000 });
    const seller = await mercadoLivre.testConnection(ctx);
    assert.equal(seller.sellerId, ctx.credentials.stored.sellerId);
    assert.equal(ctx.credentials.refreshCount, 1);
  });

  test('a token about to expire is refreshed before the call leaves', async () => {
    const connected = await ml.connect();
    const nearlyExpired = { ...connected.credentials.stored, expiresAt: Date.now() + 5_000 };
    const ctx = testContext(mercadoLivre, ml.baseUrl, nearlyExpired);
    await mercadoLivre.testConnection(ctx);
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.ok((ctx.credentials.stored.expiresAt ?? 0) > Date.now() + 5 * 3_600_000);
  });

  test('when the refresh token is revoked too, the push fails with an auth error and stops', async () => {
    const ctx = await ml.connect();
    const first = await ml.listing({ sku: 'A', price: 10, available_quantity: 1 });
    const second = await ml.listing({ sku: 'B', price: 10, available_quantity: 1 });
    await ml.control('POST', '/mercadolivre/revocations', {
      user_id: Number(ctx.credentials.stored.sellerId),
    });
    const outcomes = await mercadoLivre.pushStock(ctx, [
      stock(first, 2),
      { ...stock(second, 2), listingId: 2 },
    ]);
    for (const outcome of outcomes) {
      assert.ok(!outcome.ok);
      assert.deepEqual([outcome.error.failure, outcome.error.code], ['auth', 'ml.invalid_grant']);
    }
    assert.equal(ctx.credentials.refreshCount, 1, 'one refresh attempt, not one per item');
    assert.deepEqual(await ml.writes(), [], 'nothing reached the items');
  });

  test('concurrent calls that meet a dead token share one refresh', async () => {
    const ctx = await ml.connect();
    const items = await Promise.all(
      ['A', 'B', 'C', 'D'].map((sku) => ml.listing({ sku, price: 10, available_quantity: 1 })),
    );
    await ml.control('POST', '/mercadolivre/revocations', {
      access_token: ctx.credentials.stored.accessToken,
    });
    const outcomes = await Promise.all(items.map((item) => mercadoLivre.pushStock(ctx, [stock(item, 6)])));
    assert.ok(outcomes.flat().every((outcome) => outcome.ok));
    assert.equal(ctx.credentials.refreshCount, 1, 'the single-use refresh token was spent once');
  });
});
