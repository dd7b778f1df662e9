import { createHash } from 'node:crypto';
import pg from 'pg';
import { type Db, type Queryable, type QueryOptions, translated } from './db.ts';

const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `cais_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

// int8 (counts, ids, versions) and numeric (money) come back as strings by default; every
// value Cais keeps fits in a double, so they are parsed once here for both drivers alike.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    // Their arrays too (a schedule's connection_ids is bigint[]), as PGlite answers them.
    if (oid === 1016 || oid === 1231) {
      const parseArray = pg.types.getTypeParser(oid as number, format) as (
        value: string,
      ) => (string | null)[];
      return (value: string) => parseArray(value).map((item) => (item === null ? null : Number(item)));
    }
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  url: string;
  /** A schema to work in (tests use one per file); created when missing. */
  schema?: string;
  max?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    types,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // A dropped idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  if (options.schema) await translated(pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`));

  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const name = options?.prepare ? statementName(sql) : undefined;
      const result = await translated(client.query({ text: sql, values: params as unknown[], name }));
      return result.rows as R[];
    },
  });

  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await translated(pool.connect());
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await translated(client.query('COMMIT'));
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await translated(pool.query(sql));
    },
    executeSql(sql, values) {
      return pool.query(sql, values);
    },
    async close() {
      await pool.end();
    },
  };
}
