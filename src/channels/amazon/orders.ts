/**
 * Amazon orders, Orders API v0 [SPM ordersV0]: getOrders by `LastUpdatedAfter`, paged with
 * `NextToken`, and each order's items from getOrderItems (the list carries no items).
 *
 * The 2-minute rule: `LastUpdatedBefore` must be at least 2 minutes before the request. Cais
 * never sends it, and Amazon then answers up to now − 2 min (echoed in the payload); a window
 * starting later than that holds nothing yet, so it is answered empty without a call. Changes
 * of the last 2 minutes are read by the next import, whose overlap reaches back over them.
 *
 * A NextToken Amazon no longer takes (expired, or spent by a call whose answer was lost) restarts
 * the window from `since`: pages are stored by upsert, so reading one again is harmless.
 */
import type { ChannelContext, ChannelOrder, ChannelOrderItem, OrderPage } from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { AmApi } from './api.ts';
import { sellerFor } from './api.ts';
import { AM_ORDERS } from './facts.ts';

const BASE = '/orders/v0/orders';

export async function listOrders(
  api: AmApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  const { marketplaceId } = await sellerFor(ctx);
  if (query.cursor === undefined || query.cursor === '') {
    // A small margin for the clocks of Cais and Amazon disagreeing.
    if (query.since.getTime() >= Date.now() - AM_ORDERS.lagMs - 5_000) return { orders: [] };
  }
  let payload: Json;
  try {
    payload = await ordersPage(api, ctx, marketplaceId, query);
  } catch (error) {
    if (query.cursor === undefined || !isRefusedToken(error)) throw error;
    payload = await ordersPage(api, ctx, marketplaceId, { since: query.since });
  }
  const orders: ChannelOrder[] = [];
  for (const order of asArray(payload.Orders).filter(isObject)) {
    orders.push(toChannelOrder(order, await orderItems(api, ctx, str(order.AmazonOrderId) ?? '')));
  }
  return { orders, nextCursor: str(payload.NextToken) };
}

function isRefusedToken(error: unknown): boolean {
  return (
    isChannelError(error) &&
    error.failure === FailureClass.permanent &&
    /NextToken/i.test(error.marketplaceMessage)
  );
}

async function ordersPage(
  api: AmApi,
  ctx: ChannelContext,
  marketplaceId: string,
  query: { since: Date; cursor?: string | undefined },
): Promise<Json> {
  const params =
    query.cursor === undefined
      ? {
          MarketplaceIds: marketplaceId,
          LastUpdatedAfter: query.since.toISOString(),
          MaxResultsPerPage: api.ordersPageSize,
        }
      : { MarketplaceIds: marketplaceId, NextToken: query.cursor };
  const body = await api.json(
    ctx,
    { sp: 'orders.list', operation: 'orders', method: 'GET', path: BASE, query: params },
    'getOrders',
  );
  return child(body, 'payload');
}

/** getOrderItems, every page of it (an order has rarely more than one). */
async function orderItems(api: AmApi, ctx: ChannelContext, orderId: string): Promise<Json[]> {
  const items: Json[] = [];
  let token: string | undefined;
  do {
    const body = await api.json(
      ctx,
      {
        sp: 'orders.items',
        operation: 'orders',
        method: 'GET',
        path: `${BASE}/${encodeURIComponent(orderId)}/orderItems`,
        query: { NextToken: token },
      },
      'getOrderItems',
    );
    const payload = child(body, 'payload');
    items.push(...asArray(payload.OrderItems).filter(isObject));
    token = str(payload.NextToken);
  } while (token !== undefined);
  return items;
}

export async function getOrder(api: AmApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
  const body = await api.json(
    ctx,
    {
      sp: 'orders.get',
      operation: 'orders',
      method: 'GET',
      path: `${BASE}/${encodeURIComponent(externalId)}`,
    },
    'getOrder',
  );
  return toChannelOrder(child(body, 'payload'), await orderItems(api, ctx, externalId));
}

/** [SPM] `Money{CurrencyCode, Amount}` with Amount a decimal string. */
export function amount(value: unknown): number {
  const text = str(isObject(value) ? value.Amount : undefined);
  const parsed = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** The raw order keeps its items (`OrderItems`): confirmShipment needs their ids. */
export function toChannelOrder(order: Json, items: Json[]): ChannelOrder {
  const placed = str(order.PurchaseDate);
  return {
    externalId: str(order.AmazonOrderId) ?? '',
    status: str(order.OrderStatus) ?? 'unknown',
    placedAt: new Date(placed ?? 0),
    updatedAt: new Date(str(order.LastUpdateDate) ?? placed ?? 0),
    total: amount(order.OrderTotal),
    items: items.map(toItem),
    // [SPM] the buyer's name and address need a Restricted Data Token (PII); not requested.
    buyer: { name: '' },
    raw: { ...order, OrderItems: items },
  };
}

function toItem(item: Json): ChannelOrderItem {
  const qty = num(item.QuantityOrdered) ?? 0;
  // [SPM] ItemPrice is the line's total (unit price × quantity).
  const total = amount(item.ItemPrice);
  return {
    sku: str(item.SellerSKU) ?? null,
    externalItemId: str(item.OrderItemId) ?? '',
    name: str(item.Title) ?? '',
    qty,
    unitPrice: qty > 0 ? Math.round((total / qty) * 100) / 100 : 0,
  };
}
