import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { withNfeCheckDigit } from '../core/nfe.ts';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';

const xmlOf = (key: string) =>
  `<nfeProc><NFe><infNFe Id="NFe${key}"></infNFe></NFe><protNFe><infProt><chNFe>${key}</chNFe></infProt></protNFe></nfeProc>`;

let sim: TestSimulator;
let token: string;
let itemId: string;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'mercadolivre');
  itemId = (
    await sim.control('POST', '/mercadolivre/listings', { sku: 'O-1', price: 25, available_quantity: 10 })
  ).body.id;
});

async function order(body: Record<string, unknown> = {}) {
  const created = await sim.control('POST', '/mercadolivre/orders', {
    items: [{ item_id: itemId, quantity: 1 }],
    ...body,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

const get = (path: string) => sim.call('mercadolivre', 'GET', path, { token });
const KEY = withNfeCheckDigit('3526011234567800019955001000000001100000001');

describe('Mercado Livre orders', () => {
  test('a buyer order takes units off the listing and is readable by id', async () => {
    const created = await order({ items: [{ item_id: itemId, quantity: 3 }] });
    const read = await get(`/orders/${created.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'paid');
    assert.equal(read.body.order_items[0].item.seller_sku, 'O-1');
    assert.equal(read.body.total_amount, 75);
    assert.equal((await sim.control('GET', `/mercadolivre/listings/${itemId}`)).body.stock, 7);
  });

  test('search filters by status and date_last_updated, sorts, and pages', async () => {
    const first = await order({ date_created: '2026-05-01T10:00:00.000-03:00' });
    const second = await order({ date_created: '2026-05-02T10:00:00.000-03:00', status: 'payment_required' });
    const base = '/orders/search?seller=100000001';
    const all = await get(`${base}&sort=date_desc`);
    assert.deepEqual(
      all.body.results.map((entry: { id: number }) => entry.id),
      [second.id, first.id],
    );
    assert.deepEqual(all.body.paging, { total: 2, offset: 0, limit: 50 });
    const paid = await get(`${base}&order.status=paid`);
    assert.deepEqual(
      paid.body.results.map((entry: { id: number }) => entry.id),
      [first.id],
    );
    const since = await get(`${base}&order.date_last_updated.from=2026-05-02T00:00:00.000-03:00`);
    assert.equal(since.body.paging.total, 1);
    const paged = await get(`${base}&limit=1&offset=1`);
    assert.equal(paged.body.results[0].id, second.id);
    assert.equal((await get(`${base}&limit=100`)).status, 400);
    assert.equal((await get('/orders/search?seller=42')).status, 403);
  });

  test('illegal order transitions are refused; cancelling returns the stock', async () => {
    const created = await order({ status: 'payment_required' });
    const refused = await sim.control('POST', `/mercadolivre/orders/${created.id}/status`, {
      status: 'partially_refunded',
    });
    assert.equal(refused.status, 409);
    const paid = await sim.control('POST', `/mercadolivre/orders/${created.id}/status`, { status: 'paid' });
    assert.equal(paid.body.status, 'paid');
    await sim.control('POST', `/mercadolivre/orders/${created.id}/status`, { status: 'cancelled' });
    assert.equal((await sim.control('GET', `/mercadolivre/listings/${itemId}`)).body.stock, 10);
    const again = await sim.control('POST', `/mercadolivre/orders/${created.id}/status`, { status: 'paid' });
    assert.equal(again.status, 409, 'cancelled is final');
  });

  test('shipment: invoice data releases a drop-off label; it is refused twice or before payment', async () => {
    const unpaid = await order({ status: 'payment_required' });
    const early = await sim.call('mercadolivre', 'POST', `/shipments/${unpaid.shipping.id}/invoice_data`, {
      token,
      headers: { 'content-type': 'application/xml' },
      text: xmlOf(KEY),
    });
    assert.equal(early.status, 400);
    const paid = await order();
    const before = await sim.call('mercadolivre', 'GET', `/shipments/${paid.shipping.id}`, {
      token,
      headers: { 'x-format-new': 'true' },
    });
    assert.deepEqual([before.body.status, before.body.substatus], ['ready_to_ship', 'invoice_pending']);
    assert.equal(before.body.logistic.type, 'drop_off');
    const shipBlocked = await sim.control('POST', `/mercadolivre/shipments/${paid.shipping.id}/status`, {
      status: 'shipped',
    });
    assert.equal(shipBlocked.status, 409, 'no label without the invoice');
    const json = await sim.call('mercadolivre', 'POST', `/shipments/${paid.shipping.id}/invoice_data`, {
      token,
      json: { fiscal_key: KEY, invoice_number: '123' },
      expectInvalid: 'M3: ML takes the NF-e XML, not JSON',
    });
    assert.equal(json.status, 400, 'a JSON invoice is not a form ML takes (M3)');
    assert.match(json.body.message, /NF-e XML/);
    const invoice = await sim.call('mercadolivre', 'POST', `/shipments/${paid.shipping.id}/invoice_data`, {
      token,
      headers: { 'content-type': 'application/xml' },
      text: xmlOf(KEY),
    });
    assert.equal(invoice.status, 201);
    const twice = await sim.call('mercadolivre', 'POST', `/shipments/${paid.shipping.id}/invoice_data`, {
      token,
      headers: { 'content-type': 'application/xml' },
      text: xmlOf(KEY),
    });
    assert.equal(twice.status, 400);
    const after = await get(`/shipments/${paid.shipping.id}`);
    assert.equal(after.body.substatus, 'ready_to_print');
    assert.equal(after.body.logistic_type, 'drop_off', 'without x-format-new: the old shape');
    const shipped = await sim.control('POST', `/mercadolivre/shipments/${paid.shipping.id}/status`, {
      status: 'shipped',
      tracking_number: 'BR123',
    });
    assert.equal(shipped.body.status, 'shipped');
  });

  test('invoice data also accepts the NF-e XML', async () => {
    const paid = await order();
    const answer = await sim.call('mercadolivre', 'POST', `/shipments/${paid.shipping.id}/invoice_data`, {
      token,
      text: `<nfeProc><NFe><infNFe Id="NFe${KEY}"></infNFe></NFe></nfeProc>`,
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.fiscal_key, KEY);
  });

  test('a seller discount shows as the sale price inside its window, at most 14 days', async () => {
    const path = `/seller-promotions/items/${itemId}?app_version=v2`;
    const start = new Date(Date.now() - 60_000).toISOString();
    const long = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const refused = await sim.call('mercadolivre', 'POST', path, {
      token,
      json: { promotion_type: 'PRICE_DISCOUNT', deal_price: 20, start_date: start, finish_date: long },
    });
    assert.equal(refused.status, 400);
    const finish = new Date(Date.now() + 86_400_000).toISOString();
    const created = await sim.call('mercadolivre', 'POST', path, {
      token,
      json: { promotion_type: 'PRICE_DISCOUNT', deal_price: 20, start_date: start, finish_date: finish },
    });
    assert.equal(created.status, 201);
    const sale = await get(`/items/${itemId}/sale_price`);
    assert.deepEqual([sale.body.amount, sale.body.regular_amount], [20, 25]);
    assert.equal((await sim.control('GET', `/mercadolivre/listings/${itemId}`)).body.promotional_price, 20);
    await sim.call('mercadolivre', 'PUT', `/items/${itemId}`, { token, json: { price: 19 } });
    assert.equal(
      (await get(`/items/${itemId}/sale_price`)).body.amount,
      19,
      'a price under the deal drops the deal',
    );
  });
});
