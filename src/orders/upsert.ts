/**
 * Storing a page of imported orders, in the caller's transaction. One statement upserts by
 * (connection, marketplace order id), so an order fetched twice — overlapping windows, retries,
 * repeated notifications, two importers — is one row; what follows is decided from the rows
 * that statement really inserted or changed:
 * - an older copy never overwrites a newer one (a slow page cannot undo a notification's fetch);
 * - the status only moves forward by type (the ERP may already have invoiced an order the
 *   marketplace still calls paid), except that a cancellation always wins;
 * - a new order and a status change put the order in the queue, write its history, and announce
 *   it to webhooks; a new order reserves its units, a cancellation releases them.
 */
import type { Queryable } from '../db/db.ts';
import { oweSends } from '../listings/queries.ts';
import { recordOrderError, resolveOrderErrors } from '../sync-errors/orders.ts';
import { recordEvents, subscribedTypes, type WebhookEvent } from '../webhooks/events.ts';
import { type MatchResult, matchItems } from './match.ts';
import { presentOrders } from './present.ts';
import { ordersByIds } from './queries.ts';
import { releaseReservations, reservationsEnabled, reserveUnits } from './reservations.ts';
import type { NormalisedOrder } from './shape.ts';
import { defaultStatusOf, type StatusType } from './statuses.ts';

export interface UpsertScope {
  accountId: number;
  connectionId: number | null;
  channel: string;
}

export interface UpsertOutcome {
  created: number;
  statusChanged: number;
  updated: number;
  unchanged: number;
  unknownSku: number;
}

interface Returned {
  id: number;
  external_id: string;
  status_code: string;
  status_type: StatusType;
  prev_status_code: string | null;
  marketplace_status: string;
  inserted: boolean;
}

// The marketplace's status wins when it is further along, or a cancellation; never after one.
const advances = `orders.status_type <> 'CANCELED' AND (excluded.status_type = 'CANCELED'
  OR cais_order_status_rank(excluded.status_type) > cais_order_status_rank(orders.status_type))`;
const nextCode = `CASE WHEN ${advances} THEN excluded.status_code ELSE orders.status_code END`;
const moved = `(${nextCode} <> orders.status_code)`;

const upsertSql = `
INSERT INTO orders (account_id, connection_id, channel, external_id, code, status_code, status_type,
                    marketplace_status, placed_at, marketplace_updated_at, data, raw, unknown_skus)
SELECT $1, $2, $3, i.external_id, i.code, i.status_code, i.status_type, i.marketplace_status, i.placed_at,
       i.updated_at, i.data, i.raw, ARRAY(SELECT jsonb_array_elements_text(i.unknown_skus))
  FROM jsonb_to_recordset($4::jsonb) AS i(external_id text, code text, status_code text, status_type text,
       marketplace_status text, placed_at timestamptz, updated_at timestamptz, data jsonb, raw jsonb, unknown_skus jsonb)
ON CONFLICT (connection_id, external_id) DO UPDATE SET
  prev_status_code = orders.status_code,
  status_code = ${nextCode},
  status_type = CASE WHEN ${advances} THEN excluded.status_type ELSE orders.status_type END,
  queue_seq = orders.queue_seq + ${moved}::int,
  queued_at = CASE WHEN ${moved} AND orders.queue_seq <= orders.acked_seq THEN now() ELSE orders.queued_at END,
  visible_at = CASE WHEN ${moved} THEN now() ELSE orders.visible_at END,
  status_changed_at = CASE WHEN ${moved} THEN now() ELSE orders.status_changed_at END,
  marketplace_status = excluded.marketplace_status,
  marketplace_updated_at = excluded.marketplace_updated_at,
  data = excluded.data,
  raw = excluded.raw,
  unknown_skus = excluded.unknown_skus,
  updated_at = now()
WHERE excluded.marketplace_updated_at > orders.marketplace_updated_at
   OR (excluded.marketplace_updated_at = orders.marketplace_updated_at AND excluded.raw IS DISTINCT FROM orders.raw)
RETURNING id, external_id, status_code, status_type, prev_status_code, marketplace_status, (xmax = 0) AS inserted`;

/** One copy per order id: the newest (a page may repeat an order that moved while it was read). */
export function newestCopies(orders: readonly NormalisedOrder[]): NormalisedOrder[] {
  const byId = new Map<string, NormalisedOrder>();
  for (const o of orders) {
    const seen = byId.get(o.externalId);
    if (!seen || o.updatedAt >= seen.updatedAt) byId.set(o.externalId, o);
  }
  return [...byId.values()];
}

export async function upsertOrders(
  tx: Queryable,
  scope: UpsertScope,
  given: readonly NormalisedOrder[],
): Promise<UpsertOutcome> {
  const orders = newestCopies(given);
  const outcome: UpsertOutcome = { created: 0, statusChanged: 0, updated: 0, unchanged: 0, unknownSku: 0 };
  if (orders.length === 0) return outcome;
  await lockOrderIds(tx, scope.connectionId, orders);
  const matched = await matchItems(tx, scope, orders);
  const entries = orders.map((o, i) => ({
    external_id: o.externalId,
    code: o.code,
    status_code: defaultStatusOf[o.statusType].code,
    status_type: o.statusType,
    marketplace_status: o.marketplaceStatus,
    placed_at: o.placedAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
    data: o.data,
    raw: o.raw ?? {},
    unknown_skus: matched.unknown[i],
  }));
  const rows = await tx.query<Returned>(upsertSql, [
    scope.accountId,
    scope.connectionId,
    scope.channel,
    JSON.stringify(entries),
  ]);
  const created = rows.filter((r) => r.inserted);
  const moved = rows.filter((r) => !r.inserted && r.prev_status_code !== r.status_code);
  outcome.created = created.length;
  outcome.statusChanged = moved.length;
  outcome.updated = rows.length - created.length;
  outcome.unchanged = orders.length - rows.length;
  await writeHistory(tx, [...created, ...moved]);
  await settleReservations(tx, scope.accountId, orders, matched, created, moved);
  const errorIds = await recordUnknownSkus(tx, scope.accountId, orders, matched, rows);
  outcome.unknownSku = errorIds.length;
  await announce(tx, scope.accountId, created, moved, errorIds);
  return outcome;
}

/**
 * Two stores of the same new order at once (a notification and a page) would both insert it:
 * ON CONFLICT settles the (connection, marketplace id) key it names, but the order's code is
 * unique too, and a clash there is an error, not an update. A transaction-scoped lock per order,
 * taken in id order (so two stores never wait on each other crosswise), makes the second wait for
 * the first and then update the row it stored.
 */
async function lockOrderIds(tx: Queryable, connectionId: number | null, orders: readonly NormalisedOrder[]) {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('order:' || coalesce($1::text, '-') || ':' || x, 0))
       FROM (SELECT DISTINCT unnest($2::text[]) AS x ORDER BY 1) ids`,
    [connectionId, orders.map((o) => o.externalId)],
  );
}

async function writeHistory(tx: Queryable, rows: readonly Returned[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO order_status_history (order_id, status_code, status_type, marketplace_status, source)
     SELECT x.id, x.code, x.type, x.mp, 'marketplace'
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS x(id, code, type, mp)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.status_code),
      rows.map((r) => r.status_type),
      rows.map((r) => r.marketplace_status),
    ],
  );
}

/** Units of new live orders are reserved; cancelled orders give theirs back. */
async function settleReservations(
  tx: Queryable,
  accountId: number,
  orders: readonly NormalisedOrder[],
  matched: MatchResult,
  created: readonly Returned[],
  moved: readonly Returned[],
): Promise<void> {
  const owed = new Set<number>();
  const live: StatusType[] = ['NEW', 'APPROVED', 'PAYMENT_OVERDUE'];
  const reserving = created.filter((r) => live.includes(r.status_type));
  if (reserving.length > 0 && (await reservationsEnabled(tx, accountId))) {
    const index = new Map(orders.map((o, i) => [o.externalId, i]));
    const reserved = reserving.map((row) => ({
      orderId: row.id,
      lines: matched.lines[index.get(row.external_id) ?? -1] ?? [],
    }));
    for (const id of await reserveUnits(tx, accountId, reserved)) owed.add(id);
  }
  const cancelled = moved.filter((r) => r.status_type === 'CANCELED').map((r) => r.id);
  for (const id of await releaseReservations(tx, cancelled)) owed.add(id);
  // Every channel's effective stock changed: their listings owe a send now.
  if (owed.size > 0) await oweSends(tx, [...owed], 'stock');
}

async function recordUnknownSkus(
  tx: Queryable,
  accountId: number,
  orders: readonly NormalisedOrder[],
  matched: MatchResult,
  rows: readonly Returned[],
): Promise<number[]> {
  const index = new Map(orders.map((o, i) => [o.externalId, i]));
  const newErrors: number[] = [];
  const resolved: number[] = [];
  for (const row of rows) {
    const unknown = matched.unknown[index.get(row.external_id) ?? -1] ?? [];
    if (unknown.length === 0) {
      if (!row.inserted) resolved.push(row.id);
      continue;
    }
    const id = await recordOrderError(tx, {
      accountId,
      orderId: row.id,
      category: 'sync_order_mtkp_to_skyhub',
      code: 'unknown_sku',
      failure: 'permanent',
      message: `the order has items whose SKU is not in the catalog: ${unknown.join(', ')}`,
      hint: 'Create the SKU (POST /products) or fix the SKU on the marketplace listing; the order was imported anyway.',
    });
    if (id !== undefined) newErrors.push(id);
  }
  await resolveOrderErrors(tx, resolved, 'sync_order_mtkp_to_skyhub');
  return newErrors;
}

/** Webhook events for what changed, built only when some endpoint listens. */
async function announce(
  tx: Queryable,
  accountId: number,
  created: readonly Returned[],
  moved: readonly Returned[],
  errorIds: readonly number[],
): Promise<void> {
  if (created.length + moved.length + errorIds.length === 0) return;
  const types = await subscribedTypes(tx, accountId);
  if (types.size === 0) return;
  const events: WebhookEvent[] = [];
  const ids = [
    ...(types.has('order.created') ? created.map((r) => r.id) : []),
    ...(types.has('order.updated') ? moved.map((r) => r.id) : []),
  ];
  const presented = await presentOrders(tx, accountId, await ordersByIds(tx, ids));
  const createdIds = new Set(created.map((r) => r.id));
  for (const order of presented) {
    events.push({
      type: createdIds.has(order.cais.id) ? 'order.created' : 'order.updated',
      data: { order, source: 'marketplace' },
    });
  }
  if (types.has('sync_error.created') && errorIds.length > 0) {
    const errors = await tx.query<{
      id: number;
      order_code: string;
      code: string;
      message: string;
      hint: string;
    }>(
      `SELECT e.id, o.code AS order_code, e.code, e.message, e.hint FROM order_sync_errors e
         JOIN orders o ON o.id = e.order_id WHERE e.id = ANY($1::bigint[])`,
      [errorIds],
    );
    for (const e of errors)
      events.push({ type: 'sync_error.created', data: { sync_error: orderErrorEvent(e) } });
  }
  await recordEvents(tx, accountId, events);
}

export function orderErrorEvent(e: {
  order_code: string;
  code: string;
  message: string;
  hint: string | null;
}) {
  return {
    entity_type: 'orders',
    entity_id: e.order_code,
    error_category_code: 'sync_order_mtkp_to_skyhub',
    error_code: e.code,
    message: e.message,
    hint: e.hint,
  };
}
