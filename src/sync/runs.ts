/** Run records: who ran what, when, with what counts and outcome (GET /sync/runs). */
import type { Static } from 'typebox';
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';
import type { Run } from '../http/contract/sync.ts';

export type Trigger = 'scheduled' | 'manual' | 'continuous' | 'resume';
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'paused' | 'skipped' | 'interrupted';

export interface RunRow {
  id: number;
  account_id: number;
  connection_id: number;
  resource: string;
  trigger: Trigger;
  schedule_id: number | null;
  status: RunStatus;
  note: string | null;
  started_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
  considered: number;
  sent: number;
  confirmed: number;
  failed: number;
  failures: { sku: string; code: string; message: string }[];
  /** An orders run's counts (src/orders/import.ts); null for other resources. */
  order_counts: Record<string, number> | null;
}

export interface RunCounts {
  considered: number;
  sent: number;
  confirmed: number;
  failed: number;
}

const columns = `id, account_id, connection_id, resource, trigger, schedule_id, status, note, started_at, heartbeat_at,
  finished_at, considered, sent, confirmed, failed, failures, order_counts`;

export async function startRun(
  db: Queryable,
  run: {
    accountId: number;
    connectionId: number;
    resource: string;
    trigger: Trigger;
    scheduleId?: number | undefined;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO sync_runs (account_id, connection_id, resource, trigger, schedule_id) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [run.accountId, run.connectionId, run.resource, run.trigger, run.scheduleId ?? null],
  );
  return row!.id;
}

export async function recordProgress(
  db: Queryable,
  runId: number,
  counts: RunCounts,
  failures: RunRow['failures'],
): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET considered = $2, sent = $3, confirmed = $4, failed = $5, heartbeat_at = now(),
            failures = CASE WHEN jsonb_array_length(failures) < 50 THEN failures || $6::jsonb ELSE failures END
      WHERE id = $1`,
    [
      runId,
      counts.considered,
      counts.sent,
      counts.confirmed,
      counts.failed,
      JSON.stringify(failures.slice(0, 20)),
    ],
  );
}

export async function finishRun(
  db: Queryable,
  runId: number,
  status: RunStatus,
  counts: RunCounts,
  note?: string | undefined,
): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET status = $2, considered = $3, sent = $4, confirmed = $5, failed = $6, note = $7,
            finished_at = now(), heartbeat_at = now()
      WHERE id = $1`,
    [runId, status, counts.considered, counts.sent, counts.confirmed, counts.failed, note ?? null],
  );
}

/**
 * Runs whose worker stopped heartbeating (killed): marked interrupted. pg-boss retries their job
 * (its own heartbeat), and the state says what is still owed, so nothing else is queued.
 */
export function interruptStaleRuns(
  db: Queryable,
  staleMs: number,
): Promise<{ connection_id: number; resource: string }[]> {
  return db.query(
    `UPDATE sync_runs SET status = 'interrupted', finished_at = now(),
            note = 'the worker running it stopped; the job is retried and the next run delivers what is still owed'
      WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1 / 1000.0)
      RETURNING connection_id, resource`,
    [staleMs],
  );
}

export interface RunFilter {
  accountId: number;
  connectionId?: number | undefined;
  resource?: string | undefined;
  status?: string | undefined;
  trigger?: string | undefined;
  scheduleId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export function listRuns(db: Queryable, f: RunFilter): Promise<RunRow[]> {
  return db.query<RunRow>(
    `SELECT ${columns} FROM sync_runs
      WHERE account_id = $1 AND ($2::bigint IS NULL OR connection_id = $2) AND ($3::text IS NULL OR resource = $3)
        AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR trigger = $5)
        AND ($6::bigint IS NULL OR schedule_id = $6) AND ($7::bigint IS NULL OR id < $7)
      ORDER BY id DESC LIMIT $8`,
    [
      f.accountId,
      f.connectionId ?? null,
      f.resource ?? null,
      f.status ?? null,
      f.trigger ?? null,
      f.scheduleId ?? null,
      f.beforeId ?? null,
      f.limit,
    ],
  );
}

export async function getRun(db: Queryable, accountId: number, id: number): Promise<RunRow> {
  const [row] = await db.query<RunRow>(`SELECT ${columns} FROM sync_runs WHERE account_id = $1 AND id = $2`, [
    accountId,
    id,
  ]);
  if (!row) throw notFound(`run ${id} not found`, { code: 'run_not_found', params: { run: id } });
  return row;
}

export function presentRun(row: RunRow): Static<typeof Run> {
  return {
    id: row.id,
    connection_id: row.connection_id,
    resource: row.resource as Static<typeof Run>['resource'],
    trigger: row.trigger,
    schedule_id: row.schedule_id,
    status: row.status,
    note: row.note,
    started_at: row.started_at.toISOString(),
    finished_at: row.finished_at?.toISOString() ?? null,
    considered: row.considered,
    sent: row.sent,
    confirmed: row.confirmed,
    failed: row.failed,
    failures: row.failures,
    ...(row.order_counts ? { order_counts: row.order_counts } : {}),
  };
}
