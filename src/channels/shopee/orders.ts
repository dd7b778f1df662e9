/**
 * Shopee orders: `get_order_list` by `update_time` [2nd] in windows of at most 15 days, walked
 * from `since` to now, then `get_order_detail` for the page (at most 50 order_sn, so pages of 50).
 *
 * Paging is by key, not by Shopee's cursor alone, and whatever the list's order (fidelity S6:
 * `get_order_list`'s sort order is undocumented). The list is sorted by the very field that
 * changes, so an order updated while Cais pages leaves its place and an offset-like cursor would
 * skip another. Each full page narrows the window to what it has not shown: oldest first, the
 * window's start moves to the page's newest `update_time`; newest first, the window's end moves
 * to the page's oldest. Orders at that second are read again, harmlessly (imports are upserts).
 * Shopee's own cursor is used only when a page gives no direction (one second, or one order).
 * Once the narrowed window is read, the next one starts where the whole window ended.
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
  /** Shopee's next_cursor within the same bounds, or ''. */
  token: string;
  /** The window's end, fixed while it is read (undefined: not chosen yet). */
  end?: number | undefined;
  /** The bound still to read up to, moved down when Shopee lists newest first. */
  upper?: number | undefined;
}

function readCursor(text: string | undefined, since: Date): Cursor {
  if (text === undefined || text === '') return { from: Math.floor(since.getTime() / 1000), token: '' };
  const [from, token, end, upper] = text.split('|');
  const n = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return { from: Number(from) || 0, token: token ?? '', end: n(end), upper: n(upper) };
}

const writeCursor = (c: Cursor) => `${c.from}|${c.token}|${c.end ?? ''}|${c.upper ?? ''}`;

export async function listOrders(
  api: SpApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  const cursor = readCursor(query.cursor, query.since);
  const nowS = Math.floor(api.clock() / 1000);
  if (cursor.from > nowS) return { orders: [] };
  const end = cursor.end ?? Math.min(cursor.from + SP_ORDERS.maxWindowS, nowS);
  const to = cursor.upper ?? end;
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
  const bySn = new Map(details.map((d) => [str(d.order_sn), d]));
  // The list's order, not the detail's, says which way Shopee sorts.
  const times = sns.map((sn) => num(bySn.get(sn)?.update_time) ?? 0);
  return {
    orders: details.map(toChannelOrder),
    nextCursor: nextCursor({ ...cursor, end }, list, times, nowS),
  };
}

export function nextCursor(cursor: Cursor & { end: number }, list: Json, times: number[], nowS: number) {
  if (list.more === true) {
    const first = times[0] ?? 0;
    const last = times.at(-1) ?? 0;
    if (last > first && last > cursor.from) return writeCursor({ ...cursor, from: last, token: '' });
    if (last < first && last < (cursor.upper ?? cursor.end))
      return writeCursor({ ...cursor, upper: last, token: '' });
    return writeCursor({ ...cursor, token: str(list.next_cursor) ?? '' });
  }
  // This window is read; the next one starts where it ended, until now.
  return cursor.end < nowS ? writeCursor({ from: cursor.end, token: '' }) : undefined;
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
