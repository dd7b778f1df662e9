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
import { acknowledgeReservations } from './reservations.ts';

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
  const [row] = await db.query<OrderRow>(takeSql, [accountId, visibilitySeconds]);
  return row;
}

export type AckOutcome = 'acknowledged' | 'still_queued' | 'not_found';

/**
 * Acknowledges the order: what the queue handed out, or — for an ERP that read it another way
 * (GET /orders, a webhook) — the order as it is now. The first acknowledgement also tells the
 * reservations that the ERP has the order.
 */
export async function acknowledgeQueuedOrder(
  db: Db,
  accountId: number,
  orderId: number,
): Promise<AckOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ queued: boolean }>(
      `UPDATE orders SET
         acked_seq = greatest(acked_seq, CASE WHEN delivered_seq > acked_seq THEN delivered_seq ELSE queue_seq END),
         acked_at = coalesce(acked_at, now()), visible_at = now(), updated_at = now()
       WHERE account_id = $1 AND id = $2
       RETURNING queue_seq > acked_seq AS queued`,
      [accountId, orderId],
    );
    if (!row) return 'not_found';
    await acknowledgeReservations(tx, orderId);
    return row.queued ? 'still_queued' : 'acknowledged';
  });
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
