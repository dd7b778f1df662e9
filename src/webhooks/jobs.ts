/**
 * The worker side of webhooks. Deliveries live in webhook_deliveries (the source of truth);
 * pg-boss carries one job per attempt, started at the delivery's next_attempt_at, so attempts
 * spread over every worker and survive restarts. A dispatcher loop queues the job of each
 * delivery that has none (new ones, and those rescheduled after a failure), and queues again one
 * whose job was lost (its attempt is over a minute late and nobody holds it).
 */
import type { PgBoss } from 'pg-boss';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { workInSlots } from '../jobs/boss.ts';
import { attemptDelivery, type WebhookLimits } from './deliver.ts';
import { feedProductSyncErrors } from './error-feed.ts';

export const WEBHOOK_QUEUE = 'webhook-delivery';

export interface WebhookWorkerDeps {
  db: Db;
  boss: PgBoss;
  cipher: Cipher;
  onError: (error: unknown) => void;
  limits?: Partial<WebhookLimits> | undefined;
  /** How often new and rescheduled deliveries are queued (default 500 ms). */
  dispatchEveryMs?: number | undefined;
}

const dispatchSql = `
UPDATE webhook_deliveries d SET enqueued_at = now()
  FROM (SELECT id FROM webhook_deliveries
         WHERE status = 'pending'
           AND (enqueued_at IS NULL
                OR (next_attempt_at < now() - interval '1 minute' AND (locked_until IS NULL OR locked_until < now())))
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
 WHERE d.id = due.id
RETURNING d.id, d.next_attempt_at`;

/** Queues a job per delivery due for one; answers how many. */
export async function dispatchDeliveries(db: Db, boss: PgBoss, limit = 500): Promise<number> {
  const due = await db.query<{ id: number; next_attempt_at: Date }>(dispatchSql, [limit]);
  if (due.length === 0) return 0;
  await boss.insert(
    WEBHOOK_QUEUE,
    due.map((d) => ({ data: { deliveryId: d.id }, startAfter: d.next_attempt_at })),
  );
  return due.length;
}

export async function startWebhookWorker(deps: WebhookWorkerDeps): Promise<{ stop(): Promise<void> }> {
  const { db, boss } = deps;
  if (!(await boss.getQueue(WEBHOOK_QUEUE))) {
    // A handler that dies mid-attempt is retried by pg-boss; the delivery's own lock and due time
    // keep a retried job from posting twice.
    await boss.createQueue(WEBHOOK_QUEUE, { retryLimit: 3, retryDelay: 30, expireInSeconds: 120 });
  }
  const takeQueued = await workInSlots<{ deliveryId: number }>(boss, WEBHOOK_QUEUE, { slots: 8 }, (job) =>
    attemptDelivery(deps, job.data.deliveryId),
  );
  const dispatch = async () => {
    if ((await dispatchDeliveries(db, boss)) > 0) takeQueued();
  };
  const loops = [
    every(deps.dispatchEveryMs ?? 500, dispatch, deps.onError),
    every(2_000, () => feedProductSyncErrors(db), deps.onError),
  ];
  return {
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
      await boss.offWork(WEBHOOK_QUEUE).catch(() => {});
    },
  };
}

/**
 * The delivery log is kept 30 days after a delivery ends (dead letters included: a month to
 * notice and replay them); attempts go with their delivery.
 */
export async function purgeDeliveryLog(db: Db, days = 30): Promise<number> {
  const rows = await db.query(
    `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND finished_at < now() - make_interval(days => $1)
     RETURNING id`,
    [days],
  );
  return rows.length;
}

/** A loop that never overlaps itself: a slow database delays the next tick. */
export function every(ms: number, tick: () => Promise<unknown>, onError: (error: unknown) => void) {
  let busy: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (busy) return;
    busy = tick()
      .then(() => undefined, onError)
      .finally(() => {
        busy = undefined;
      });
  }, ms);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}
