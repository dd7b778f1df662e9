import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { withNfeCheckDigit } from '../core/nfe.ts';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator, sleep } from '../test-support.ts';
import { MG_CHANNELS } from './facts.ts';

const CHANNEL = MG_CHANNELS.magalu;
const GOOD_KEY = withNfeCheckDigit('3526011234567800019955001000000001100000001');
const BAD_KEY = `${GOOD_KEY.slice(0, 43)}${(Number(GOOD_KEY[43]) + 1) % 10}`;

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator({ magalu: { applyDelayMs: 0, invoiceValidationMs: 30 } });
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'magalu');
  await sim.control('POST', '/magalu/listings', { sku: 'ORD-1', price: 5000, stock: 10 });
});

async function order(body: Record<string, unknown> = {}) {
  const created = await sim.control('POST', '/magalu/orders', {
    items: [{ sku: 'ORD-1', quantity: 2 }],
    ...body,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

const get = (path: string, headers: Record<string, string> = {}) =>
  sim.call('magalu', 'GET', `/seller/v1${path}`, { token, headers });
const post = (path: string, json: unknown) =>
  sim.call('magalu', 'POST', `/seller/v1${path}`, { token, json });
const invoice = (key: string) => ({
  key,
  issued_at: '2026-05-01T10:00:00Z',
  amount: 100,
  channel: { id: CHANNEL },
  xml: '<nfe/>',
});

describe('Magalu orders and deliveries', () => {
  test('an order carries integer amounts with normalizer and takes the stock', async () => {
    const created = await order();
    const read = await get(`/orders/${created.id}`, { 'x-channel-id': CHANNEL });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.amounts, {
      total: 10000,
      freight: 0,
      discount: 0,
      currency: 'BRL',
      normalizer: 100,
    });
    assert.deepEqual(read.body.deliveries[0].items[0].unit_price, {
      value: 5000,
      currency: 'BRL',
      normalizer: 100,
    });
    assert.equal((await sim.control('GET', '/magalu/listings/ORD-1')).body.stock, 8);
  });

  test('GET one order needs X-Channel-Id; the wrong channel is 404', async () => {
    const created = await order();
    const missing = await get(`/orders/${created.id}`);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.details[0].location, 'header');
    assert.equal((await get(`/orders/${created.id}`, { 'x-channel-id': MG_CHANNELS.sandbox })).status, 404);
  });

  test('the order list filters by updated_at, status and pages with _limit/_offset', async () => {
    await order({ purchased_at: '2026-05-01T10:00:00Z' });
    await sleep(5);
    const mark = new Date().toISOString();
    await sleep(5);
    const late = await order({ status: 'new' });
    const since = await get(`/orders?updated_at__gte=${encodeURIComponent(mark)}`);
    assert.deepEqual(
      since.body.results.map((entry: { id: string }) => entry.id),
      [late.id],
    );
    assert.equal((await get('/orders?status=new')).body.meta.page.count, 1);
    const page = await get('/orders?_limit=1&_offset=1&_sort=purchased_at:desc');
    assert.equal(page.body.results.length, 1);
    assert.equal(page.body.meta.page.offset, 1);
    assert.equal((await get('/orders?_limit=500')).status, 400);
  });

  test('invoice: 201 awaiting_validation, then approved and the delivery invoiced', async () => {
    const created = await order();
    const deliveryId = created.deliveries[0].id;
    const posted = await post(`/deliveries/${deliveryId}/invoices`, invoice(GOOD_KEY));
    assert.equal(posted.status, 201);
    assert.equal(posted.body.status, 'awaiting_validation');
    await sleep(60);
    const listed = await get(`/deliveries/${deliveryId}/invoices`);
    assert.equal(listed.body.results[0].status, 'approved');
    assert.equal((await get(`/deliveries/${deliveryId}`)).body.status, 'invoiced');
    const history = await get(`/deliveries/${deliveryId}/histories`);
    assert.deepEqual(
      history.body.results.map((entry: { status: string }) => entry.status),
      ['approved', 'invoiced'],
    );
  });

  test('a key with a wrong check digit comes back invalid and can be fixed', async () => {
    const deliveryId = (await order()).deliveries[0].id;
    await post(`/deliveries/${deliveryId}/invoices`, invoice(BAD_KEY));
    await sleep(60);
    assert.equal((await get(`/deliveries/${deliveryId}/invoices`)).body.results[0].status, 'invalid');
    const { key: _, ...fix } = invoice(BAD_KEY);
    const posted = await sim.call(
      'magalu',
      'POST',
      `/seller/v1/deliveries/${deliveryId}/invoices/${BAD_KEY}`,
      {
        token,
        json: fix,
        expectInvalid: 'G2: the correction is a PUT',
      },
    );
    assert.equal(posted.status, 405, 'the correction is a PUT (update_invalid_invoice), not a POST');
    const fixed = await sim.call('magalu', 'PUT', `/seller/v1/deliveries/${deliveryId}/invoices/${BAD_KEY}`, {
      token,
      json: fix,
    });
    assert.equal(fixed.status, 204);
    await sim.control('POST', `/magalu/invoices/${BAD_KEY}/status`, { status: 'approved' });
    assert.equal((await get(`/deliveries/${deliveryId}`)).body.status, 'invoiced');
  });

  test('illegal moves are refused: invoice before approval, 44 digits, finishing before shipping', async () => {
    const fresh = await order({ status: 'new' });
    const deliveryId = fresh.deliveries[0].id;
    const early = await post(`/deliveries/${deliveryId}/invoices`, invoice(GOOD_KEY));
    assert.equal(early.status, 422);
    assert.equal(early.body.slug, 'UNPROCESSABLE_ENTITY');
    await sim.control('POST', `/magalu/orders/${fresh.id}/status`, { status: 'approved' });
    const shortKey = await sim.call('magalu', 'POST', `/seller/v1/deliveries/${deliveryId}/invoices`, {
      token,
      json: invoice('123'),
      expectInvalid: 'an invoice key of 3 digits',
    });
    assert.equal(shortKey.status, 400);
    const finishing = await post(`/deliveries/${deliveryId}/finishing`, { channel: { id: CHANNEL } });
    assert.equal(finishing.status, 422);
    const toInvoiced = await sim.control('POST', `/magalu/deliveries/${deliveryId}/status`, {
      status: 'invoiced',
    });
    assert.equal(toInvoiced.status, 409, 'no approved invoice yet');
  });

  test('shipping then finishing delivers, and the order finishes', async () => {
    const created = await order();
    const deliveryId = created.deliveries[0].id;
    const shipping = {
      channel: { id: CHANNEL },
      tracking_url: 'https://rastreio.example/BR1',
      dates: { estimated_delivery_at: '2026-05-10T00:00:00', shipped_at: '2026-05-02T00:00:00' },
      protocol: 'BR1',
    };
    assert.equal((await post(`/deliveries/${deliveryId}/shippings`, shipping)).status, 201);
    assert.equal(
      (await post(`/deliveries/${deliveryId}/finishing`, { channel: { id: CHANNEL } })).status,
      201,
    );
    const read = await get(`/orders/${created.id}`, { 'x-channel-id': CHANNEL });
    assert.equal(read.body.status, 'finished');
    assert.equal(read.body.deliveries[0].shipping.tracking.url, shipping.tracking_url);
    const list = await get('/deliveries?status=delivered', { 'x-channel-id': CHANNEL });
    assert.equal(list.body.results.length, 1);
    assert.equal((await get('/deliveries')).status, 400, 'the delivery list needs X-Channel-Id');
  });

  test('cancelling an order cancels its delivery and returns the stock', async () => {
    const created = await order();
    await sim.control('POST', `/magalu/orders/${created.id}/status`, { status: 'cancelled' });
    assert.equal((await sim.control('GET', '/magalu/listings/ORD-1')).body.stock, 10);
    const again = await sim.control('POST', `/magalu/orders/${created.id}/status`, { status: 'approved' });
    assert.equal(again.status, 409);
  });
});
