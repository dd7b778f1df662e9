/** Console login over HTTP: the cookie, CSRF, roles, login limits, users and keys, the Painel. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../../src/accounts/accounts.ts';
import { buildApp } from '../../src/app.ts';
import { createSeller, createTestDb, type Seller, type TestDb, testConfig } from '../helpers.ts';

let t: TestDb;
let app: FastifyInstance;
let seller: Seller;

before(async () => {
  t = await createTestDb();
  app = await buildApp({
    config: testConfig(),
    db: t.db,
    logger: false,
    loginLimits: { perEmail: 3, perAddress: 100, windowMs: 60_000 },
  });
  await app.ready();
  seller = await createSeller(t.db);
});
after(async () => {
  await app.close();
  await t.close();
});

interface Browser {
  cookie: string;
  csrf: string;
  call(
    method: string,
    url: string,
    body?: unknown,
    csrf?: string | null,
  ): Promise<{ status: number; body: any }>;
}

async function logIn(email: string, password = 'secret-password'): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/session', payload: { email, password } });
  assert.equal(res.statusCode, 201, res.body);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = res.json().csrf_token as string;
  return {
    cookie,
    csrf,
    async call(method, url, body, token = csrf) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : undefined };
    },
  };
}

describe('session login', () => {
  it('sets an HttpOnly, SameSite=Lax cookie, and stores only a digest of the session id', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/session',
      payload: { email: seller.email.toUpperCase(), password: 'secret-password' },
    });
    assert.equal(res.statusCode, 201);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^cais_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const id = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await t.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r) => r.id_hash !== id && /^[0-9a-f]{64}$/.test(r.id_hash)));
    assert.equal(res.json().user.email, seller.email);
    assert.equal(res.json().account.id, seller.accountId);
  });

  it('answers who is logged in, and logs out', async () => {
    const b = await logIn(seller.email);
    const me = await b.call('GET', '/session');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.role, 'owner');
    assert.equal(me.body.csrf_token, b.csrf);
    assert.equal(
      (await b.call('DELETE', '/session', undefined, null)).status,
      403,
      'logout needs the CSRF token',
    );
    assert.equal((await b.call('DELETE', '/session')).status, 204);
    assert.equal((await b.call('GET', '/session')).status, 401);
    const after = await b.call('GET', '/products');
    assert.equal(after.status, 401);
    assert.equal(after.body.code, 'session_expired');
  });

  it('lets the session use the seller API, with the CSRF token on changes, and records the user', async () => {
    const b = await logIn(seller.email);
    const created = await b.call('POST', '/products', {
      product: { sku: 'S-1', name: 'Camiseta', qty: 3, price: 10 },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const noToken = await b.call('PUT', '/products/S-1', { product: { qty: 4 } }, null);
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'csrf_failed');
    const wrong = await b.call('PUT', '/products/S-1', { product: { qty: 4 } }, 'x'.repeat(32));
    assert.equal(wrong.status, 403);
    assert.equal((await b.call('PUT', '/products/S-1', { product: { qty: 5 } })).status, 204);
    const history = await b.call('GET', '/products/S-1/history');
    const me = await b.call('GET', '/session');
    assert.equal(history.body.changes[0].actor, `user:${me.body.user.id}`);
    assert.equal((await b.call('GET', '/products/S-1', undefined, null)).body.qty, 5, 'reads need no token');
  });

  it('keeps SkyHub header auth exactly as it was', async () => {
    const ok = await app.inject({ method: 'GET', url: '/products', headers: seller.headers });
    assert.equal(ok.statusCode, 200);
    const none = await app.inject({ method: 'GET', url: '/products' });
    assert.equal(none.statusCode, 401);
    assert.match(none.json().error, /X-User-Email and X-Api-Key headers are required/);
    const b = await logIn(seller.email);
    const wrongKey = await app.inject({
      method: 'GET',
      url: '/products',
      headers: { ...seller.headers, 'x-api-key': 'nope', cookie: b.cookie },
    });
    assert.equal(wrongKey.statusCode, 401, 'bad headers are not rescued by a cookie');
  });

  it('lets a viewer read but not change anything', async () => {
    await createUser(t.db, seller.accountId, {
      email: 'viewer@example.com',
      password: 'viewer-password',
      role: 'viewer',
    });
    const v = await logIn('viewer@example.com', 'viewer-password');
    assert.equal((await v.call('GET', '/products')).status, 200);
    const change = await v.call('PUT', '/products/S-1', { product: { qty: 9 } });
    assert.equal(change.status, 403);
    assert.equal(change.body.code, 'read_only');
    assert.equal((await v.call('POST', '/account/api-keys', { name: 'x' })).status, 403);
  });

  it('rate-limits failed logins per email with a clear 429', async () => {
    await createUser(t.db, seller.accountId, {
      email: 'limited@example.com',
      password: 'right-password',
      role: 'admin',
    });
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/session',
        payload: { email: 'limited@example.com', password: 'wrong-password' },
      });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'login_failed');
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/session',
      payload: { email: 'limited@example.com', password: 'right-password' },
    });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.json().error, /too many failed logins; try again in \d+ seconds/);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const unknown = await app.inject({
      method: 'POST',
      url: '/session',
      payload: { email: 'nobody@x.com', password: 'x' },
    });
    assert.equal(unknown.statusCode, 401, 'an unknown email gets the same answer as a wrong password');
    assert.equal(unknown.json().error, 'email or password is not right');
  });
});

describe('users and API keys', () => {
  it('creates a key shown once, which then works, and revokes it', async () => {
    const b = await logIn(seller.email);
    const created = await b.call('POST', '/account/api-keys', { name: 'ERP novo' });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^cais_/);
    assert.equal(created.body.api_key.prefix, created.body.key.slice(0, 9));
    const list = await b.call('GET', '/account/api-keys');
    assert.ok(!JSON.stringify(list.body).includes(created.body.key), 'the key is never listed');
    const headers = { ...seller.headers, 'x-api-key': created.body.key };
    assert.equal((await app.inject({ method: 'GET', url: '/products', headers })).statusCode, 200);
    const revoked = await b.call('DELETE', `/account/api-keys/${created.body.api_key.id}`);
    assert.ok(revoked.body.api_key.revoked_at);
    assert.equal((await app.inject({ method: 'GET', url: '/products', headers })).statusCode, 401);
    const byKey = await app.inject({ method: 'GET', url: '/account/api-keys', headers: seller.headers });
    assert.equal(byKey.statusCode, 403, 'an API key cannot manage keys');
  });

  it('adds a user who can then log in, and removes them', async () => {
    const b = await logIn(seller.email);
    const added = await b.call('POST', '/account/users', {
      email: 'Ana@Loja.com',
      password: 'ana-password',
      role: 'admin',
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.user.email, 'ana@loja.com');
    const ana = await logIn('ana@loja.com', 'ana-password');
    const owner = await ana.call('POST', '/account/users', {
      email: 'o2@loja.com',
      password: 'xxxxxxxx',
      role: 'owner',
    });
    assert.equal(owner.status, 403, 'an admin cannot add an owner');
    const users = await b.call('GET', '/account/users');
    assert.ok(users.body.users.some((u: { email: string }) => u.email === 'ana@loja.com'));
    assert.equal((await b.call('DELETE', `/account/users/${added.body.user.id}`)).status, 200);
    assert.equal((await ana.call('GET', '/products')).status, 401, 'the removed user’s session ends');
  });
});

describe('console read models', () => {
  it('summarises an account without connections, and answers flags for SKUs', async () => {
    const b = await logIn(seller.email);
    const dash = await b.call('GET', '/dashboard');
    assert.equal(dash.status, 200);
    assert.deepEqual(dash.body.connections, []);
    const flags = await b.call('GET', '/listings?sku=S-1&sku=NOPE');
    assert.deepEqual(flags.body.listings, []);
  });

  it('serves the console at / and its pages, and leaves API routes alone', async () => {
    const home = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    assert.match(String(home.headers['content-type']), /text\/html/);
    assert.match(String(home.headers['content-security-policy']), /default-src 'self'/);
    const page = await app.inject({
      method: 'GET',
      url: '/produtos/ABC-1',
      headers: { accept: 'text/html' },
    });
    assert.match(String(page.headers['content-type']), /text\/html/);
    const api = await app.inject({ method: 'GET', url: '/products', headers: { accept: 'text/html' } });
    assert.equal(api.statusCode, 406, 'API routes are never answered with the console');
    assert.match(String(api.headers['content-type']), /application\/json/);
  });
});
