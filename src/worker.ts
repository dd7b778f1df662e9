/**
 * The worker role: runs the scheduled, manual and continuous synchronisations through pg-boss,
 * and keeps the database tidy.
 */
import type { PgBoss } from 'pg-boss';
import type { Cipher } from './connections/cipher.ts';
import type { Db } from './db/db.ts';
import { workInSlots } from './jobs/boss.ts';
import { type ImportLimits, runOrderImport } from './orders/import.ts';
import { purgeFinishedRelays, startOrderWorker } from './orders/jobs.ts';
import type { RelayLimits } from './orders/relay.ts';
import { orderReservations, settleSupersededReservations } from './orders/reservations.ts';
import { runCatalog } from './sync/catalog-run.ts';
import { DEFAULT_LEASE_MS } from './sync/lease.ts';
import { failedRunContext } from './sync/lifecycle.ts';
import { type RunLimits, runSync } from './sync/runner.ts';
import { interruptStaleRuns } from './sync/runs.ts';
import {
  createSyncQueue,
  enqueueRun,
  othersWaiting,
  Scheduler,
  SYNC_QUEUE,
  type SyncJobData,
} from './sync/scheduler.ts';
import type { WebhookLimits } from './webhooks/deliver.ts';
import { purgeDeliveryLog, startWebhookWorker } from './webhooks/jobs.ts';

const HOUSEKEEPING = 'housekeeping';
const STALE_RUNS = 'stale-runs';

export interface WorkerDeps {
  db: Db;
  boss: PgBoss;
  cipher: Cipher;
  /** The process's JSON logger: error with stack and cause, plus what it concerned. */
  onError: (error: unknown, context?: Record<string, unknown>) => void;
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
  await startHousekeeping(deps);
  await createSyncQueue(boss);
  const slots = { slots: deps.concurrency ?? 8 };
  const takeQueuedRun = await workInSlots<SyncJobData>(boss, SYNC_QUEUE, slots, async (job) => {
    try {
      await handleRunJob(deps, job.data, job.signal);
    } catch (error) {
      // The run is recorded `failed` with this error and pg-boss retries the job; the operator
      // still needs to see why, with what it concerned.
      deps.onError(error, {
        msg: 'sync run failed',
        jobId: job.id,
        attempt: job.retryCount,
        ...job.data,
        ...failedRunContext(error),
      });
      throw error;
    }
  });
  const scheduler = new Scheduler(db, boss, deps.onError, takeQueuedRun);
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

/**
 * One job, one run attempt. `signal` is pg-boss's `job.signal` (aborted when the job's claim is
 * gone or the worker stops): the run stops its marketplace calls at once. A run stopped that way
 * throws, so pg-boss retries the job; a run that found its pair busy or finished leaves it done.
 */
export async function handleRunJob(deps: WorkerDeps, data: SyncJobData, signal?: AbortSignal): Promise<void> {
  const base = { db: deps.db, cipher: deps.cipher, onError: deps.onError, signal };
  let status: string;
  let more = false;
  if (data.resource === 'stock' || data.resource === 'price') {
    const result = await runSync(
      {
        ...base,
        limits: deps.limits,
        reservations: orderReservations,
        othersWaiting: othersWaiting(deps.boss, data),
      },
      { ...data, resource: data.resource },
    );
    ({ status, more } = result);
  } else if (data.resource === 'catalog') {
    ({ status } = await runCatalog({ ...base, limits: deps.limits }, data));
  } else {
    const imported = await runOrderImport(
      { ...base, leaseMs: deps.limits?.leaseMs, limits: deps.orders?.importLimits },
      { connectionId: data.connectionId, trigger: data.trigger, scheduleId: data.scheduleId },
    );
    ({ status, more } = imported);
  }
  if (status === 'interrupted' && signal?.aborted)
    throw new Error('the run was stopped with its job; retried');
  // Time ran out with work left (listings owed, pages unread): a continuation picks it up at once.
  if (more) await enqueueRun(deps.boss, { ...data, trigger: 'resume' });
}

/**
 * Cluster-wide housekeeping as pg-boss schedules: a cron job is created once per minute for the
 * whole cluster and taken by one worker, however many run.
 */
async function startHousekeeping(deps: WorkerDeps): Promise<void> {
  const { db, boss } = deps;
  const tasks: { name: string; cron: string; run: () => Promise<unknown> }[] = [
    { name: HOUSEKEEPING, cron: '17 * * * *', run: () => purgeIdempotencyKeys(db) },
    { name: 'purge-relays', cron: '23 * * * *', run: () => purgeFinishedRelays(db) },
    { name: 'purge-webhook-log', cron: '29 * * * *', run: () => purgeDeliveryLog(db) },
    // Reservations a stock push has since ended stop holding units (DESIGN §4.3).
    { name: 'settle-reservations', cron: '* * * * *', run: () => settleSupersededReservations(db) },
    // A run whose worker died (kill -9) stays `running` until this marks it; pg-boss retries its job.
    {
      name: STALE_RUNS,
      cron: '* * * * *',
      run: () => interruptStaleRuns(db, 2 * (deps.limits?.leaseMs ?? DEFAULT_LEASE_MS)),
    },
  ];
  for (const task of tasks) {
    await boss.createQueue(task.name);
    await boss.schedule(task.name, task.cron);
    // Each runs at most once a minute: asking every 10 s rather than pg-boss's 2 s keeps five idle
    // queues from costing an idle PGlite more than the hub's own work.
    await boss.work(task.name, { pollingIntervalSeconds: 10 }, async () => {
      try {
        await task.run();
      } catch (error) {
        deps.onError(error, { msg: 'housekeeping failed', task: task.name });
        throw error;
      }
    });
  }
}

/** Idempotency keys are honoured for 24 hours, as most payment APIs do. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const rows = await db.query(
    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours' RETURNING key",
  );
  return rows.length;
}
