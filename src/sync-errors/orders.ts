/**
 * Order sync errors (SkyHub's /sync_errors/orders): an order imported with a SKU the account does
 * not have (marketplace → hub), or a status the marketplace refused (hub → marketplace). One open
 * error per (order, code) counts attempts instead of piling up; a later success resolves it.
 */
import type { Static } from 'typebox';
import type { Queryable } from '../db/db.ts';
import type { OrderSyncError } from '../http/contract/sync-errors.ts';
import { hintText } from '../i18n/hints.ts';
import type { Language } from '../i18n/language.ts';

export const orderErrorCategories = [
  { code: 'sync_order_mtkp_to_skyhub', name: 'Pedido não importado corretamente do marketplace' },
  { code: 'sync_order_skyhub_to_mtkp', name: 'Status do pedido não enviado ao marketplace' },
] as const;
export type OrderErrorCategory = (typeof orderErrorCategories)[number]['code'];

export interface OrderErrorInput {
  accountId: number;
  orderId: number;
  category: OrderErrorCategory;
  code: string;
  failure: string;
  message: string;
  marketplaceCode?: string | undefined;
  hint?: string | undefined;
}

export interface OrderErrorRow {
  id: number;
  order_id: number;
  order_code: string;
  category: OrderErrorCategory;
  code: string;
  failure: string;
  message: string;
  marketplace_code: string | null;
  hint: string | null;
  attempts: number;
  first_seen_at: Date;
  last_seen_at: Date;
  status: string;
}

/** Records the error; answers the error's id when it is new (for `sync_error.created`). */
export async function recordOrderError(db: Queryable, e: OrderErrorInput): Promise<number | undefined> {
  const [row] = await db.query<{ id: number; created: boolean }>(
    `INSERT INTO order_sync_errors (account_id, order_id, category, code, failure, message, marketplace_code, hint)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (order_id, code) WHERE status = 'open' DO UPDATE SET
       failure = excluded.failure, message = excluded.message, marketplace_code = excluded.marketplace_code,
       hint = excluded.hint, attempts = order_sync_errors.attempts + 1, last_seen_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [
      e.accountId,
      e.orderId,
      e.category,
      e.code,
      e.failure,
      e.message,
      e.marketplaceCode ?? null,
      e.hint ?? null,
    ],
  );
  return row?.created ? row.id : undefined;
}

export async function resolveOrderErrors(
  db: Queryable,
  orderIds: readonly number[],
  category: OrderErrorCategory,
): Promise<void> {
  if (orderIds.length === 0) return;
  await db.query(
    `UPDATE order_sync_errors SET status = 'resolved', resolved_at = now()
      WHERE order_id = ANY($1::bigint[]) AND category = $2 AND status = 'open'`,
    [orderIds, category],
  );
}

const columns = `e.id, e.order_id, o.code AS order_code, e.category, e.code, e.failure, e.message, e.marketplace_code,
  e.hint, e.attempts, e.first_seen_at, e.last_seen_at, e.status`;

export function openErrorsOfOrders(db: Queryable, orderIds: readonly number[]): Promise<OrderErrorRow[]> {
  return db.query<OrderErrorRow>(
    `SELECT ${columns} FROM order_sync_errors e JOIN orders o ON o.id = e.order_id
      WHERE e.order_id = ANY($1::bigint[]) AND e.status = 'open' ORDER BY e.id`,
    [orderIds],
  );
}

export function listOrderErrors(
  db: Queryable,
  accountId: number,
  filter: { category?: string | undefined; status: string; beforeId?: number | undefined; limit: number },
): Promise<OrderErrorRow[]> {
  return db.query<OrderErrorRow>(
    `SELECT ${columns} FROM order_sync_errors e JOIN orders o ON o.id = e.order_id
      WHERE e.account_id = $1 AND e.status = $2 AND ($3::text IS NULL OR e.category = $3)
        AND ($4::bigint IS NULL OR e.id < $4)
      ORDER BY e.id DESC LIMIT $5`,
    [accountId, filter.status, filter.category ?? null, filter.beforeId ?? null, filter.limit],
  );
}

export async function countOrderErrors(db: Queryable, accountId: number, category?: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_sync_errors
      WHERE account_id = $1 AND status = 'open' AND ($2::text IS NULL OR category = $2)`,
    [accountId, category ?? null],
  );
  return row!.n;
}

/** SkyHub's PATCH: the seller chose to ignore these errors (by order code, category and code). */
export async function ignoreOrderErrors(
  db: Queryable,
  accountId: number,
  entries: readonly { orderCode: string; category: string; code?: string | undefined }[],
): Promise<number> {
  const rows = await db.query(
    `UPDATE order_sync_errors e SET status = 'ignored', resolved_at = now()
       FROM orders o, unnest($2::text[], $3::text[], $4::text[]) AS x(order_code, category, code)
      WHERE e.account_id = $1 AND e.status = 'open' AND o.id = e.order_id AND o.account_id = $1
        AND o.code = x.order_code AND e.category = x.category AND (x.code IS NULL OR e.code = x.code)
      RETURNING e.id`,
    [
      accountId,
      entries.map((e) => e.orderCode),
      entries.map((e) => e.category),
      entries.map((e) => e.code ?? null),
    ],
  );
  return rows.length;
}

/**
 * The ways out of an order sync error, as the API offers them: `retry` (POST
 * /sync_errors/orders/retry, or post the status again), `correct` (post the action again with
 * what the marketplace asked for; fix the catalog for an unknown SKU), `ignore` (PATCH
 * /sync_errors/orders).
 */
export function waysOut(
  row: Pick<OrderErrorRow, 'category' | 'failure'>,
): ('retry' | 'correct' | 'ignore')[] {
  if (row.category === 'sync_order_mtkp_to_skyhub') return ['correct', 'ignore'];
  return row.failure === 'permanent' ? ['correct', 'retry', 'ignore'] : ['retry', 'correct', 'ignore'];
}

const unknownSkuHint = {
  en: 'Create the SKU in Cais (or link it to the product the marketplace sold) and the next import matches the order, or ignore the error.',
  pt: 'Crie o SKU no Cais (ou vincule-o ao produto que o marketplace vendeu) e a próxima importação casa o pedido, ou ignore o erro.',
};

/** The hint in the reader's language: Cais's own relay hints, else the adapter's catalogue. */
function localHint(row: OrderErrorRow, lang: Language): string | null {
  const own = [...Object.values(relayHints), unknownSkuHint].find((h) => h.en === row.hint);
  if (own) return lang === 'en' ? own.en : own.pt;
  if (row.hint === null && row.category === 'sync_order_mtkp_to_skyhub')
    return lang === 'en' ? unknownSkuHint.en : unknownSkuHint.pt;
  return hintText({ code: row.code, failure: row.failure, hint: row.hint }, lang);
}

export function presentOrderError(row: OrderErrorRow, lang: Language = 'en'): Static<typeof OrderSyncError> {
  return {
    entity_id: row.order_code,
    message: row.message,
    // SkyHub's own spelling, which clients read.
    last_accurence: row.last_seen_at.toISOString(),
    error_code: row.code,
    error_category_code: row.category,
    failure: row.failure,
    transient: row.failure === 'transient' || row.failure === 'rate_limited',
    attempts: row.attempts,
    first_seen_at: row.first_seen_at.toISOString(),
    hint: localHint(row, lang),
    ways_out: waysOut(row),
    marketplace_code: row.marketplace_code,
    status: row.status as Static<typeof OrderSyncError>['status'],
  };
}

/** The codes seen in this account per order category, for SkyHub's categories listing. */
export function orderErrorTypes(
  db: Queryable,
  accountId: number,
): Promise<{ category: string; code: string; hint: string | null }[]> {
  return db.query(
    `SELECT DISTINCT ON (category, code) category, code, hint FROM order_sync_errors WHERE account_id = $1
      ORDER BY category, code, id DESC`,
    [accountId],
  );
}

/** The way out of a relay that ended failed (retry, correct, ignore), as SkyHub's `solution`. */
export const relayHints = {
  unreachable: {
    en: 'Cais could not reach the marketplace: post the status again (or POST /sync_errors/orders/retry) to retry, or ignore the error.',
    pt: 'O Cais não conseguiu falar com o marketplace: envie o status de novo (ou POST /sync_errors/orders/retry) para tentar outra vez, ou ignore o erro.',
  },
  gave_up: {
    en: 'The marketplace kept failing: post the status again (or POST /sync_errors/orders/retry) to retry, or ignore the error.',
    pt: 'O marketplace continuou falhando: envie o status de novo (ou POST /sync_errors/orders/retry) para tentar outra vez, ou ignore o erro.',
  },
  refused: {
    en: 'Correct what the marketplace says and post the status again, or ignore the error (PATCH /sync_errors/orders).',
    pt: 'Corrija o que o marketplace diz e envie o status de novo, ou ignore o erro (PATCH /sync_errors/orders).',
  },
} as const;
