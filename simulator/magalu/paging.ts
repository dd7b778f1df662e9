import type { FastifyRequest } from 'fastify';
import { mountUrl } from './deps.ts';
import type { MagaluError } from './errors.ts';
import { detail, magaluError } from './errors.ts';
import { MG_PAGING } from './facts.ts';

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/** Reads `_limit`/`_offset`; `_limit` above 100 is refused (MG_PAGING.rejectLimitOverMax). */
export function readPage(
  query: Record<string, string | undefined>,
  defaultLimit: number,
): Page | MagaluError {
  let limit = integer(query._limit) ?? defaultLimit;
  const offset = integer(query._offset) ?? 0;
  if (Number.isNaN(limit) || limit < 1) {
    return magaluError(400, 'Invalid _limit', [
      detail('_limit', 'query', '_limit must be a positive integer'),
    ]);
  }
  if (limit > MG_PAGING.maxLimit) {
    if (MG_PAGING.rejectLimitOverMax) {
      const message = `_limit must be less than or equal to ${MG_PAGING.maxLimit}`;
      return magaluError(400, message, [detail('_limit', 'query', message)]);
    }
    limit = MG_PAGING.maxLimit;
  }
  if (Number.isNaN(offset) || offset > MG_PAGING.maxOffset) {
    const message = `_offset must be an integer up to ${MG_PAGING.maxOffset}`;
    return magaluError(400, message, [detail('_offset', 'query', message)]);
  }
  return { limit, offset };
}

function link(request: FastifyRequest, path: string, limit: number, offset: number): string {
  const query = new URLSearchParams(request.query as Record<string, string>);
  query.set('_limit', String(limit));
  query.set('_offset', String(offset));
  return `${mountUrl(request)}${path}?${query}`;
}

/**
 * [doc/2nd] `{meta: {page: {limit, offset, count, max_limit}, links: {previous, next, self}},
 * results}`; `count` is the number of results on this page [2nd]. `links` sits inside `meta`
 * per the integrators; the reference's braces are ambiguous.
 */
export function pageBody<T>(request: FastifyRequest, path: string, page: Page, all: readonly T[]) {
  const results = all.slice(page.offset, page.offset + page.limit);
  const hasNext = page.offset + results.length < all.length;
  return {
    meta: {
      page: { limit: page.limit, offset: page.offset, count: results.length, max_limit: MG_PAGING.maxLimit },
      links: {
        previous:
          page.offset > 0 ? link(request, path, page.limit, Math.max(0, page.offset - page.limit)) : null,
        next: hasNext ? link(request, path, page.limit, page.offset + page.limit) : null,
        self: link(request, path, page.limit, page.offset),
      },
    },
    results,
  };
}

/** `_sort=field:asc|desc` over the allowed fields; null when absent. */
export function readSort(
  value: string | undefined,
  fields: readonly string[],
): { field: string; descending: boolean } | null | MagaluError {
  if (value === undefined) return null;
  const [field, direction = 'asc'] = value.split(':');
  if (field === undefined || !fields.includes(field) || (direction !== 'asc' && direction !== 'desc')) {
    const message = `_sort must be one of ${fields.map((f) => `${f}:asc|desc`).join(', ')}`;
    return magaluError(400, message, [detail('_sort', 'query', message)]);
  }
  return { field, descending: direction === 'desc' };
}
