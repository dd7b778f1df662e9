/**
 * SkyHub's authentication headers (X-User-Email, X-Api-Key or X-User-Token, X-Accountmanager-Key),
 * the operator's allow-list of platform keys, revoked keys, and per-account rate limits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createApiKey, revokeApiKey } from '../../src/accounts/accounts.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  appWith,
  assertError,
  assertNoContent,
  assertStatus,
  type Client,
  client,
  createProduct,
  getProduct,
  otherClient,
} from './client.ts';

let t: TestApp;
let c: Client;
let email: string;
let apiKey: string;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  ({ email, apiKey } = t.seller);
  await createProduct(c, { sku: 'AUTH-1', qty: 1 });
});
after(() => t.close());

/** A request with exactly these headers (no defaults). */
const bare = (headers: Record<string, string>, options: Partial<InjectOptions> = {}) =>
  t.app.inject({ method: 'GET', url: '/products/AUTH-1', ...options, headers });

describe('SkyHub headers', () => {
  test('all three headers: 200', async () => {
    assertStatus(
      await bare({ 'x-user-email': email, 'x-api-key': apiKey, 'x-accountmanager-key': 'erp' }),
      200,
    );
  });

  test('no headers at all: 401 with a message saying which are required', async () => {
    const res = await bare({});
    assertError(res, 401, /^X-User-Email and X-Api-Key headers are required/);
    assert.equal(res.json().code, 'credentials_required');
  });

  test('each header missing: 401 naming it', async () => {
    assertError(await bare({ 'x-api-key': apiKey, 'x-accountmanager-key': 'erp' }), 401, /X-User-Email/);
    assertError(await bare({ 'x-user-email': email, 'x-accountmanager-key': 'erp' }), 401, /X-Api-Key/);
    assertError(
      await bare({ 'x-user-email': email, 'x-api-key': apiKey }),
      401,
      /^X-Accountmanager-Key header is required/,
    );
  });

  test('empty or blank values count as missing', async () => {
    assertError(
      await bare({ 'x-user-email': ' ', 'x-api-key': apiKey, 'x-accountmanager-key': 'erp' }),
      401,
      /required/,
    );
    assertError(
      await bare({ 'x-user-email': email, 'x-api-key': apiKey, 'x-accountmanager-key': '' }),
      401,
      /Accountmanager/,
    );
  });

  test('a wrong key, a wrong email, or another account’s email: 401, the same message', async () => {
    const other = await otherClient(t);
    for (const headers of [
      { 'x-user-email': email, 'x-api-key': 'cais_wrong' },
      { 'x-user-email': 'nobody@example.com', 'x-api-key': apiKey },
      { 'x-user-email': other.seller.email, 'x-api-key': apiKey },
      { 'x-user-email': email, 'x-api-key': other.seller.apiKey },
    ]) {
      assertError(
        await bare({ ...headers, 'x-accountmanager-key': 'erp' }),
        401,
        /^X-User-Email and X-Api-Key do not match an active API key$/,
      );
    }
  });

  test('the legacy X-User-Token works in place of X-Api-Key', async () => {
    assertStatus(
      await bare({ 'x-user-email': email, 'x-user-token': apiKey, 'x-accountmanager-key': 'erp' }),
      200,
    );
  });

  test('header names in any case, and the email in any case', async () => {
    assertStatus(
      await bare({ 'X-USER-EMAIL': email.toUpperCase(), 'x-Api-KEY': apiKey, 'X-AccountManager-Key': 'erp' }),
      200,
    );
  });

  test('any X-Accountmanager-Key is accepted when no allow-list is set', async () => {
    for (const key of ['skyhub-php-default', 'magento2', '12345', 'ç']) {
      assertStatus(
        await bare({ 'x-user-email': email, 'x-api-key': apiKey, 'x-accountmanager-key': key }),
        200,
      );
    }
  });

  test('every seller route asks for credentials; operator routes do not', async () => {
    for (const [method, url] of [
      ['GET', '/products'],
      ['POST', '/products'],
      ['GET', '/products/AUTH-1'],
      ['PUT', '/products/AUTH-1'],
      ['DELETE', '/products/AUTH-1'],
      ['GET', '/products/AUTH-1/history'],
      ['POST', '/products/AUTH-1/variations'],
      ['GET', '/variations/X'],
      ['PUT', '/variations/X'],
      ['DELETE', '/variations/X'],
      ['PUT', '/stocks'],
      ['PUT', '/prices'],
      ['GET', '/categories'],
      ['POST', '/categories'],
      ['PUT', '/categories/x'],
      ['DELETE', '/categories/x'],
      ['GET', '/attributes'],
      ['POST', '/attributes'],
      ['PUT', '/attributes/x'],
    ] as const) {
      const payload = method === 'POST' || method === 'PUT' ? { product: { qty: 0 } } : undefined;
      assertError(await bare({}, { method, url, payload }), 401, /required/);
    }
    assertStatus(await bare({}, { url: '/healthz' }), 200);
    assertError(await c.get('/products/AUTH-1', { 'x-api-key': 'wrong' }), 401, /do not match/);
    assert.equal((await getProduct(c, 'AUTH-1')).qty, 1);
  });

  test('a refused write changes nothing', async () => {
    const res = await bare({}, { method: 'PUT', payload: { product: { qty: 99 } } });
    assertStatus(res, 401);
    assert.equal((await getProduct(c, 'AUTH-1')).qty, 1);
  });
});

describe('the X-Accountmanager-Key allow-list (CAIS_ACCOUNTMANAGER_KEYS)', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await appWith(t, { CAIS_ACCOUNTMANAGER_KEYS: 'erp-a, erp-b' });
  });
  after(() => app.close());

  const withKey = (key: string) =>
    app.inject({
      method: 'GET',
      url: '/products/AUTH-1',
      headers: { 'x-user-email': email, 'x-api-key': apiKey, 'x-accountmanager-key': key },
    });

  test('listed keys are accepted (spaces around commas ignored)', async () => {
    assertStatus(await withKey('erp-a'), 200);
    assertStatus(await withKey('erp-b'), 200);
  });

  test('any other key is 401, with a message that says so', async () => {
    assertError(await withKey('erp-c'), 401, /^X-Accountmanager-Key is not accepted by this server$/);
    assertError(await withKey('ERP-A'), 401, /not accepted/);
  });
});

describe('revoked keys', () => {
  test('a revoked key is refused; the account’s other keys still work', async () => {
    const key = await createApiKey(t.db, t.seller.accountId, 'to revoke');
    const headers = { 'x-user-email': email, 'x-api-key': key.key, 'x-accountmanager-key': 'erp' };
    assertStatus(await bare(headers), 200);
    await revokeApiKey(t.db, t.seller.accountId, key.id);
    // A process started after the revocation (the CLI revokes from another process).
    const fresh = await appWith(t, {});
    try {
      const res = await fresh.inject({ method: 'GET', url: '/products/AUTH-1', headers });
      assertError(res, 401, /do not match an active API key/);
      assertStatus(await client(fresh, t.seller).get('/products/AUTH-1'), 200);
    } finally {
      await fresh.close();
    }
  });

  test('a key revoked before its first use is refused at once', async () => {
    const key = await createApiKey(t.db, t.seller.accountId, 'never used');
    await revokeApiKey(t.db, t.seller.accountId, key.id);
    assertError(
      await bare({ 'x-user-email': email, 'x-api-key': key.key, 'x-accountmanager-key': 'erp' }),
      401,
      /do not match/,
    );
  });
});

describe('rate limits (CAIS_RATE_LIMIT_PER_MINUTE)', () => {
  let app: FastifyInstance;
  let limited: Client;
  before(async () => {
    app = await appWith(t, { CAIS_RATE_LIMIT_PER_MINUTE: '3' });
    // On PostgreSQL the account's window is shared by every app on the database (as by every API
    // process), and the tests above spent part of it: this app starts the minute afresh.
    if (t.db.kind === 'postgres') await t.db.query('DELETE FROM request_windows');
    limited = client(app, t.seller);
  });
  after(() => app.close());

  test('X-RateLimit-* headers count down; the 4th request is 429 with Retry-After and {"error"}', async () => {
    const seen: [string, string, string][] = [];
    for (let i = 0; i < 3; i++) {
      const res = await limited.get('/products/AUTH-1');
      assertStatus(res, 200);
      seen.push([
        String(res.headers['x-ratelimit-limit']),
        String(res.headers['x-ratelimit-remaining']),
        String(res.headers['x-ratelimit-reset']),
      ]);
    }
    assert.deepEqual(
      seen.map(([limit, remaining]) => [limit, remaining]),
      [
        ['3', '2'],
        ['3', '1'],
        ['3', '0'],
      ],
    );
    for (const [, , reset] of seen) assert.ok(Number(reset) > 0 && Number(reset) <= 60, reset);

    const res = await limited.put('/products/AUTH-1', { product: { qty: 50 } });
    assertError(res, 429, /^rate limit of 3 requests per minute for this account exceeded/);
    assert.equal(res.json().code, 'rate_limited');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After: ${res.headers['retry-after']}`);
    assert.equal(res.headers['x-ratelimit-remaining'], '0');
  });

  test('a rate-limited write changes nothing', async () => {
    assert.equal((await getProduct(c, 'AUTH-1')).qty, 1);
  });

  test('the limit is per account: another key of the same account shares it', async () => {
    const second = await createApiKey(t.db, t.seller.accountId, 'second');
    const res = await client(app, {
      ...t.seller,
      headers: { ...t.seller.headers, 'x-api-key': second.key },
    }).get('/products/AUTH-1');
    assertStatus(res, 429);
  });

  test('another account is not affected', async () => {
    const other = await otherClient(t);
    const res = await client(app, other.seller).get('/products');
    assertStatus(res, 200);
    assert.equal(res.headers['x-ratelimit-remaining'], '2');
  });

  test('operator routes are not rate limited', async () => {
    for (let i = 0; i < 5; i++) assertStatus(await app.inject({ method: 'GET', url: '/healthz' }), 200);
  });

  test('the default limit is generous', async () => {
    const res = await c.get('/products/AUTH-1');
    assert.ok(Number(res.headers['x-ratelimit-limit']) >= 1000, String(res.headers['x-ratelimit-limit']));
    assertNoContent(await c.put('/products/AUTH-1', { product: { qty: 1 } }));
  });
});
