/**
 * What a browser-borne attacker meets: security headers on the API, the docs and the console
 * (with the console and /docs still working in Chromium under their policies), no CORS for other
 * origins, the CSRF token required on every cookie-authenticated change, on every route the API
 * documents, and webhook signatures that verify with the recipe in docs/WEBHOOKS.md, run as a
 * receiver would run it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { buildApp } from '../../src/app.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import { attemptDelivery } from '../../src/webhooks/deliver.ts';
import {
  createSeller,
  createTestDb,
  type Seller,
  type TestDb,
  testConfig,
  testSecretKey,
} from '../helpers.ts';
import { fillPath, type Operation, operationsOf, opName } from './openapi.ts';
import { type Browser, logIn } from './seed.ts';

const CHROMIUM = '/usr/bin/chromium';
let t: TestDb;
let app: FastifyInstance;
let base: string;
let seller: Seller;
let owner: Browser;
let operations: Operation[];

before(async () => {
  await buildConsole({ ifStale: true });
  t = await createTestDb();
  app = await buildApp({ config: testConfig(), db: t.db, logger: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  seller = await createSeller(t.db);
  owner = await logIn(app, seller.email, 'secret-password');
  operations = await operationsOf(app);
  const created = await app.inject({
    method: 'POST',
    url: '/products',
    headers: seller.headers,
    payload: { product: { sku: 'WEB-1', name: 'Web', qty: 1, price: 1 } },
  });
  assert.equal(created.statusCode, 201);
});
after(async () => {
  await app.close();
  await t.close();
});

describe('security headers', () => {
  const common = (headers: Record<string, unknown>, where: string) => {
    assert.equal(headers['x-content-type-options'], 'nosniff', where);
    assert.equal(headers['x-frame-options'], 'DENY', where);
    assert.ok(headers['referrer-policy'], where);
    assert.ok(headers['content-security-policy'], where);
  };

  test('API answers, errors included, carry a policy that allows nothing', async () => {
    for (const [url, headers] of [
      ['/products/WEB-1', seller.headers],
      ['/products/NOPE', seller.headers],
      ['/products', {}],
      ['/no-such-route', {}],
      ['/healthz', {}],
      ['/openapi.json', {}],
    ] as const) {
      const res = await app.inject({ method: 'GET', url, headers });
      common(res.headers, url);
      assert.match(
        String(res.headers['content-security-policy']),
        /^default-src 'none'; frame-ancestors 'none'/,
        url,
      );
    }
  });

  test('the console has its own policy: scripts and styles from Cais only, no framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    common(res.headers, '/');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline script');
    assert.match(csp, /frame-ancestors 'none'/);
  });

  test('HSTS when Cais is reached over https (CAIS_PUBLIC_URL), not over plain http', async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security'],
      undefined,
    );
    const https = await buildApp({
      config: testConfig({ CAIS_PUBLIC_URL: 'https://cais.example.com' }),
      db: t.db,
      logger: false,
    });
    try {
      const res = await https.inject({ method: 'GET', url: '/healthz' });
      assert.match(String(res.headers['strict-transport-security']), /^max-age=\d{7,}/);
    } finally {
      await https.close();
    }
  });

  test('no CORS: another origin’s preflight is not granted', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/products/WEB-1',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-api-key',
      },
    });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
  });

  test('the console and /docs work in Chromium under their policies (no violation reported)', async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    try {
      const page = await browser.newPage();
      // Swagger UI renders a 1.2 MB document: on 2 busy cores that alone can take more than 10 s.
      page.setDefaultTimeout(30_000);
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => violations.push(String(error)));

      await page.goto(`${base}/docs`);
      await page.locator('.opblock').first().waitFor();
      assert.ok((await page.locator('.opblock').count()) > 50, 'Swagger UI lists the operations');
      await page.goto(`${base}/`);
      await page.locator('input[type="password"]').waitFor();
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
    }
  });
});

describe('CSRF: a cookie alone cannot change anything', () => {
  // Routes that are not behind the session: logging in, trading a key for a Rehub token, and
  // marketplaces' public callbacks.
  const publicRoutes = new Set(['POST /session', 'POST /auth', 'POST /notifications/mercadolivre']);
  // Rehub takes only its bearer token: a cookie there authenticates nothing at all.
  const bearerOnly = (op: Operation) => op.path.startsWith('/rehub/');

  test('every state-changing route refuses a session request without the CSRF token, and with a wrong one', async () => {
    const changes = operations.filter((op) => op.method !== 'GET' && !publicRoutes.has(opName(op)));
    assert.ok(changes.length > 40, `${changes.length} routes`);
    for (const op of changes) {
      const url = fillPath(op.path, {
        sku: 'WEB-1',
        id: '1',
        code: 'x',
        name: 'x',
        connection: '1',
        deliveryId: '1',
      });
      for (const token of [undefined, 'x'.repeat(32), `${owner.csrf}x`]) {
        const res = await app.inject({
          method: op.method,
          url,
          headers: {
            cookie: owner.cookie,
            accept: 'application/json',
            ...(token === undefined ? {} : { 'x-csrf-token': token }),
          },
          ...(op.body ? { payload: {} } : {}),
        });
        if (bearerOnly(op)) {
          assert.equal(res.statusCode, 401, `${opName(op)}: ${res.body}`);
          continue;
        }
        assert.equal(res.statusCode, 403, `${opName(op)} with token ${token}: ${res.body}`);
        assert.equal(res.json().code, 'csrf_failed', opName(op));
      }
    }
    const product = await app.inject({ method: 'GET', url: '/products/WEB-1', headers: seller.headers });
    assert.equal(product.json().qty, 1, 'nothing changed');
  });

  test('the same request with the session’s token goes through', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/products/WEB-1',
      headers: { cookie: owner.cookie, accept: 'application/json', 'x-csrf-token': owner.csrf },
      payload: { product: { qty: 2 } },
    });
    assert.equal(res.statusCode, 204, res.body);
  });

  test('the token is not in a cookie a forged form could carry; the session cookie is HttpOnly and SameSite', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/session',
      payload: { email: seller.email, password: 'secret-password' },
    });
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=(Lax|Strict)/);
    assert.ok(!cookie.includes(res.json().csrf_token));
  });
});

describe('webhook signatures, verified by the documented recipe', () => {
  let receiver: Server;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

  before(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  /** The Node snippet from docs/WEBHOOKS.md, loaded as a module exactly as written there. */
  async function documentedVerify() {
    const doc = await readFile(new URL('../../docs/WEBHOOKS.md', import.meta.url), 'utf8');
    const snippet = /## Verifying the signature[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(snippet, 'docs/WEBHOOKS.md has a Node snippet under "Verifying the signature"');
    const source = `${snippet}\nexport { verify };\n`;
    const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
    return module.verify as (secret: string, header: string, rawBody: string, tolerance?: number) => boolean;
  }

  test('a real delivery verifies; a changed body, another secret or an old timestamp do not', async () => {
    const port = (receiver.address() as AddressInfo).port;
    const hook = await app.inject({
      method: 'POST',
      url: '/webhooks',
      headers: seller.headers,
      payload: { webhook: { url: `http://127.0.0.1:${port}/in`, events: ['order.created'] } },
    });
    assert.equal(hook.statusCode, 201, hook.body);
    const secret = hook.json().webhook.secret as string;
    const order = await app.inject({
      method: 'POST',
      url: '/orders',
      headers: seller.headers,
      payload: { order: { items: [{ id: 'WEB-1', qty: 1, original_price: 1 }] } },
    });
    assert.equal(order.statusCode, 201, order.body);
    const [delivery] = await t.db.query<{ id: number }>(
      'SELECT id FROM webhook_deliveries ORDER BY id DESC LIMIT 1',
    );
    const cipher = new Cipher(Buffer.from(testSecretKey, 'hex'));
    assert.equal((await attemptDelivery({ db: t.db, cipher }, delivery!.id)).outcome, 'succeeded');
    const got = received.at(-1)!;
    const header = String(got.headers['cais-signature']);

    const verify = await documentedVerify();
    assert.equal(verify(secret, header, got.body), true);
    assert.equal(verify(secret, header, got.body.replace('"order.created"', '"order.updated"')), false);
    assert.equal(verify(`${secret}x`, header, got.body), false);
    const old = Math.floor(Date.now() / 1000) - 3600;
    const replayed = header.replace(/t=\d+/, `t=${old}`);
    assert.equal(verify(secret, replayed, got.body), false, 'a replayed delivery with an old time');

    // The recipe in words ("HMAC-SHA256 of `<t>.<raw body>`"), by a tool that shares no code with Cais.
    const t0 = /t=(\d+)/.exec(header)![1]!;
    const v1 = /v1=([0-9a-f]+)/.exec(header)![1]!;
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], {
      input: `${t0}.${got.body}`,
    })
      .toString()
      .trim()
      .split(' ')
      .pop();
    assert.equal(openssl, v1);
  });
});
