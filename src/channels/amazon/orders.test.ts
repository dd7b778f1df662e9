import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ChannelAdapter, ChannelContext, ChannelOrder } from '../adapter.ts';
import { setup } from '../testing.ts';
import type { AmHarness } from './testing.ts';
import { openAmazon, quickAmazon, quickFeeds } from './testing.ts';

let am: AmHarness;
before(async () => {
  am = await openAmazon();
});
after(() => am.close());
beforeEach(async () => {
  await am.control('POST', '/reset');
  await am.instant();
  await am.listing({ sku: 'A', price: 29.9, quantity: 100 });
  await am.listing({ sku: 'B', price: 10, quantity: 100 });
});

const MINUTE = 60_000;

interface SimOrder {
  AmazonOrderId: string;
  OrderStatus: string;
  OrderItems: { OrderItemId: string; QuantityShipped: number }[];
  packages: { trackingNumber: string; carrierCode: string }[];
}

function order(extra: Record<string, unknown> = {}): Promise<SimOrder> {
  return setup<SimOrder>(
    am.control('POST', '/amazon/orders', { items: [{ sku: 'A', quantity: 2 }], ...extra }),
  );
}

const simOrder = (id: string) => setup<SimOrder>(am.control('GET', `/amazon/orders/${id}`));

async function readAll(adapter: ChannelAdapter, ctx: ChannelContext, since: Date): Promise<ChannelOrder[][]> {
  const pages: ChannelOrder[][] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listOrders(ctx, { since, cursor });
    pages.push(page.orders);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages.length < 20);
  return pages;
}

describe('Amazon orders', () => {
  test('searchOrders lags 2 minutes: an order shows once it is older than that, with its items', async () => {
    const ctx = await am.connect();
    const placed = await order();
    const since = new Date(Date.now() - 60 * MINUTE);
    assert.deepEqual((await quickAmazon.listOrders(ctx, { since })).orders, [], 'too fresh for getOrders');
    await am.advance(2 * MINUTE + 1_000);
    const [first] = (await quickAmazon.listOrders(ctx, { since })).orders;
    assert.equal(first?.externalId, placed.AmazonOrderId);
    assert.equal(first?.status, 'UNSHIPPED');
    assert.equal(first?.total, 59.8);
    assert.deepEqual(first?.items, [
      {
        sku: 'A',
        externalItemId: placed.OrderItems[0]!.OrderItemId,
        name: 'Produto A',
        qty: 2,
        unitPrice: 29.9,
      },
    ]);
  });

  test('a window that starts within the last 2 minutes is empty without a call', async () => {
    const ctx = await am.connect();
    await am.control('PUT', '/amazon/faults/orders2026.search', { error_rate: 1, count: 10 });
    const page = await quickAmazon.listOrders(ctx, { since: new Date(Date.now() - MINUTE) });
    assert.deepEqual(page, { orders: [] });
    assert.equal(await am.faultCalls('orders2026.search', 10), 0);
  });

  test('pages with paginationToken, each order once', async () => {
    const paged = quickFeeds({ ordersPageSize: 2 });
    const ctx = await am.connect({ adapter: paged });
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      placed.push((await order({ items: [{ sku: i % 2 ? 'A' : 'B', quantity: 1 }] })).AmazonOrderId);
      await am.advance(1_000);
    }
    await am.advance(2 * MINUTE);
    const pages = await readAll(paged, ctx, new Date(Date.now() - 60 * MINUTE));
    assert.deepEqual(
      pages.map((p) => p.length),
      [2, 2, 1],
    );
    assert.deepEqual(
      pages.flat().map((o) => o.externalId),
      placed,
    );
  });

  test('a pagination token Amazon no longer takes restarts the window instead of failing the import', async () => {
    const paged = quickFeeds({ ordersPageSize: 2 });
    const ctx = await am.connect({ adapter: paged });
    for (let i = 0; i < 3; i++) await order({ items: [{ sku: 'A', quantity: 1 }] });
    await am.advance(2 * MINUTE + 1_000);
    const since = new Date(Date.now() - 60 * MINUTE);
    const first = await paged.listOrders(ctx, { since });
    assert.ok(first.nextCursor);
    await paged.listOrders(ctx, { since, cursor: first.nextCursor }); // spends it
    const again = await paged.listOrders(ctx, { since, cursor: first.nextCursor });
    assert.equal(again.orders.length, 2, 'the first page again');
  });

  test('getOrder reads one order; an unknown id is a permanent error', async () => {
    const ctx = await am.connect();
    const placed = await order({ items: [{ sku: 'B', quantity: 3, unit_price: 9.5 }] });
    const read = await quickAmazon.getOrder(ctx, placed.AmazonOrderId);
    assert.deepEqual(
      [read.externalId, read.total, read.items[0]?.unitPrice, read.items[0]?.qty],
      [placed.AmazonOrderId, 28.5, 9.5, 3],
    );
    await assert.rejects(quickAmazon.getOrder(ctx, '701-0000000-0000000'), {
      failure: 'permanent',
      code: 'amazon.not_found',
    });
  });
});

describe('Amazon orders through the 2026-01-01 API (fidelity A3)', () => {
  const V0 = [
    'orders.list',
    'orders.get',
    'orders.items',
    'orders.address',
    'orders.buyer_info',
    'tokens.create_rdt',
  ];
  const v0Gone = async () => {
    for (const op of V0) await am.control('PUT', `/amazon/faults/${op}`, { error_rate: 1, count: 1000 });
  };

  test('one searchOrders call per page brings items, buyer, address and CPF: no v0 call, no RDT', async () => {
    const ctx = await am.connect();
    await v0Gone();
    const placed = [await order(), await order({ items: [{ sku: 'B', quantity: 1 }] })];
    await am.advance(2 * MINUTE + 1_000);
    const page = await quickAmazon.listOrders(ctx, { since: new Date(Date.now() - 60 * MINUTE) });
    assert.deepEqual(
      page.orders.map((o) => o.externalId),
      placed.map((p) => p.AmazonOrderId),
    );
    const [first] = page.orders;
    assert.equal(first?.items[0]?.externalItemId, placed[0]!.OrderItems[0]!.OrderItemId);
    assert.ok(first?.buyer.name, 'the buyer’s name');
    assert.match(first?.buyer.document ?? '', /^\d{11}$|^\d{14}$/, 'CPF or CNPJ');
    assert.ok(first?.recipient?.street && first.recipient.number && first.recipient.postcode, 'the address');
    assert.deepEqual(first?.withheld, {});
    for (const op of V0) assert.equal(await am.faultCalls(op, 1000), 0, `${op} was not called`);
    const read = await quickAmazon.getOrder(ctx, placed[1]!.AmazonOrderId);
    assert.equal(read.items[0]?.sku, 'B');
  });

  test('an app without Amazon’s PII roles imports the order with buyer and address withheld', async () => {
    await am.control('POST', '/amazon/apps', { client_id: am.credentials().clientId, pii_roles: false });
    const ctx = await am.connect();
    await order();
    await am.advance(2 * MINUTE + 1_000);
    const [first] = (await quickAmazon.listOrders(ctx, { since: new Date(Date.now() - 60 * MINUTE) })).orders;
    assert.equal(first?.items.length, 1, 'the items come all the same');
    assert.equal(first?.recipient, undefined);
    assert.equal(first?.withheld?.['shipping_address.street'], 'restricted');
    assert.equal(first?.withheld?.['customer.name'], 'restricted');
  });

  test('where the 2026 API is not deployed (404), v0 reads the orders, its pages going on with v0', async () => {
    const paged = quickFeeds({ ordersPageSize: 2 });
    const ctx = await am.connect({ adapter: paged });
    await am.control('PATCH', '/amazon/settings', { orders_2026: false });
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) placed.push((await order()).AmazonOrderId);
    await am.advance(2 * MINUTE + 1_000);
    const pages = await readAll(paged, ctx, new Date(Date.now() - 60 * MINUTE));
    assert.deepEqual(
      pages.flat().map((o) => o.externalId),
      placed,
    );
    assert.equal(pages[0]?.[0]?.status, 'Unshipped', 'v0’s words, which the status table also knows');
    const read = await paged.getOrder(ctx, placed[0]!);
    assert.equal(read.externalId, placed[0]);
    await am.control('PATCH', '/amazon/settings', { orders_2026: true });
  });
});

describe('Amazon order status', () => {
  test('ship confirms the shipment of every unshipped unit, once', async () => {
    const ctx = await am.connect();
    const placed = await order();
    const read = await quickAmazon.getOrder(ctx, placed.AmazonOrderId);
    const ship = {
      kind: 'ship' as const,
      trackingCode: 'BR123456789',
      carrier: 'Correios',
      shippedAt: new Date('2026-05-02T12:00:00Z'),
    };
    await quickAmazon.pushOrderStatus(ctx, read, ship);
    const [write] = await am.writes('orders.confirm_shipment');
    assert.equal(write?.status, 204);
    assert.deepEqual(write?.body, {
      marketplaceId: am.defaults.marketplace_id,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'Correios',
        trackingNumber: 'BR123456789',
        shipDate: '2026-05-02T12:00:00.000Z',
        orderItems: [{ orderItemId: placed.OrderItems[0]!.OrderItemId, quantity: 2 }],
      },
    });
    assert.equal((await simOrder(placed.AmazonOrderId)).OrderStatus, 'Shipped');
    await quickAmazon.pushOrderStatus(ctx, read, ship);
    assert.equal((await am.writes('orders.confirm_shipment')).length, 1, 'a repeated relay sends nothing');
  });

  test('a carrier not in Amazon’s list goes as Other with its name; the reference is numeric (A1, A2)', async () => {
    const ctx = await am.connect();
    const placed = await order();
    const read = await quickAmazon.getOrder(ctx, placed.AmazonOrderId);
    await quickAmazon.pushOrderStatus(ctx, read, {
      kind: 'ship',
      trackingCode: 'BP-99-XYZ',
      carrier: 'Braspress Transportes',
      shippedAt: new Date('2026-05-02T12:00:00Z'),
    });
    const [write] = await am.writes('orders.confirm_shipment');
    assert.equal(write?.status, 204, JSON.stringify(write?.body));
    const detail = (write!.body as { packageDetail: Record<string, unknown> }).packageDetail;
    assert.equal(detail.carrierCode, 'Other');
    assert.equal(detail.carrierName, 'Braspress Transportes');
    assert.match(String(detail.packageReferenceId), /^[1-9][0-9]*$/);
  });

  test('the simulator refuses what Amazon refuses: a tracking code as packageReferenceId, Other without a name', async () => {
    const ctx = await am.connect();
    const placed = await order();
    const token = (await ctx.credentials.current()).accessToken!;
    const body = (packageReferenceId: string, carrier: Record<string, string>) => ({
      marketplaceId: am.defaults.marketplace_id,
      packageDetail: {
        packageReferenceId,
        ...carrier,
        trackingNumber: 'BR1',
        shipDate: '2026-05-02T12:00:00Z',
        orderItems: [{ orderItemId: placed.OrderItems[0]!.OrderItemId, quantity: 1 }],
      },
    });
    for (const [ref, carrier, field] of [
      ['BR123456789', { carrierCode: 'Correios' }, 'packageReferenceId'],
      ['1', { carrierCode: 'Other' }, 'carrierName'],
      ['1', { carrierCode: 'Minha Transportadora' }, 'carrierCode'],
    ] as const) {
      const res = await fetch(`${am.baseUrl}/orders/v0/orders/${placed.AmazonOrderId}/shipmentConfirmation`, {
        method: 'POST',
        headers: {
          'x-amz-access-token': token,
          'content-type': 'application/json',
          'x-sim-expect-invalid': `A1/A2 ${field}`,
        },
        body: JSON.stringify(body(ref, carrier)),
      });
      const answer = (await res.json()) as { errors: { code: string; details: string }[] };
      assert.equal(res.status, 400, field);
      assert.equal(answer.errors[0]!.code, 'InvalidInput');
      assert.match(answer.errors[0]!.details, new RegExp(field));
    }
  });

  test('invoice and delivery send nothing; a cancellation is refused before any call', async () => {
    const ctx = await am.connect();
    const read = await quickAmazon.getOrder(ctx, (await order()).AmazonOrderId);
    await quickAmazon.pushOrderStatus(ctx, read, {
      kind: 'invoice',
      key: '1'.repeat(44),
      issuedAt: new Date(),
    });
    await quickAmazon.pushOrderStatus(ctx, read, { kind: 'deliver', deliveredAt: new Date() });
    await assert.rejects(quickAmazon.pushOrderStatus(ctx, read, { kind: 'cancel' }), {
      failure: 'permanent',
      code: 'amazon.order_status.unsupported',
    });
    assert.deepEqual(await am.writes(), []);
  });

  test('a pending order cannot ship yet: Amazon’s own refusal, permanent', async () => {
    const ctx = await am.connect();
    const read = await quickAmazon.getOrder(ctx, (await order({ status: 'Pending' })).AmazonOrderId);
    await assert.rejects(
      quickAmazon.pushOrderStatus(ctx, read, { kind: 'ship', trackingCode: 'X1', shippedAt: new Date() }),
      (error: Error) => {
        assert.equal(Reflect.get(error, 'failure'), 'permanent');
        assert.match(
          Reflect.get(error, 'marketplaceMessage'),
          /is Pending: its shipment cannot be confirmed/,
        );
        return true;
      },
    );
  });
});
