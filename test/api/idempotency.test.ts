/**
 * Idempotency-Key on POSTs: a retried request gets the first answer again (and does not run twice);
 * the same key with a different request is 422.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import { assertError, assertStatus, type Client, client, createProduct, history } from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
});
after(() => t.close());

const key = (value: string) => ({ 'idempotency-key': value });

describe('Idempotency-Key on POST /products', () => {
  test('a replay answers the same status and body, marked idempotent-replayed, and creates nothing more', async () => {
    const body = { product: { sku: 'IK-1', qty: 3, price: 10 } };
    const first = await c.post('/products', body, key('k-1'));
    assertStatus(first, 201);
    assert.equal(first.headers['idempotent-replayed'], undefined);

    const again = await c.post('/products', body, key('k-1'));
    assertStatus(again, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());
    assert.match(String(again.headers['content-type']), /^application\/json/);

    const changes = (await history(c, 'IK-1')).changes;
    assert.deepEqual(
      changes.map((x: { resource: string }) => x.resource),
      ['lifecycle'],
    );
  });

  test('the replay is the first answer, even if the product changed since', async () => {
    const body = { product: { sku: 'IK-2', qty: 1 } };
    const first = await c.post('/products', body, key('k-2'));
    assertStatus(await c.put('/products/IK-2', { product: { qty: 9 } }), 204);
    const again = await c.post('/products', body, key('k-2'));
    assert.deepEqual(again.json(), first.json());
    assert.equal((await c.get('/products/IK-2')).json().qty, 9);
  });

  test('the same key with a different body is 422, and nothing is created', async () => {
    await c.post('/products', { product: { sku: 'IK-3' } }, key('k-3'));
    const res = await c.post('/products', { product: { sku: 'IK-3-OTHER' } }, key('k-3'));
    assertError(res, 422, /^Idempotency-Key: was already used with a different request/);
    assert.equal(res.json().code, 'idempotency_key_reused');
    assertStatus(await c.get('/products/IK-3-OTHER'), 404);
  });

  test('the same key on another route is a different request: 422', async () => {
    await createProduct(c, { sku: 'IK-P' });
    await c.post('/products', { variation: { sku: 'IK-P-V' } }, key('k-4'));
    const res = await c.post('/products/IK-P/variations', { variation: { sku: 'IK-P-V' } }, key('k-4'));
    assertError(res, 422, /Idempotency-Key/);
    assertStatus(await c.get('/variations/IK-P-V'), 404);
  });

  test('POST /products/{sku}/variations honours it too', async () => {
    const body = { variation: { sku: 'IK-P-V2', qty: 2 } };
    const first = await c.post('/products/IK-P/variations', body, key('k-5'));
    assertStatus(first, 201);
    const again = await c.post('/products/IK-P/variations', body, key('k-5'));
    assertStatus(again, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());
  });

  test('an error answer is replayed as it was (the request is not run again)', async () => {
    await createProduct(c, { sku: 'IK-TAKEN' });
    const body = { product: { sku: 'IK-TAKEN' } };
    const first = await c.post('/products', body, key('k-6'));
    assertError(first, 409, /already exists/);
    const again = await c.post('/products', body, key('k-6'));
    assertError(again, 409, /already exists/);
    assert.equal(again.headers['idempotent-replayed'], 'true');
  });

  test('without a key, a repeated POST is simply a duplicate: 409', async () => {
    const body = { product: { sku: 'IK-NOKEY' } };
    assertStatus(await c.post('/products', body), 201);
    assertError(await c.post('/products', body), 409, /IK-NOKEY already exists/);
  });

  test('a key over 255 characters is 400, and nothing is created', async () => {
    const res = await c.post('/products', { product: { sku: 'IK-LONG' } }, key('k'.repeat(256)));
    assertError(res, 400, /^Idempotency-Key: must be 1 to 255 characters/);
    assertStatus(await c.get('/products/IK-LONG'), 404);
  });

  test('the key is ignored on PUT (PUTs are idempotent already)', async () => {
    await createProduct(c, { sku: 'IK-PUT', qty: 1 });
    assertStatus(await c.put('/products/IK-PUT', { product: { qty: 2 } }, key('k-put')), 204);
    assertStatus(await c.put('/products/IK-PUT', { product: { qty: 3 } }, key('k-put')), 204);
    assert.equal((await c.get('/products/IK-PUT')).json().qty, 3);
  });

  test('concurrent requests with one key: exactly one creates, none answers 5xx', async () => {
    const body = { product: { sku: 'IK-RACE', qty: 1 } };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => c.post('/products', body, key('k-race'))),
    );
    for (const res of answers)
      assert.ok([201, 409].includes(res.statusCode), `${res.statusCode} ${res.body}`);
    assert.ok(answers.some((res) => res.statusCode === 201));
    const changes = (await history(c, 'IK-RACE')).changes;
    assert.equal(changes.length, 1);
  });
});
