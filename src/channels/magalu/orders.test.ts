import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { withNfeCheckDigit } from '../../../simulator/core/nfe.ts';
import type { ChannelAdapter, ChannelContext, ChannelOrder } from '../adapter.ts';
import { setup } from '../testing.ts';
import { createMagaluAdapter, magalu } from './adapter.ts';
import type { MgHarness } from './testing.ts';
import { openMagalu } from './testing.ts';

let mg: MgHarness;
before(async () => {
  mg = await openMagalu();
});
after(() => mg.close());
beforeEach(async () => {
  await mg.control('POST', '/reset');
  await mg.control('PATCH', '/magalu/settings', { apply_delay_ms: 0, invoice_validation_ms: 0 });
  await mg.listing({ sku: 'A', price: 2990, stock: 100 });
});

const NFE_KEY = withNfeCheckDigit('3526011234567800019955001000000001100000001');
const XML = `<nfeProc><NFe><infNFe Id="NFe${NFE_KEY}"/></NFe></nfeProc>`;
const HOUR = 3_600_000;

interface SimOrder {
  id: string;
  customer: { document_number: string };
  deliveries: {
    id: string;
    status: string;
    invoices: { key: string; status: string }[];
    shipping: { recipient: { address: { street: string } } };
  }[];
}

function order(extra: Record<string, unknown> = {}): Promise<SimOrder> {
  return setup<SimOrder>(
    mg.control('POST', '/magalu/orders', { items: [{ sku: 'A', quantity: 2 }], ...extra }),
  );
}

function simOrder(id: string): Promise<SimOrder> {
  return setup<SimOrder>(mg.control('GET', `/magalu/orders/${id}`));
}

async function advance(ms: number) {
  await mg.control('POST', '/clock', { advance_ms: ms });
}

async function readAll(
  adapter: ChannelAdapter,
  ctx: ChannelContext,
  since: Date,
  between?: () => Promise<void>,
) {
  const pages: ChannelOrder[][] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listOrders(ctx, { since, cursor });
    pages.push(page.orders);
    cursor = page.nextCursor;
    if (pages.length === 1) await between?.();
  } while (cursor !== undefined && pages.length < 20);
  return pages;
}

describe('Magalu orders', () => {
  test('lists orders changed since a date, page by page', async () => {
    const paged = createMagaluAdapter({ ordersPageSize: 3 });
    const ctx = await mg.connect({ adapter: paged });
    await order();
    await advance(2 * HOUR);
    const placed: string[] = [];
    for (let i = 0; i < 7; i++) {
      placed.push((await order()).id);
      await advance(1_000);
    }
    const pages = await readAll(paged, ctx, new Date(Date.now() + HOUR));
    assert.deepEqual(
      pages.map((page) => page.length),
      [3, 3, 1],
    );
    assert.deepEqual(
      pages.flat().map((entry) => entry.externalId),
      placed,
      'the order from before `since` is left out',
    );
  });

  test('an order updated while paging is read again later, and none is skipped', async () => {
    const paged = createMagaluAdapter({ ordersPageSize: 3 });
    const ctx = await mg.connect({ adapter: paged });
    const placed: string[] = [];
    for (let i = 0; i < 6; i++) {
      placed.push((await order()).id);
      await advance(1_000);
    }
    const cancelFirst = async () => {
      await mg.control('POST', `/magalu/orders/${placed[0]}/status`, { status: 'cancelled' });
    };
    const pages = await readAll(paged, ctx, new Date(Date.now() - HOUR), cancelFirst);
    const seen = pages.flat().map((entry) => entry.externalId);
    assert.deepEqual(new Set(seen), new Set(placed), `every order read: ${seen.join(',')}`);
    assert.equal(seen.at(-1), placed[0], 'the updated order comes again, as cancelled');
    assert.equal(pages.flat().at(-1)?.status, 'cancelled');
  });

  test('orders sharing one updated_at instant are paged without loss', async () => {
    const frozen = await openMagalu({ now: () => Date.parse('2026-05-01T12:00:00.000Z') });
    try {
      await frozen.listing({ sku: 'A', price: 1000, stock: 100 });
      const placed: string[] = [];
      for (let i = 0; i < 7; i++) {
        const created = await setup<SimOrder>(
          frozen.control('POST', '/magalu/orders', { items: [{ sku: 'A', quantity: 1 }] }),
        );
        placed.push(created.id);
      }
      const paged = createMagaluAdapter({ ordersPageSize: 3 });
      const ctx = await frozen.connect({ adapter: paged });
      const pages = await readAll(paged, ctx, new Date('2026-05-01T00:00:00.000Z'));
      assert.deepEqual(
        pages.flat().map((entry) => entry.externalId),
        placed,
      );
    } finally {
      await frozen.close();
    }
  });

  test('getOrder reads one order into the channel shape', async () => {
    const ctx = await mg.connect();
    const placed = await order({ customer_name: 'Maria' });
    const read = await magalu.getOrder(ctx, placed.id);
    assert.equal(read.externalId, placed.id);
    assert.equal(read.status, 'approved');
    assert.equal(read.total, 59.8);
    assert.deepEqual(read.items, [
      { sku: 'A', externalItemId: 'A', name: 'Produto A', qty: 2, unitPrice: 29.9 },
    ]);
    assert.equal(read.buyer.name, 'Maria');
    const held = await simOrder(placed.id);
    assert.equal(read.buyer.document, held.customer.document_number);
    assert.equal(read.recipient?.street, held.deliveries[0]!.shipping.recipient.address.street);
    await assert.rejects(magalu.getOrder(ctx, 'nope'), { failure: 'permanent', code: 'magalu.not_found' });
  });
});

describe('Magalu order status', () => {
  test('invoice, ship and deliver move the delivery along', async () => {
    const ctx = await mg.connect();
    const placed = await order();
    const read = await magalu.getOrder(ctx, placed.id);
    const issuedAt = new Date();
    await magalu.pushOrderStatus(ctx, read, { kind: 'invoice', key: NFE_KEY, issuedAt, xml: XML });
    const [invoice] = await mg.writes('deliveries.invoice');
    assert.equal(invoice?.status, 201);
    assert.deepEqual(invoice?.body, {
      key: NFE_KEY,
      issued_at: issuedAt.toISOString(),
      issuer: '12345678000199',
      amount: 59.8,
      channel: { id: mg.defaults.channel_id },
      xml: XML,
    });
    assert.equal((await simOrder(placed.id)).deliveries[0]?.status, 'invoiced');

    const shippedAt = new Date();
    const ship = {
      kind: 'ship' as const,
      trackingCode: 'BR123',
      url: 'https://track.example/BR123',
      shippedAt,
    };
    await magalu.pushOrderStatus(ctx, read, { ...ship, carrier: 'Correios' });
    assert.equal((await simOrder(placed.id)).deliveries[0]?.status, 'shipped');
    await magalu.pushOrderStatus(ctx, read, { kind: 'deliver', deliveredAt: new Date() });
    assert.equal((await simOrder(placed.id)).deliveries[0]?.status, 'delivered');
    assert.equal((await magalu.getOrder(ctx, placed.id)).status, 'finished');
  });

  test('an invoice sent twice is taken once', async () => {
    await mg.control('PATCH', '/magalu/settings', { invoice_validation_ms: 5_000 });
    const ctx = await mg.connect();
    const read = await magalu.getOrder(ctx, (await order()).id);
    const invoice = { kind: 'invoice' as const, key: NFE_KEY, issuedAt: new Date(), xml: XML };
    await magalu.pushOrderStatus(ctx, read, invoice);
    await magalu.pushOrderStatus(ctx, read, invoice);
    assert.deepEqual(
      (await mg.writes('deliveries.invoice')).map((entry) => entry.status),
      [201, 409],
    );
  });

  test('an invoice Magalu found invalid is corrected under its key', async () => {
    const ctx = await mg.connect();
    const placed = await order();
    const read = await magalu.getOrder(ctx, placed.id);
    const invoice = { kind: 'invoice' as const, key: NFE_KEY, issuedAt: new Date(), xml: XML };
    await mg.control('PATCH', '/magalu/settings', { invoice_validation_ms: 5_000 });
    await magalu.pushOrderStatus(ctx, read, invoice);
    await mg.control('POST', `/magalu/invoices/${NFE_KEY}/status`, { status: 'invalid' });
    await mg.control('PATCH', '/magalu/settings', { invoice_validation_ms: 0 });
    await magalu.pushOrderStatus(ctx, read, { ...invoice, issuedAt: new Date() });
    assert.deepEqual(
      (await mg.writes()).map((entry) => `${entry.operation} ${entry.status}`),
      ['deliveries.invoice 201', 'deliveries.invoice_fix 204'],
    );
    assert.equal((await simOrder(placed.id)).deliveries[0]?.status, 'invoiced');
  });

  test('what Magalu cannot take is refused before any write', async () => {
    const ctx = await mg.connect();
    const read = await magalu.getOrder(ctx, (await order()).id);
    await assert.rejects(
      magalu.pushOrderStatus(ctx, read, { kind: 'invoice', key: NFE_KEY, issuedAt: new Date() }),
      {
        failure: 'permanent',
        code: 'magalu.invoice.xml_required',
      },
    );
    await assert.rejects(
      magalu.pushOrderStatus(ctx, read, { kind: 'ship', trackingCode: 'X', shippedAt: new Date() }),
      {
        code: 'magalu.shipping.tracking_url_required',
      },
    );
    await assert.rejects(magalu.pushOrderStatus(ctx, read, { kind: 'cancel' }), {
      code: 'magalu.order_status.unsupported',
    });
    assert.deepEqual(await mg.writes('deliveries.invoice'), []);
  });

  test('an order not approved yet gets Magalu’s own refusal', async () => {
    const ctx = await mg.connect();
    const read = await magalu.getOrder(ctx, (await order({ status: 'new' })).id);
    await assert.rejects(
      magalu.pushOrderStatus(ctx, read, { kind: 'invoice', key: NFE_KEY, issuedAt: new Date(), xml: XML }),
      (error: Error) => {
        assert.equal(Reflect.get(error, 'failure'), 'permanent');
        assert.match(Reflect.get(error, 'marketplaceMessage'), /invoices need it approved/);
        return true;
      },
    );
  });
});
