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
import type {
  ChannelAddress,
  ChannelContext,
  ChannelOrder,
  ChannelOrderItem,
  OrderPage,
} from '../adapter.ts';
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

/**
 * [unverified: seller-pedidos order and delivery pages, G5] The buyer (name, document, e-mail,
 * phones) is the order's `customer`; where the package goes is each delivery's
 * `shipping.recipient` with its `address`. One order ships to one address, so the first
 * delivery's recipient is the order's.
 */
export function toChannelOrder(raw: Json): ChannelOrder {
  const customer = child(raw, 'customer');
  const amounts = child(raw, 'amounts');
  const created = str(raw.purchased_at) ?? str(raw.created_at);
  const deliveries = asArray(raw.deliveries).filter(isObject);
  const shipping = child(deliveries[0] ?? {}, 'shipping');
  const recipient = child(shipping, 'recipient');
  const deadline = str(child(shipping, 'deadline').limit_date);
  return {
    externalId: str(raw.id) ?? '',
    status: str(raw.status) ?? 'unknown',
    placedAt: new Date(created ?? 0),
    updatedAt: new Date(str(raw.updated_at) ?? created ?? 0),
    total: fromAmount(amounts.total, amounts.normalizer),
    items: deliveries.flatMap((delivery) => asArray(delivery.items).filter(isObject).map(toItem)),
    buyer: {
      name: str(customer.name) ?? '',
      document: str(customer.document_number),
      email: str(customer.email),
      phone: phoneOf(customer.phones),
      stateRegistration: str(customer.state_registration),
    },
    recipient: recipientOf(recipient),
    shippingMethod: str(child(shipping, 'provider').name) ?? null,
    shippingDeadline: deadline ? new Date(deadline) : null,
    freight: fromAmount(amounts.freight, amounts.normalizer),
    discount: fromAmount(amounts.discount, amounts.normalizer),
    raw,
  };
}

function recipientOf(recipient: Json): ChannelAddress | undefined {
  if (Object.keys(recipient).length === 0) return undefined;
  const address = child(recipient, 'address');
  return {
    fullName: str(recipient.name),
    street: str(address.street),
    number: str(address.number),
    complement: str(address.complement),
    neighborhood: str(address.district),
    city: str(address.city),
    region: str(address.state),
    postcode: str(address.zipcode),
    country: str(address.country) ?? 'BR',
    phone: phoneOf(recipient.phones),
    reference: str(address.reference),
  };
}

/** Magalu's phones are `{area_code, number}`: the first one, as digits. */
function phoneOf(phones: unknown): string | undefined {
  const first = asArray(phones).filter(isObject)[0];
  if (!first) return undefined;
  const digits = `${str(first.area_code) ?? ''}${str(first.number) ?? ''}`.replace(/\D/g, '');
  return digits === '' ? undefined : digits;
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
