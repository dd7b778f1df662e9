import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ChannelAdapter, ChannelContext, ChannelOrder } from '../adapter.ts';
import { createMercadoLivreAdapter, mercadoLivre } from './adapter.ts';
import { nextCursor } from './orders.ts';
import type { MlHarness, MlListingView } from './testing.ts';
import { openMl } from './testing.ts';

let ml: MlHarness;
before(async () => {
  ml = await openMl();
});
after(() => ml.close());
beforeEach(async () => {
  await ml.control('POST', '/reset');
});

const NFE_KEY = '35260112345678000199550010000000011000000019';

interface SimOrder {
  id: number;
  shipping: { id: number };
}

async function order(item: MlListingView, extra: Record<string, unknown> = {}): Promise<SimOrder> {
  const answer = await ml.control('POST', '/mercadolivre/orders', {
    items: [{ item_id: item.id, quantity: 1 }],
    ...extra,
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body as SimOrder;
}

async function everyPage(adapter: ChannelAdapter, ctx: ChannelContext, since: Date) {
  const pages: ChannelOrder[][] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listOrders(ctx, { since, cursor });
    pages.push(page.orders);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages.length < 20);
  return pages;
}

describe('Mercado Livre orders', () => {
  test('lists orders changed since a date, page by page, oldest first', async () => {
    const paged = createMercadoLivreAdapter({ ordersPageSize: 3 });
    const ctx = await ml.connect({ adapter: paged });
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 50 });
    await order(item, { date_created: '2020-01-01T10:00:00.000-03:00' });
    const placed: number[] = [];
    for (let i = 0; i < 7; i++) placed.push((await order(item)).id);

    const pages = await everyPage(paged, ctx, new Date(Date.now() - 3_600_000));
    assert.deepEqual(
      pages.map((page) => page.length),
      [3, 3, 1],
    );
    assert.deepEqual(
      pages.flat().map((entry) => Number(entry.externalId)),
      placed,
      'every recent order once, the 2020 one left out',
    );
  });

  test('past ML’s offset cap the cursor narrows by creation date instead', () => {
    const page = [
      { date_created: '2026-05-01T10:00:00.000-03:00' },
      { date_created: '2026-05-01T10:05:00.000-03:00' },
    ];
    assert.equal(nextCursor({ offset: 0 }, page, 10, 2), '2');
    assert.equal(nextCursor({ offset: 8 }, page, 10, 2), undefined, 'the last page');
    assert.equal(nextCursor({ offset: 9_996 }, page, 20_000, 2), '9998');
    assert.equal(nextCursor({ offset: 9_998 }, page, 20_000, 2), '0@2026-05-01T10:05:00.000-03:00');
  });

  test('getOrder reads one order into the channel shape', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({
      sku: 'SHIRT',
      variations: [{ sku: 'SHIRT-M', price: 49.9, available_quantity: 3, attributes: { SIZE: 'M' } }],
    });
    const placed = await ml.control('POST', '/mercadolivre/orders', {
      items: [{ item_id: item.id, variation_id: Number(item.variations[0]!.id), quantity: 2 }],
      buyer: { nickname: 'COMPRADOR_X' },
    });
    const id = String((placed.body as SimOrder).id);
    const read = await mercadoLivre.getOrder(ctx, id);
    assert.equal(read.externalId, id);
    assert.equal(read.status, 'paid');
    assert.equal(read.total, 99.8);
    assert.deepEqual(read.items, [
      {
        sku: 'SHIRT-M',
        externalItemId: item.id,
        name: 'Produto SHIRT',
        qty: 2,
        unitPrice: 49.9,
        originalPrice: 49.9,
      },
    ]);
    const held = (await ml.control('GET', `/mercadolivre/orders/${id}`)).body as {
      billing_info: { doc_number: string };
      shipment: { destination: { shipping_address: { street_name: string } } };
    };
    assert.equal(read.buyer.document, held.billing_info.doc_number, 'from /orders/{id}/billing_info');
    assert.equal(read.recipient?.street, held.shipment.destination.shipping_address.street_name);
    assert.ok(read.placedAt.getTime() > Date.now() - 60_000);
    await assert.rejects(mercadoLivre.getOrder(ctx, '1'), { failure: 'permanent', code: 'ml.not_found' });
  });

  test('an invoice without the NF-e XML is not sent: ML takes no JSON form (M3)', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 5 });
    const placed = await order(item);
    const read = await mercadoLivre.getOrder(ctx, String(placed.id));
    const invoice = { kind: 'invoice' as const, key: NFE_KEY, number: '1', issuedAt: new Date() };
    await assert.rejects(mercadoLivre.pushOrderStatus(ctx, read, invoice), {
      failure: 'permanent',
      code: 'ml.invoice.xml_required',
    });
    assert.deepEqual(await ml.writes('shipments.invoice'), []);
    assert.deepEqual(mercadoLivre.orderActionPolicy?.(read, 'invoice'), {
      relay: true,
      requires: ['invoice.xml'],
    });
    assert.deepEqual(mercadoLivre.orderActionPolicy?.(read, 'ship'), {
      relay: false,
      reason: 'marketplace_ships',
    });
  });

  test('an xd_same_day shipment takes the NF-e XML too (M3)', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({
      sku: 'SAME',
      price: 10,
      available_quantity: 5,
      logistic_type: 'xd_same_day',
    });
    const placed = await order(item);
    const read = await mercadoLivre.getOrder(ctx, String(placed.id));
    assert.deepEqual(mercadoLivre.orderActionPolicy?.(read, 'invoice'), {
      relay: true,
      requires: ['invoice.xml'],
    });
    const xml = `<nfeProc><NFe><infNFe Id="NFe${NFE_KEY}"></infNFe></NFe></nfeProc>`;
    await mercadoLivre.pushOrderStatus(ctx, read, {
      kind: 'invoice',
      key: NFE_KEY,
      issuedAt: new Date(),
      xml,
    });
    const [write] = await ml.writes('shipments.invoice');
    assert.equal(write?.status, 201, 'the label of an xd_same_day shipment waits for the NF-e');
  });

  test('an NF-e XML is sent as the document itself', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 5 });
    const placed = await order(item);
    const xml = `<nfeProc><NFe><infNFe Id="NFe${NFE_KEY}"></infNFe></NFe></nfeProc>`;
    const transition = { kind: 'invoice' as const, key: NFE_KEY, issuedAt: new Date(), xml };
    await mercadoLivre.pushOrderStatus(ctx, { externalId: String(placed.id), raw: {} }, transition);
    const [write] = await ml.writes('shipments.invoice');
    assert.deepEqual([write?.status, write?.body], [201, xml]);
  });

  test('Full orders take no invoice from the seller, and ship/deliver are ML’s own', async () => {
    const ctx = await ml.connect();
    const full = await ml.listing({
      sku: 'F',
      price: 10,
      available_quantity: 5,
      logistic_type: 'fulfillment',
    });
    const read = await mercadoLivre.getOrder(ctx, String((await order(full)).id));
    await mercadoLivre.pushOrderStatus(ctx, read, { kind: 'invoice', key: NFE_KEY, issuedAt: new Date() });
    await mercadoLivre.pushOrderStatus(ctx, read, {
      kind: 'ship',
      trackingCode: 'BR1',
      shippedAt: new Date(),
    });
    await mercadoLivre.pushOrderStatus(ctx, read, { kind: 'deliver', deliveredAt: new Date() });
    assert.deepEqual(await ml.writes(), []);
  });

  test('a cancellation is refused with a hint, not sent', async () => {
    const ctx = await ml.connect();
    const item = await ml.listing({ sku: 'A', price: 10, available_quantity: 5 });
    const read = await mercadoLivre.getOrder(ctx, String((await order(item)).id));
    await assert.rejects(mercadoLivre.pushOrderStatus(ctx, read, { kind: 'cancel' }), {
      failure: 'permanent',
      code: 'ml.order_status.unsupported',
      hint: 'Cancel the sale in Mercado Livre.',
    });
  });
});
