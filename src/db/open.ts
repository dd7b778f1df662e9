import { mkdir } from 'node:fs/promises';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
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
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  return openPglite(target.dataDir ? `${target.dataDir}/pglite` : undefined);
}
