/**
 * The worker's side of scheduling. Runs are pg-boss jobs on one `stately` queue keyed by
 * (connection, resource): at most one active and one waiting per pair, across every worker.
 * Two loops feed it: due schedules (every second) and continuous targets that owe sends (every
 * 250 ms). A run whose worker died is retried by pg-boss (see worker.ts for the sweep of its row).
 */
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/db.ts';
import type { Trigger } from './runs.ts';
import { continuousTargetsOwing, type Resource, takeDueTargets } from './schedules.ts';

export const SYNC_QUEUE = 'sync-run';

export interface SyncJobData {
  connectionId: number;
  resource: Resource;
  trigger: Trigger;
  scheduleId?: number | undefined;
}

export async function createSyncQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(SYNC_QUEUE)) return;
  // A job whose worker stops heartbeating (killed) is retried elsewhere and the run resumes from
  // state. The stately policy holds other runs of that pair until then, so the heartbeat is short
  // (10 s is pg-boss's minimum) and the first retry comes at once.
  await boss.createQueue(SYNC_QUEUE, {
    policy: 'stately',
    heartbeatSeconds: 10,
    retryLimit: 5,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: 900,
  });
}

/** Queues a run; answers false when one is already waiting for that pair (it will cover this). */
export async function enqueueRun(boss: PgBoss, data: SyncJobData): Promise<boolean> {
  const id = await boss.send(SYNC_QUEUE, data, { singletonKey: `${data.connectionId}:${data.resource}` });
  return id !== null;
}

/**
 * Whether a run of another pair is queued and ready, waiting for a worker slot: what a long or
 * lingering run of `data`'s pair asks before holding on to its own (runner.ts).
 */
export function othersWaiting(boss: PgBoss, data: Pick<SyncJobData, 'connectionId' | 'resource'>) {
  const own = `${data.connectionId}:${data.resource}`;
  return async (): Promise<boolean> => {
    const queued = await boss.findJobs(SYNC_QUEUE, { queued: true, limit: 20 });
    const now = Date.now();
    return queued.some((job) => job.singletonKey !== own && new Date(job.startAfter).getTime() <= now);
  };
}

interface Loop {
  timer: NodeJS.Timeout;
  busy: Promise<void> | undefined;
}

export class Scheduler {
  readonly #db: Db;
  readonly #boss: PgBoss;
  readonly #loops: Loop[] = [];
  readonly #onError: (error: unknown) => void;
  readonly #queued: () => void;

  /** `queued` is told of each run queued, so that this process's own idle slot can take it at once. */
  constructor(db: Db, boss: PgBoss, onError: (error: unknown) => void, queued: () => void = () => {}) {
    this.#db = db;
    this.#boss = boss;
    this.#onError = onError;
    this.#queued = queued;
  }

  start(): void {
    this.#every(1_000, () => this.fireDueSchedules());
    this.#every(250, () => this.fireContinuous());
  }

  async stop(): Promise<void> {
    for (const loop of this.#loops) clearInterval(loop.timer);
    await Promise.all(this.#loops.map((l) => l.busy));
  }

  async fireDueSchedules(): Promise<number> {
    const due = await takeDueTargets(this.#db);
    for (const t of due) {
      await this.#enqueue({
        connectionId: t.connection_id,
        resource: t.resource,
        trigger: 'scheduled',
        scheduleId: t.schedule_id,
      });
    }
    return due.length;
  }

  async fireContinuous(): Promise<void> {
    for (const t of await continuousTargetsOwing(this.#db)) {
      await this.#enqueue({
        connectionId: t.connection_id,
        resource: t.resource,
        trigger: 'continuous',
        scheduleId: t.schedule_id,
      });
    }
  }

  async #enqueue(data: SyncJobData): Promise<void> {
    if (await enqueueRun(this.#boss, data)) this.#queued();
  }

  // A loop never overlaps itself: a slow database delays the next tick instead of piling them up.
  #every(ms: number, tick: () => Promise<unknown>): void {
    const loop: Loop = {
      timer: setInterval(() => {
        if (loop.busy) return;
        loop.busy = tick()
          .then(() => undefined, this.#onError)
          .finally(() => {
            loop.busy = undefined;
          });
      }, ms),
      busy: undefined,
    };
    this.#loops.push(loop);
  }
}
