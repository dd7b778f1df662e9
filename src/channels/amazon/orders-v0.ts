/**
 * Amazon orders through Orders API v0 [SPM ordersV0], `deprecated` and kept only as the fallback
 * of orders.ts (fidelity A3) while Amazon still answers it: getOrders by `LastUpdatedAfter`, paged
 * with `NextToken`, and each order's items from getOrderItems (the list carries no items).
 *
 * The 2-minute rule: `LastUpdatedBefore` must be at least 2 minutes before the request. Cais
 * never sends it, and Amazon then answers up to now − 2 min (echoed in the payload); a window
 * starting later than that holds nothing yet, so it is answered empty without a call. Changes
 * of the last 2 minutes are read by the next import, whose overlap reaches back over them.
 *
 * A NextToken Amazon no longer takes (expired, or spent by a call whose answer was lost) restarts
 * the window from `since`: pages are stored by upsert, so reading one again is harmless.
 */
import type {
  ChannelContext,
  ChannelOrder,
  ChannelOrderItem,
  OrderPage,
  WithheldReason,
} from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { AmApi } from './api.ts';
import { sellerFor } from './api.ts';
import { AM_ORDERS } from './facts.ts';

const BASE = '/orders/v0/orders';

export async function listOrdersV0(
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
  const rdt = new RestrictedAccess(api, ctx);
  for (const order of asArray(payload.Orders).filter(isObject)) {
    const id = str(order.AmazonOrderId) ?? '';
    orders.push(withBuyer(toChannelOrder(order, await orderItems(api, ctx, id)), await rdt.buyerOf(id)));
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
          MaxResultsPerPage: Math.min(api.ordersPageSize, AM_ORDERS.v0PageSize),
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

export async function getOrderV0(api: AmApi, ctx: ChannelContext, externalId: string): Promise<ChannelOrder> {
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
  const order = toChannelOrder(child(body, 'payload'), await orderItems(api, ctx, externalId));
  return withBuyer(order, await new RestrictedAccess(api, ctx).buyerOf(externalId));
}

/**
 * The buyer's address and identity are restricted (fidelity A11): getOrderAddress and
 * getOrderBuyerInfo answer only a Restricted Data Token [SPM tokens_2021-03-01]. One RDT, for
 * the `{orderId}` form of both paths (the model's own example), serves every order of a page.
 * An app without Amazon's PII role is refused it: the order still imports, with those fields
 * withheld as `restricted`.
 */
class RestrictedAccess {
  readonly #api: AmApi;
  readonly #ctx: ChannelContext;
  #token: Promise<string | null> | undefined;

  constructor(api: AmApi, ctx: ChannelContext) {
    this.#api = api;
    this.#ctx = ctx;
  }

  async buyerOf(orderId: string): Promise<RestrictedBuyer | null> {
    this.#token ??= this.#create();
    const token = await this.#token;
    if (token === null) return null;
    const headers = { 'x-amz-access-token': token };
    const read = async (suffix: string, sp: 'orders.address' | 'orders.buyer_info') =>
      refusedAsNull(() =>
        this.#api.json(
          this.#ctx,
          {
            sp,
            operation: 'orders',
            method: 'GET',
            path: `${BASE}/${encodeURIComponent(orderId)}/${suffix}`,
            headers,
          },
          sp,
        ),
      );
    const address = await read('address', 'orders.address');
    const info = await read('buyerInfo', 'orders.buyer_info');
    return { address: address && child(address, 'payload'), info: info && child(info, 'payload') };
  }

  async #create(): Promise<string | null> {
    const body = await refusedAsNull(() =>
      this.#api.json(
        this.#ctx,
        {
          sp: 'tokens.create_rdt',
          operation: 'orders',
          method: 'POST',
          path: '/tokens/2021-03-01/restrictedDataToken',
          json: {
            restrictedResources: [
              { method: 'GET', path: `${BASE}/{orderId}/address` },
              { method: 'GET', path: `${BASE}/{orderId}/buyerInfo` },
            ],
          },
        },
        'createRestrictedDataToken',
      ),
    );
    return body === null ? null : (str(body.restrictedDataToken) ?? null);
  }
}

interface RestrictedBuyer {
  address: Json | null;
  info: Json | null;
}

/** A refusal (403 without the PII role, 404) is "not for us"; failures worth retrying still throw. */
async function refusedAsNull(call: () => Promise<Json>): Promise<Json | null> {
  try {
    return await call();
  } catch (error) {
    if (isChannelError(error) && !error.retryable && error.failure !== FailureClass.rate_limited) return null;
    throw error;
  }
}

function withBuyer(order: ChannelOrder, buyer: RestrictedBuyer | null): ChannelOrder {
  const withheld: Record<string, WithheldReason> = {};
  const shipping = buyer?.address ? child(buyer.address, 'ShippingAddress') : {};
  const info = buyer?.info ?? {};
  if (Object.keys(shipping).length === 0) {
    for (const field of [
      'full_name',
      'street',
      'number',
      'neighborhood',
      'city',
      'region',
      'postcode',
      'phone',
    ])
      withheld[`shipping_address.${field}`] = 'restricted';
  }
  if (!buyer?.info)
    for (const field of ['name', 'email', 'vat_number']) withheld[`customer.${field}`] = 'restricted';
  const extended = child(shipping, 'ExtendedFields');
  const tax = asArray(child(info, 'BuyerTaxInfo').TaxClassifications).filter(isObject);
  const taxOf = (name: string) => str(tax.find((t) => str(t.Name)?.toUpperCase() === name)?.Value);
  return {
    ...order,
    buyer: {
      name: str(info.BuyerName) ?? str(shipping.Name) ?? '',
      email: str(info.BuyerEmail),
      document: taxOf('CPF') ?? taxOf('CNPJ'),
      stateRegistration: taxOf('IE'),
      phone: str(shipping.Phone),
    },
    recipient:
      Object.keys(shipping).length === 0
        ? undefined
        : {
            fullName: str(shipping.Name),
            street: str(extended.StreetName) ?? str(shipping.AddressLine1),
            number: str(extended.StreetNumber),
            complement: str(extended.Complement) ?? str(shipping.AddressLine2),
            neighborhood: str(extended.Neighborhood) ?? str(shipping.District),
            city: str(shipping.City),
            region: str(shipping.StateOrRegion),
            postcode: str(shipping.PostalCode),
            country: str(shipping.CountryCode) ?? 'BR',
            phone: str(shipping.Phone),
          },
    withheld,
  };
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
    // [SPM] the buyer's name and address need a Restricted Data Token: see withBuyer.
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
