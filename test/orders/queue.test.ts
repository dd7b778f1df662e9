/**
 * SkyHub's order queue and order reads, driven by test orders (POST /orders): one order at a
 * time, the visibility timeout and redelivery, acknowledgement by a code with spaces, both
 * filter styles of GET /orders, and the statuses API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSeller, createTestApp, type TestApp } from '../helpers.ts';
import { inject } from '../sync/world.ts';

let t: TestApp;
const api = (method: string, url: string, body?: unknown) =>
  inject(t.app, t.seller.headers, method, url, body);

before(async () => {
  t = await createTestApp({ CAIS_ORDER_QUEUE_VISIBILITY_SECONDS: '1' });
});
after(() => t.close());

async function testOrder(channel = 'Sandbox', sku = 'SKU-Q') {
  const created = await api('POST', '/orders', {
    order: { channel, items: [{ id: sku, qty: 1, original_price: 10 }], customer: { name: 'Ana' } },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { code: string; status: { code: string }; sync_status: string };
}

async function drain(): Promise<void> {
  for (;;) {
    const got = await api('GET', '/queues/orders');
    if (got.status === 204) return;
    await api('DELETE', `/queues/orders/${encodeURIComponent(got.body.code)}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the order queue', () => {
  it('answers 204 with a JSON content type when empty', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/queues/orders', headers: t.seller.headers });
    assert.equal(res.statusCode, 204);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.equal(res.body, '');
  });

  it('hands out one order at a time, oldest first, unwrapped', async () => {
    const a = await testOrder();
    const b = await testOrder();
    const first = await api('GET', '/queues/orders');
    assert.equal(first.status, 200);
    assert.equal(first.body.code, a.code, 'oldest first');
    assert.equal(first.body.order, undefined, 'unwrapped');
    assert.equal(first.body.status.code, 'book_product');
    const second = await api('GET', '/queues/orders');
    assert.equal(second.body.code, b.code, 'the first is hidden while handed out');
    assert.equal((await api('GET', '/queues/orders')).status, 204);
    await drain();
    await sleep(1100);
    await drain();
  });

  it('hands an unacknowledged order out again after the visibility timeout', async () => {
    const order = await testOrder();
    assert.equal((await api('GET', '/queues/orders')).body.code, order.code);
    assert.equal((await api('GET', '/queues/orders')).status, 204);
    await sleep(1100);
    const again = await api('GET', '/queues/orders');
    assert.equal(again.body.code, order.code);
    assert.equal(again.body.cais.queue_deliveries, 2);
    await api('DELETE', `/queues/orders/${encodeURIComponent(order.code)}`);
  });

  it('acknowledges a code with spaces (encoded or with +); SYNCED, and it never comes back', async () => {
    const order = await testOrder('Lojas Americanas');
    assert.match(order.code, /^Lojas Americanas-\d+$/);
    const handed = await api('GET', '/queues/orders');
    assert.equal(handed.body.code, order.code);
    assert.equal(handed.body.sync_status, 'NOT_SYNCED');
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/queues/orders/${order.code.replace(' ', '%20')}`,
      headers: t.seller.headers,
    });
    assert.equal(res.statusCode, 204);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const read = await api('GET', `/orders/${encodeURIComponent(order.code)}`);
    assert.equal(read.body.sync_status, 'SYNCED');
    await sleep(1100);
    assert.equal((await api('GET', '/queues/orders')).status, 204);
    const other = await testOrder('Lojas Americanas');
    const plus = await api('DELETE', `/queues/orders/${other.code.replace(' ', '+')}`);
    assert.equal(plus.status, 204);
    assert.equal((await api('GET', '/queues/orders')).status, 204);
  });

  it('answers 404 for an unknown code, and an acknowledgement repeated is harmless', async () => {
    assert.equal((await api('DELETE', '/queues/orders/Nowhere-1')).status, 404);
    const order = await testOrder();
    await api('DELETE', `/queues/orders/${encodeURIComponent(order.code)}`);
    assert.equal((await api('DELETE', `/queues/orders/${encodeURIComponent(order.code)}`)).status, 204);
  });

  it('gives concurrent consumers different orders', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await testOrder()).code);
    const got = await Promise.all(Array.from({ length: 5 }, () => api('GET', '/queues/orders')));
    assert.deepEqual(new Set(got.map((g) => g.body.code)), codes);
    await drain();
  });
});

describe('GET /orders', () => {
  it('filters by status in both bracket styles, by sync status, sale system and date', async () => {
    const approved = await testOrder('Filtro');
    await api('POST', `/orders/${encodeURIComponent(approved.code)}/approval`, {});
    const fresh = await testOrder('Filtro');
    const brackets = await api(
      'GET',
      '/orders?filters[statuses][]=payment_received&filters[sale_system]=Filtro',
    );
    assert.deepEqual(
      brackets.body.orders.map((o: { code: string }) => o.code),
      [approved.code],
    );
    const indexed = await api(
      'GET',
      '/orders?filters%5Bstatuses%5D%5B0%5D=book_product&filters%5Bstatuses%5D%5B1%5D=payment_received&filters%5Bsale_system%5D=Filtro',
    );
    assert.equal(indexed.body.total, 2);
    await api('DELETE', `/queues/orders/${encodeURIComponent(fresh.code)}`);
    const synced = await api('GET', '/orders?filters[sync_status][]=SYNCED&filters[sale_system]=Filtro');
    assert.deepEqual(
      synced.body.orders.map((o: { code: string }) => o.code),
      [fresh.code],
    );
    const today = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo' }).format(new Date());
    const dated = await api(
      'GET',
      `/orders?filters[start_date]=${today}&filters[end_date]=${today}&per_page=1`,
    );
    assert.ok(dated.body.total >= 2);
    assert.equal(dated.body.orders.length, 1);
    const past = await api('GET', '/orders?filters[end_date]=01/01/2020');
    assert.equal(past.body.total, 0);
  });

  it('refuses unknown filters and bad dates with a clear 400', async () => {
    const bad = await api('GET', '/orders?filters[start_date]=31/02/2026');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /start_date/);
    const unknown = await api('GET', '/orders?filters[colour][]=red');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error, /not a known filter/);
  });

  it('answers 404 for an unknown order', async () => {
    const res = await api('GET', '/orders/Nowhere-9');
    assert.equal(res.status, 404);
    assert.match(res.body.error, /not found/);
  });
});

describe('tenants', () => {
  it("never sees, hands out or acknowledges another account's orders", async () => {
    const mine = await testOrder('Isolado');
    const other = await createSeller(t.db, 'Outra loja');
    const theirs = (method: string, url: string, body?: unknown) =>
      inject(t.app, other.headers, method, url, body);
    assert.equal((await theirs('GET', `/orders/${encodeURIComponent(mine.code)}`)).status, 404);
    assert.equal((await theirs('GET', '/orders')).body.total, 0);
    assert.equal((await theirs('GET', '/queues/orders')).status, 204);
    assert.equal((await theirs('DELETE', `/queues/orders/${encodeURIComponent(mine.code)}`)).status, 404);
    assert.equal((await theirs('POST', `/orders/${encodeURIComponent(mine.code)}/cancel`)).status, 404);
    assert.equal(
      (await api('GET', `/orders/${encodeURIComponent(mine.code)}`)).body.sync_status,
      'NOT_SYNCED',
    );
    await drain();
  });
});

describe('statuses', () => {
  it("lists the defaults and the account's own, and the status types", async () => {
    const created = await api('POST', '/statuses', {
      status: { code: '11', label: 'Faturado no ERP', type: 'INVOICED' },
    });
    assert.equal(created.status, 201);
    const list = await api('GET', '/statuses');
    const codes = list.body.map((s: { code: string }) => s.code);
    for (const code of [
      'book_product',
      'payment_received',
      'order_invoiced',
      'order_shipped',
      'complete',
      'order_canceled',
      'shipment_exception',
      '11',
    ])
      assert.ok(codes.includes(code), code);
    const types = await api('GET', '/status_types');
    assert.ok(types.body.some((t: { code: string }) => t.code === 'SHIPMENT_EXCEPTION'));
    assert.equal(
      (await api('POST', '/statuses', { status: { code: '11', label: 'x', type: 'INVOICED' } })).status,
      409,
    );
    const badType = await api('POST', '/statuses', { status: { code: '12', label: 'x', type: 'NOPE' } });
    assert.equal(badType.status, 400);
    const alias = await api('POST', '/statuses', {
      status: { code: '13', label: 'Cancelado ERP', type: 'CANCELLED' },
    });
    assert.equal(alias.body.type, 'CANCELED', "the SDK's spelling is accepted");
    assert.equal(
      (await api('PUT', '/statuses/11', { status: { label: 'Faturado', type: 'INVOICED' } })).status,
      204,
    );
    assert.equal(
      (await api('PUT', '/statuses/book_product', { status: { label: 'x', type: 'NEW' } })).status,
      400,
    );
  });
});
