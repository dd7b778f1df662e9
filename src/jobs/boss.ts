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
  /** How often one idle slot asks an empty queue for a job (pg-boss's minimum, 0.5 s). */
  pollSeconds?: number | undefined;
  /** How long any other idle slot waits before asking on its own (a backstop; 30 s). */
  idleSeconds?: number | undefined;
}

/**
 * `slots` workers on `queue`, each taking one job at a time.
 *
 * Draining: after a job, however short, pg-boss waits out its polling interval before fetching
 * again, so a worker started at most two jobs a second: 2,000 scheduled runs due together took
 * minutes to start on 8 slots, most of them finding nothing owed in milliseconds. Each slot
 * therefore fetches the next job at once when one ends.
 *
 * Asking: only one idle slot asks an empty queue each poll. Eight slots each polling every 0.5 s
 * were 16 fetches a second per queue doing nothing; on PGlite, where each fetch costs 2 ms of the
 * only database thread, the sync and webhook queues alone kept an idle `npm start` busy 8% of the
 * time and took as much from every API request under load. Idle slots otherwise wait for
 * `idleSeconds` (a backstop), and a slot that takes a job wakes one idle sibling, which wakes
 * the next if it finds a job too: a backlog fills every slot within as many fetches as there are
 * slots, and a job that arrives on an empty queue waits at most one poll. Answers a function
 * that wakes an idle slot at once: what this process queues itself (the scheduler's runs, the
 * webhook dispatcher's deliveries) is taken without waiting for the poll.
 */
export async function workInSlots<T extends object>(
  boss: PgBoss,
  queue: string,
  options: SlotOptions,
  handler: (job: Job<T>) => Promise<unknown>,
): Promise<() => void> {
  const idle = new Set<Slot>();
  const wakeOneIdle = () => {
    const [slot] = idle;
    if (slot) wake(boss, slot);
  };
  const idleSeconds = Math.max(options.pollSeconds ?? 0.5, options.idleSeconds ?? 30);
  for (let n = 0; n < options.slots; n++) {
    const slot: Slot = { id: undefined, endedUnnamed: false };
    idle.add(slot);
    slot.id = await boss.work<T>(queue, { pollingIntervalSeconds: idleSeconds }, async ([job]) => {
      if (!job) return;
      idle.delete(slot);
      wakeOneIdle();
      try {
        await handler(job);
      } finally {
        idle.add(slot);
        wake(boss, slot);
      }
    });
    // A first job can end before work() has answered with the slot's id.
    if (slot.endedUnnamed) boss.notifyWorker(slot.id);
  }
  const asker = setInterval(wakeOneIdle, (options.pollSeconds ?? 0.5) * 1000);
  asker.unref();
  boss.once('stopped', () => clearInterval(asker));
  return wakeOneIdle;
}

interface Slot {
  /** pg-boss's worker id, once work() has answered. */
  id: string | undefined;
  endedUnnamed: boolean;
}

function wake(boss: PgBoss, slot: Slot): void {
  if (slot.id) boss.notifyWorker(slot.id);
  else slot.endedUnnamed = true;
}
