/**
 * Operator routes (/healthz, /readyz, /metrics, /openapi.json, /docs), request ids, and what only
 * a real socket shows: header case on the wire, Content-Type on 204, percent-encoded SKUs.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/db.ts';
import { createTestApp, type TestApp, testConfig } from '../helpers.ts';
import { assertError, assertStatus, type Client, client, createProduct } from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
});
after(() => t.close());

describe('operator routes', () => {
  test('/healthz answers without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assertStatus(res, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  test('/readyz checks the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    assertStatus(res, 200);
    assert.equal(res.json().status, 'ready');
    assert.equal(res.json().database, t.db.kind);
  });

  test('/readyz is 503 with {"error"} when the database does not answer', async () => {
    const down: Db = {
      ...t.db,
      query: async () => {
        throw new Error('connection refused');
      },
    };
    const app = await buildApp({ config: testConfig(), db: down, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      assertError(res, 503, /database/);
      assertStatus(await app.inject({ method: 'GET', url: '/healthz' }), 200);
    } finally {
      await app.close();
    }
  });

  test('/metrics is Prometheus text and counts requests by route and status', async () => {
    await c.get('/products/NOPE');
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assertStatus(res, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    assert.match(res.body, /^# HELP cais_http_requests_total /m);
    assert.match(res.body, /^# TYPE cais_http_request_duration_seconds histogram$/m);
    assert.match(
      res.body,
      /^cais_http_requests_total\{method="GET",route="\/products\/:sku",status="404"\} \d+$/m,
    );
  });

  test('/openapi.json is OpenAPI 3.1 and lists the seller API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    assertStatus(res, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    for (const path of [
      '/products',
      '/products/{sku}',
      '/products/{sku}/variations',
      '/products/{sku}/history',
      '/variations/{sku}',
      '/stocks',
      '/prices',
      '/categories',
      '/attributes',
    ]) {
      assert.ok(doc.paths[path], `${path} missing from ${Object.keys(doc.paths).join(', ')}`);
    }
    assert.ok(doc.paths['/products'].post.requestBody);
    assert.ok(doc.paths['/products/{sku}'].put.responses['204']);
    for (const scheme of ['accountManagerKey', 'apiKey', 'userEmail'])
      assert.ok(doc.components.securitySchemes[scheme]);
    assert.equal(doc.paths['/healthz'], undefined);
  });

  test('/docs serves the browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    assert.ok(
      res.statusCode === 200 || (res.statusCode >= 300 && res.statusCode < 400),
      String(res.statusCode),
    );
    const page = res.statusCode === 200 ? res : await t.app.inject({ method: 'GET', url: '/docs/' });
    assertStatus(page, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
  });

  test('an unknown API route is 404 with {"error"}', async () => {
    assertError(await c.post('/produtos', { produto: {} }), 404, /^no route for POST \/produtos$/);
    assertError(await c.put('/products'), 404, /^no route for PUT \/products$/);
  });
});

describe('request ids', () => {
  test('a given X-Request-Id is echoed', async () => {
    const res = await c.get('/products', { 'x-request-id': 'erp-123.abc:9' });
    assert.equal(res.headers['x-request-id'], 'erp-123.abc:9');
  });

  test('one is made when none is given, on errors too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/products' });
    assertStatus(res, 401);
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('an unsafe X-Request-Id is replaced, not echoed', async () => {
    for (const given of ['has space', 'x'.repeat(129), '<script>']) {
      const res = await c.get('/products', { 'x-request-id': given });
      assert.notEqual(res.headers['x-request-id'], given);
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    }
  });
});

describe('over a real socket', () => {
  let base: string;
  before(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  // Header names as SkyHub clients send them: the SDK's mixed case, dilowagner's lower case.
  const sdkHeaders = () => ({
    'X-User-Email': t.seller.email,
    'X-Api-Key': t.seller.apiKey,
    'X-Accountmanager-Key': 'skyhub-php',
    Accept: 'application/json',
    'Content-Type': 'application/json',
  });

  test('mixed-case and upper-case header names authenticate', async () => {
    const res = await fetch(`${base}/products`, {
      headers: {
        'X-USER-EMAIL': t.seller.email,
        'X-API-KEY': t.seller.apiKey,
        'X-ACCOUNTMANAGER-KEY': 'erp',
      },
    });
    assert.equal(res.status, 200);
  });

  test('a 204 carries Content-Type: application/json on the wire, and no body', async () => {
    await createProduct(c, { sku: 'SOCK-1', qty: 1 });
    const raw = await new Promise<{ status: number; headers: string[]; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/products/SOCK-1`, { method: 'PUT', headers: sdkHeaders() }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ product: { qty: 2 } }));
    });
    assert.equal(raw.status, 204);
    assert.equal(raw.body, '');
    const contentType = raw.headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-type');
    assert.ok(contentType >= 0, `no Content-Type in ${raw.headers.join(' ')}`);
    assert.match(raw.headers[contentType + 1]!, /^application\/json/);
  });

  test('DELETE with Content-Type: application/json and no body (as the SDK sends it): 204', async () => {
    await createProduct(c, { sku: 'SOCK-DEL', qty: 1 });
    const res = await fetch(`${base}/products/SOCK-DEL`, { method: 'DELETE', headers: sdkHeaders() });
    assert.equal(res.status, 204, await res.text());
    assert.match(String(res.headers.get('content-type')), /^application\/json/);
  });

  test('GET with Content-Type: application/json and no body: 200', async () => {
    const res = await fetch(`${base}/products/SOCK-1`, { headers: sdkHeaders() });
    assert.equal(res.status, 200);
  });

  test('percent-encoded SKUs: slashes, unicode, plus, percent, question mark, hash', async () => {
    for (const sku of ['a/b', 'camisa-ção-👕', 'a+b', '50%off', 'que?', 'n#1', 'x.y~z', 'Lojas&Cia']) {
      const created = await fetch(`${base}/products`, {
        method: 'POST',
        headers: sdkHeaders(),
        body: JSON.stringify({ product: { sku, qty: 1 } }),
      });
      assert.equal(created.status, 201, `${sku}: ${await created.text()}`);
      const path = `${base}/products/${encodeURIComponent(sku)}`;
      const updated = await fetch(path, {
        method: 'PUT',
        headers: sdkHeaders(),
        body: JSON.stringify({ qty: 5 }),
      });
      assert.equal(updated.status, 204, sku);
      const read = await fetch(path, { headers: sdkHeaders() });
      assert.equal(read.status, 200, sku);
      const product = (await read.json()) as { sku: string; qty: number };
      assert.deepEqual([product.sku, product.qty], [sku, 5]);
      const listed = await fetch(`${base}/products?sku=${encodeURIComponent(sku)}`, {
        headers: sdkHeaders(),
      });
      assert.equal(((await listed.json()) as { total: number }).total, 1, sku);
    }
  });

  test('an unencoded unicode SKU in the path works too', async () => {
    const res = await fetch(`${base}/products/camisa-ção-👕`, { headers: sdkHeaders() });
    assert.equal(res.status, 200);
  });

  test('a SKU with a space (Guzzle sends %20) is a clean 404', async () => {
    const res = await fetch(`${base}/products/a%20b`, { headers: sdkHeaders() });
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), {
      error: 'Não foi possível encontrar Product: a b',
      code: 'product_not_found',
      params: { sku: 'a b' },
    });
  });

  test('the next link can be followed as given', async () => {
    for (let i = 0; i < 3; i++) await createProduct(c, { sku: `SOCK-N${i}` });
    const first = (await (await fetch(`${base}/products?per_page=2`, { headers: sdkHeaders() })).json()) as {
      next: string;
    };
    assert.ok(first.next.startsWith(base), first.next);
    const second = await fetch(first.next, { headers: sdkHeaders() });
    assert.equal(second.status, 200);
    assert.equal(((await second.json()) as { products: unknown[] }).products.length, 2);
  });

  test('an oversized body is refused with 413 before it is all read', async () => {
    const res = await fetch(`${base}/products/SOCK-1`, {
      method: 'PUT',
      headers: sdkHeaders(),
      body: JSON.stringify({ product: { description: 'x'.repeat(6 * 1024 * 1024) } }),
    });
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { error: string }).error, /^body: is larger than/);
  });
});
