/**
 * Amazon orders through Orders API v2026-01-01 [SPM orders_2026-01-01: searchOrders, getOrder]
 * (fidelity A3): v0's getOrders, getOrder, getOrderItems, getOrderAddress and getOrderBuyerInfo
 * are `deprecated`, to be retired 2027-03-27. One searchOrders page brings the orders with their
 * items, buyer, delivery address and tax registration (`includedData`), where v0 needed a
 * getOrderItems call per order (0.5/s) and a Restricted Data Token for the buyer. PII comes with
 * the app's restricted roles [doc: access-orders-pii]; without them the fields are absent and the
 * order imports with them withheld as `restricted`.
 *
 * Fallback: while v0 lives, a region or app where the 2026 API answers 404 (not deployed there)
 * is read through v0 (orders-v0.ts); its page cursors carry a `v0:` prefix so the next page
 * goes on with the API that issued it. Any other refusal is an error like every other.
 *
 * The 2-minute rule holds as in v0: `lastUpdatedBefore` must be at least 2 minutes before the
 * request; Cais leaves it out (Amazon answers up to now − 2 min), and a window starting later than
 * that is answered empty without a call. A pagination token Amazon no longer takes (they expire
 * after 24 hours [doc: orders-api-migration-guide]) restarts the window from `since`: pages are
 * stored by upsert, so reading one again is harmless.
 */
import type {
  CustomerAddress,
  GetOrderResponse,
  Order,
  OrderItem,
  SearchOrdersResponse,
} from '@sp-api-sdk/orders-api-2026-01-01';
import type {
  ChannelContext,
  ChannelOrder,
  ChannelOrderItem,
  OrderPage,
  WithheldReason,
} from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { AmApi } from './api.ts';
import { sellerFor } from './api.ts';
import { AM_ORDERS } from './facts.ts';
import { getOrderV0, listOrdersV0 } from './orders-v0.ts';

const BASE = '/orders/2026-01-01/orders';
const V0_CURSOR = 'v0:';

/** [SPM includedData] what an import needs: items come always; these are asked for. */
const INCLUDED = AM_ORDERS.includedData.join(',');

export async function listOrders(
  api: AmApi,
  ctx: ChannelContext,
  query: { since: Date; cursor?: string | undefined },
): Promise<OrderPage> {
  if (query.cursor?.startsWith(V0_CURSOR)) return v0Page(api, ctx, query.since, query.cursor);
  if (query.cursor === undefined || query.cursor === '') {
    // A small margin for the clocks of Cais and Amazon disagreeing.
    if (query.since.getTime() >= Date.now() - AM_ORDERS.lagMs - 5_000) return { orders: [] };
  }
  const { marketplaceId } = await sellerFor(ctx);
  let body: SearchOrdersResponse;
  try {
    body = await searchPage(api, ctx, marketplaceId, query);
  } catch (error) {
    if (isNotDeployed(error)) return v0Page(api, ctx, query.since, undefined);
    if (query.cursor === undefined || !isRefusedToken(error)) throw error;
    body = await searchPage(api, ctx, marketplaceId, { since: query.since });
  }
  return { orders: (body.orders ?? []).map(toChannelOrder), nextCursor: body.pagination?.nextToken };
}

async function v0Page(api: AmApi, ctx: ChannelContext, since: Date, cursor: string | undefined) {
  const page = await listOrdersV0(api, ctx, { since, cursor: cursor?.slice(V0_CURSOR.length) });
  return {
    ...page,
    nextCursor: page.nextCursor === undefined ? undefined : `${V0_CURSOR}${page.nextCursor}`,
  };
}

/** The 2026 API is not deployed for this region or app (v0 still is): a 404 on its path. */
function isNotDeployed(error: unknown): boolean {
  return isChannelError(error) && error.httpStatus === 404;
}

function isRefusedToken(error: unknown): boolean {
  return (
    isChannelError(error) &&
    error.failure === FailureClass.permanent &&
    /paginationToken/i.test(error.marketplaceMessage)
  );
}

async function searchPage(
  api: AmApi,
  ctx: ChannelContext,
  marketplaceId: string,
  query: { since: Date; cursor?: string | undefined },
): Promise<SearchOrdersResponse> {
  const params =
    query.cursor === undefined
      ? {
          marketplaceIds: marketplaceId,
          lastUpdatedAfter: query.since.toISOString(),
          maxResultsPerPage: api.ordersPageSize,
          includedData: INCLUDED,
        }
      : { paginationToken: query.cursor, includedData: INCLUDED };
  const body = await api.json(
    ctx,
    { sp: 'orders.search', operation: 'orders', method: 'GET', path: BASE, query: params },
    'searchOrders',
  );
  return body as unknown as SearchOrdersResponse;
}

export async function getOrder(api: AmApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
  let body: GetOrderResponse;
  try {
    body = (await api.json(
      ctx,
      {
        sp: 'orders.get_2026',
        operation: 'orders',
        method: 'GET',
        path: `${BASE}/${encodeURIComponent(externalId)}`,
        query: { includedData: INCLUDED },
      },
      'getOrder',
    )) as unknown as GetOrderResponse;
  } catch (error) {
    // A 404 is the 2026 API missing here, or the order missing: v0 answers the order, or the
    // same 404.
    if (isNotDeployed(error)) return getOrderV0(api, ctx, externalId);
    throw error;
  }
  return toChannelOrder(body.order);
}

/** [SPM Money] `amount` is a decimal string. */
function money(value: { amount?: string } | undefined): number {
  const parsed = value?.amount === undefined ? Number.NaN : Number(value.amount);
  return Number.isFinite(parsed) ? parsed : 0;
}

/**
 * The 2026 order in Cais's shape. The raw order is kept whole: confirmShipment needs its items'
 * ids and their fulfilled quantities (order-status.ts reads both API versions' raw orders).
 */
export function toChannelOrder(order: Order): ChannelOrder {
  const items = order.orderItems.map(toItem);
  const proceeds = money(order.proceeds?.grandTotal);
  return {
    externalId: order.orderId,
    status: order.fulfillment?.fulfillmentStatus ?? 'PENDING',
    placedAt: new Date(order.createdTime),
    updatedAt: new Date(order.lastUpdatedTime),
    total:
      proceeds > 0
        ? proceeds
        : Math.round(items.reduce((sum, i) => sum + i.unitPrice * i.qty, 0) * 100) / 100,
    items,
    ...buyerAndRecipient(order),
    raw: order,
  };
}

function toItem(item: OrderItem): ChannelOrderItem {
  const qty = item.quantityOrdered;
  // [SPM ItemPrice.unitPrice] one unit's price; else the line's proceeds over its quantity.
  const unit = money(item.product.price?.unitPrice);
  const line = money(item.proceeds?.proceedsTotal);
  return {
    sku: item.product.sellerSku ?? null,
    externalItemId: item.orderItemId,
    name: item.product.title ?? '',
    qty,
    unitPrice: unit > 0 ? unit : qty > 0 ? Math.round((line / qty) * 100) / 100 : 0,
  };
}

const RECIPIENT_FIELDS = [
  'full_name',
  'street',
  'number',
  'neighborhood',
  'city',
  'region',
  'postcode',
  'phone',
];

function buyerAndRecipient(order: Order): Pick<ChannelOrder, 'buyer' | 'recipient' | 'withheld'> {
  const withheld: Record<string, WithheldReason> = {};
  const address: CustomerAddress | undefined = order.recipient?.deliveryAddress;
  if (address === undefined)
    for (const field of RECIPIENT_FIELDS) withheld[`shipping_address.${field}`] = 'restricted';
  if (order.buyer?.buyerName === undefined) {
    for (const field of ['name', 'email']) withheld[`customer.${field}`] = 'restricted';
  }
  const registration = (order.tax?.taxRegistrations ?? []).find(
    (r) => r.entityType === 'BUYER' && (r.taxRegistrationType === 'CPF' || r.taxRegistrationType === 'CNPJ'),
  );
  if (registration?.taxRegistrationNumber === undefined) withheld['customer.vat_number'] = 'restricted';
  const extended = address?.extendedFields;
  return {
    buyer: {
      name: order.buyer?.buyerName ?? address?.name ?? '',
      email: order.buyer?.buyerEmail,
      document: registration?.taxRegistrationNumber,
      phone: address?.phone,
    },
    recipient:
      address === undefined
        ? undefined
        : {
            fullName: address.name,
            street: extended?.streetName ?? address.addressLine1,
            number: extended?.streetNumber,
            complement: extended?.complement ?? address.addressLine2,
            neighborhood: extended?.neighborhood ?? address.districtOrCounty,
            city: address.city,
            region: address.stateOrRegion,
            postcode: address.postalCode,
            country: address.countryCode ?? 'BR',
            phone: address.phone,
          },
    withheld,
  };
}
