/**
 * Where a connection's order import stands. `since` moves only when an import has stored every
 * page; an import in progress keeps its window and page cursor, written in the transaction that
 * stores each page, so whatever stops it (a crash, a marketplace outage, the time limit) the next
 * run resumes after the last page committed, and re-reading a page is harmless (upserts).
 */
import type { Queryable } from '../db/db.ts';

export interface ImportCursor {
  since: Date;
  pageSince: Date | null;
  pageCursor: string | null;
  pageStartedAt: Date | null;
  maxSeen: Date | null;
}

interface CursorRow {
  since: Date;
  page_since: Date | null;
  page_cursor: string | null;
  page_started_at: Date | null;
  max_seen: Date | null;
}

export async function loadCursor(
  db: Queryable,
  connectionId: number,
  initialSince: Date,
): Promise<ImportCursor> {
  await db.query(
    `INSERT INTO order_import_cursors (connection_id, since) VALUES ($1, $2) ON CONFLICT (connection_id) DO NOTHING`,
    [connectionId, initialSince],
  );
  const [row] = await db.query<CursorRow>(
    'SELECT since, page_since, page_cursor, page_started_at, max_seen FROM order_import_cursors WHERE connection_id = $1',
    [connectionId],
  );
  return {
    since: row!.since,
    pageSince: row!.page_since,
    pageCursor: row!.page_cursor,
    pageStartedAt: row!.page_started_at,
    maxSeen: row!.max_seen,
  };
}

/** After a page is stored: the next page to read (null cursor: the window is read to the end). */
export async function savePageProgress(
  tx: Queryable,
  connectionId: number,
  progress: { pageSince: Date; pageCursor: string; startedAt: Date; maxSeen: Date | null },
): Promise<void> {
  await tx.query(
    `UPDATE order_import_cursors SET page_since = $2, page_cursor = $3, page_started_at = $4, max_seen = $5,
            updated_at = now()
      WHERE connection_id = $1`,
    [connectionId, progress.pageSince, progress.pageCursor, progress.startedAt, progress.maxSeen],
  );
}

/**
 * Every page of the window is stored. The next window starts at the newest change seen, or at
 * the time this import started if that is earlier: a change made while pages were being read
 * may sit on a page already passed, and it is newer than the start. The overlap subtracted when
 * the next window is read absorbs the clock difference between Cais and the marketplace.
 */
export async function completeImport(
  tx: Queryable,
  connectionId: number,
  done: { startedAt: Date; maxSeen: Date | null },
): Promise<Date> {
  const candidate = done.maxSeen && done.maxSeen < done.startedAt ? done.maxSeen : done.startedAt;
  const [row] = await tx.query<{ since: Date }>(
    `UPDATE order_import_cursors SET since = greatest(since, $2), page_since = NULL, page_cursor = NULL,
            page_started_at = NULL, max_seen = NULL, last_completed_at = now(), updated_at = now()
      WHERE connection_id = $1 RETURNING since`,
    [connectionId, candidate],
  );
  return row!.since;
}

/** Starts over from an earlier point (support: re-import a period); the upserts make it safe. */
export async function rewindCursor(db: Queryable, connectionId: number, since: Date): Promise<void> {
  await db.query(
    `UPDATE order_import_cursors SET since = $2, page_since = NULL, page_cursor = NULL, page_started_at = NULL,
            max_seen = NULL, updated_at = now()
      WHERE connection_id = $1`,
    [connectionId, since],
  );
}

/** An orders run's counts, as numbers on its run record (GET /sync/runs shows `order_counts`). */
export async function recordImportCounts(
  db: Queryable,
  runId: number,
  c: {
    fetched: number;
    created: number;
    updated: number;
    unchanged: number;
    failed: number;
    unknownSku: number;
  },
): Promise<void> {
  const counts = {
    fetched: c.fetched,
    new: c.created,
    updated: c.updated,
    unchanged: c.unchanged,
    failed: c.failed,
    unknown_sku: c.unknownSku,
  };
  await db.query('UPDATE sync_runs SET order_counts = $2::jsonb WHERE id = $1', [
    runId,
    JSON.stringify(counts),
  ]);
}
