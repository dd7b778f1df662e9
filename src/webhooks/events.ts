/**
 * Webhook events are written as deliveries (one per subscribed endpoint) in the caller's
 * transaction: the event and its deliveries commit or roll back with the change that made them,
 * so a crash can neither lose an event nor announce a change that did not happen. Workers send
 * them afterwards (webhooks/deliver.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { eventTypes } from '../http/contract/webhooks.ts';

export { eventTypes };
export type EventType = (typeof eventTypes)[number];

export interface WebhookEvent {
  type: EventType;
  data: Record<string, unknown>;
}

/** The event types some active endpoint of the account listens to (empty: nothing to build). */
export async function subscribedTypes(db: Queryable, accountId: number): Promise<Set<EventType>> {
  const rows = await db.query<{ event: EventType }>(
    `SELECT DISTINCT unnest(events) AS event FROM webhook_endpoints WHERE account_id = $1 AND status = 'active'`,
    [accountId],
  );
  return new Set(rows.map((r) => r.event));
}

/** The body every endpoint receives (and whose bytes are signed). */
export function eventBody(
  id: string,
  type: EventType,
  createdAt: Date,
  data: Record<string, unknown>,
): string {
  return JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
}

/** Writes one delivery per (event, subscribed endpoint); answers how many. */
export async function recordEvents(
  db: Queryable,
  accountId: number,
  events: readonly WebhookEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const now = new Date();
  const entries = events.map((e) => {
    const id = `evt_${randomUUID()}`;
    return { event_id: id, event_type: e.type, body: eventBody(id, e.type, now, e.data) };
  });
  const rows = await db.query(
    `INSERT INTO webhook_deliveries (account_id, endpoint_id, event_id, event_type, body)
     SELECT $1, w.id, e.event_id, e.event_type, e.body
       FROM jsonb_to_recordset($2::jsonb) AS e(event_id text, event_type text, body text)
       JOIN webhook_endpoints w ON w.account_id = $1 AND w.status = 'active' AND e.event_type = ANY(w.events)
     RETURNING id`,
    [accountId, JSON.stringify(entries)],
  );
  return rows.length;
}
