/**
 * Marketplace notifications about orders. Mercado Livre POSTs a pointer (`/orders/{id}`) and
 * disables a topic whose answers take over 500 ms [doc via 2nd], so the callback only files the
 * pointer and queues an import run; the run fetches each notified order by id, then reads the
 * cursor window. Repeats of one order collapse into one inbox row. ML does not sign its
 * notifications, so one only ever causes Cais to read, with its own token, what the marketplace
 * says: a forged one costs a request, never a wrong order.
 */
import type { Queryable } from '../db/db.ts';

export interface Notified {
  connectionId: number;
  externalId: string;
}

/** `{"resource":"/orders/2195160686","user_id":123,"topic":"orders_v2",...}` → the order id. */
export function parseMercadoLivreNotification(
  body: unknown,
): { userId: string; orderId: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { resource, user_id: userId, topic } = body as Record<string, unknown>;
  if (topic !== 'orders_v2' && topic !== 'orders') return undefined;
  if (typeof resource !== 'string' || (typeof userId !== 'number' && typeof userId !== 'string'))
    return undefined;
  const match = /^\/orders\/(\d{1,30})$/.exec(resource);
  return match ? { userId: String(userId), orderId: match[1]! } : undefined;
}

/** The active connections of that marketplace seller (an ML user may be linked by several accounts). */
export async function connectionsOfSeller(
  db: Queryable,
  channel: string,
  sellerId: string,
): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM connections WHERE channel = $1 AND seller_id = $2 AND status = 'active'`,
    [channel, sellerId],
  );
  return rows.map((r) => r.id);
}

export async function fileNotifications(db: Queryable, notified: readonly Notified[]): Promise<void> {
  if (notified.length === 0) return;
  await db.query(
    `INSERT INTO order_notifications (connection_id, external_id)
     SELECT * FROM unnest($1::bigint[], $2::text[])
     ON CONFLICT (connection_id, external_id) DO UPDATE SET received_at = now()`,
    [notified.map((n) => n.connectionId), notified.map((n) => n.externalId)],
  );
}

export interface InboxEntry {
  external_id: string;
  received_at: Date;
  attempts: number;
}

export function pendingNotifications(
  db: Queryable,
  connectionId: number,
  limit: number,
): Promise<InboxEntry[]> {
  return db.query<InboxEntry>(
    `SELECT external_id, received_at, attempts FROM order_notifications WHERE connection_id = $1
      ORDER BY received_at LIMIT $2`,
    [connectionId, limit],
  );
}

/**
 * Removes the entries handled; one notified again since it was read (a newer received_at)
 * stays, so the change it announces is fetched too. The stamp read back has millisecond
 * precision (a JavaScript Date), the stored one microseconds: compared at milliseconds.
 */
export async function clearNotifications(
  tx: Queryable,
  connectionId: number,
  entries: readonly InboxEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `DELETE FROM order_notifications n USING unnest($2::text[], $3::timestamptz[]) AS x(external_id, received_at)
      WHERE n.connection_id = $1 AND n.external_id = x.external_id
        AND date_trunc('milliseconds', n.received_at) <= x.received_at`,
    [connectionId, entries.map((e) => e.external_id), entries.map((e) => e.received_at)],
  );
}

export async function countFailedNotification(
  db: Queryable,
  connectionId: number,
  externalId: string,
  giveUpAfter: number,
): Promise<void> {
  const [row] = await db.query<{ attempts: number }>(
    `UPDATE order_notifications SET attempts = attempts + 1
      WHERE connection_id = $1 AND external_id = $2 RETURNING attempts`,
    [connectionId, externalId],
  );
  // An order the marketplace keeps refusing to show (deleted, another seller's) is dropped.
  if (row && row.attempts >= giveUpAfter) {
    await db.query('DELETE FROM order_notifications WHERE connection_id = $1 AND external_id = $2', [
      connectionId,
      externalId,
    ]);
  }
}
