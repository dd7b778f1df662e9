import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import { randomHex } from '../core/oauth.ts';
import type { MlDeps } from './deps.ts';
import { judgeByStatus } from './deps.ts';
import { mlBadRequest, mlForbidden, sendMlError } from './errors.ts';
import { ML_LIMITS } from './facts.ts';

interface SearchQuery {
  seller_sku?: string;
  sku?: string;
  status?: string;
  offset?: string;
  limit?: string;
  search_type?: string;
  scroll_id?: string;
}

/** Parses a non-negative integer query value; undefined when absent, NaN when malformed. */
export function integerParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

function matchingIds(deps: MlDeps, sellerId: number, query: SearchQuery): string[] {
  const sku = query.seller_sku ?? query.sku;
  const candidates =
    sku === undefined
      ? deps.store.itemsOf(sellerId)
      : [...deps.store.itemIdsBySku(sellerId, sku)].map((id) => deps.store.items.get(id)!);
  return candidates
    .filter((item) => query.status === undefined || item.status === query.status)
    .map((item) => item.id);
}

function page(sellerId: number, results: string[], offset: number, limit: number, total: number) {
  return {
    seller_id: String(sellerId),
    query: null,
    paging: { limit, offset, total },
    results,
    orders: [{ id: 'stop_time_asc', name: 'Order by stop time ascending' }],
    available_orders: [{ id: 'stop_time_desc', name: 'Order by stop time descending' }],
  };
}

/** [2nd] `search_type=scan`: a scroll over every match, ≤ 100 per page, expiring after 5 min. */
function scan(deps: MlDeps, sellerId: number, query: SearchQuery, reply: FastifyReply) {
  const limit = integerParam(query.limit) ?? ML_LIMITS.itemSearchDefaultLimit;
  if (Number.isNaN(limit) || limit > ML_LIMITS.scanMaxLimit) {
    return sendMlError(
      reply,
      mlBadRequest(`limit must be at most ${ML_LIMITS.scanMaxLimit} for scan searches`),
    );
  }
  const now = deps.clock.now();
  let scrollId = query.scroll_id;
  let scroll = scrollId === undefined ? undefined : deps.store.scrolls.get(scrollId);
  if (
    scrollId !== undefined &&
    (scroll === undefined || scroll.expiresAt <= now || scroll.sellerId !== sellerId)
  ) {
    return sendMlError(reply, mlBadRequest('scroll_id is invalid or expired'));
  }
  if (scroll === undefined) {
    scrollId = randomHex(16);
    scroll = { sellerId, ids: matchingIds(deps, sellerId, query), position: 0, expiresAt: 0 };
    deps.store.scrolls.set(scrollId, scroll);
  }
  scroll.expiresAt = now + ML_LIMITS.scrollTtlMs;
  const results = scroll.ids.slice(scroll.position, scroll.position + limit);
  const offset = scroll.position;
  scroll.position += results.length;
  return reply.send({ ...page(sellerId, results, offset, limit, scroll.ids.length), scroll_id: scrollId });
}

/** `GET /users/{id}/items/search` [2nd]: by seller_sku and status, default limit 50. */
function searchItems(deps: MlDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const grant = callerOf(request);
  const sellerId = Number(request.params.id);
  if (String(sellerId) !== grant.sellerId) {
    return sendMlError(
      reply,
      mlForbidden(`Caller ${grant.sellerId} cannot search items of user ${request.params.id}`),
    );
  }
  const query = request.query as SearchQuery;
  if (query.search_type === 'scan' || query.scroll_id !== undefined) {
    if (query.offset !== undefined)
      return sendMlError(reply, mlBadRequest('offset cannot be used with search_type=scan'));
    return scan(deps, sellerId, query, reply);
  }
  const offset = integerParam(query.offset) ?? 0;
  const limit = integerParam(query.limit) ?? ML_LIMITS.itemSearchDefaultLimit;
  if (Number.isNaN(offset) || Number.isNaN(limit) || limit > ML_LIMITS.itemSearchMaxLimit) {
    return sendMlError(
      reply,
      mlBadRequest(`offset and limit must be integers, limit at most ${ML_LIMITS.itemSearchMaxLimit}`),
    );
  }
  if (offset + limit > ML_LIMITS.itemSearchMaxOffset) {
    const message = `offset + limit cannot exceed ${ML_LIMITS.itemSearchMaxOffset}: use search_type=scan`;
    return sendMlError(reply, mlBadRequest(message));
  }
  const ids = matchingIds(deps, sellerId, query);
  return reply.send(page(sellerId, ids.slice(offset, offset + limit), offset, limit, ids.length));
}

export function registerMlSearch(scope: FastifyInstance, deps: MlDeps): void {
  scope.get<{ Params: { id: string } }>(
    '/users/:id/items/search',
    { config: { sim: { op: 'items.search', auth: true } } },
    judgeByStatus(
      deps.conformance,
      'items.search',
      (request: FastifyRequest<{ Params: { id: string } }>, reply) => searchItems(deps, request, reply),
    ),
  );
}
