/**
 * The one database interface of Cais: PostgreSQL through node-postgres, or PGlite (PostgreSQL
 * compiled to WebAssembly) in a local folder when no DATABASE_URL is given. Both run the same SQL.
 * Driver errors are translated here (see translateError) so no Postgres code leaks upward.
 */
import { conflict, unavailable } from '../errors.ts';

export type Row = Record<string, unknown>;

export interface QueryOptions {
  /**
   * Keep the statement prepared: on each connection (PostgreSQL), in the session (PGlite, where
   * it also saves the round trips of an unnamed statement). For hot statements whose planning
   * costs more than their execution. Not for catch-all filters, which need fresh plans. After
   * five calls PostgreSQL may keep a generic plan, which puts any array at 10 elements: mind the
   * join shapes of statements over arrays (see stock-price.ts).
   */
  prepare?: boolean;
}

export interface Queryable {
  /** One statement with `$n` parameters; returns its rows. */
  query<R = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** The shape pg-boss expects of a custom database (see jobs/boss.ts). */
  executeSql(sql: string, values?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown: the server is restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** Maps driver errors to CaisError kinds; anything unknown is rethrown as is (a bug, a 500). */
export function translateError(error: unknown): unknown {
  const e = error as DriverError;
  const code = e?.code ?? '';
  if (code === '23505') {
    return conflict('the value already exists', { code: 'duplicate', details: { constraint: e.constraint } });
  }
  if (code === '40001' || code === '40P01') {
    return unavailable('the database was busy, retry the request', { code: 'db_contention', retryAfter: 1 });
  }
  if (
    connectionErrorCodes.has(code) ||
    code.startsWith('08') ||
    /Connection terminated/i.test(e?.message ?? '')
  ) {
    return unavailable('the database is unavailable, retry later', {
      code: 'db_unavailable',
      retryAfter: 2,
      cause: error,
    });
  }
  return error;
}

/**
 * The same database with its driver errors translated (see translateError) on every call: what a
 * caller of query, transaction and exec catches is a CaisError or a bug. pg-boss reads executeSql's
 * errors as the driver throws them.
 */
export function translatedErrors<D extends Db>(db: D): D {
  const queryable = (client: Queryable): Queryable => ({
    query: (sql, params, options) => translated(client.query(sql, params, options)),
  });
  return {
    ...db,
    ...queryable(db),
    transaction: (fn) => translated(db.transaction((tx) => fn(queryable(tx)))),
    exec: (sql) => translated(db.exec(sql)),
  };
}

export async function translated<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw translateError(error);
  }
}
