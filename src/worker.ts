/**
 * The worker role: runs the scheduled, manual and continuous synchronisations through pg-boss,
 * and keeps the database tidy.
 */
import type { PgBoss } from 'pg-boss';
import type { Cipher } from './connections/cipher.ts';
import type { Db } from './db/db.ts';
import { type ImportLimits, runOrderImport } from './orders/import.ts';
import { startOrderWorker } from './orders/jobs.ts';
import type { RelayLimits } from './orders/relay.ts';
import { orderReservations } from './orders/reservations.ts';
import { runCatalog } from './sync/catalog-run.ts';
import { type RunLimits, runSync } from './sync/runner.ts';
import { createSyncQueue, enqueueRun, Scheduler, SYNC_QUEUE, type SyncJobData } from './sync/scheduler.ts';
import type { WebhookLimits } from './webhooks/deliver.ts';
import { startWebhookWorker } from './webhooks/jobs.ts';

const HOUSEKEEPING = 'housekeeping';

export interface WorkerDeps {
  db: Db;
  boss: PgBoss;
  cipher: Cipher;
  onError: (error: unknown) => void;
  limits?: Partial<RunLimits> | undefined;
  /** Runs at once in this process (different connections or resources). */
  concurrency?: number | undefined;
  /** Order imports, relays and webhooks: tests shorten the waits. */
  orders?: OrderWorkerOptions | undefined;
}

export interface OrderWorkerOptions {
  importLimits?: Partial<ImportLimits> | undefined;
  relayEveryMs?: number | undefined;
  relayLimits?: Partial<RelayLimits> | undefined;
  webhookLimits?: Partial<WebhookLimits> | undefined;
  webhookDispatchEveryMs?: number | undefined;
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
      if (!job) return;
      try {
        await handleRunJob(deps, job.data);
      } catch (error) {
        // pg-boss retries the job; the operator still needs to see why it failed.
        deps.onError(error);
        throw error;
      }
    },
  );
  const scheduler = new Scheduler(db, boss, deps.onError, deps.limits?.leaseMs);
  scheduler.start();
  const orders = startOrderWorker({
    db,
    cipher: deps.cipher,
    onError: deps.onError,
    relayEveryMs: deps.orders?.relayEveryMs,
    relayLimits: deps.orders?.relayLimits,
  });
  const webhooks = await startWebhookWorker({
    db,
    boss,
    cipher: deps.cipher,
    onError: deps.onError,
    limits: deps.orders?.webhookLimits,
    dispatchEveryMs: deps.orders?.webhookDispatchEveryMs,
  });
  return {
    scheduler,
    async stop() {
      await Promise.all([scheduler.stop(), orders.stop(), webhooks.stop()]);
    },
  };
}

export async function handleRunJob(deps: WorkerDeps, data: SyncJobData): Promise<void> {
  if (data.resource === 'stock' || data.resource === 'price') {
    const result = await runSync(
      { db: deps.db, cipher: deps.cipher, limits: deps.limits, reservations: orderReservations },
      { ...data, resource: data.resource },
    );
    // Time ran out with listings still owed: a continuation picks them up at once.
    if (result.more) await enqueueRun(deps.boss, { ...data, trigger: 'resume' });
    return;
  }
  if (data.resource === 'catalog') return runCatalog(deps, data);
  const imported = await runOrderImport(
    { db: deps.db, cipher: deps.cipher, limits: deps.orders?.importLimits },
    { connectionId: data.connectionId, trigger: data.trigger, scheduleId: data.scheduleId },
  );
  // Pages remain (time limit): a continuation resumes at the page the cursor saved.
  if (imported.more) await enqueueRun(deps.boss, { ...data, trigger: 'resume' });
}

/** Idempotency keys are honoured for 24 hours, as most payment APIs do. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const rows = await db.query(
    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours' RETURNING key",
  );
  return rows.length;
}
