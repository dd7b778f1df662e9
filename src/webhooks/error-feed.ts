/**
 * `sync_error.created` for the listing errors the sync engine records (order errors are announced
 * in the transaction that records them). The sync engine's table is read as a feed by id, from
 * where this feed last stopped, so its write path stays untouched. Rows are read two seconds after
 * they appear: ids are handed out before commit, and a short delay lets a slower transaction with
 * a lower id commit before the feed moves past it.
 */
import type { Db, Queryable } from '../db/db.ts';
import { categoryOf } from '../sync-errors/listings.ts';
import { recordEvents, subscribedTypes, type WebhookEvent } from './events.ts';

const FEED = 'sync_errors';

interface ErrorEntry {
  id: number;
  account_id: number;
  resource: string;
  code: string;
  failure: string;
  message: string;
  hint: string | null;
  sku: string | null;
  connection_id: number;
}

export async function feedProductSyncErrors(db: Db, batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const last = await lockFeed(tx);
    const rows = await tx.query<ErrorEntry>(
      `SELECT e.id, e.account_id, e.resource, e.code, e.failure, e.message, e.hint, p.sku, e.connection_id
         FROM sync_errors e LEFT JOIN products p ON p.id = e.product_id
        WHERE e.id > $1 AND e.first_seen_at < now() - interval '2 seconds'
        ORDER BY e.id LIMIT $2`,
      [last, batch],
    );
    if (rows.length === 0) return 0;
    for (const [accountId, entries] of groupByAccount(rows)) {
      if (!(await subscribedTypes(tx, accountId)).has('sync_error.created')) continue;
      const events: WebhookEvent[] = entries.map((e) => ({
        type: 'sync_error.created',
        data: { sync_error: present(e) },
      }));
      await recordEvents(tx, accountId, events);
    }
    await tx.query('UPDATE webhook_feed_cursors SET last_id = $2 WHERE feed = $1', [FEED, rows.at(-1)!.id]);
    return rows.length;
  });
}

/** The feed's position, locked for this transaction; a new feed starts at the present. */
async function lockFeed(tx: Queryable): Promise<number> {
  await tx.query(
    `INSERT INTO webhook_feed_cursors (feed, last_id) VALUES ($1, (SELECT coalesce(max(id), 0) FROM sync_errors))
     ON CONFLICT (feed) DO NOTHING`,
    [FEED],
  );
  const [row] = await tx.query<{ last_id: number }>(
    'SELECT last_id FROM webhook_feed_cursors WHERE feed = $1 FOR UPDATE',
    [FEED],
  );
  return row!.last_id;
}

function groupByAccount(rows: readonly ErrorEntry[]): Map<number, ErrorEntry[]> {
  const groups = new Map<number, ErrorEntry[]>();
  for (const r of rows) groups.set(r.account_id, [...(groups.get(r.account_id) ?? []), r]);
  return groups;
}

function present(e: ErrorEntry) {
  return {
    entity_type: 'products',
    entity_id: e.sku ?? `connection:${e.connection_id}`,
    error_category_code: categoryOf(e.resource),
    error_code: e.code,
    message: e.message,
    hint: e.hint,
    transient: e.failure === 'transient' || e.failure === 'rate_limited',
    connection_id: e.connection_id,
  };
}
