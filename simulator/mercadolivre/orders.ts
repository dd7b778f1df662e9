import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buyerFor } from '../core/buyers.ts';
import { callerOf } from '../core/guard.ts';
import type { MlDeps } from './deps.ts';
import { mlBadRequest, mlForbidden, mlNotFound, sendMlError } from './errors.ts';
import { ML_LIMITS } from './facts.ts';
import type { MlOrder } from './model.ts';
import { integerParam } from './search.ts';

type OrderQuery = Record<string, string | undefined>;

/** [2nd] Date filters by field: `order.date_last_updated.from` is honoured (`order.last_updated.*` is not). */
const DATE_FILTERS = [
  ['order.date_created', 'date_created'],
  ['order.date_last_updated', 'last_updated'],
  ['order.date_closed', 'date_closed'],
] as const;

const SORTS = {
  date_asc: { id: 'date_asc', name: 'Date ascending' },
  date_desc: { id: 'date_desc', name: 'Date descending' },
} as const;

interface DateBound {
  readonly field: 'date_created' | 'last_updated' | 'date_closed';
  readonly from: number;
  readonly to: number;
}

function dateBounds(query: OrderQuery): DateBound[] | string {
  const bounds: DateBound[] = [];
  for (const [param, field] of DATE_FILTERS) {
    const fromText = query[`${param}.from`];
    const toText = query[`${param}.to`];
    if (fromText === undefined && toText === undefined) continue;
    const from = fromText === undefined ? Number.NEGATIVE_INFINITY : Date.parse(fromText);
    const to = toText === undefined ? Number.POSITIVE_INFINITY : Date.parse(toText);
    if (Number.isNaN(from) || Number.isNaN(to)) return `${param} must be an ISO 8601 date`;
    bounds.push({ field, from, to });
  }
  return bounds;
}

function matches(
  order: MlOrder,
  statuses: readonly string[] | null,
  bounds: readonly DateBound[],
  q?: string,
) {
  if (statuses !== null && !statuses.includes(order.status)) return false;
  if (q !== undefined && String(order.id) !== q) return false;
  for (const bound of bounds) {
    const value = order[bound.field];
    if (value === null) return false;
    const time = Date.parse(value);
    if (time < bound.from || time > bound.to) return false;
  }
  return true;
}

/** `GET /orders/search?seller=…` [doc/2nd]: filters, `date_asc|date_desc`, offset/limit paging. */
function searchOrders(deps: MlDeps, request: FastifyRequest, reply: FastifyReply) {
  const grant = callerOf(request);
  const query = request.query as OrderQuery;
  if (query.seller === undefined) return sendMlError(reply, mlBadRequest('seller is required'));
  if (query.seller !== grant.sellerId) {
    return sendMlError(
      reply,
      mlForbidden(`Caller ${grant.sellerId} cannot read orders of seller ${query.seller}`),
    );
  }
  const sort = query.sort ?? 'date_asc';
  if (sort !== 'date_asc' && sort !== 'date_desc')
    return sendMlError(reply, mlBadRequest(`Invalid sort: ${sort}`));
  const offset = integerParam(query.offset) ?? 0;
  const limit = integerParam(query.limit) ?? ML_LIMITS.orderSearchDefaultLimit;
  if (Number.isNaN(offset) || Number.isNaN(limit) || limit > ML_LIMITS.orderSearchMaxLimit) {
    return sendMlError(
      reply,
      mlBadRequest(`Invalid limit: must be an integer up to ${ML_LIMITS.orderSearchMaxLimit}`),
    );
  }
  if (offset > ML_LIMITS.orderSearchMaxOffset) {
    return sendMlError(reply, mlBadRequest(`offset cannot exceed ${ML_LIMITS.orderSearchMaxOffset}`));
  }
  const bounds = dateBounds(query);
  if (typeof bounds === 'string') return sendMlError(reply, mlBadRequest(bounds));
  const statuses = query['order.status']?.split(',') ?? null;
  const found = deps.store
    .ordersOf(Number(query.seller))
    .filter((order) => matches(order, statuses, bounds, query.q));
  // Orders are stored in creation order: ascending is the stored order.
  if (sort === 'date_desc') found.reverse();
  return reply.send({
    query: query.q ?? null,
    results: found.slice(offset, offset + limit),
    sort: SORTS[sort],
    available_sorts: Object.values(SORTS).filter((entry) => entry.id !== sort),
    filters: [],
    paging: { total: found.length, offset, limit },
    display: 'complete',
  });
}

function getOrder(deps: MlDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const grant = callerOf(request);
  const order = deps.store.orders.get(Number(request.params.id));
  if (order === undefined) return sendMlError(reply, mlNotFound('Order not found'));
  if (String(order.seller.id) !== grant.sellerId && String(order.buyer.id) !== grant.sellerId) {
    return sendMlError(
      reply,
      mlForbidden(`Caller ${grant.sellerId} is not the seller or buyer of this order`),
    );
  }
  return reply.send(order);
}

/**
 * `GET /orders/{id}/billing_info` [doc/2nd: developers.mercadolivre.com.br, faturamento]: the
 * buyer's fiscal data, kept apart from the order. The document as `doc_type`/`doc_number`, the
 * rest as `additional_info` type/value pairs (names, address, state registration).
 */
export function billingInfo(order: MlOrder) {
  const buyer = buyerFor(`mercadolivre:${order.id}`);
  const a = buyer.address;
  const info: Array<{ type: string; value: string }> = [
    { type: 'DOC_TYPE', value: buyer.kind === 'company' ? 'CNPJ' : 'CPF' },
    { type: 'DOC_NUMBER', value: buyer.document },
    ...(buyer.kind === 'company'
      ? [
          { type: 'BUSINESS_NAME', value: `${buyer.firstName} ${buyer.lastName}` },
          { type: 'STATE_REGISTRATION', value: buyer.stateRegistration ?? '' },
          { type: 'TAXPAYER_TYPE_ID', value: 'Contribuinte ICMS' },
        ]
      : [
          { type: 'FIRST_NAME', value: buyer.firstName },
          { type: 'LAST_NAME', value: buyer.lastName },
        ]),
    { type: 'STREET_NAME', value: a.street },
    { type: 'STREET_NUMBER', value: a.number },
    { type: 'COMMENT', value: a.complement },
    { type: 'NEIGHBORHOOD', value: a.neighborhood },
    { type: 'CITY_NAME', value: a.city },
    { type: 'STATE_CODE', value: a.state },
    { type: 'STATE_NAME', value: a.stateName },
    { type: 'ZIP_CODE', value: a.zipcode },
    { type: 'COUNTRY_ID', value: 'BR' },
  ];
  return {
    billing_info: {
      doc_type: buyer.kind === 'company' ? 'CNPJ' : 'CPF',
      doc_number: buyer.document,
      additional_info: info,
    },
  };
}

function getBillingInfo(
  deps: MlDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
) {
  const grant = callerOf(request);
  const order = deps.store.orders.get(Number(request.params.id));
  if (order === undefined) return sendMlError(reply, mlNotFound('Order not found'));
  if (String(order.seller.id) !== grant.sellerId) {
    return sendMlError(reply, mlForbidden(`Caller ${grant.sellerId} is not the seller of this order`));
  }
  return reply.send(billingInfo(order));
}

export function registerMlOrders(scope: FastifyInstance, deps: MlDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get('/orders/search', route('orders.search'), (request, reply) => searchOrders(deps, request, reply));
  scope.get<{ Params: { id: string } }>('/orders/:id', route('orders.get'), (request, reply) =>
    getOrder(deps, request, reply),
  );
  scope.get<{ Params: { id: string } }>(
    '/orders/:id/billing_info',
    route('orders.billing_info'),
    (request, reply) => getBillingInfo(deps, request, reply),
  );
}
