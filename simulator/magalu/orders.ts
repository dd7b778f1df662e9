import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import type { MgDeps } from './deps.ts';
import type { MagaluError } from './errors.ts';
import { detail, magaluError, sendMagaluError } from './errors.ts';
import { MG_BEHAVIOUR, MG_PAGING } from './facts.ts';
import type { MgOrder } from './model.ts';
import { pageBody, readPage, readSort } from './paging.ts';

type Query = Record<string, string | undefined>;

export interface DateFilter {
  readonly field: string;
  readonly from: number;
  readonly to: number;
}

/**
 * `<field>__gte/__lte` (orders [2nd]) and `<field>__ge/__le` (single order and deliveries [2nd]):
 * both spellings are accepted, since integrators report each on different endpoints.
 */
export function dateFilters(query: Query, fields: readonly string[]): DateFilter[] | MagaluError {
  const filters: DateFilter[] = [];
  for (const field of fields) {
    const fromText = query[`${field}__gte`] ?? query[`${field}__ge`];
    const toText = query[`${field}__lte`] ?? query[`${field}__le`];
    if (fromText === undefined && toText === undefined) continue;
    const from = fromText === undefined ? Number.NEGATIVE_INFINITY : Date.parse(fromText);
    const to = toText === undefined ? Number.POSITIVE_INFINITY : Date.parse(toText);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      return magaluError(400, `Invalid date filter on ${field}`, [
        detail(field, 'query', 'must be an ISO 8601 date'),
      ]);
    }
    filters.push({ field, from, to });
  }
  return filters;
}

export function passes(record: object, filters: readonly DateFilter[]): boolean {
  const values = record as Record<string, unknown>;
  return filters.every((filter) => {
    const value = values[filter.field];
    if (typeof value !== 'string') return false;
    const time = Date.parse(value);
    return time >= filter.from && time <= filter.to;
  });
}

export function sortBy<T extends object>(records: T[], field: string, descending: boolean): void {
  const sign = descending ? -1 : 1;
  records.sort((a, b) => {
    const left = String((a as Record<string, unknown>)[field]);
    const right = String((b as Record<string, unknown>)[field]);
    return (left < right ? -1 : left > right ? 1 : 0) * sign;
  });
}

/** `X-Channel-Id` [doc/2nd]: required where MG_BEHAVIOUR says so. */
export function channelHeader(request: FastifyRequest, required: boolean): string | null | MagaluError {
  const value = request.headers['x-channel-id'];
  if (typeof value === 'string' && value !== '') return value;
  if (!required) return null;
  return magaluError(400, 'X-Channel-Id header is required', [
    detail('X-Channel-Id', 'header', 'is required'),
  ]);
}

const DATE_FIELDS = ['purchased_at', 'updated_at', 'created_at'] as const;

function listOrders(deps: MgDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Query;
  const page = readPage(query, MG_PAGING.ordersDefaultLimit);
  if ('status' in page) return sendMagaluError(reply, page);
  const sort = readSort(query._sort, DATE_FIELDS);
  if (sort !== null && 'status' in sort) return sendMagaluError(reply, sort);
  const filters = dateFilters(query, DATE_FIELDS);
  if ('status' in filters) return sendMagaluError(reply, filters);
  const found = deps.store
    .ordersOf(callerOf(request).sellerId)
    .filter(
      (order) =>
        (query.status === undefined || order.status === query.status) &&
        (query.code === undefined || order.code === query.code) &&
        passes(order, filters),
    );
  if (sort !== null) sortBy(found, sort.field, sort.descending);
  return reply.send(pageBody(request, '/seller/v1/orders', page, found));
}

function findOrder(deps: MgDeps, sellerId: string, idOrCode: string): MgOrder | undefined {
  const byId = deps.store.orders.get(idOrCode);
  if (byId !== undefined) return deps.store.owners.get(byId.id) === sellerId ? byId : undefined;
  return deps.store.ordersOf(sellerId).find((order) => order.code === idOrCode);
}

/** `GET /seller/v1/orders/{id}` with `X-Channel-Id` [doc]; the id or the visible code is accepted. */
function getOrder(deps: MgDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const channel = channelHeader(request, MG_BEHAVIOUR.orderNeedsChannelHeader);
  if (channel !== null && typeof channel !== 'string') return sendMagaluError(reply, channel);
  const order = findOrder(deps, callerOf(request).sellerId, request.params.id);
  if (order === undefined || (channel !== null && order.channel.id !== channel)) {
    return sendMagaluError(reply, magaluError(404, `Order ${request.params.id} not found`));
  }
  return reply.send(order);
}

export function registerMgOrders(scope: FastifyInstance, deps: MgDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get('/seller/v1/orders', route('orders.list'), (request, reply) => listOrders(deps, request, reply));
  scope.get<{ Params: { id: string } }>('/seller/v1/orders/:id', route('orders.get'), (request, reply) =>
    getOrder(deps, request, reply),
  );
}
