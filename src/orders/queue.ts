/**
 * SkyHub's order queue (reference §2.4, §4): `GET /queues/orders` hands out one order — the
 * oldest queued and visible — and hides it for the visibility timeout; `DELETE` acknowledges it.
 * Delivery is at least once: an order not acknowledged in time is handed out again.
 *
 * Acknowledging covers what was handed out, not what the order has become since: a status change
 * between the GET and the DELETE bumps queue_seq past delivered_seq, so the order stays queued
 * (and visible at once) carrying its new status.
 */
import type { Db } from '../db/db.ts';
import { type OrderRow, orderColumns } from './queries.ts';

// SKIP LOCKED: two consumers polling at once get different orders, never the same one twice.
const takeSql = `
WITH next AS (
  SELECT id FROM orders
   WHERE account_id = $1 AND queue_seq > acked_seq AND visible_at <= now()
   ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
)
UPDATE orders o SET visible_at = now() + make_interval(secs => $2), delivered_seq = o.queue_seq,
       queue_deliveries = o.queue_deliveries + 1
  FROM next WHERE o.id = next.id
RETURNING ${orderColumns}`;

export async function takeQueuedOrder(
  db: Db,
  accountId: number,
  visibilitySeconds: number,
): Promise<OrderRow | undefined> {
  const [row] = await db.query<OrderRow>(takeSql, [accountId, visibilitySeconds], { prepare: true });
  return row;
}

export type AckOutcome = 'acknowledged' | 'still_queued' | 'not_found';

// One statement: the order and its reservations (the ERP has it: its next stock push for these
// SKUs ends them). What is acknowledged is what the queue handed out, or — for an ERP that read
// the order another way (GET /orders, a webhook) — the order as it is now.
const ackSql = `
WITH acked AS (
  UPDATE orders SET
    acked_seq = greatest(acked_seq, CASE WHEN delivered_seq > acked_seq THEN delivered_seq ELSE queue_seq END),
    acked_at = coalesce(acked_at, now()), visible_at = now(), updated_at = now()
  WHERE account_id = $1 AND code = $2
  RETURNING id, queue_seq > acked_seq AS queued
), reservations AS (
  UPDATE order_reservations SET acked_at = now()
   WHERE order_id IN (SELECT id FROM acked) AND acked_at IS NULL AND released_at IS NULL
)
SELECT queued FROM acked`;

/**
 * Acknowledges the order with this code. Some clients encode a space in a path as "+", which a
 * path does not decode: that spelling is tried when the code as given is unknown.
 */
export async function acknowledgeQueuedOrder(db: Db, accountId: number, code: string): Promise<AckOutcome> {
  let [row] = await db.query<{ queued: boolean }>(ackSql, [accountId, code], { prepare: true });
  if (!row && code.includes('+'))
    [row] = await db.query<{ queued: boolean }>(ackSql, [accountId, code.replaceAll('+', ' ')]);
  if (!row) return 'not_found';
  return row.queued ? 'still_queued' : 'acknowledged';
}

/** How many orders wait in the queue (visible or not), for the console and the bench. */
export async function queueDepth(db: Db, accountId: number): Promise<{ queued: number; visible: number }> {
  const [row] = await db.query<{ queued: number; visible: number }>(
    `SELECT count(*)::int AS queued, count(*) FILTER (WHERE visible_at <= now())::int AS visible
       FROM orders WHERE account_id = $1 AND queue_seq > acked_seq`,
    [accountId],
  );
  return row!;
}
