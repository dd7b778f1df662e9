/**
 * Mercado Livre orders: `GET /orders/search` by `order.date_last_updated.from` [2nd: the
 * `order.last_updated.from` spelling is ignored], oldest first, offset paging; `GET /orders/{id}`
 * [doc]. Imports are idempotent by order id, so an overlapping page is harmless.
 *
 * The order itself names neither the address nor the buyer's document (fidelity M4): the address
 * is the shipment's `destination.shipping_address` (`GET /shipments/{id}`, new format) and the
 * CPF/CNPJ is in `GET /orders/{id}/billing_info`. Both are read for every order imported and kept
 * in the raw payload (`shipment`, `billing_info`), so invoicing knows the logistic type too.
 */
import type {
  ChannelAddress,
  ChannelContext,
  ChannelOrder,
  ChannelOrderItem,
  OrderPage,
  WithheldReason,
} from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import { mapConcurrent } from '../map-concurrent.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, num, sellerIdOf, str } from './api.ts';
import { ML_CONCURRENCY, ML_ORDERS } from './facts.ts';

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
  // Two reads per order (shipment, billing info): a few orders at a time, or a page of 50 waits
  // on 100 round trips one after another.
  const orders = await mapConcurrent(results, ML_CONCURRENCY, async (order) =>
    toChannelOrder(await withFulfilment(api, ctx, order)),
  );
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
  return toChannelOrder(await withFulfilment(api, ctx, asObject(body, `orders/${externalId}`)));
}

/**
 * The order with its shipment and billing info; a part ML refuses to show is left out (null).
 * ML limits calls per endpoint [doc: rate-limit-429-error], so these reads spend the `read`
 * budget, not the order search's.
 */
async function withFulfilment(api: MlApi, ctx: ChannelContext, order: Json): Promise<Json> {
  const id = str(order.id) ?? '';
  const shippingId = str(asObject(order.shipping ?? {}, 'shipping').id);
  const shipment =
    shippingId === undefined
      ? null
      : await optional(() =>
          api.call(ctx, {
            operation: 'read',
            method: 'GET',
            path: `/shipments/${encodeURIComponent(shippingId)}`,
            headers: { 'x-format-new': 'true' },
          }),
        );
  const billing = await optional(() =>
    api.call(ctx, {
      operation: 'orders',
      method: 'GET',
      path: `/orders/${encodeURIComponent(id)}/billing_info`,
    }),
  );
  return { ...order, shipment, billing_info: billing };
}

/** A permanent refusal (404, 403) means the data is not there for us; anything else is retried. */
async function optional(call: () => Promise<unknown>): Promise<Json | null> {
  try {
    const body = await call();
    return typeof body === 'object' && body !== null ? (body as Json) : null;
  } catch (error) {
    if (isChannelError(error) && error.failure === FailureClass.permanent) return null;
    throw error;
  }
}

export function toChannelOrder(raw: Json): ChannelOrder {
  const buyer = asObject(raw.buyer ?? {}, 'buyer');
  const created = str(raw.date_created);
  const updated = str(raw.last_updated) ?? str(raw.date_last_updated) ?? created;
  const billing = billingOf(raw.billing_info);
  const shipment = isJson(raw.shipment) ? raw.shipment : undefined;
  const destination = shipment && isJson(shipment.destination) ? shipment.destination : {};
  const leadTime = shipment && isJson(shipment.lead_time) ? shipment.lead_time : {};
  const withheld: Record<string, WithheldReason> = {};
  const recipient = recipientOf(destination, withheld, shipment !== undefined);
  const name =
    billing.get('BUSINESS_NAME') ??
    ([billing.get('FIRST_NAME'), billing.get('LAST_NAME')].filter(Boolean).join(' ') ||
      [str(buyer.first_name), str(buyer.last_name)].filter(Boolean).join(' ') ||
      (str(buyer.nickname) ?? ''));
  if (raw.billing_info === null || raw.billing_info === undefined)
    withheld['customer.vat_number'] = 'restricted';
  // [2nd] ML stopped showing buyers' e-mail addresses to sellers: messages go through ML.
  withheld['customer.email'] = 'masked';
  const estimated = str(child(leadTime, 'estimated_delivery_time').date);
  return {
    externalId: str(raw.id) ?? '',
    status: str(raw.status) ?? 'unknown',
    placedAt: new Date(created ?? 0),
    updatedAt: new Date(updated ?? 0),
    total: num(raw.total_amount) ?? 0,
    items: asArray(raw.order_items).map((entry) => toItem(asObject(entry, 'order_item'))),
    buyer: {
      name,
      document: billing.get('DOC_NUMBER') ?? str(asObject(raw.billing_info ?? {}, 'billing').doc_number),
      stateRegistration: billing.get('STATE_REGISTRATION'),
      phone: str(destination.receiver_phone),
    },
    recipient,
    billingAddress: billing.size > 0 ? billingAddressOf(billing, name) : undefined,
    withheld,
    shippingMethod: str(child(leadTime, 'shipping_method').name) ?? (shipment ? 'Mercado Envios' : null),
    estimatedDelivery: estimated ? new Date(estimated) : null,
    freight: num(leadTime.cost),
    raw,
  };
}

const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const child = (value: Json, key: string): Json => (isJson(value[key]) ? (value[key] as Json) : {});

function recipientOf(
  destination: Json,
  withheld: Record<string, WithheldReason>,
  haveShipment: boolean,
): ChannelAddress | undefined {
  const address = isJson(destination.shipping_address) ? destination.shipping_address : undefined;
  if (!address) {
    // ML releases the address once the sale is paid; without a shipment there is none to give.
    const reason: WithheldReason = haveShipment ? 'not_released' : 'not_provided';
    for (const field of ['street', 'number', 'neighborhood', 'city', 'region', 'postcode', 'phone'])
      withheld[`shipping_address.${field}`] = reason;
    return { fullName: str(destination.receiver_name) };
  }
  return {
    fullName: str(destination.receiver_name),
    street: str(address.street_name),
    number: str(address.street_number),
    complement: str(address.comment),
    neighborhood: str(child(address, 'neighborhood').name),
    city: str(child(address, 'city').name),
    region: stateCode(child(address, 'state')),
    postcode: str(address.zip_code),
    country: str(child(address, 'country').id) ?? 'BR',
    phone: str(destination.receiver_phone),
  };
}

/** ML's state id is `BR-SP`: the UF is its second part. */
function stateCode(state: Json): string | undefined {
  const id = str(state.id);
  return id?.startsWith('BR-') ? id.slice(3) : (str(state.name) ?? undefined);
}

/** billing_info's `additional_info` type/value pairs, plus doc_type/doc_number. */
function billingOf(value: unknown): Map<string, string> {
  const info = isJson(value) && isJson(value.billing_info) ? value.billing_info : {};
  const map = new Map<string, string>();
  for (const entry of asArray(info.additional_info)) {
    if (!isJson(entry)) continue;
    const type = str(entry.type);
    const text = str(entry.value);
    if (type && text) map.set(type, text);
  }
  const docNumber = str(info.doc_number);
  if (docNumber) map.set('DOC_NUMBER', docNumber);
  return map;
}

function billingAddressOf(billing: Map<string, string>, name: string): ChannelAddress {
  return {
    fullName: name,
    street: billing.get('STREET_NAME'),
    number: billing.get('STREET_NUMBER'),
    complement: billing.get('COMMENT'),
    neighborhood: billing.get('NEIGHBORHOOD'),
    city: billing.get('CITY_NAME'),
    region: billing.get('STATE_CODE') ?? billing.get('STATE_NAME'),
    postcode: billing.get('ZIP_CODE'),
    country: billing.get('COUNTRY_ID') ?? 'BR',
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
    originalPrice: num(raw.full_unit_price) ?? num(raw.unit_price),
  };
}
