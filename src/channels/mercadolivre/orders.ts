/**
 * Mercado Livre orders: `GET /orders/search` by `order.date_last_updated.from` [2nd: the
 * `order.last_updated.from` spelling is ignored], oldest first, offset paging; `GET /orders/{id}`
 * [doc]. Imports are idempotent by order id, so an overlapping page is harmless.
 */
import type { ChannelContext, ChannelOrder, ChannelOrderItem, OrderPage } from '../adapter.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, num, sellerIdOf, str } from './api.ts';
import { ML_ORDERS } from './facts.ts';

/**
 * The cursor is the next offset, plus the `date_created` to restart from once the offset would
 * pass ML's cap: results are sorted by creation date, so narrowing `order.date_created.from` to
 * the last one seen and starting again at offset 0 skips nothing (the overlap is deduplicated).
 */
export interface Cursor {
  offset: number;
  createdFrom?: string | undefined;
}

function readCursor(text: string | undefined): Cursor {
  if (text === undefined || text === '') return { offset: 0 };
  const [offset, createdFrom] = text.split('@', 2);
  return { offset: Number(offset) || 0, createdFrom: createdFrom || undefined };
}

function writeCursor(cursor: Cursor): string {
  return cursor.createdFrom === undefined ? String(cursor.offset) : `${cursor.offset}@${cursor.createdFrom}`;
}

export async function listOrders(
  api: MlApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  const sellerId = await sellerIdOf(api, ctx);
  const cursor = readCursor(query.cursor);
  const limit = api.ordersPageSize;
  const body = asObject(
    await api.call(ctx, {
      operation: 'orders',
      method: 'GET',
      path: '/orders/search',
      query: {
        seller: sellerId,
        'order.date_last_updated.from': query.since.toISOString(),
        'order.date_created.from': cursor.createdFrom,
        sort: 'date_asc',
        offset: cursor.offset,
        limit,
      },
    }),
    'orders/search',
  );
  const results = asArray(body.results).map((entry) => asObject(entry, 'order'));
  const total = num(asObject(body.paging ?? {}, 'paging').total) ?? 0;
  const orders = results.map(toChannelOrder);
  return { orders, nextCursor: nextCursor(cursor, results, total, limit) };
}

export function nextCursor(
  cursor: Cursor,
  results: Json[],
  total: number,
  limit: number,
): string | undefined {
  const offset = cursor.offset + results.length;
  if (results.length === 0 || offset >= total) return undefined;
  if (offset + limit <= ML_ORDERS.maxOffset) return writeCursor({ ...cursor, offset });
  return writeCursor({ offset: 0, createdFrom: str(results.at(-1)?.date_created) });
}

export async function getOrder(api: MlApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
  const body = await api.call(ctx, {
    operation: 'orders',
    method: 'GET',
    path: `/orders/${encodeURIComponent(externalId)}`,
  });
  return toChannelOrder(asObject(body, `orders/${externalId}`));
}

export function toChannelOrder(raw: Json): ChannelOrder {
  const buyer = asObject(raw.buyer ?? {}, 'buyer');
  const created = str(raw.date_created);
  const updated = str(raw.last_updated) ?? str(raw.date_last_updated) ?? created;
  return {
    externalId: str(raw.id) ?? '',
    status: str(raw.status) ?? 'unknown',
    placedAt: new Date(created ?? 0),
    updatedAt: new Date(updated ?? 0),
    total: num(raw.total_amount) ?? 0,
    items: asArray(raw.order_items).map((entry) => toItem(asObject(entry, 'order_item'))),
    buyer: { name: str(buyer.nickname) ?? str(buyer.first_name) ?? '' },
    raw,
  };
}

function toItem(raw: Json): ChannelOrderItem {
  const item = asObject(raw.item ?? {}, 'item');
  return {
    sku: str(item.seller_sku) ?? null,
    externalItemId: str(item.id) ?? '',
    name: str(item.title) ?? '',
    qty: num(raw.quantity) ?? 0,
    unitPrice: num(raw.unit_price) ?? 0,
  };
}
