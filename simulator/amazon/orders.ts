import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { buyerFor, fullName } from '../core/buyers.ts';
import { callerOf } from '../core/guard.ts';
import { randomHex } from '../core/oauth.ts';
import type { SchemaIssue } from '../core/validate.ts';
import { checker } from '../core/validate.ts';
import type { AmDeps } from './deps.ts';
import { AM_CHANNEL, logAmWrite } from './deps.ts';
import type { AmError } from './errors.ts';
import { amDenied, amInvalidInput, amNotFound, sendAmError } from './errors.ts';
import { AM_ORDERS, AM_SHIPPABLE_STATUSES } from './facts.ts';
import type { AmOrderRecord } from './model.ts';
import { iso } from './model.ts';
import { recountShipped, touchOrder } from './order-build.ts';
import { bodyError, ConfirmShipmentBody, queryList } from './schemas.ts';
import type { OrderCursor } from './store.ts';

type Query = Record<string, string | undefined>;
const checkShipment = checker(ConfirmShipmentBody);

interface OrderFilter {
  readonly field: 'purchaseMs' | 'updatedMs';
  readonly after: number;
  readonly before: number;
  readonly beforeName: 'CreatedBefore' | 'LastUpdatedBefore';
  readonly pageSize: number;
}

/**
 * [SPM ordersV0 getOrders] exactly one of CreatedAfter/LastUpdatedAfter; the matching `…Before`
 * only, at least 2 minutes in the past (omitted: now − 2 min); MaxResultsPerPage 1–100.
 */
function readFilter(query: Query, now: number): OrderFilter | AmError {
  const created = query.CreatedAfter !== undefined;
  if (created === (query.LastUpdatedAfter !== undefined)) {
    return amInvalidInput('Exactly one of CreatedAfter and LastUpdatedAfter must be specified.');
  }
  if ((created && query.LastUpdatedBefore !== undefined) || (!created && query.CreatedBefore !== undefined)) {
    return amInvalidInput('CreatedBefore goes with CreatedAfter, LastUpdatedBefore with LastUpdatedAfter.');
  }
  const beforeName = created ? 'CreatedBefore' : 'LastUpdatedBefore';
  const after = Date.parse((created ? query.CreatedAfter : query.LastUpdatedAfter)!);
  const latest = now - AM_ORDERS.lagMs;
  const beforeText = query[beforeName];
  const before = beforeText === undefined ? latest : Date.parse(beforeText);
  if (Number.isNaN(after) || Number.isNaN(before)) return amInvalidInput('Dates must be in ISO 8601 format.');
  if (before > latest) {
    return amInvalidInput(
      `${beforeName} must be no later than 2 minutes before the time the request was submitted.`,
    );
  }
  if (after >= before)
    return amInvalidInput(`${created ? 'CreatedAfter' : 'LastUpdatedAfter'} must be before ${beforeName}.`);
  const pageSize =
    query.MaxResultsPerPage === undefined ? AM_ORDERS.maxPageSize : Number(query.MaxResultsPerPage);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > AM_ORDERS.maxPageSize) {
    return amInvalidInput(`MaxResultsPerPage must be between 1 and ${AM_ORDERS.maxPageSize}.`);
  }
  return { field: created ? 'purchaseMs' : 'updatedMs', after, before, beforeName, pageSize };
}

function matches(
  record: AmOrderRecord,
  query: Query,
  markets: readonly string[],
  filter: OrderFilter,
): boolean {
  const time = record[filter.field];
  if (time < filter.after || time > filter.before || !markets.includes(record.order.MarketplaceId))
    return false;
  const statuses = queryList(query.OrderStatuses);
  const channels = queryList(query.FulfillmentChannels);
  return (
    (statuses.length === 0 || statuses.includes(record.order.OrderStatus)) &&
    (channels.length === 0 || channels.includes(record.order.FulfillmentChannel))
  );
}

function page(deps: AmDeps, cursor: OrderCursor) {
  const ids = cursor.ids.slice(cursor.position, cursor.position + cursor.pageSize);
  cursor.position += ids.length;
  const payload: Record<string, unknown> = {
    Orders: ids.map((id) => deps.store.orders.get(id)!.order),
    [cursor.before.field]: cursor.before.value,
  };
  if (cursor.position < cursor.ids.length) {
    const token = randomHex(24);
    deps.store.cursors.set(token, cursor);
    payload.NextToken = token;
  }
  return { payload };
}

/** `GET /orders/v0/orders` [SPM]: the ids are frozen at the first page; NextToken reads on. */
function listOrders(deps: AmDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Query;
  const seller = callerOf(request).sellerId;
  const markets = queryList(query.MarketplaceIds);
  if (markets.length === 0)
    return sendAmError(reply, amInvalidInput("Missing required parameter 'MarketplaceIds'."));
  if (query.NextToken !== undefined) {
    const cursor = deps.store.cursors.get(query.NextToken);
    if (cursor === undefined || cursor.sellerId !== seller)
      return sendAmError(reply, amInvalidInput('Invalid NextToken.'));
    deps.store.cursors.delete(query.NextToken);
    return reply.send(page(deps, cursor));
  }
  const filter = readFilter(query, deps.clock.now());
  if ('status' in filter) return sendAmError(reply, filter);
  const found = deps.store
    .ordersOf(seller)
    .filter((record) => matches(record, query, markets, filter))
    .sort((a, b) => a[filter.field] - b[filter.field]);
  const cursor: OrderCursor = {
    sellerId: seller,
    ids: found.map((record) => record.order.AmazonOrderId),
    pageSize: filter.pageSize,
    before: { field: filter.beforeName, value: iso(filter.before) },
    position: 0,
  };
  return reply.send(page(deps, cursor));
}

type OrderRequest = FastifyRequest<{ Params: { orderId: string } }>;

function ownOrder(deps: AmDeps, request: OrderRequest): AmOrderRecord | AmError {
  const record = deps.store.orders.get(request.params.orderId);
  if (record === undefined || record.sellerId !== callerOf(request).sellerId) {
    return amNotFound(`Order ${request.params.orderId} not found.`);
  }
  return record;
}

function getOrder(deps: AmDeps, request: OrderRequest, reply: FastifyReply) {
  const record = ownOrder(deps, request);
  if ('status' in record) return sendAmError(reply, record);
  return reply.send({ payload: record.order });
}

/**
 * [SPM ordersV0 getOrderAddress / getOrderBuyerInfo] the buyer's address and identity are
 * restricted: only a Restricted Data Token covering the path is answered (A11); the seller's
 * plain LWA token gets 403 Unauthorized, as for any resource it may not read.
 */
function restricted(
  deps: AmDeps,
  request: OrderRequest,
  resource: 'address' | 'buyerInfo',
  dataElement: string,
) {
  const record = ownOrder(deps, request);
  if ('status' in record) return { error: record };
  // The SP-API path, whatever prefix the simulator is mounted under.
  const path = `/orders/v0/orders/${request.params.orderId}/${resource}`;
  if (!deps.rdt.covers(request, path, dataElement)) {
    return { error: amDenied(`A Restricted Data Token for GET ${path} (${dataElement}) is required.`) };
  }
  return { record, buyer: buyerFor(`amazon:${record.order.AmazonOrderId}`) };
}

function getOrderAddress(deps: AmDeps, request: OrderRequest, reply: FastifyReply) {
  const found = restricted(deps, request, 'address', 'shippingAddress');
  if ('error' in found) return sendAmError(reply, found.error!);
  const { record, buyer } = found;
  const a = buyer.address;
  return reply.send({
    payload: {
      AmazonOrderId: record.order.AmazonOrderId,
      ...(buyer.kind === 'company' ? { BuyerCompanyName: fullName(buyer) } : {}),
      ShippingAddress: {
        Name: fullName(buyer),
        AddressLine1: `${a.street}, ${a.number}`,
        AddressLine2: a.complement || undefined,
        City: a.city,
        District: a.neighborhood,
        StateOrRegion: a.state,
        PostalCode: `${a.zipcode.slice(0, 5)}-${a.zipcode.slice(5)}`,
        CountryCode: 'BR',
        Phone: buyer.phone,
        AddressType: 'Residential',
        // [SPM AddressExtendedFields] "Available with Brazil shipping addresses only".
        ExtendedFields: {
          StreetName: a.street,
          StreetNumber: a.number,
          Complement: a.complement || undefined,
          Neighborhood: a.neighborhood,
        },
      },
    },
  });
}

function getOrderBuyerInfo(deps: AmDeps, request: OrderRequest, reply: FastifyReply) {
  const found = restricted(deps, request, 'buyerInfo', 'buyerInfo');
  if ('error' in found) return sendAmError(reply, found.error!);
  const { record, buyer } = found;
  return reply.send({
    payload: {
      AmazonOrderId: record.order.AmazonOrderId,
      BuyerEmail: `${record.order.AmazonOrderId.replace(/-/g, '')}@marketplace.amazon.com.br`,
      BuyerName: fullName(buyer),
      BuyerTaxInfo: {
        ...(buyer.kind === 'company' ? { CompanyLegalName: fullName(buyer) } : {}),
        TaxingRegion: buyer.address.state,
        TaxClassifications: [
          { Name: buyer.kind === 'company' ? 'CNPJ' : 'CPF', Value: buyer.document },
          ...(buyer.stateRegistration ? [{ Name: 'IE', Value: buyer.stateRegistration }] : []),
        ],
      },
    },
  });
}

function getOrderItems(deps: AmDeps, request: OrderRequest, reply: FastifyReply) {
  const record = ownOrder(deps, request);
  if ('status' in record) return sendAmError(reply, record);
  return reply.send({ payload: { AmazonOrderId: record.order.AmazonOrderId, OrderItems: record.items } });
}

function shipmentRefusal(record: AmOrderRecord, body: Static<typeof ConfirmShipmentBody>): AmError | null {
  const { order } = record;
  if (body.marketplaceId !== order.MarketplaceId)
    return amInvalidInput(`The order is not in marketplace ${body.marketplaceId}.`);
  if (order.FulfillmentChannel !== 'MFN')
    return amInvalidInput('Only seller-fulfilled (MFN) orders can be confirmed.');
  if (!AM_SHIPPABLE_STATUSES.includes(order.OrderStatus)) {
    return amInvalidInput(
      `Order ${order.AmazonOrderId} is ${order.OrderStatus}: its shipment cannot be confirmed.`,
    );
  }
  if (Number.isNaN(Date.parse(body.packageDetail.shipDate)))
    return amInvalidInput('shipDate must be an ISO 8601 date.');
  for (const line of body.packageDetail.orderItems) {
    const item = record.items.find((entry) => entry.OrderItemId === line.orderItemId);
    if (item === undefined) return amInvalidInput(`Order item ${line.orderItemId} is not in the order.`);
    if (line.quantity > item.QuantityOrdered - item.QuantityShipped) {
      return amInvalidInput(
        `Order item ${line.orderItemId} has fewer unshipped units than ${line.quantity}.`,
      );
    }
  }
  return null;
}

/**
 * [unverified: a subset] Codes of Amazon's carrier list (the "carrier codes" table the ordersV0
 * `CarrierCode` description points to), the ones Brazilian sellers use; `Other` with a
 * `carrierName` covers any carrier not in it.
 */
const CARRIER_CODES = [
  'Correios',
  'Jadlog',
  'Total Express',
  'Azul Cargo',
  'Loggi',
  'DHL',
  'FedEx',
  'UPS',
  'TNT',
  'Other',
];

/**
 * Rules the ordersV0 model states only in descriptions (fidelity A1, A2): `packageReferenceId`
 * "Only positive numeric values are supported"; `carrierCode` from Amazon's carrier list, and
 * `carrierName` "required when carrierCode is Other". Pure: the route records the verdict.
 */
export function packageDetailIssues(body: unknown): SchemaIssue[] {
  if (!checkShipment.check(body)) return [...checkShipment.issues(body)];
  const detail = (body as Static<typeof ConfirmShipmentBody>).packageDetail;
  const issues: SchemaIssue[] = [];
  if (!/^[1-9][0-9]*$/.test(detail.packageReferenceId)) {
    issues.push({
      path: '/packageDetail/packageReferenceId',
      message: 'Only positive numeric values are supported',
    });
  }
  if (!CARRIER_CODES.includes(detail.carrierCode)) {
    issues.push({
      path: '/packageDetail/carrierCode',
      message: `${detail.carrierCode} is not a carrier code of Amazon's list`,
    });
  }
  if (detail.carrierCode === 'Other' && !detail.carrierName) {
    issues.push({
      path: '/packageDetail/carrierName',
      message: 'carrierName is required when carrierCode is Other',
    });
  }
  return issues;
}

/** `POST /orders/v0/orders/{orderId}/shipmentConfirmation` [SPM] → 204; partial quantities → PartiallyShipped. */
function confirmShipment(deps: AmDeps, request: OrderRequest, reply: FastifyReply) {
  const seller = callerOf(request).sellerId;
  const target = request.params.orderId;
  const body = request.body;
  const record = ownOrder(deps, request);
  let refusal: AmError | null = 'status' in record ? record : null;
  const issues = deps.conformance.check(
    request,
    AM_CHANNEL,
    'orders.confirm_shipment',
    packageDetailIssues(body),
  );
  if (refusal === null && issues.length > 0) refusal = bodyError(issues);
  if (refusal === null)
    refusal = shipmentRefusal(record as AmOrderRecord, body as Static<typeof ConfirmShipmentBody>);
  logAmWrite(deps, 'orders.confirm_shipment', seller, target, refusal?.status ?? 204, body);
  if (refusal !== null) return sendAmError(reply, refusal);
  const shipped = record as AmOrderRecord;
  const { packageDetail } = body as Static<typeof ConfirmShipmentBody>;
  for (const line of packageDetail.orderItems) {
    shipped.items.find((entry) => entry.OrderItemId === line.orderItemId)!.QuantityShipped += line.quantity;
  }
  shipped.packages.push({
    packageReferenceId: packageDetail.packageReferenceId,
    carrierCode: packageDetail.carrierCode,
    carrierName: packageDetail.carrierName ?? null,
    trackingNumber: packageDetail.trackingNumber,
    shipDate: packageDetail.shipDate,
    orderItems: packageDetail.orderItems.map((line) => ({
      orderItemId: line.orderItemId,
      quantity: line.quantity,
    })),
  });
  recountShipped(shipped);
  touchOrder(deps, shipped);
  return reply.code(204).send();
}

export function registerAmOrders(scope: FastifyInstance, deps: AmDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const base = '/orders/v0/orders';
  scope.get(base, route('orders.list'), (request, reply) => listOrders(deps, request, reply));
  scope.get<{ Params: { orderId: string } }>(
    `${base}/:orderId/address`,
    route('orders.address'),
    (request, reply) => getOrderAddress(deps, request, reply),
  );
  scope.get<{ Params: { orderId: string } }>(
    `${base}/:orderId/buyerInfo`,
    route('orders.buyer_info'),
    (request, reply) => getOrderBuyerInfo(deps, request, reply),
  );
  scope.get<{ Params: { orderId: string } }>(`${base}/:orderId`, route('orders.get'), (request, reply) =>
    getOrder(deps, request, reply),
  );
  scope.get<{ Params: { orderId: string } }>(
    `${base}/:orderId/orderItems`,
    route('orders.items'),
    (request, reply) => getOrderItems(deps, request, reply),
  );
  scope.post<{ Params: { orderId: string } }>(
    `${base}/:orderId/shipmentConfirmation`,
    route('orders.confirm_shipment'),
    (request, reply) => confirmShipment(deps, request, reply),
  );
}

/** How the order rows of fidelity.md are answered here, each with its source. */
export const AM_ORDER_FIDELITY = {
  A1: '[SPM ordersV0 PackageReferenceId: "Only positive numeric values are supported"] confirmShipment refuses any other packageReferenceId with 400 InvalidInput naming it (packageDetailIssues, counted in the conformance ledger).',
  A2: '[SPM ordersV0 PackageDetail.carrierName "required when carrierCode is Other"; SP-API changelog "CarrierCode value required … BR"] carrierCode must be one of CARRIER_CODES [unverified: a subset of Amazon\'s published list] and Other needs carrierName; refused with 400 InvalidInput otherwise.',
  A3: "[SPM ordersV0 deprecated: true; orders_2026-01-01 searchOrders/getOrder; doc: orders-api-migration-guide, access-orders-pii] orders-2026.ts serves searchOrders and getOrder, validated against a cut of the model (spec/orders-2026-01-01.json: parameters, plus the description-only rules: one of createdAfter/lastUpdatedAfter, the 2-minute rule, maxResultsPerPage 1–100, tokens expiring after 24 h); items always, buyer/recipient/proceeds/fulfillment/tax by includedData; PII by the app's roles (`pii_roles`), no RDT. The v0 routes stay (Amazon still answers them until 2027-03-27); setting `orders_2026: false` models a region where only v0 is deployed (404).",
  A11: "[SPM tokens_2021-03-01 createRestrictedDataToken; ordersV0 getOrderAddress, getOrderBuyerInfo] the buyer's address, name, e-mail and CPF/CNPJ (BuyerTaxInfo) are answered only to a Restricted Data Token covering the path (literal or {orderId} form, tokens.ts); the LWA token gets 403 Unauthorized. Cais needs this only on the v0 fallback: the 2026 Orders API answers the same fields to the app's roles, without a token (A3).",
} as const;
