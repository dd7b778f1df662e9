/**
 * pg-boss on Cais's own database (PGlite or PostgreSQL), so queues, schedules and singleton keys
 * live where the data lives and every worker process shares them.
 */
import { PgBoss } from 'pg-boss';
import type { Db } from '../db/db.ts';

export interface BossOptions {
  /** pg-boss's own schema; tests give each database schema its own. */
  schema?: string | undefined;
  onError?: (error: Error) => void;
  /** Maintenance and cron: on in workers; an API-only process just sends jobs. */
  supervise?: boolean | undefined;
}

export async function startBoss(db: Db, options: BossOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (sql: string, values?: unknown[]) => db.executeSql(sql, values) },
    schema: options.schema ?? 'pgboss',
    supervise: options.supervise ?? true,
    schedule: options.supervise ?? true,
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', options.onError ?? (() => {}));
  await boss.start();
  return boss;
}
