/**
 * The worker role: runs the scheduled, manual and continuous synchronisations through pg-boss,
 * and keeps the database tidy.
 */
import type { PgBoss } from 'pg-boss';
import type { Cipher } from './connections/cipher.ts';
import { findConnectionById } from './connections/queries.ts';
import type { Db } from './db/db.ts';
import { runCatalog } from './sync/catalog-run.ts';
import { type RunLimits, runSync } from './sync/runner.ts';
import { finishRun, startRun } from './sync/runs.ts';
import { createSyncQueue, enqueueRun, Scheduler, SYNC_QUEUE, type SyncJobData } from './sync/scheduler.ts';

const HOUSEKEEPING = 'housekeeping';

export interface WorkerDeps {
  db: Db;
  boss: PgBoss;
  cipher: Cipher;
  onError: (error: unknown) => void;
  limits?: Partial<RunLimits> | undefined;
  /** Runs at once in this process (different connections or resources). */
  concurrency?: number | undefined;
}

export interface Worker {
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export async function startWorker(deps: WorkerDeps): Promise<Worker> {
  const { db, boss } = deps;
  await boss.createQueue(HOUSEKEEPING).catch(() => {});
  await boss.schedule(HOUSEKEEPING, '17 * * * *');
  await boss.work(HOUSEKEEPING, async () => {
    await purgeIdempotencyKeys(db);
  });

  await createSyncQueue(boss);
  await boss.work<SyncJobData>(
    SYNC_QUEUE,
    { localConcurrency: deps.concurrency ?? 4, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      if (job) await handleRunJob(deps, job.data);
    },
  );
  const scheduler = new Scheduler(db, boss, deps.onError);
  scheduler.start();
  return { scheduler, stop: () => scheduler.stop() };
}

export async function handleRunJob(deps: WorkerDeps, data: SyncJobData): Promise<void> {
  if (data.resource === 'stock' || data.resource === 'price') {
    const result = await runSync(
      { db: deps.db, cipher: deps.cipher, limits: deps.limits },
      { ...data, resource: data.resource },
    );
    // Time ran out with listings still owed: a continuation picks them up at once.
    if (result.more) await enqueueRun(deps.boss, { ...data, trigger: 'resume' });
    return;
  }
  if (data.resource === 'catalog') return runCatalog(deps, data);
  await recordUnavailable(deps.db, data, 'importing orders is not available yet in this version');
}

async function recordUnavailable(db: Db, data: SyncJobData, note: string): Promise<void> {
  const connection = await findConnectionById(db, data.connectionId);
  if (!connection) return;
  const runId = await startRun(db, {
    accountId: connection.account_id,
    connectionId: connection.id,
    resource: data.resource,
    trigger: data.trigger,
    scheduleId: data.scheduleId,
  });
  await finishRun(db, runId, 'skipped', { considered: 0, sent: 0, confirmed: 0, failed: 0 }, note);
}

/** Idempotency keys are honoured for 24 hours, as most payment APIs do. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const rows = await db.query(
    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours' RETURNING key",
  );
  return rows.length;
}
