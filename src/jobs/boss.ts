/**
 * pg-boss on Cais's own database (PGlite or PostgreSQL), so queues, schedules and singleton keys
 * live where the data lives and every worker process shares them.
 */
import { type Job, PgBoss } from 'pg-boss';
import type { Db } from '../db/db.ts';

export interface BossOptions {
  /** pg-boss's own schema; tests give each database schema its own. */
  schema?: string | undefined;
  /** pg-boss's own errors (a failed poll, maintenance): the process's logger; stderr when absent. */
  onError?: ((error: Error) => void) | undefined;
  /** Maintenance and cron: on in workers; an API-only process just sends jobs. */
  supervise?: boolean | undefined;
}

export async function startBoss(db: Db, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (sql: string, values?: unknown[]) => db.executeSql(sql, values) },
    schema: options.schema ?? 'pgboss',
    supervise: options.supervise ?? true,
    schedule: options.supervise ?? true,
    // The supervisor's monitor fails the job of a worker that died (missed heartbeats); a sync pair
    // stays blocked until then, so it runs every 10 s rather than pg-boss's default minute.
    superviseIntervalSeconds: 10,
    monitorIntervalSeconds: 10,
    backend: db.kind === 'pglite' ? 'pglite' : 'postgres',
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', options.onError ?? ((error) => console.error('pg-boss:', error)));
  await startRacingPeers(() => boss.start());
  return boss;
}

/**
 * Workers started together each install pg-boss's schema; PostgreSQL's `CREATE SCHEMA IF NOT
 * EXISTS` can still fail the loser of that race with a duplicate key on the catalog. Trying again
 * finds the schema made, so a few attempts turn the race into a short wait.
 */
async function startRacingPeers(start: () => Promise<unknown>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      return;
    } catch (error) {
      const concurrentDdl = /duplicate key value violates unique constraint "pg_(namespace|type|class)/.test(
        String(error),
      );
      if (!concurrentDdl || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export interface SlotOptions {
  /** Jobs at once in this process: one pg-boss worker each. */
  slots: number;
  /** How long an idle slot waits before asking the queue again (pg-boss's minimum, 0.5 s). */
  pollSeconds?: number | undefined;
}

/**
 * `slots` workers on `queue`, each taking one job at a time. After a job, however short, pg-boss
 * waits out its polling interval before fetching again, so a worker started at most two jobs a
 * second: 2,000 scheduled runs due together took minutes to start on 8 slots, most of them
 * finding nothing owed in milliseconds. Each slot therefore wakes itself when a job ends and
 * fetches the next at once; only an empty queue makes it wait for the poll.
 */
export async function workInSlots<T extends object>(
  boss: PgBoss,
  queue: string,
  options: SlotOptions,
  handler: (job: Job<T>) => Promise<unknown>,
): Promise<void> {
  for (let slot = 0; slot < options.slots; slot++) await workOneSlot(boss, queue, options, handler);
}

async function workOneSlot<T extends object>(
  boss: PgBoss,
  queue: string,
  options: SlotOptions,
  handler: (job: Job<T>) => Promise<unknown>,
): Promise<void> {
  let self: string | undefined;
  let endedUnnamed = false;
  const wake = () => {
    if (self) boss.notifyWorker(self);
    else endedUnnamed = true;
  };
  const poll = { pollingIntervalSeconds: options.pollSeconds ?? 0.5 };
  self = await boss.work<T>(queue, poll, async ([job]) => {
    if (!job) return;
    try {
      await handler(job);
    } finally {
      wake();
    }
  });
  // A first job can end before work() has answered with the slot's id.
  if (endedUnnamed) boss.notifyWorker(self);
}
