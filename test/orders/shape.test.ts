/** Each marketplace's order status in SkyHub's terms, and the order code (pure functions). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChannelOrder } from '../../src/channels/adapter.ts';
import { genericStatus } from '../../src/orders/channel-shapes.ts';
import { normaliseOrder } from '../../src/orders/shape.ts';

function order(status: string, raw: Record<string, unknown> = {}): ChannelOrder {
  return {
    externalId: '123',
    status,
    placedAt: new Date('2026-05-01T10:00:00Z'),
    updatedAt: new Date('2026-05-01T11:00:00Z'),
    total: 10,
    items: [{ sku: 'A', externalItemId: 'X', name: 'A', qty: 1, unitPrice: 10 }],
    buyer: { name: 'Ana' },
    raw: { status, ...raw },
  };
}

const typeOf = (channel: string, status: string, raw?: Record<string, unknown>) =>
  normaliseOrder(channel, order(status, raw)).statusType;

describe('order status by marketplace', () => {
  it('Mercado Livre: paid is approved, a delivered tag is delivered, cancelled is cancelled', () => {
    assert.equal(typeOf('mercadolivre', 'payment_required'), 'NEW');
    assert.equal(typeOf('mercadolivre', 'paid'), 'APPROVED');
    assert.equal(typeOf('mercadolivre', 'paid', { tags: ['paid', 'delivered'] }), 'DELIVERED');
    assert.equal(typeOf('mercadolivre', 'cancelled'), 'CANCELED');
  });

  it('Magalu: an approved order is as far along as its least advanced delivery', () => {
    const deliveries = (...statuses: string[]) => ({ deliveries: statuses.map((status) => ({ status })) });
    assert.equal(typeOf('magalu', 'new'), 'NEW');
    assert.equal(typeOf('magalu', 'approved', deliveries('approved')), 'APPROVED');
    assert.equal(typeOf('magalu', 'approved', deliveries('invoiced', 'shipped')), 'INVOICED');
    assert.equal(typeOf('magalu', 'approved', deliveries('shipped', 'cancelled')), 'SHIPPED');
    assert.equal(typeOf('magalu', 'finished'), 'DELIVERED');
    assert.equal(typeOf('magalu', 'cancelled'), 'CANCELED');
  });

  it('Amazon and Shopee follow their own tables', () => {
    assert.equal(typeOf('amazon', 'Pending'), 'NEW');
    assert.equal(typeOf('amazon', 'Unshipped'), 'APPROVED');
    assert.equal(typeOf('amazon', 'Shipped'), 'SHIPPED');
    assert.equal(typeOf('amazon', 'Canceled'), 'CANCELED');
    assert.equal(typeOf('shopee', 'READY_TO_SHIP'), 'APPROVED');
    assert.equal(typeOf('shopee', 'IN_CANCEL'), 'APPROVED', 'a cancellation request is not a cancellation');
    assert.equal(typeOf('shopee', 'COMPLETED'), 'DELIVERED');
  });

  it('an unknown marketplace falls back on common words ("unshipped" is not shipped)', () => {
    assert.equal(genericStatus('unshipped'), 'APPROVED');
    assert.equal(genericStatus('shipped'), 'SHIPPED');
    assert.equal(genericStatus('order_cancelled'), 'CANCELED');
    assert.equal(genericStatus('whatever'), 'NEW');
  });
});

describe('order code', () => {
  it('is "<channel>-<id>", the channel as SkyHub writes it (spaces included); Magalu uses its order code', () => {
    assert.equal(normaliseOrder('mercadolivre', order('paid')).code, 'Mercado Livre-123');
    assert.equal(normaliseOrder('magalu', order('new', { code: '1500012' })).code, 'Magalu-1500012');
    const shaped = normaliseOrder('mercadolivre', order('paid'));
    assert.equal(shaped.data.channel, 'Mercado Livre');
    assert.equal(shaped.data.import_info.remote_id, '123');
  });
});
