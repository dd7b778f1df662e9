/**
 * The worker role: background work shared through pg-boss. Sync runs and order imports register
 * their queues here as they land; for now it keeps the database tidy.
 */
import type { PgBoss } from 'pg-boss';
import type { Db } from './db/db.ts';

const HOUSEKEEPING = 'housekeeping';

export async function startWorker(db: Db, boss: PgBoss): Promise<void> {
  await boss.createQueue(HOUSEKEEPING);
  await boss.schedule(HOUSEKEEPING, '17 * * * *');
  await boss.work(HOUSEKEEPING, async () => {
    await purgeIdempotencyKeys(db);
  });
}

/** Idempotency keys are honoured for 24 hours, as most payment APIs do. */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const rows = await db.query(
    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours' RETURNING key",
  );
  return rows.length;
}
