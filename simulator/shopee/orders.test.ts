import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { withNfeCheckDigit } from '../core/nfe.ts';
import type { TestSimulator } from '../test-support.ts';
import { openSimulator } from '../test-support.ts';
import { shopeeCall } from './testing.ts';

const DAY_S = 86_400;
const GOOD_KEY = withNfeCheckDigit('3526051234567800019955001000000001100000001');
const BAD_KEY = `${GOOD_KEY.slice(0, 43)}${(Number(GOOD_KEY[43]) + 1) % 10}`;

let sim: TestSimulator;
let token: string;
let itemId: number;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = (await sim.control('POST', '/shopee/tokens', {})).body.access_token;
  itemId = Number(
    (await sim.control('POST', '/shopee/listings', { sku: 'X', price: 10, stock: 100 })).body.id,
  );
});

const nowS = async () => Math.floor(Date.parse((await sim.control('GET', '/clock')).body.now) / 1000);
async function order(body: Record<string, unknown> = {}) {
  const created = await sim.control('POST', '/shopee/orders', {
    items: [{ item_id: itemId, quantity: 1 }],
    ...body,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { order_sn: string; order_status: string; create_time: number };
}
const get = (path: string, query: Record<string, string>) => shopeeCall(sim, 'GET', path, { token, query });
const post = (path: string, json: unknown) => shopeeCall(sim, 'POST', path, { token, json });
const listQuery = (from: number, to: number, extra: Record<string, string> = {}) => ({
  time_range_field: 'create_time',
  time_from: String(from),
  time_to: String(to),
  page_size: '100',
  ...extra,
});
const invoice = (sn: string, xml: string, fileType = '4') => {
  const form = new FormData();
  form.set('order_sn', sn);
  form.set('file_type', fileType);
  form.set('file', new Blob([xml], { type: 'text/xml' }), 'nfe.xml');
  return shopeeCall(sim, 'POST', '/api/v2/order/upload_invoice_doc', { token, multipart: form });
};
const ship = (sn: string) =>
  post('/api/v2/logistics/ship_order', { order_sn: sn, pickup: { address_id: 1, pickup_time_id: '1' } });

describe('Shopee orders', () => {
  test('get_order_list: a window of at most 15 days, page_size ≤ 100, time_range_field required', async () => {
    const now = await nowS();
    const wide = await get('/api/v2/order/get_order_list', listQuery(now - 16 * DAY_S, now));
    assert.deepEqual([wide.status, wide.body.error], [200, 'error_param']);
    assert.equal(
      (await get('/api/v2/order/get_order_list', listQuery(now - 15 * DAY_S, now))).body.error,
      '',
    );
    const page = await get('/api/v2/order/get_order_list', listQuery(now - DAY_S, now, { page_size: '101' }));
    assert.equal(page.body.error, 'error_param');
    const { time_range_field: _, ...noField } = listQuery(now - DAY_S, now);
    assert.equal((await get('/api/v2/order/get_order_list', noField)).body.error, 'error_param');
  });

  test('get_order_list pages with cursor, more and next_cursor', async () => {
    const now = await nowS();
    for (let i = 0; i < 5; i++) await order({ create_time: now - 100 + i });
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const answer = await get(
        '/api/v2/order/get_order_list',
        listQuery(now - DAY_S, now, { page_size: '2', cursor }),
      );
      assert.equal(answer.body.error, '');
      seen.push(...answer.body.response.order_list.map((entry: { order_sn: string }) => entry.order_sn));
      if (!answer.body.response.more) {
        assert.equal(answer.body.response.next_cursor, '');
        break;
      }
      cursor = answer.body.response.next_cursor;
    }
    assert.equal(new Set(seen).size, 5);
  });

  test('get_order_detail: 1–50 order_sn, optional fields only when asked', async () => {
    const created = await order();
    const plain = await get('/api/v2/order/get_order_detail', { order_sn_list: created.order_sn });
    const [detail] = plain.body.response.order_list;
    assert.deepEqual(
      [detail.order_sn, detail.order_status, detail.currency],
      [created.order_sn, 'READY_TO_SHIP', 'BRL'],
    );
    assert.equal(detail.item_list, undefined);
    const rich = await get('/api/v2/order/get_order_detail', {
      order_sn_list: created.order_sn,
      response_optional_fields: 'item_list,total_amount,buyer_username,package_list',
    });
    const [full] = rich.body.response.order_list;
    assert.equal(full.item_list[0].item_id, itemId);
    assert.equal(full.total_amount, 10);
    assert.ok(full.package_list[0].package_number);
    const many = Array.from({ length: 51 }, () => created.order_sn).join(',');
    assert.equal(
      (await get('/api/v2/order/get_order_detail', { order_sn_list: many })).body.error,
      'error_param',
    );
    const unknown = await get('/api/v2/order/get_order_detail', {
      order_sn_list: `${created.order_sn},NOPE`,
    });
    assert.equal(unknown.body.response.order_list.length, 1);
    assert.match(unknown.body.warning, /NOPE/);
  });
});

describe('Shopee shipping and invoices', () => {
  test('ship_order: READY_TO_SHIP → PROCESSED with a tracking number; not twice', async () => {
    const created = await order();
    const params = await get('/api/v2/logistics/get_shipping_parameter', { order_sn: created.order_sn });
    assert.deepEqual(params.body.response.info_needed.pickup, ['address_id', 'pickup_time_id']);
    const shipped = await ship(created.order_sn);
    assert.deepEqual([shipped.status, shipped.body.error], [200, '']);
    const tracking = await get('/api/v2/logistics/get_tracking_number', { order_sn: created.order_sn });
    assert.ok(tracking.body.response.tracking_number);
    const detail = await get('/api/v2/order/get_order_detail', { order_sn_list: created.order_sn });
    assert.equal(detail.body.response.order_list[0].order_status, 'PROCESSED');
    const again = await ship(created.order_sn);
    assert.equal(again.status, 200);
    assert.notEqual(again.body.error, '');
    const none = await shopeeCall(sim, 'POST', '/api/v2/logistics/ship_order', {
      token,
      json: { order_sn: (await order()).order_sn },
      expectInvalid: 'ship_order without a method',
    });
    assert.equal(none.body.error, 'error_param', 'pickup, dropoff or non_integrated is required');
  });

  test('the tracking number may be empty at first', async () => {
    await sim.control('PATCH', '/shopee/settings', { tracking_delay_ms: 300_000 });
    const created = await order();
    await ship(created.order_sn);
    const early = await get('/api/v2/logistics/get_tracking_number', { order_sn: created.order_sn });
    assert.equal(early.body.response.tracking_number, '');
    await sim.control('POST', '/clock', { advance_ms: 300_000 });
    const later = await get('/api/v2/logistics/get_tracking_number', { order_sn: created.order_sn });
    assert.ok(later.body.response.tracking_number);
  });

  test('INVOICE_PENDING: ship_order refused until the NF-e XML is uploaded', async () => {
    const created = await order({ status: 'INVOICE_PENDING' });
    const early = await ship(created.order_sn);
    assert.deepEqual([early.status, early.body.error], [200, 'lack_of_invoice_data']);
    const bad = await invoice(created.order_sn, `<nfeProc><chNFe>${BAD_KEY}</chNFe></nfeProc>`);
    assert.equal(bad.body.error, 'error_param');
    const good = await invoice(created.order_sn, `<nfeProc><chNFe>${GOOD_KEY}</chNFe></nfeProc>`);
    assert.deepEqual([good.status, good.body.error], [200, '']);
    assert.equal((await ship(created.order_sn)).body.error, '');
    const late = await invoice(created.order_sn, `<nfeProc><chNFe>${GOOD_KEY}</chNFe></nfeProc>`);
    assert.equal(late.body.error, 'error_param', 'only while INVOICE_PENDING');
  });

  test('state machine: SHIPPED takes the units, CANCELLED releases them; illegal moves are 409', async () => {
    const view = async () => (await sim.control('GET', `/shopee/listings/${itemId}`)).body.stock;
    const shipped = await order({ items: [{ item_id: itemId, quantity: 3 }] });
    const cancelled = await order({ items: [{ item_id: itemId, quantity: 2 }] });
    assert.equal(await view(), 95, 'reserved units are not available');
    await ship(shipped.order_sn);
    const move = (sn: string, status: string) =>
      sim.control('POST', `/shopee/orders/${sn}/status`, { status });
    assert.equal((await move(shipped.order_sn, 'SHIPPED')).status, 200);
    assert.equal((await move(cancelled.order_sn, 'CANCELLED')).status, 200);
    assert.equal(await view(), 97);
    assert.equal((await move(cancelled.order_sn, 'READY_TO_SHIP')).status, 409);
    assert.equal((await move(shipped.order_sn, 'COMPLETED')).status, 200);
  });
});
