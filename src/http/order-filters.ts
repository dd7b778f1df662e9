/**
 * SkyHub's `GET /orders` query (reference §2.3): `filters[statuses][]=a&filters[statuses][]=b`
 * (PHP/Rails brackets) and `filters[statuses][0]=a` (what the official SDK sends), plus
 * `filters[sync_status][]`, `filters[sale_system]`, `filters[start_date]`/`filters[end_date]` as
 * DD/MM/YYYY (or YYYY-MM-DD), `page` and `per_page` (at most 100; more is capped, as SkyHub does).
 */
import { invalid } from '../errors.ts';
import type { OrderFilter } from '../orders/queries.ts';

const filterKey = /^filters\[(\w+)\](?:\[(\d*)\])?$/;
const known = new Set(['statuses', 'sync_status', 'sale_system', 'start_date', 'end_date', 'connection_id']);

/** Collects `filters[...]` keys in either style into name → values. */
export function collectFilters(query: Record<string, unknown>): Map<string, string[]> {
  const filters = new Map<string, { index: number; value: string }[]>();
  for (const [key, raw] of Object.entries(query)) {
    const match = filterKey.exec(key);
    if (!match) continue;
    const name = match[1]!;
    if (!known.has(name))
      throw invalid(`${key}: is not a known filter (${[...known].join(', ')})`, {
        code: 'invalid_field',
        params: { field: key, rule: 'one_of_filters', allowed: [...known] },
      });
    const index = match[2] ? Number(match[2]) : Number.MAX_SAFE_INTEGER;
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const list = filters.get(name) ?? [];
    for (const value of values) list.push({ index, value });
    filters.set(name, list);
  }
  return new Map(
    [...filters].map(([name, list]) => [name, list.sort((a, b) => a.index - b.index).map((e) => e.value)]),
  );
}

// SkyHub is Brazilian: a calendar date means São Paulo's day (UTC−3, no daylight saving since 2019).
const BRT_OFFSET_MS = 3 * 3_600_000;

export function parseDay(text: string, field: string): Date {
  const br = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = (br ? [br[3], br[2], br[1]] : iso ? [iso[1], iso[2], iso[3]] : []).map(Number);
  const utc = y ? new Date(Date.UTC(y, m! - 1, d)) : undefined;
  // 31/02 would roll over to March: the date must read back as given.
  if (!utc || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m! - 1 || utc.getUTCDate() !== d) {
    throw invalid(`filters[${field}]: must be a date as DD/MM/YYYY (got "${text}")`, {
      code: 'invalid_field',
      params: { field: `filters[${field}]`, rule: 'day_format', value: text },
    });
  }
  return new Date(utc.getTime() + BRT_OFFSET_MS);
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const text = String(Array.isArray(value) ? value[0] : value);
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
    throw invalid(`${name}: must be a whole number from 1 (got "${text}")`, {
      code: 'invalid_field',
      params: { field: name, rule: 'whole_number', limit: 1 },
    });
  }
  return Number(text);
}

const DAY_MS = 86_400_000;

export function parseOrderQuery(query: Record<string, unknown>): OrderFilter {
  const filters = collectFilters(query);
  const one = (name: string) => filters.get(name)?.at(-1);
  const syncStatuses = filters.get('sync_status')?.map((s) => s.toUpperCase());
  for (const s of syncStatuses ?? []) {
    if (s !== 'SYNCED' && s !== 'NOT_SYNCED')
      throw invalid(`filters[sync_status]: must be SYNCED or NOT_SYNCED (got "${s}")`, {
        code: 'invalid_field',
        params: { field: 'filters[sync_status]', rule: 'one_of', allowed: ['SYNCED', 'NOT_SYNCED'] },
      });
  }
  const start = one('start_date');
  const end = one('end_date');
  const page = positiveInteger(query.page, 'page', 1);
  const perPage = Math.min(100, positiveInteger(query.per_page, 'per_page', 30));
  // SkyHub refuses paging past 10 000 entries (reference §3).
  if ((page - 1) * perPage >= 10_000)
    throw invalid('page: paging past 10000 orders is not allowed; narrow the filters', {
      code: 'invalid_field',
      params: { field: 'page', rule: 'paging_limit', limit: 10_000 },
    });
  const connection = one('connection_id');
  return {
    statuses: filters.get('statuses'),
    syncStatuses: syncStatuses as OrderFilter['syncStatuses'],
    saleSystem: one('sale_system'),
    from: start ? parseDay(start, 'start_date') : undefined,
    // The end date is inclusive: the whole day.
    to: end ? new Date(parseDay(end, 'end_date').getTime() + DAY_MS) : undefined,
    connectionId: connection ? positiveInteger(connection, 'filters[connection_id]', 1) : undefined,
    page,
    perPage,
  };
}
