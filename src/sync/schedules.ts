/**
 * Schedules (SkyHub's Sincronização Agendada): which connections, which resources, how often.
 * A schedule never changes: replacing one cancels it and creates another, atomically. Overlaps are
 * fine: per (connection, resource) the most frequent active schedule wins (sync_targets).
 */
import type { Static } from 'typebox';
import type { Db, Queryable } from '../db/db.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { Every, Schedule } from '../http/contract/sync.ts';
import { dueForSend } from './owed.ts';

export const resources = ['stock', 'price', 'orders', 'catalog'] as const;
export type Resource = (typeof resources)[number];

/** The frequencies a seller can choose, in minutes; `continuous` is null. */
export const frequencies: Record<Static<typeof Every>, number | null> = {
  '1m': 1,
  '5m': 5,
  '10m': 10,
  '15m': 15,
  '30m': 30,
  '60m': 60,
  '1h': 60,
  '6h': 360,
  '24h': 1440,
  continuous: null,
};

export interface ScheduleInput {
  connections: number[];
  resources: Resource[];
  every: string;
}

export interface ScheduleRow {
  id: number;
  account_id: number;
  connection_ids: number[];
  resources: Resource[];
  every_minutes: number | null;
  status: 'active' | 'cancelled';
  replaced_by: number | null;
  created_at: Date;
  cancelled_at: Date | null;
}

const columns =
  'id, account_id, connection_ids, resources, every_minutes, status, replaced_by, created_at, cancelled_at';

export function everyLabel(minutes: number | null): string {
  if (minutes === null) return 'continuous';
  if (minutes % 60 === 0 && minutes >= 360) return `${minutes / 60}h`;
  return `${minutes}m`;
}

async function checkInput(db: Queryable, accountId: number, input: ScheduleInput): Promise<number | null> {
  if (!(input.every in frequencies)) {
    throw invalid(`schedule.every: must be one of ${Object.keys(frequencies).join(', ')}`, {
      code: 'invalid_field',
      params: { field: 'schedule.every', rule: 'one_of', allowed: Object.keys(frequencies) },
    });
  }
  const connections = [...new Set(input.connections)];
  const found = await db.query<{ id: number }>(
    'SELECT id FROM connections WHERE account_id = $1 AND id = ANY($2::bigint[])',
    [accountId, connections],
  );
  const missing = connections.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw notFound(`schedule.connections: connection ${missing.join(', ')} not found`, {
      code: 'connection_not_found',
      params: { field: 'schedule.connections', connection: missing.join(', ') },
    });
  return frequencies[input.every as keyof typeof frequencies];
}

async function insertSchedule(
  tx: Queryable,
  accountId: number,
  input: ScheduleInput,
  every: number | null,
): Promise<ScheduleRow> {
  const [row] = await tx.query<ScheduleRow>(
    `INSERT INTO sync_schedules (account_id, connection_ids, resources, every_minutes) VALUES ($1, $2, $3, $4)
     RETURNING ${columns}`,
    [accountId, [...new Set(input.connections)], [...new Set(input.resources)], every],
  );
  return row!;
}

export function createSchedule(db: Db, accountId: number, input: ScheduleInput): Promise<ScheduleRow> {
  return db.transaction(async (tx) => {
    const every = await checkInput(tx, accountId, input);
    const row = await insertSchedule(tx, accountId, input, every);
    await recomputeTargets(tx, accountId);
    return row;
  });
}

export async function getSchedule(db: Queryable, accountId: number, id: number): Promise<ScheduleRow> {
  const [row] = await db.query<ScheduleRow>(
    `SELECT ${columns} FROM sync_schedules WHERE account_id = $1 AND id = $2`,
    [accountId, id],
  );
  if (!row)
    throw notFound(`schedule ${id} not found`, { code: 'schedule_not_found', params: { schedule: id } });
  return row;
}

export function listSchedules(
  db: Queryable,
  accountId: number,
  status: 'active' | 'cancelled' | 'all',
): Promise<ScheduleRow[]> {
  return db.query<ScheduleRow>(
    `SELECT ${columns} FROM sync_schedules WHERE account_id = $1 AND ($2 = 'all' OR status = $2) ORDER BY id DESC LIMIT 500`,
    [accountId, status],
  );
}

export function cancelSchedule(db: Db, accountId: number, id: number): Promise<ScheduleRow> {
  return db.transaction(async (tx) => {
    const row = await cancelIn(tx, accountId, id, null);
    await recomputeTargets(tx, accountId);
    return row;
  });
}

async function cancelIn(
  tx: Queryable,
  accountId: number,
  id: number,
  replacedBy: number | null,
): Promise<ScheduleRow> {
  const [row] = await tx.query<ScheduleRow>(
    `UPDATE sync_schedules SET status = 'cancelled', cancelled_at = now(), replaced_by = $3
      WHERE account_id = $1 AND id = $2 AND status = 'active' RETURNING ${columns}`,
    [accountId, id, replacedBy],
  );
  if (!row) {
    await getSchedule(tx, accountId, id); // 404 when it does not exist
    // The request is well formed; the schedule's state refuses it.
    throw conflict(`schedule ${id} is already cancelled`, {
      code: 'schedule_cancelled',
      params: { schedule: id },
    });
  }
  return row;
}

/** Cancels one schedule and creates its replacement in one transaction; answers the new one. */
export function replaceSchedule(
  db: Db,
  accountId: number,
  id: number,
  input: ScheduleInput,
): Promise<ScheduleRow> {
  return db.transaction(async (tx) => {
    const every = await checkInput(tx, accountId, input);
    const created = await insertSchedule(tx, accountId, input, every);
    await cancelIn(tx, accountId, id, created.id);
    await recomputeTargets(tx, accountId);
    return created;
  });
}

/**
 * Derives sync_targets from the active schedules: per (connection, resource) the most frequent
 * wins (continuous first). A target whose frequency is unchanged keeps its next run time; a new
 * or changed one runs at once and then at its frequency.
 */
export async function recomputeTargets(tx: Queryable, accountId: number): Promise<void> {
  await tx.query(
    `WITH desired AS (
       SELECT DISTINCT ON (c, r) c AS connection_id, r AS resource, s.every_minutes, s.id AS schedule_id
         FROM sync_schedules s, unnest(s.connection_ids) c, unnest(s.resources) r
        WHERE s.account_id = $1 AND s.status = 'active'
        ORDER BY c, r, s.every_minutes ASC NULLS FIRST, s.id DESC
     ), removed AS (
       DELETE FROM sync_targets t
        WHERE t.account_id = $1
          AND NOT EXISTS (SELECT 1 FROM desired d WHERE d.connection_id = t.connection_id AND d.resource = t.resource)
     )
     INSERT INTO sync_targets (connection_id, resource, account_id, every_minutes, schedule_id, next_run_at)
     SELECT connection_id, resource, $1, every_minutes, schedule_id,
            CASE WHEN every_minutes IS NOT NULL OR resource IN ('orders', 'catalog') THEN now() END
       FROM desired
     ON CONFLICT (connection_id, resource) DO UPDATE SET
       schedule_id = excluded.schedule_id,
       every_minutes = excluded.every_minutes,
       next_run_at = CASE WHEN sync_targets.every_minutes IS NOT DISTINCT FROM excluded.every_minutes
                          THEN sync_targets.next_run_at ELSE excluded.next_run_at END`,
    [accountId],
  );
}

export interface TargetRow {
  connection_id: number;
  resource: Resource;
  every_minutes: number | null;
  schedule_id: number;
  next_run_at: Date | null;
}

export function targetsOf(db: Queryable, accountId: number): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    'SELECT connection_id, resource, every_minutes, schedule_id, next_run_at FROM sync_targets WHERE account_id = $1',
    [accountId],
  );
}

/**
 * Takes the targets due now and moves their next run on by their frequency (from the planned time,
 * so runs do not drift; from now when the worker was away). Concurrent workers each get distinct rows.
 */
export function takeDueTargets(db: Queryable): Promise<TargetRow[]> {
  // Orders and catalog have no change feed to follow continuously: "continuous" polls them every minute.
  return db.query<TargetRow>(
    `WITH due AS (
       SELECT connection_id, resource, coalesce(every_minutes, 1) AS minutes FROM sync_targets
        WHERE next_run_at <= now() AND (every_minutes IS NOT NULL OR resource IN ('orders', 'catalog'))
        FOR UPDATE SKIP LOCKED
     )
     UPDATE sync_targets t
        SET next_run_at = CASE WHEN t.next_run_at + make_interval(mins => d.minutes) > now()
                               THEN t.next_run_at + make_interval(mins => d.minutes)
                               ELSE now() + make_interval(mins => d.minutes) END
       FROM due d
      WHERE t.connection_id = d.connection_id AND t.resource = d.resource
      RETURNING t.connection_id, t.resource, t.every_minutes, t.schedule_id, t.next_run_at`,
  );
}

/** Continuous stock/price targets that owe sends and have no run holding their lease. */
export function continuousTargetsOwing(db: Queryable): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `SELECT t.connection_id, t.resource, t.every_minutes, t.schedule_id, t.next_run_at
       FROM sync_targets t JOIN connections c ON c.id = t.connection_id AND c.status = 'active'
      WHERE t.every_minutes IS NULL
        AND NOT EXISTS (SELECT 1 FROM sync_leases s WHERE s.connection_id = t.connection_id
                          AND s.resource = t.resource AND s.expires_at > now())
        AND ((t.resource = 'stock' AND EXISTS (
               SELECT 1 FROM owed_sends o JOIN listings l ON l.id = o.listing_id
                WHERE o.connection_id = t.connection_id AND o.resource = 'stock' AND ${dueForSend('stock')}))
          OR (t.resource = 'price' AND EXISTS (
               SELECT 1 FROM owed_sends o JOIN listings l ON l.id = o.listing_id
                WHERE o.connection_id = t.connection_id AND o.resource = 'price' AND ${dueForSend('price')})))`,
  );
}

export function presentSchedule(row: ScheduleRow, targets: TargetRow[] = []): Static<typeof Schedule> {
  const mine = targets.filter((t) => t.schedule_id === row.id);
  return {
    id: row.id,
    connections: row.connection_ids,
    resources: row.resources,
    every: everyLabel(row.every_minutes),
    status: row.status,
    replaced_by: row.replaced_by,
    created_at: row.created_at.toISOString(),
    cancelled_at: row.cancelled_at?.toISOString() ?? null,
    next_runs: mine.map((t) => ({
      connection_id: t.connection_id,
      resource: t.resource,
      next_run_at: t.next_run_at?.toISOString() ?? null,
    })),
  };
}
