import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { testContext } from '../testing.ts';
import { amazon } from './adapter.ts';
import type { AmHarness } from './testing.ts';
import { openAmazon, quickAmazon } from './testing.ts';

let am: AmHarness;
before(async () => {
  am = await openAmazon();
});
after(async () => {
  // Whatever the adapter sent fits Amazon's models (the simulator's conformance ledger).
  try {
    await am.assertConformant();
  } finally {
    await am.close();
  }
});
beforeEach(async () => {
  await am.control('POST', '/reset');
  await am.instant();
});

const REDIRECT = 'https://hub.example/oauth/callback';
const HOUR = 3_600_000;

describe('Amazon LWA', () => {
  test('the consent page is Seller Central’s for the real API, under the base URL otherwise', () => {
    const start = {
      clientId: 'lwa',
      redirectUri: REDIRECT,
      state: 's',
      extra: { applicationId: 'amzn1.sp.solution.x' },
    };
    const real = new URL(amazon.authorizeUrl!({ ...start, baseUrl: amazon.defaultBaseUrl }));
    assert.equal(
      `${real.origin}${real.pathname}`,
      'https://sellercentral.amazon.com.br/apps/authorize/consent',
    );
    assert.equal(real.searchParams.get('application_id'), 'amzn1.sp.solution.x');
    assert.equal(real.searchParams.get('state'), 's');
    const local = new URL(amazon.authorizeUrl!({ ...start, baseUrl: am.baseUrl }));
    assert.equal(`${local.origin}${local.pathname}`, `${am.baseUrl}/apps/authorize/consent`);
    assert.throws(() => amazon.authorizeUrl!({ ...start, extra: {}, baseUrl: am.baseUrl }), {
      code: 'amazon.no_application_id',
    });
  });

  test('consent → spapi_oauth_code and selling_partner_id → tokens for that seller', async () => {
    const start = {
      baseUrl: am.baseUrl,
      clientId: am.defaults.client_id,
      redirectUri: REDIRECT,
      state: 'st',
      extra: { applicationId: am.defaults.application_id },
    };
    const response = await fetch(amazon.authorizeUrl!(start), { redirect: 'manual' });
    assert.equal(response.status, 302);
    const back = new URL(response.headers.get('location') ?? '');
    assert.equal(back.searchParams.get('state'), 'st');
    const params = Object.fromEntries(back.searchParams);
    const credentials = await amazon.exchangeCode!({
      ...start,
      clientSecret: am.defaults.client_secret,
      code: params.spapi_oauth_code ?? '',
      params,
    });
    assert.equal(credentials.sellerId, am.defaults.seller_id);
    assert.deepEqual(credentials.extra, { applicationId: am.defaults.application_id });
    assert.ok((credentials.expiresAt ?? 0) > Date.now() + HOUR - 60_000);
    const ctx = testContext(amazon, am.baseUrl, credentials);
    assert.deepEqual(await amazon.testConnection(ctx), {
      sellerId: am.defaults.seller_id,
      name: 'Loja Simulada Cais',
    });
    const again = amazon.exchangeCode!({
      ...start,
      clientSecret: am.defaults.client_secret,
      code: params.spapi_oauth_code ?? '',
    });
    await assert.rejects(again, {
      failure: 'auth',
      code: 'amazon.invalid_grant',
      marketplaceMessage: 'The request has an invalid grant parameter : code',
    });
  });

  test('a pasted refresh token alone is enough: the first call trades it for an access token', async () => {
    const ctx = await am.connect({ refreshOnly: true });
    assert.equal(ctx.credentials.stored.accessToken, undefined);
    assert.equal((await amazon.testConnection(ctx)).sellerId, am.defaults.seller_id);
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.match(ctx.credentials.stored.accessToken ?? '', /^Atza\|/);
    assert.equal(ctx.credentials.stored.refreshToken, am.defaults.refresh_token, 'LWA does not rotate it');
  });

  test('an expired token (403 Unauthorized, not 401) is refreshed once and the write goes through', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'A', price: 10 });
    // Cais's own expiry is an hour away; Amazon's clock says the token is gone.
    await am.advance(HOUR + 1_000);
    const [outcome] = await quickAmazon.pushStock(ctx, [{ listingId: 1, externalId: 'A', sku: 'A', qty: 3 }]);
    assert.deepEqual(outcome, { listingId: 1, ok: true, applied: 'pending' });
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.equal((await am.view('A')).stock, 3);
  });

  test('a de-authorised app: the refresh is refused, the push fails with an auth error and stops', async () => {
    const ctx = await am.connect();
    await am.control('POST', '/amazon/revocations', { seller_id: am.defaults.seller_id });
    const updates = ['A', 'B'].map((sku, i) => ({ listingId: i + 1, externalId: sku, sku, qty: 1 }));
    const outcomes = await quickAmazon.pushStock(ctx, updates);
    for (const outcome of outcomes) {
      assert.ok(!outcome.ok);
      assert.deepEqual(
        [outcome.error.failure, outcome.error.code, outcome.error.marketplaceMessage],
        ['auth', 'amazon.invalid_grant', 'The request has an invalid grant parameter : refresh_token'],
      );
    }
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.equal((await am.writes('listings.patch')).length, 0);
  });

  test('without a selling partner id the connection cannot work, and says what to give', async () => {
    const ctx = testContext(amazon, am.baseUrl, { ...am.credentials(), sellerId: undefined });
    await assert.rejects(amazon.testConnection(ctx), { failure: 'auth', code: 'amazon.no_seller_id' });
    const [outcome] = await quickAmazon.pushStock(ctx, [{ listingId: 1, externalId: 'A', sku: 'A', qty: 1 }]);
    assert.ok(outcome && !outcome.ok);
    assert.match(outcome.error.hint ?? '', /Merchant Token/);
  });

  test('a marketplace the seller does not sell on is refused at the connection test', async () => {
    const ctx = testContext(amazon, am.baseUrl, {
      ...am.credentials(),
      extra: { marketplaceId: 'ATVPDKIKX0DER' },
    });
    await assert.rejects(amazon.testConnection(ctx), {
      failure: 'permanent',
      code: 'amazon.marketplace_not_participating',
    });
  });

  test('a token for another seller is refused after one refresh, as an auth error', async () => {
    await am.control('POST', '/amazon/sellers', { id: 'A2OTHERSELLER1' });
    const ctx = testContext(quickAmazon, am.baseUrl, { ...am.credentials(), sellerId: 'A2OTHERSELLER1' });
    const [outcome] = await quickAmazon.pushStock(ctx, [{ listingId: 1, externalId: 'A', sku: 'A', qty: 1 }]);
    assert.ok(outcome && !outcome.ok);
    assert.deepEqual([outcome.error.failure, outcome.error.httpStatus], ['auth', 403]);
    assert.match(outcome.error.marketplaceMessage, /does not grant access to seller A2OTHERSELLER1/);
    assert.equal(ctx.credentials.refreshCount, 2, 'the pasted refresh token, then the one retry');
  });
});
