import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { testContext } from '../testing.ts';
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
});

const REDIRECT = 'https://hub.example/oauth/magalu';
const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';

describe('Magalu OAuth', () => {
  test('the consent page is ID Magalu’s for the real API, under the base URL otherwise', () => {
    const start = { clientId: 'app', redirectUri: REDIRECT, state: 's' };
    const real = new URL(magalu.authorizeUrl!({ ...start, baseUrl: magalu.defaultBaseUrl }));
    assert.equal(`${real.origin}${real.pathname}`, 'https://id.magalu.com/login');
    assert.equal(real.searchParams.get('choose_tenants'), 'true');
    assert.match(real.searchParams.get('scope') ?? '', /open:portfolio-stocks-seller:write/);
    const sandbox = new URL(magalu.authorizeUrl!({ ...start, baseUrl: 'https://api-sandbox.magalu.com' }));
    assert.equal(sandbox.origin, 'https://id.magalu.com');
    const local = new URL(magalu.authorizeUrl!({ ...start, baseUrl: mg.baseUrl }));
    assert.equal(`${local.origin}${local.pathname}`, `${mg.baseUrl}/login`);
  });

  test('exchanges the code for tokens bound to the seller’s store', async () => {
    const start = {
      baseUrl: mg.baseUrl,
      clientId: mg.defaults.client_id,
      redirectUri: REDIRECT,
      state: 'st',
    };
    // G4: ID Magalu refuses a consent whose scopes differ from the app's; the simulator's app
    // is registered with Magalu's real scopes, so a consent asking for another one is a 400.
    const consentUrl = new URL(magalu.authorizeUrl!(start));
    assert.ok(!consentUrl.searchParams.get('scope')?.includes('open:order-invoice-seller:read'));
    const response = await fetch(consentUrl, { redirect: 'manual' });
    assert.equal(response.status, 302, await response.text());
    const code = new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const credentials = await magalu.exchangeCode!({
      ...start,
      clientSecret: mg.defaults.client_secret,
      code,
    });
    assert.equal(credentials.sellerId, mg.defaults.seller_id);
    assert.ok((credentials.expiresAt ?? 0) > Date.now() + 3_600_000);
    const ctx = testContext(magalu, mg.baseUrl, credentials);
    assert.deepEqual(await magalu.testConnection(ctx), { sellerId: mg.defaults.seller_id });
    const again = magalu.exchangeCode!({ ...start, clientSecret: mg.defaults.client_secret, code });
    await assert.rejects(again, {
      failure: 'auth',
      code: 'magalu.invalid_grant',
      marketplaceMessage: INVALID_GRANT,
    });
  });

  test('a refresh rotates the refresh token, and the old one is refused afterwards', async () => {
    const ctx = await mg.connect();
    const before = ctx.credentials.stored;
    const after = await magalu.refreshToken(mg.baseUrl, before);
    assert.notEqual(after.accessToken, before.accessToken);
    assert.notEqual(after.refreshToken, before.refreshToken);
    await assert.rejects(magalu.refreshToken(mg.baseUrl, before), {
      failure: 'auth',
      code: 'magalu.invalid_grant',
      marketplaceMessage: INVALID_GRANT,
    });
  });

  test('a revoked access token is refreshed once, and the write goes through', async () => {
    const ctx = await mg.connect();
    await mg.listing({ sku: 'A', price: 1000 });
    await mg.control('POST', '/magalu/revocations', { access_token: ctx.credentials.stored.accessToken });
    const [outcome] = await magalu.pushStock(ctx, [{ listingId: 1, externalId: 'A', sku: 'A', qty: 3 }]);
    assert.equal(outcome?.ok, true);
    assert.equal(ctx.credentials.refreshCount, 1);
    assert.equal((await mg.settled('A')).stock, 3);
  });

  test('when the refresh token is revoked too, the push fails with an auth error and stops', async () => {
    const ctx = await mg.connect();
    await mg.control('POST', '/magalu/revocations', { seller_id: mg.defaults.seller_id });
    const updates = ['A', 'B'].map((sku, index) => ({ listingId: index + 1, externalId: sku, sku, qty: 1 }));
    const outcomes = await magalu.pushStock(ctx, updates);
    for (const outcome of outcomes) {
      assert.ok(!outcome.ok);
      assert.deepEqual([outcome.error.failure, outcome.error.code], ['auth', 'magalu.invalid_grant']);
    }
    assert.equal(ctx.credentials.refreshCount, 1);
  });

  test('a token without a scope is an auth error the seller fixes by reconnecting, not a refresh', async () => {
    const ctx = await mg.connect({ scopes: ['open:portfolio-skus-seller:read'] });
    await mg.listing({ sku: 'A', price: 1000 });
    const [outcome] = await magalu.pushStock(ctx, [{ listingId: 1, externalId: 'A', sku: 'A', qty: 3 }]);
    assert.ok(outcome !== undefined && !outcome.ok);
    assert.deepEqual(
      [outcome.error.failure, outcome.error.code, outcome.error.httpStatus],
      ['auth', 'magalu.forbidden', 403],
    );
    assert.equal(
      outcome.error.marketplaceMessage,
      'The token lacks the scope open:portfolio-stocks-seller:write',
    );
    assert.equal(ctx.credentials.refreshCount, 0);
  });

  test('an expired token says so and is refreshed', async () => {
    const ctx = await mg.connect();
    await mg.control('POST', '/clock', { advance_ms: 7_200_000 + 1_000 });
    assert.equal((await magalu.testConnection(ctx)).sellerId, mg.defaults.seller_id);
    assert.equal(ctx.credentials.refreshCount, 1);
  });
});
