/**
 * Shopee orders: `get_order_list` by `update_time` [2nd] in windows of at most 15 days, walked
 * from `since` to now, then `get_order_detail` for the page (at most 50 order_sn, so pages of 50).
 *
 * Paging is by key, not by Shopee's cursor alone: the list is sorted by the very field that
 * changes [unverified: oldest first], so an order updated while Cais pages would move to the end
 * and shift the later ones back, and an offset-like cursor would skip one. The cursor is the
 * window's start, moved to the newest `update_time` of each full page (orders at that second are
 * read again, harmlessly: imports are upserts). Shopee's own cursor is used only when a whole page
 * shares one second.
 */
import type {
  ChannelAddress,
  ChannelContext,
  ChannelOrder,
  ChannelOrderItem,
  OrderPage,
} from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { SpApi } from './api.ts';
import { spChannelError } from './errors.ts';
import { BR_STATES, SP_ORDERS } from './facts.ts';

interface Cursor {
  /** Unix seconds: the window's start. */
  from: number;
  /** Shopee's next_cursor within the same `from`, or ''. */
  token: string;
}

function readCursor(text: string | undefined, since: Date): Cursor {
  if (text === undefined || text === '') return { from: Math.floor(since.getTime() / 1000), token: '' };
  const at = text.indexOf('|');
  return { from: Number(text.slice(0, at)) || 0, token: text.slice(at + 1) };
}

export async function listOrders(
  api: SpApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  const cursor = readCursor(query.cursor, query.since);
  const nowS = Math.floor(api.clock() / 1000);
  if (cursor.from > nowS) return { orders: [] };
  const to = Math.min(cursor.from + SP_ORDERS.maxWindowS, nowS);
  const list = await api.call(ctx, {
    operation: 'orders',
    method: 'GET',
    path: '/api/v2/order/get_order_list',
    query: {
      time_range_field: 'update_time',
      time_from: cursor.from,
      time_to: to,
      page_size: api.ordersPageSize,
      cursor: cursor.token === '' ? undefined : cursor.token,
    },
  });
  const sns = asArray(list.order_list)
    .filter(isObject)
    .flatMap((entry) => (str(entry.order_sn) === undefined ? [] : [str(entry.order_sn)!]));
  const details = sns.length === 0 ? [] : await orderDetails(api, ctx, sns);
  return { orders: details.map(toChannelOrder), nextCursor: nextCursor(cursor, list, details, to, nowS) };
}

function nextCursor(
  cursor: Cursor,
  list: Json,
  details: Json[],
  to: number,
  nowS: number,
): string | undefined {
  if (list.more === true) {
    const newest = Math.max(cursor.from, ...details.map((order) => num(order.update_time) ?? 0));
    if (newest > cursor.from) return `${newest}|`;
    return `${cursor.from}|${str(list.next_cursor) ?? ''}`;
  }
  // This window is read; the next one starts where it ended, until now.
  return to < nowS ? `${to}|` : undefined;
}

async function orderDetails(api: SpApi, ctx: ChannelContext, sns: string[]): Promise<Json[]> {
  const response = await api.call(ctx, {
    operation: 'orders',
    method: 'GET',
    path: '/api/v2/order/get_order_detail',
    query: { order_sn_list: sns.join(','), response_optional_fields: SP_ORDERS.detailFields },
  });
  return asArray(response.order_list).filter(isObject);
}

/** The detail of one order, as Shopee has it now (the status relay reads it before acting). */
export async function fetchOrder(
  api: SpApi,
  ctx: ChannelContext,
  orderSn: string,
): Promise<Json | undefined> {
  return (await orderDetails(api, ctx, [orderSn]))[0];
}

export async function getOrder(api: SpApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
  const order = await fetchOrder(api, ctx, externalId);
  if (order === undefined) throw orderNotFound(externalId);
  return toChannelOrder(order);
}

/** [unverified] an unknown order_sn is left out of the detail (named in `warning`), not an error. */
export function orderNotFound(orderSn: string) {
  return spChannelError(
    FailureClass.permanent,
    'shopee.order_not_found',
    `Order ${orderSn} not found in the shop`,
  );
}

/**
 * The recipient is `recipient_address` (get_order_detail [doc]): district, city, state and
 * zipcode apart, street and number only inside `full_address` ("street, number, ..."), which is
 * split here. The buyer's document is `buyer_cpf_id` ("Only for Brazil order"). Masked values
 * ("****") reach the normaliser as they are and become withheld fields there.
 */
export function toChannelOrder(raw: Json): ChannelOrder {
  const created = (num(raw.create_time) ?? 0) * 1000;
  const address = child(raw, 'recipient_address');
  const shipBy = num(raw.ship_by_date);
  return {
    externalId: str(raw.order_sn) ?? '',
    status: str(raw.order_status) ?? 'unknown',
    placedAt: new Date(created),
    updatedAt: new Date((num(raw.update_time) ?? 0) * 1000 || created),
    total: num(raw.total_amount) ?? 0,
    items: asArray(raw.item_list).filter(isObject).map(toItem),
    buyer: {
      name: str(address.name) || (str(raw.buyer_username) ?? ''),
      document: str(raw.buyer_cpf_id),
      phone: brazilianPhone(str(address.phone)),
    },
    recipient: recipientOf(address),
    shippingMethod: str(raw.shipping_carrier) || null,
    shippingDeadline: shipBy ? new Date(shipBy * 1000) : null,
    freight: num(raw.estimated_shipping_fee),
    raw,
  };
}

function recipientOf(address: Json): ChannelAddress | undefined {
  if (Object.keys(address).length === 0) return undefined;
  const parts = (str(address.full_address) ?? '').split(',').map((part) => part.trim());
  const hasNumber = parts.length > 1 && /^(\d+[A-Za-z]?|s\/?n)$/i.test(parts[1] ?? '');
  const district = str(address.district);
  const complement = hasNumber ? parts[2] : undefined;
  const state = str(address.state);
  return {
    fullName: str(address.name),
    street: parts[0],
    number: hasNumber ? parts[1] : undefined,
    // The part after the number is the complement unless it is the district itself.
    complement: complement && complement !== district ? complement : undefined,
    neighborhood: district || str(address.town),
    city: str(address.city),
    region: state ? (BR_STATES[state] ?? state) : undefined,
    postcode: str(address.zipcode),
    country: str(address.region) ?? 'BR',
    phone: brazilianPhone(str(address.phone)),
  };
}

/** Shopee writes phones with the country code (55...); the ERP wants the national number. */
function brazilianPhone(phone: string | undefined): string | undefined {
  if (phone === undefined) return undefined;
  return /^55\d{10,11}$/.test(phone) ? phone.slice(2) : phone;
}

function toItem(raw: Json): ChannelOrderItem {
  const sku = str(raw.model_sku) || str(raw.item_sku) || null;
  const model = num(raw.model_id) ?? 0;
  return {
    sku,
    externalItemId: model === 0 ? String(num(raw.item_id) ?? '') : `${num(raw.item_id)}:${model}`,
    name: [str(raw.item_name), str(raw.model_name)].filter(Boolean).join(' '),
    qty: num(raw.model_quantity_purchased) ?? 0,
    unitPrice: num(raw.model_discounted_price) ?? num(raw.model_original_price) ?? 0,
  };
}
