import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { defaultToken, openSimulator } from '../test-support.ts';

const BR = 'A2Q3Y263D00KWC';
const MINUTE = 60_000;

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator();
});
after(() => sim.close());
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'amazon');
  await sim.control('POST', '/amazon/listings', { sku: 'A', price: 59.9, quantity: 20 });
});

const get = (path: string) => sim.call('amazon', 'GET', path, { headers: { 'x-amz-access-token': token } });
const advance = (ms: number) => sim.control('POST', '/clock', { advance_ms: ms });
const clockNow = async () => Date.parse((await sim.control('GET', '/clock')).body.now);
async function order(body: Record<string, unknown> = {}) {
  const created = await sim.control('POST', '/amazon/orders', {
    items: [{ sku: 'A', quantity: 2 }],
    ...body,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}
const listOrders = (query: string) => get(`/orders/v0/orders?MarketplaceIds=${BR}&${query}`);
const confirm = (id: string, json: unknown, expectInvalid?: string) =>
  sim.call('amazon', 'POST', `/orders/v0/orders/${id}/shipmentConfirmation`, {
    headers: { 'x-amz-access-token': token },
    json,
    ...(expectInvalid === undefined ? {} : { expectInvalid }),
  });
const shipment = (itemId: string, quantity: number) => ({
  marketplaceId: BR,
  packageDetail: {
    packageReferenceId: '1',
    carrierCode: 'Correios',
    trackingNumber: 'BR123456789',
    shipDate: new Date().toISOString(),
    orderItems: [{ orderItemId: itemId, quantity }],
  },
});

describe('Amazon Orders v0', () => {
  test('getOrders rules: MarketplaceIds, exactly one of CreatedAfter/LastUpdatedAfter, …Before ≥ 2 min ago, page ≤ 100', async () => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const noMarket = await get(`/orders/v0/orders?CreatedAfter=${since}`);
    assert.equal(noMarket.status, 400);
    assert.equal(noMarket.body.errors[0].code, 'InvalidInput');
    assert.equal((await listOrders('')).status, 400, 'neither After');
    assert.equal((await listOrders(`CreatedAfter=${since}&LastUpdatedAfter=${since}`)).status, 400, 'both');
    const tooRecent = new Date(Date.now() - MINUTE).toISOString();
    const recent = await listOrders(`CreatedAfter=${since}&CreatedBefore=${tooRecent}`);
    assert.equal(recent.status, 400);
    assert.match(recent.body.errors[0].message, /2 minutes/);
    assert.equal((await listOrders(`CreatedAfter=${since}&MaxResultsPerPage=101`)).status, 400);
    assert.equal((await listOrders(`LastUpdatedAfter=${since}&CreatedBefore=${tooRecent}`)).status, 400);
  });

  test('an order shows only once it is 2 minutes old; the payload says up to when', async () => {
    const created = await order();
    const since = new Date((await clockNow()) - 5 * MINUTE).toISOString();
    const early = await listOrders(`LastUpdatedAfter=${since}`);
    assert.equal(early.status, 200);
    assert.deepEqual(early.body.payload.Orders, []);
    assert.ok(early.body.payload.LastUpdatedBefore);
    await advance(2 * MINUTE + 1000);
    const late = await listOrders(`LastUpdatedAfter=${since}`);
    assert.equal(late.body.payload.Orders[0].AmazonOrderId, created.AmazonOrderId);
    assert.match(created.AmazonOrderId, /^\d{3}-\d{7}-\d{7}$/);
    assert.deepEqual(late.body.payload.Orders[0].OrderTotal, { CurrencyCode: 'BRL', Amount: '119.80' });
    assert.equal(late.body.payload.Orders[0].OrderStatus, 'Unshipped');
  });

  test('NextToken pages through MaxResultsPerPage at a time', async () => {
    const since = new Date((await clockNow()) - MINUTE).toISOString();
    for (let i = 0; i < 5; i++) await order({ items: [{ sku: 'A', quantity: 1 }] });
    await advance(3 * MINUTE);
    const seen: string[] = [];
    let answer = await listOrders(`CreatedAfter=${since}&MaxResultsPerPage=2`);
    for (;;) {
      assert.equal(answer.status, 200);
      seen.push(...answer.body.payload.Orders.map((entry: { AmazonOrderId: string }) => entry.AmazonOrderId));
      if (answer.body.payload.NextToken === undefined) break;
      answer = await listOrders(`NextToken=${encodeURIComponent(answer.body.payload.NextToken)}`);
    }
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });

  test('getOrder and getOrderItems; money as decimal strings', async () => {
    const created = await order();
    const one = await get(`/orders/v0/orders/${created.AmazonOrderId}`);
    assert.equal(one.body.payload.FulfillmentChannel, 'MFN');
    const items = await get(`/orders/v0/orders/${created.AmazonOrderId}/orderItems`);
    const [item] = items.body.payload.OrderItems;
    assert.deepEqual([item.SellerSKU, item.QuantityOrdered, item.QuantityShipped], ['A', 2, 0]);
    assert.deepEqual(item.ItemPrice, { CurrencyCode: 'BRL', Amount: '119.80' });
    assert.equal((await get('/orders/v0/orders/701-0000000-0000000')).status, 404);
  });

  test('confirmShipment: partial → PartiallyShipped, the rest → Shipped, then refused', async () => {
    const created = await order();
    const itemId = created.OrderItems[0].OrderItemId;
    const partial = await confirm(created.AmazonOrderId, shipment(itemId, 1));
    assert.equal(partial.status, 204);
    let read = await get(`/orders/v0/orders/${created.AmazonOrderId}`);
    assert.deepEqual(
      [
        read.body.payload.OrderStatus,
        read.body.payload.NumberOfItemsShipped,
        read.body.payload.NumberOfItemsUnshipped,
      ],
      ['PartiallyShipped', 1, 1],
    );
    assert.equal(
      (await confirm(created.AmazonOrderId, shipment(itemId, 2))).status,
      400,
      'more than unshipped',
    );
    assert.equal((await confirm(created.AmazonOrderId, shipment(itemId, 1))).status, 204);
    read = await get(`/orders/v0/orders/${created.AmazonOrderId}`);
    assert.equal(read.body.payload.OrderStatus, 'Shipped');
    const again = await confirm(created.AmazonOrderId, shipment(itemId, 1));
    assert.equal(again.status, 400);
    assert.equal(again.body.errors[0].code, 'InvalidInput');
    const bad = await confirm(
      created.AmazonOrderId,
      { marketplaceId: BR },
      'confirmShipment without packageDetail',
    );
    assert.equal(bad.status, 400);
  });

  test('confirmShipment refuses AFN, Pending and Canceled orders', async () => {
    const afn = await order({ fulfillment_channel: 'AFN' });
    assert.equal((await confirm(afn.AmazonOrderId, shipment(afn.OrderItems[0].OrderItemId, 1))).status, 400);
    const pending = await order({ status: 'Pending' });
    assert.equal(
      (await confirm(pending.AmazonOrderId, shipment(pending.OrderItems[0].OrderItemId, 1))).status,
      400,
    );
    const canceled = await order();
    await sim.control('POST', `/amazon/orders/${canceled.AmazonOrderId}/status`, { status: 'Canceled' });
    const refused = await confirm(canceled.AmazonOrderId, shipment(canceled.OrderItems[0].OrderItemId, 1));
    assert.equal(refused.status, 400);
    assert.match(refused.body.errors[0].message, /Canceled/);
  });

  test('state machine: cancel returns the stock; illegal moves are 409', async () => {
    const created = await order();
    assert.equal((await sim.control('GET', '/amazon/listings/A')).body.stock, 18);
    const cancel = await sim.control('POST', `/amazon/orders/${created.AmazonOrderId}/status`, {
      status: 'Canceled',
    });
    assert.equal(cancel.status, 200);
    assert.equal((await sim.control('GET', '/amazon/listings/A')).body.stock, 20);
    const revive = await sim.control('POST', `/amazon/orders/${created.AmazonOrderId}/status`, {
      status: 'Shipped',
    });
    assert.equal(revive.status, 409);
    const pending = await order({ status: 'Pending' });
    assert.equal(
      (await sim.control('POST', `/amazon/orders/${pending.AmazonOrderId}/status`, { status: 'Unshipped' }))
        .status,
      200,
    );
  });
});
