/**
 * Secrets never leak into logs or answers. A whole seller journey runs with Cais logging at
 * `trace` into a buffer: log in (and fail once), create an API key, use it (and a wrong one),
 * connect simulated Mercado Livre through its OAuth consent, publish and sync a product, import an
 * order, deliver a webhook, break and reconnect the marketplace authorisation. Then every log line
 * and every answer is searched for each secret involved: API keys, passwords, the session id, the
 * marketplace client secret, access and refresh tokens, the webhook secret, the encryption key.
 * The answers that exist to hand a secret over once (a new key, a new webhook secret) are the only
 * exceptions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { startSimulator } from '../../simulator/server.ts';
import { buildApp } from '../../src/app.ts';
import type { Credentials } from '../../src/channels/adapter.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import { runOrderImport } from '../../src/orders/import.ts';
import { runSync } from '../../src/sync/runner.ts';
import { attemptDelivery } from '../../src/webhooks/deliver.ts';
import {
  createSeller,
  createTestDb,
  type Seller,
  type TestDb,
  testConfig,
  testSecretKey,
} from '../helpers.ts';
import { ML_CLIENT } from '../sync/world.ts';
import { forbidOutboundNetwork } from './no-network.ts';

forbidOutboundNetwork();

const logLines: string[] = [];
const consoleLines: string[] = [];
const answers: { route: string; body: string; headers: string }[] = [];
const secrets = new Map<string, string>();
/** Answers allowed to carry a given secret: the one answer that hands it over. */
const handOvers: { route: RegExp; secret: string }[] = [];

let t: TestDb;
let app: FastifyInstance;
let sim: Awaited<ReturnType<typeof startSimulator>>;
let seller: Seller;
const cipher = new Cipher(Buffer.from(testSecretKey, 'hex'));

async function call(
  options: InjectOptions & { url: string },
): Promise<{ status: number; body: any; raw: string }> {
  const res = await app.inject(options);
  answers.push({
    route: `${options.method ?? 'GET'} ${options.url}`,
    body: res.body,
    headers: JSON.stringify(res.headers),
  });
  return { status: res.statusCode, body: res.body ? safeJson(res.body) : undefined, raw: res.body };
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

before(async () => {
  sim = await startSimulator({ seed: 7 });
  t = await createTestDb();
  app = await buildApp({
    config: testConfig({ CAIS_LOG_LEVEL: 'trace' }),
    db: t.db,
    logStream: { write: (line: string) => void logLines.push(line) },
    enqueueRun: async () => true,
  });
  await app.ready();
  seller = await createSeller(t.db);
  secrets.set('the first API key', seller.apiKey);
  secrets.set('the owner’s password', 'secret-password');
  secrets.set('the encryption key', testSecretKey);
  secrets.set('the marketplace client secret', ML_CLIENT.secret);
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  }
});
after(async () => {
  await app.close();
  await t.close();
  await sim.close();
});

describe('a whole journey, logged at trace', () => {
  test('runs (each step checked, so the search below covers real work)', async () => {
    const api = (method: string, url: string, payload?: unknown, headers = seller.headers) =>
      call({
        method: method as 'GET',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    // Console: a wrong password, then the right one; a new API key.
    assert.equal(
      (
        await call({
          method: 'POST',
          url: '/session',
          payload: { email: seller.email, password: 'wrong-password-123' },
        })
      ).status,
      401,
    );
    secrets.set('a mistyped password', 'wrong-password-123');
    const login = await call({
      method: 'POST',
      url: '/session',
      payload: { email: seller.email, password: 'secret-password' },
    });
    assert.equal(login.status, 201);
    const sessionCookie = String(
      (
        await app.inject({
          method: 'POST',
          url: '/session',
          payload: { email: seller.email, password: 'secret-password' },
        })
      ).headers['set-cookie'],
    ).split(';')[0]!;
    secrets.set('the session id', sessionCookie.split('=')[1]!);
    const browser = { cookie: sessionCookie, 'x-csrf-token': '', accept: 'application/json' };
    browser['x-csrf-token'] = (
      await call({ method: 'GET', url: '/session', headers: { cookie: sessionCookie } })
    ).body.csrf_token;
    const key = await call({
      method: 'POST',
      url: '/account/api-keys',
      headers: browser,
      payload: { name: 'ERP' },
    });
    assert.equal(key.status, 201, key.raw);
    secrets.set('the new API key', key.body.key);
    handOvers.push({ route: /^POST \/account\/api-keys$/, secret: key.body.key });
    const erp = { ...seller.headers, 'x-api-key': key.body.key };
    assert.equal((await api('GET', '/products', undefined, erp)).status, 200);
    assert.equal(
      (await api('GET', '/products', undefined, { ...erp, 'x-api-key': `${key.body.key.slice(0, -2)}xx` }))
        .status,
      401,
    );
    assert.equal(
      (await api('GET', '/products', undefined, { ...erp, 'x-user-token': key.body.key, 'x-api-key': '' }))
        .status,
      200,
    );

    // Marketplace: the OAuth consent, a product published and synced, an order imported.
    const created = await api(
      'POST',
      '/connections',
      {
        connection: {
          channel: 'mercadolivre',
          name: 'ML',
          base_url: sim.baseUrl('mercadolivre'),
          client_id: ML_CLIENT.id,
          client_secret: ML_CLIENT.secret,
          credentials: { extra: { categoryId: 'MLB1055' } },
        },
      },
      erp,
    );
    assert.equal(created.status, 201, created.raw);
    const consent = await fetch(created.body.authorize_url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    secrets.set('the OAuth authorisation code', back.searchParams.get('code')!);
    secrets.set('the OAuth state', back.searchParams.get('state')!);
    // The consent link carries the state to the marketplace, by design of OAuth.
    handOvers.push({ route: /^POST \/connections$/, secret: back.searchParams.get('state')! });
    const callback = await call({ method: 'GET', url: `/oauth/callback${back.search}` });
    assert.equal(callback.body.connection.status, 'active', callback.raw);
    const connectionId = created.body.connection.id as number;
    await rememberTokens(connectionId);

    assert.equal(
      (await api('POST', '/products', { product: { sku: 'SEC-1', name: 'Segredo', qty: 5, price: 10 } }, erp))
        .status,
      201,
    );
    const listing = await api('POST', `/products/SEC-1/listings/${connectionId}`, undefined, erp);
    assert.equal(listing.body.listings[0].flag, 'green', listing.raw);
    const runner = {
      db: t.db,
      cipher,
      retry: { attempts: 2, baseMs: 5, maxMs: 20 },
      limits: { retryBaseMs: 1, retryMaxMs: 5 },
    };
    await api('PUT', '/products/SEC-1', { product: { qty: 7 } }, erp);
    await runSync(runner, { connectionId, resource: 'stock', trigger: 'manual' });
    assert.equal((await api('POST', '/products/SEC-1/sync', undefined, erp)).status, 200);

    const hook = await api(
      'POST',
      '/webhooks',
      { webhook: { url: 'http://127.0.0.1:9/hook', events: ['order.created'] } },
      erp,
    );
    secrets.set('the webhook secret', hook.body.webhook.secret);
    handOvers.push({ route: /^POST \/webhooks$/, secret: hook.body.webhook.secret });
    await fetch(`${sim.url}/_control/mercadolivre/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ item_id: listing.body.listings[0].external_id, quantity: 1 }] }),
    });
    const importDeps = {
      db: t.db,
      cipher,
      retry: { attempts: 2, baseMs: 5, maxMs: 20 },
      limits: { pageRetryBaseMs: 5, pageRetryMaxMs: 20 },
    };
    await runOrderImport(importDeps, { connectionId, trigger: 'manual' });
    assert.equal((await api('GET', '/orders', undefined, erp)).body.total, 1);
    const [delivery] = await t.db.query<{ id: number }>(
      'SELECT id FROM webhook_deliveries ORDER BY id DESC LIMIT 1',
    );
    await attemptDelivery({ db: t.db, cipher, limits: { timeoutMs: 1_000 } }, delivery!.id);

    // The marketplace revokes the authorisation: a run fails on auth, the seller reconnects.
    await fetch(`${sim.url}/_control/mercadolivre/revocations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 100000001 }),
    });
    await api('PUT', '/products/SEC-1', { product: { qty: 3 } }, erp);
    await runSync(runner, { connectionId, resource: 'stock', trigger: 'manual' });
    assert.equal(
      (await api('GET', `/connections/${connectionId}`, undefined, erp)).body.connection.status,
      'auth_failed',
    );
    const again = await api('POST', `/connections/${connectionId}/authorize`, undefined, erp);
    assert.equal(again.status, 200, again.raw);
    const reconsent = await fetch(again.body.authorize_url, { redirect: 'manual' });
    const back2 = new URL(reconsent.headers.get('location') ?? '');
    secrets.set('the second OAuth authorisation code', back2.searchParams.get('code')!);
    assert.equal(
      (await call({ method: 'GET', url: `/oauth/callback${back2.search}` })).body.connection.status,
      'active',
    );
    await rememberTokens(connectionId);
    await api('GET', `/connections/${connectionId}`, undefined, erp);
    await api('GET', '/connections', undefined, erp);
    await api('GET', '/account/api-keys', undefined, browser);
    await api('GET', '/webhooks', undefined, erp);
    await api('GET', '/dashboard', undefined, erp);

    // One line a request (each with the request's URL and status), and the workers' own.
    const requestLines = logLines.filter((line) => line.includes('"msg":"request completed"'));
    assert.ok(requestLines.length >= 18, `${requestLines.length} request lines of ${logLines.length}`);
  });

  test('no log line holds any secret', () => {
    const everything = [...logLines, ...consoleLines];
    for (const [what, secret] of secrets) {
      const line = everything.find((l) => l.includes(secret));
      assert.equal(line, undefined, `${what} is in the log: ${line?.slice(0, 300)}`);
    }
  });

  test('no answer holds a secret, except the one answer that hands it over', () => {
    assert.ok(answers.length > 20);
    for (const [what, secret] of secrets) {
      for (const answer of answers) {
        if (handOvers.some((h) => h.secret === secret && h.route.test(answer.route))) continue;
        assert.ok(!answer.body.includes(secret), `${what} is in the answer to ${answer.route}`);
        // The cookie is set once, at login; no other header carries a secret.
        if (!/^POST \/session$/.test(answer.route))
          assert.ok(!answer.headers.includes(secret), `${what} is in the headers of ${answer.route}`);
      }
    }
  });

  test('what is stored is sealed: no token or secret in clear in the database', async () => {
    const [row] = await t.db.query<{ dump: string }>(
      `SELECT string_agg(coalesce(secrets::text, '') || ' ' || coalesce(base_url, ''), ' ') AS dump FROM connections`,
    );
    const [keys] = await t.db.query<{ dump: string }>(
      "SELECT string_agg(key_hash, ' ') AS dump FROM api_keys",
    );
    for (const [what, secret] of secrets) {
      assert.ok(!row!.dump.includes(secret), `${what} is stored in clear in connections`);
      assert.ok(!keys!.dump.includes(secret), `${what} is stored in clear in api_keys`);
    }
  });
});

/** The tokens Cais now holds for the connection (decrypted as the runner would). */
async function rememberTokens(connectionId: number): Promise<void> {
  const [row] = await t.db.query<{ secrets: string }>('SELECT secrets FROM connections WHERE id = $1', [
    connectionId,
  ]);
  const credentials = cipher.decryptJson<Credentials>(row!.secrets);
  assert.ok(credentials.accessToken && credentials.refreshToken, 'the consent gave tokens');
  secrets.set(`an access token (${secrets.size})`, credentials.accessToken);
  secrets.set(`a refresh token (${secrets.size})`, credentials.refreshToken);
}
