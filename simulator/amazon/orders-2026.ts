/**
 * Orders API v2026-01-01 [SPM orders_2026-01-01: searchOrders, getOrder], which replaces v0's
 * getOrders, getOrder, getOrderItems, getOrderAddress and getOrderBuyerInfo (v0 is `deprecated`;
 * Amazon's migration guide: "GetOrderItems | getOrder (items always included)", "GetOrderAddress
 * | getOrder with includedData=RECIPIENT").
 *
 * Facts, with their sources:
 * - every order carries its `orderItems` (required in the model's `Order`);
 * - the other data sets come only when `includedData` names them (BUYER, RECIPIENT, PROCEEDS,
 *   FULFILLMENT, TAX …);
 * - [doc: access-orders-pii] PII (buyer name and e-mail, the delivery address) needs no
 *   Restricted Data Token any more, only the app's restricted roles: an app without them gets
 *   the order without those fields;
 * - [SPM searchOrders parameters] exactly one of createdAfter / lastUpdatedAfter; createdBefore
 *   only with createdAfter, lastUpdatedBefore only with lastUpdatedAfter, at least two minutes
 *   before the request; maxResultsPerPage 1–100 (default 100); the next page is asked with
 *   `paginationToken` = the last answer's `pagination.nextToken`;
 * - [doc: orders-api-migration-guide] pagination tokens expire after 24 hours.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buyerFor, fullName } from '../core/buyers.ts';
import { callerOf } from '../core/guard.ts';
import { randomHex } from '../core/oauth.ts';
import type { SchemaIssue } from '../core/validate.ts';
import type { AmDeps } from './deps.ts';
import type { AmError } from './errors.ts';
import { amInvalidInput, amNotFound, sendAmError } from './errors.ts';
import { AM_ORDERS, AM_ORDERS_2026 } from './facts.ts';
import type { AmOrderItem, AmOrderRecord } from './model.ts';
import { iso } from './model.ts';
import { queryList } from './schemas.ts';
import { judgeAm } from './spec.ts';
import type { SearchCursor } from './store.ts';

type Query = Record<string, string | undefined>;

/**
 * The searchOrders rules the model states in its parameters' descriptions (the types, enums and
 * bounds are checked by spec.ts against the parameters themselves).
 */
export function searchDescriptionIssues(query: Query, now: number): SchemaIssue[] {
  if (query.paginationToken !== undefined) return [];
  const created = query.createdAfter !== undefined;
  if (created === (query.lastUpdatedAfter !== undefined)) {
    return [{ path: '/query/createdAfter', message: 'exactly one of createdAfter and lastUpdatedAfter' }];
  }
  const issues: SchemaIssue[] = [];
  for (const name of ['createdAfter', 'createdBefore', 'lastUpdatedAfter', 'lastUpdatedBefore']) {
    const text = query[name];
    if (text !== undefined && Number.isNaN(Date.parse(text)))
      issues.push({ path: `/query/${name}`, message: 'must be in ISO 8601 format' });
  }
  const size = query.maxResultsPerPage;
  if (size !== undefined && !(Number.isInteger(Number(size)) && Number(size) >= 1 && Number(size) <= 100))
    issues.push({ path: '/query/maxResultsPerPage', message: 'must be between 1 and 100' });
  if (created && query.lastUpdatedBefore !== undefined)
    issues.push({ path: '/query/lastUpdatedBefore', message: 'not with createdAfter' });
  if (!created && query.createdBefore !== undefined)
    issues.push({ path: '/query/createdBefore', message: 'not with lastUpdatedAfter' });
  const beforeText = created ? query.createdBefore : query.lastUpdatedBefore;
  if (beforeText !== undefined && Date.parse(beforeText) > now - AM_ORDERS.lagMs) {
    issues.push({
      path: `/query/${created ? 'createdBefore' : 'lastUpdatedBefore'}`,
      message: 'must be at least two minutes before the time of the request',
    });
  }
  return issues;
}

function refusal(issues: readonly SchemaIssue[]): AmError | null {
  const first = issues.find((issue) => issue.path.startsWith('/query/'));
  if (first === undefined) return null;
  return amInvalidInput(`${first.path.slice('/query/'.length)}: ${first.message}`);
}

function piiAllowed(deps: AmDeps, request: FastifyRequest): boolean {
  return deps.store.apps.get(callerOf(request).appId)?.piiRoles ?? true;
}

const notDeployed = () => amNotFound('Resource not found.');

function searchOrders(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  if (!deps.settings.orders2026) return sendAmError(reply, notDeployed());
  const query = request.query as Query;
  const now = deps.clock.now();
  const issues = judgeAm(
    deps.conformance,
    request,
    'orders2026.search',
    'orders.searchOrders',
    searchDescriptionIssues(query, now),
  );
  const refused = refusal(issues);
  if (refused !== null) return sendAmError(reply, refused);
  const caller = callerOf(request);
  const open = deps.store.searches;
  if (query.paginationToken !== undefined) {
    const search = open.get(query.paginationToken);
    if (search === undefined || search.sellerId !== caller.sellerId || search.expiresAt < now) {
      return sendAmError(reply, amInvalidInput('paginationToken: is invalid or has expired.'));
    }
    open.delete(query.paginationToken);
    return reply.send(page(deps, request, search));
  }
  const created = query.createdAfter !== undefined;
  const field = created ? 'purchaseMs' : 'updatedMs';
  const after = Date.parse((created ? query.createdAfter : query.lastUpdatedAfter)!);
  const beforeText = created ? query.createdBefore : query.lastUpdatedBefore;
  const before = beforeText === undefined ? now - AM_ORDERS.lagMs : Date.parse(beforeText);
  const markets = queryList(query.marketplaceIds);
  const statuses = queryList(query.fulfillmentStatuses);
  const fulfilledBy = queryList(query.fulfilledBy);
  const found = deps.store
    .ordersOf(caller.sellerId)
    .filter((record) => record[field] >= after && record[field] <= before)
    .filter((record) => markets.length === 0 || markets.includes(record.order.MarketplaceId))
    .filter((record) => statuses.length === 0 || statuses.includes(fulfillmentStatus(record)))
    .filter((record) => fulfilledBy.length === 0 || fulfilledBy.includes(fulfilledByOf(record)))
    .sort((a, b) => a[field] - b[field]);
  const search: SearchCursor = {
    sellerId: caller.sellerId,
    ids: found.map((record) => record.order.AmazonOrderId),
    pageSize: query.maxResultsPerPage === undefined ? AM_ORDERS.maxPageSize : Number(query.maxResultsPerPage),
    included: queryList(query.includedData),
    before: { name: created ? 'createdBefore' : 'lastUpdatedBefore', value: iso(before) },
    expiresAt: now + AM_ORDERS_2026.paginationTokenTtlMs,
    position: 0,
  };
  return reply.send(page(deps, request, search));
}

function page(deps: AmDeps, request: FastifyRequest, search: SearchCursor) {
  const ids = search.ids.slice(search.position, search.position + search.pageSize);
  search.position += ids.length;
  const pii = piiAllowed(deps, request);
  const body: Record<string, unknown> = {
    orders: ids.map((id) => orderView(deps.store.orders.get(id)!, search.included, pii)),
    [search.before.name]: search.before.value,
  };
  if (search.position < search.ids.length) {
    const token = randomHex(24);
    deps.store.searches.set(token, search);
    body.pagination = { nextToken: token };
  }
  return body;
}

function getOrder2026(
  deps: AmDeps,
  request: FastifyRequest<{ Params: { orderId: string } }>,
  reply: FastifyReply,
) {
  if (!deps.settings.orders2026) return sendAmError(reply, notDeployed());
  const issues = judgeAm(deps.conformance, request, 'orders2026.get', 'orders.getOrder');
  const refused = refusal(issues);
  if (refused !== null) return sendAmError(reply, refused);
  const record = deps.store.orders.get(request.params.orderId);
  if (record === undefined || record.sellerId !== callerOf(request).sellerId) {
    return sendAmError(reply, amNotFound(`Order ${request.params.orderId} not found.`));
  }
  const included = queryList((request.query as Query).includedData);
  return reply.send({ order: orderView(record, included, piiAllowed(deps, request)) });
}

/** [SPM FulfillmentStatus] the v0 OrderStatus the store keeps, in the 2026 enum. */
function fulfillmentStatus(record: AmOrderRecord): string {
  return AM_ORDERS_2026.statusOfV0[record.order.OrderStatus] ?? 'PENDING';
}

function fulfilledByOf(record: AmOrderRecord): string {
  return record.order.FulfillmentChannel === 'AFN' ? 'AMAZON' : 'MERCHANT';
}

const money = (amount: string, currencyCode: string) => ({ amount, currencyCode });

/** One order as the model's `Order` shapes it, with the data sets asked for. */
export function orderView(record: AmOrderRecord, included: readonly string[], pii: boolean) {
  const { order } = record;
  const has = (set: string) => included.includes(set);
  const buyer = buyerFor(`amazon:${order.AmazonOrderId}`);
  const view: Record<string, unknown> = {
    orderId: order.AmazonOrderId,
    orderAliases: [{ aliasId: order.SellerOrderId, aliasType: 'SELLER_ORDER_ID' }],
    createdTime: order.PurchaseDate,
    lastUpdatedTime: order.LastUpdateDate,
    programs: order.IsPrime ? ['PRIME'] : [],
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: order.MarketplaceId,
      marketplaceName: AM_ORDERS_2026.marketplaceName,
    },
    orderItems: record.items.map((item) => itemView(item, included)),
  };
  if (has('BUYER')) {
    view.buyer = {
      ...(pii
        ? {
            buyerName: fullName(buyer),
            buyerEmail: `${order.AmazonOrderId.replace(/-/g, '')}@marketplace.amazon.com.br`,
          }
        : {}),
      ...(buyer.kind === 'company' ? { buyerCompanyName: fullName(buyer) } : {}),
    };
  }
  if (has('RECIPIENT')) view.recipient = pii ? { deliveryAddress: deliveryAddress(buyer) } : {};
  if (has('PROCEEDS')) {
    view.proceeds = { grandTotal: money(order.OrderTotal.Amount, order.OrderTotal.CurrencyCode) };
  }
  if (has('FULFILLMENT')) {
    view.fulfillment = {
      fulfillmentStatus: fulfillmentStatus(record),
      fulfilledBy: fulfilledByOf(record),
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { earliestDateTime: order.EarliestShipDate, latestDateTime: order.LatestShipDate },
    };
  }
  if (has('TAX')) {
    view.tax = {
      taxRegistrations: [
        {
          entityType: 'BUYER',
          legalName: fullName(buyer),
          taxRegistrationType: buyer.kind === 'company' ? 'CNPJ' : 'CPF',
          taxRegistrationNumber: buyer.document,
        },
      ],
    };
  }
  return view;
}

function deliveryAddress(buyer: ReturnType<typeof buyerFor>) {
  const a = buyer.address;
  return {
    name: fullName(buyer),
    addressLine1: `${a.street}, ${a.number}`,
    ...(a.complement ? { addressLine2: a.complement } : {}),
    city: a.city,
    districtOrCounty: a.neighborhood,
    stateOrRegion: a.state,
    postalCode: `${a.zipcode.slice(0, 5)}-${a.zipcode.slice(5)}`,
    countryCode: 'BR',
    phone: buyer.phone,
    addressType: 'RESIDENTIAL',
    // [SPM AddressExtendedFields] "Only available with Brazil shipping addresses".
    extendedFields: {
      streetName: a.street,
      streetNumber: a.number,
      ...(a.complement ? { complement: a.complement } : {}),
      neighborhood: a.neighborhood,
    },
  };
}

function itemView(item: AmOrderItem, included: readonly string[]) {
  const view: Record<string, unknown> = {
    orderItemId: item.OrderItemId,
    quantityOrdered: item.QuantityOrdered,
    product: {
      asin: item.ASIN,
      title: item.Title,
      sellerSku: item.SellerSKU,
      // [SPM ItemPrice.unitPrice] the price of one unit; v0's ItemPrice was the line's total.
      price: {
        unitPrice: money(
          (Number(item.ItemPrice.Amount) / Math.max(1, item.QuantityOrdered)).toFixed(2),
          item.ItemPrice.CurrencyCode,
        ),
      },
    },
  };
  if (included.includes('PROCEEDS')) {
    view.proceeds = { proceedsTotal: money(item.ItemPrice.Amount, item.ItemPrice.CurrencyCode) };
  }
  if (included.includes('FULFILLMENT')) {
    view.fulfillment = {
      quantityFulfilled: item.QuantityShipped,
      quantityUnfulfilled: item.QuantityOrdered - item.QuantityShipped,
    };
  }
  return view;
}

export function registerAmOrders2026(scope: FastifyInstance, deps: AmDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const base = '/orders/2026-01-01/orders';
  scope.get(base, route('orders2026.search'), (request, reply) => searchOrders(deps, request, reply));
  scope.get<{ Params: { orderId: string } }>(`${base}/:orderId`, route('orders2026.get'), (request, reply) =>
    getOrder2026(deps, request, reply),
  );
}
