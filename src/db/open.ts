import { mkdir } from 'node:fs/promises';
import { lockDataDir } from './data-dir-lock.ts';
import type { Db } from './db.ts';
import { openPgliteThread } from './pglite-thread.ts';
import { openPostgres } from './postgres.ts';

export interface DbTarget {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; undefined with no databaseUrl means in memory. */
  dataDir?: string | undefined;
  schema?: string | undefined;
  poolSize?: number | undefined;
}

export async function openDb(target: DbTarget): Promise<Db> {
  if (target.databaseUrl) {
    return openPostgres({ url: target.databaseUrl, schema: target.schema, max: target.poolSize });
  }
  if (!target.dataDir) return openPgliteThread(undefined);
  await mkdir(target.dataDir, { recursive: true });
  const unlock = await lockDataDir(target.dataDir);
  try {
    const db = await openPgliteThread(`${target.dataDir}/pglite`);
    return { ...db, close: () => db.close().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}
