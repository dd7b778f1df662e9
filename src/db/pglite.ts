import { PGlite, types } from '@electric-sql/pglite';
import { type Db, type Queryable, translated } from './db.ts';

/**
 * Opens PGlite in dataDir, or in memory when dataDir is undefined (tests). `loadDataDir` starts
 * from a saved copy of a database (tests reuse one migrated template instead of running initdb
 * and the migrations in every file).
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: Number, [types.NUMERIC]: Number },
    loadDataDir,
  });

  const asQueryable = (client: Pick<PGlite, 'query'>): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await translated(client.query<R>(sql, params as unknown[]));
      return result.rows;
    },
  });

  return {
    kind: 'pglite',
    ...asQueryable(pglite),
    transaction(fn) {
      return translated(pglite.transaction((tx) => fn(asQueryable(tx))));
    },
    async exec(sql) {
      await translated(pglite.exec(sql));
    },
    async executeSql(sql, values) {
      if (values && values.length > 0) return pglite.query(sql, values);
      // pg-boss sends multi-statement scripts and reads the rows of every statement, as
      // node-postgres returns them: one result for one statement, an array for several.
      const results = await pglite.exec(sql);
      return results.length === 1 ? results[0] : results;
    },
    async close() {
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
  } as Db & { dumpDataDir(): Promise<Blob | File> };
}
