import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { withNfeCheckDigit } from '../../../simulator/core/nfe.ts';
import type { ChannelAdapter, ChannelContext, ChannelOrder } from '../adapter.ts';
import { setup } from '../testing.ts';
import type { SpHarness, SpListingView } from './testing.ts';
import { openShopee } from './testing.ts';

let sp: SpHarness;
let item: SpListingView;
before(async () => {
  sp = await openShopee();
});
after(() => sp.close());
beforeEach(async () => {
  await sp.reset();
  item = await sp.listing({ sku: 'CANECA', price: 29.9, stock: 1000 });
});

const DAY = 86_400_000;
const NFE_KEY = withNfeCheckDigit('3526011234567800019955001000000001100000001');
const XML = `<nfeProc><NFe><infNFe Id="NFe${NFE_KEY}"/></NFe><protNFe><infProt><chNFe>${NFE_KEY}</chNFe></infProt></protNFe></nfeProc>`;

interface SimOrder {
  order_sn: string;
  order_status: string;
}

function order(extra: Record<string, unknown> = {}): Promise<SimOrder> {
  return setup<SimOrder>(
    sp.control('POST', '/shopee/orders', { items: [{ item_id: Number(item.id), quantity: 2 }], ...extra }),
  );
}

const simOrder = (sn: string) => setup<SimOrder>(sp.control('GET', `/shopee/orders/${sn}`));

async function readAll(
  adapter: ChannelAdapter,
  ctx: ChannelContext,
  since: Date,
  between?: () => Promise<void>,
): Promise<ChannelOrder[][]> {
  const pages: ChannelOrder[][] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listOrders(ctx, { since, cursor });
    pages.push(page.orders);
    cursor = page.nextCursor;
    if (pages.length === 1) await between?.();
  } while (cursor !== undefined && pages.length < 30);
  return pages;
}

describe('Shopee orders', () => {
  test('walks 15-day windows from `since` to now, reading each order’s detail', async () => {
    const ctx = await sp.connect();
    const since = new Date(Date.now() - DAY);
    const first = await order({ buyer_username: 'maria' });
    // Within the refresh token's 30 days: the access token expires and is refreshed on the way.
    await sp.advance(16 * DAY);
    const second = await order();
    await sp.advance(10 * DAY);
    const pages = await readAll(sp.adapter, ctx, since);
    assert.equal(pages.length, 2, 'two windows: 15 days, then the 12 up to now');
    const read = pages.flat();
    assert.deepEqual(
      read.map((o) => o.externalId),
      [first.order_sn, second.order_sn],
    );
    assert.deepEqual(read[0]?.items, [
      { sku: 'CANECA', externalItemId: item.id, name: 'Produto CANECA', qty: 2, unitPrice: 29.9 },
    ]);
    assert.deepEqual(
      [read[0]?.status, read[0]?.total, (read[0]!.raw as { buyer_username?: string }).buyer_username],
      ['READY_TO_SHIP', 59.8, 'maria'],
    );
    const raw = read[0]!.raw as { recipient_address: { city: string; district: string } };
    assert.ok(read[0]?.recipient?.city, 'recipient_address is read');
    assert.equal(read[0]?.recipient?.city, raw.recipient_address.city);
    assert.equal(read[0]?.recipient?.neighborhood, raw.recipient_address.district);
  });

  test('pages by update_time: an order updated while paging comes again later, none is skipped', async () => {
    const paged = sp.withOptions({ ordersPageSize: 2 });
    const ctx = await sp.connect({ adapter: paged });
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      placed.push((await order({ items: [{ item_id: Number(item.id), quantity: 1 }] })).order_sn);
      await sp.advance(1_000);
    }
    const cancelFirst = async () => {
      await sp.advance(1_000);
      await sp.control('POST', `/shopee/orders/${placed[0]}/status`, { status: 'CANCELLED' });
    };
    const pages = await readAll(paged, ctx, new Date(Date.now() - DAY), cancelFirst);
    const seen = pages.flat().map((o) => o.externalId);
    assert.deepEqual(new Set(seen), new Set(placed), `every order read: ${seen.join(',')}`);
    assert.equal(seen.at(-1), placed[0], 'the cancelled order comes again, at the end');
    assert.equal(pages.flat().at(-1)?.status, 'CANCELLED');
  });

  test('newest first: the whole window is paged all the same, none skipped (S6)', async () => {
    const set = await sp.control('PATCH', '/shopee/settings', { order_list_order: 'desc' });
    assert.equal(
      (set.body as { order_list_order: string }).order_list_order,
      'desc',
      JSON.stringify(set.body),
    );
    try {
      const paged = sp.withOptions({ ordersPageSize: 2 });
      const ctx = await sp.connect({ adapter: paged });
      const placed: string[] = [];
      for (let i = 0; i < 7; i++) {
        placed.push((await order({ items: [{ item_id: Number(item.id), quantity: 1 }] })).order_sn);
        await sp.advance(1_000);
      }
      const seen = (await readAll(paged, ctx, new Date(Date.now() - DAY))).flat().map((o) => o.externalId);
      for (const sn of placed) assert.ok(seen.includes(sn), `${sn} read (newest-first list)`);
    } finally {
      await sp.control('PATCH', '/shopee/settings', { order_list_order: 'asc' });
    }
  });

  test('orders sharing one second are paged with Shopee’s cursor, without loss', async () => {
    const paged = sp.withOptions({ ordersPageSize: 2 });
    const ctx = await sp.connect({ adapter: paged });
    const placed: string[] = [];
    for (let i = 0; i < 5; i++)
      placed.push((await order({ items: [{ item_id: Number(item.id), quantity: 1 }] })).order_sn);
    const seen = (await readAll(paged, ctx, new Date(Date.now() - DAY))).flat().map((o) => o.externalId);
    assert.deepEqual(new Set(seen), new Set(placed));
  });

  test('getOrder reads one order; an unknown one is a permanent error', async () => {
    const ctx = await sp.connect();
    const placed = await order();
    assert.equal((await sp.adapter.getOrder(ctx, placed.order_sn)).externalId, placed.order_sn);
    await assert.rejects(sp.adapter.getOrder(ctx, '000000NOPE'), {
      failure: 'permanent',
      code: 'shopee.order_not_found',
    });
  });
});

describe('Shopee order status', () => {
  test('NF-e upload while INVOICE_PENDING, then ship_order on the pickup the channel offers', async () => {
    const ctx = await sp.connect();
    const placed = await order({ status: 'INVOICE_PENDING' });
    const read = await sp.adapter.getOrder(ctx, placed.order_sn);
    const ship = { kind: 'ship' as const, trackingCode: 'BR1', shippedAt: new Date() };
    await assert.rejects(sp.adapter.pushOrderStatus(ctx, read, ship), {
      failure: 'permanent',
      code: 'shopee.lack_of_invoice_data',
      marketplaceMessage: 'Pending invoice data, can not arrange shipment.',
    });
    await sp.adapter.pushOrderStatus(ctx, read, {
      kind: 'invoice',
      key: NFE_KEY,
      issuedAt: new Date(),
      xml: XML,
    });
    const [upload] = await sp.writes('order.upload_invoice_doc');
    assert.deepEqual(upload?.body, { order_sn: placed.order_sn, file_type: '4' });
    assert.equal((await simOrder(placed.order_sn)).order_status, 'READY_TO_SHIP');
    await sp.adapter.pushOrderStatus(ctx, read, {
      kind: 'invoice',
      key: NFE_KEY,
      issuedAt: new Date(),
      xml: XML,
    });
    assert.equal((await sp.writes('order.upload_invoice_doc')).length, 1, 'no second upload');

    await sp.adapter.pushOrderStatus(ctx, read, ship);
    const shipped = (await sp.writes('logistics.ship_order')).filter((w) => w.status === 200);
    const last = shipped.at(-1)?.body as { order_sn: string; pickup: { address_id: number } };
    assert.equal(last.order_sn, placed.order_sn);
    assert.equal(last.pickup.address_id, 1);
    assert.equal((await simOrder(placed.order_sn)).order_status, 'PROCESSED');
    const calls = (await sp.writes('logistics.ship_order')).length;
    await sp.adapter.pushOrderStatus(ctx, read, ship);
    assert.equal((await sp.writes('logistics.ship_order')).length, calls, 'ship_order is not repeated');
  });

  test('ship_order follows info_needed: dropoff {} for a drop-off channel, the tracking code only when non-integrated (S3)', async () => {
    const ctx = await sp.connect();
    const ship = { kind: 'ship' as const, trackingCode: 'BRX1', shippedAt: new Date() };
    const shipWith = async (mode: string) => {
      const set = await sp.control('PATCH', '/shopee/settings', { logistics_mode: mode });
      assert.equal((set.body as { logistics_mode: string }).logistics_mode, mode);
      const placed = await order({ status: 'READY_TO_SHIP' });
      await sp.adapter.pushOrderStatus(ctx, await sp.adapter.getOrder(ctx, placed.order_sn), ship);
      const writes = (await sp.writes('logistics.ship_order')).filter(
        (w) => (w.body as { order_sn: string }).order_sn === placed.order_sn,
      );
      assert.equal((await simOrder(placed.order_sn)).order_status, 'PROCESSED', `${mode}: shipped`);
      return writes.at(-1)?.body as Record<string, unknown>;
    };
    try {
      const dropoff = await shipWith('dropoff');
      assert.deepEqual(dropoff.dropoff, {}, 'dropoff: {} when info_needed.dropoff is empty');
      assert.equal(dropoff.non_integrated, undefined, 'never non_integrated on an integrated channel');
      const own = await shipWith('non_integrated');
      assert.deepEqual(own.non_integrated, { tracking_number: 'BRX1' });
    } finally {
      await sp.control('PATCH', '/shopee/settings', { logistics_mode: 'pickup' });
    }
  });

  test('what Shopee cannot take is refused before any write', async () => {
    const ctx = await sp.connect();
    const read = await sp.adapter.getOrder(ctx, (await order({ status: 'INVOICE_PENDING' })).order_sn);
    await assert.rejects(
      sp.adapter.pushOrderStatus(ctx, read, { kind: 'invoice', key: NFE_KEY, issuedAt: new Date() }),
      {
        code: 'shopee.invoice.xml_required',
      },
    );
    await assert.rejects(sp.adapter.pushOrderStatus(ctx, read, { kind: 'cancel' }), {
      code: 'shopee.order_status.unsupported',
    });
    await sp.adapter.pushOrderStatus(ctx, read, { kind: 'deliver', deliveredAt: new Date() });
    assert.deepEqual(await sp.writes('order.upload_invoice_doc'), []);
  });

  test('an NF-e Shopee refuses (a wrong check digit) is its own error_param, permanent', async () => {
    const ctx = await sp.connect();
    const read = await sp.adapter.getOrder(ctx, (await order({ status: 'INVOICE_PENDING' })).order_sn);
    const bad = `${NFE_KEY.slice(0, 43)}${(Number(NFE_KEY[43]) + 1) % 10}`;
    await assert.rejects(
      sp.adapter.pushOrderStatus(ctx, read, {
        kind: 'invoice',
        key: bad,
        issuedAt: new Date(),
        xml: XML.replaceAll(NFE_KEY, bad),
      }),
      { failure: 'permanent', code: 'shopee.error_param', marketplaceMessage: 'Invalid NF-e access key.' },
    );
  });
});
