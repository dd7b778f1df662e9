/**
 * Magalu orders: `GET /seller/v1/orders` filtered by `updated_at__ge` and sorted by
 * `updated_at:asc` [2nd], and `GET /seller/v1/orders/{id}` with `X-Channel-Id` [doc].
 *
 * Paging is by key, not by offset: the list is sorted by the very field that changes, so an
 * order updated while Cais pages would move to the end and shift every later order one place
 * back, and plain `_offset` paging would skip one. The cursor is the last `updated_at` seen
 * plus how many orders at exactly that instant were already read; an order that moves is read
 * again later (imports are idempotent by id), none is skipped, and `_offset` stays small.
 */
import type { ChannelContext, ChannelOrder, ChannelOrderItem, OrderPage } from '../adapter.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { MgApi } from './api.ts';
import { channelIdOf, fromAmount } from './api.ts';

interface Cursor {
  from: string;
  skip: number;
}

function readCursor(text: string | undefined, since: Date): Cursor {
  if (text === undefined || text === '') return { from: since.toISOString(), skip: 0 };
  const at = text.lastIndexOf('|');
  return { from: text.slice(0, at), skip: Number(text.slice(at + 1)) || 0 };
}

export async function listOrders(
  api: MgApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  const cursor = readCursor(query.cursor, query.since);
  const limit = api.ordersPageSize;
  const body = await api.json(
    ctx,
    {
      operation: 'orders',
      method: 'GET',
      path: '/seller/v1/orders',
      query: { updated_at__ge: cursor.from, _sort: 'updated_at:asc', _limit: limit, _offset: cursor.skip },
    },
    'orders',
  );
  const results = asArray(body.results).filter(isObject);
  return { orders: results.map(toChannelOrder), nextCursor: nextCursor(cursor, results, limit) };
}

function nextCursor(cursor: Cursor, results: Json[], limit: number): string | undefined {
  if (results.length < limit) return undefined;
  const last = str(results.at(-1)?.updated_at);
  if (last === undefined) return undefined;
  const atLast = results.filter((order) => str(order.updated_at) === last).length;
  // Same instant as the page's start: those already read before this page count too.
  const skip = last === cursor.from ? cursor.skip + atLast : atLast;
  return `${last}|${skip}`;
}

export async function getOrder(api: MgApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
  return toChannelOrder(await fetchOrder(api, ctx, externalId));
}

export async function fetchOrder(api: MgApi, ctx: ChannelContext, externalId: string): Promise<Json> {
  const channelId = channelIdOf(await ctx.credentials.current());
  return api.json(
    ctx,
    {
      operation: 'orders',
      method: 'GET',
      path: `/seller/v1/orders/${encodeURIComponent(externalId)}`,
      headers: { 'x-channel-id': channelId },
    },
    'order',
  );
}

export function toChannelOrder(raw: Json): ChannelOrder {
  const customer = child(raw, 'customer');
  const amounts = child(raw, 'amounts');
  const created = str(raw.purchased_at) ?? str(raw.created_at);
  return {
    externalId: str(raw.id) ?? '',
    status: str(raw.status) ?? 'unknown',
    placedAt: new Date(created ?? 0),
    updatedAt: new Date(str(raw.updated_at) ?? created ?? 0),
    total: fromAmount(amounts.total, amounts.normalizer),
    items: asArray(raw.deliveries)
      .filter(isObject)
      .flatMap((delivery) => asArray(delivery.items).filter(isObject).map(toItem)),
    buyer: { name: str(customer.name) ?? '', document: str(customer.document_number) },
    raw,
  };
}

function toItem(raw: Json): ChannelOrderItem {
  const info = child(raw, 'info');
  const sku = str(info.sku) ?? null;
  return {
    sku,
    externalItemId: sku ?? '',
    name: str(info.name) ?? '',
    qty: num(raw.quantity) ?? 0,
    unitPrice: fromAmount(raw.unit_price),
  };
}
