import { type messages, PGlite, parse, protocol, type Transaction, types } from '@electric-sql/pglite';
import { type Db, type Queryable, type QueryOptions, translatedErrors } from './db.ts';

/** A PGlite database as Cais opens it, and its data folder as a gzipped archive (tests). */
export type PgliteDb = Db & { dumpDataDir(): Promise<Blob | File> };

/**
 * Opens PGlite in dataDir, or in memory when dataDir is undefined (tests). `loadDataDir` starts
 * from a saved copy of a database (tests reuse one migrated template instead of running initdb
 * and the migrations in every file). This runs PostgreSQL on the caller's thread; openDb runs it
 * on a thread of its own (pglite-thread.ts).
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PgliteDb> {
  return translatedErrors(await openPgliteUntranslated(dataDir, loadDataDir));
}

/**
 * The same, with the driver's errors as PGlite throws them: the database thread sends them to the
 * caller's, which translates them there (pglite-thread.ts).
 */
export async function openPgliteUntranslated(dataDir?: string, loadDataDir?: Blob): Promise<PgliteDb> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { [types.INT8]: Number, [types.NUMERIC]: Number },
    loadDataDir,
  });
  const prepared = preparedStatements(pglite);

  const asQueryable = (client: PGlite | Transaction): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      if (options?.prepare) return prepared.query<R>(client, sql, params ?? []);
      const result = await client.query<R>(sql, params as unknown[]);
      return result.rows;
    },
  });

  return {
    kind: 'pglite',
    ...asQueryable(pglite),
    transaction(fn) {
      return pglite.transaction((tx) => fn(asQueryable(tx)));
    },
    async exec(sql) {
      await pglite.exec(sql);
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
  };
}

interface Statement {
  name: string;
  /** The parameters' type oids, to serialize the values as PGlite's own query() does. */
  paramTypes: number[];
  /** The rows' columns; none for a statement that returns no rows. */
  rowDescription: messages.RowDescriptionMessage | undefined;
}

/**
 * Named prepared statements on PGlite (`{ prepare: true }`). PGlite's query() sends every
 * statement unnamed, so each call parses and plans it again: on a single stock write that is more
 * than half of the statement's cost. Here a statement is parsed and described once, then each
 * call is one Bind/Execute/Sync message, and PostgreSQL's plan cache keeps its plan.
 *
 * PGlite's protocol calls bypass its locks, so each call takes them as query() does: the
 * transaction lock and the query lock outside a transaction (no statement may land inside
 * someone else's open transaction), only the query lock inside one (the transaction holds the
 * other). Statements live in the session, outside transactions: a rollback keeps them.
 */
function preparedStatements(pglite: PGlite) {
  const statements = new Map<string, Statement>();
  let count = 0;

  /**
   * One protocol message, ending in a Sync: after an error PostgreSQL skips every message up
   * to the next Sync, so the session is ready for the next statement whatever happened.
   */
  async function send(...parts: Uint8Array[]): Promise<messages.BackendMessage[]> {
    return pglite.execProtocolStream(concat(...parts, protocol.serialize.sync()), { syncToFs: false });
  }

  async function prepare(sql: string): Promise<Statement> {
    const name = `cais_${++count}`;
    const answer = await send(
      protocol.serialize.parse({ name, text: sql }),
      protocol.serialize.describe({ type: 'S', name }),
    );
    const params = answer.find(
      (m): m is messages.ParameterDescriptionMessage => m.name === 'parameterDescription',
    );
    const rows = answer.find((m): m is messages.RowDescriptionMessage => m.name === 'rowDescription');
    const statement = { name, paramTypes: params?.dataTypeIDs ?? [], rowDescription: rows };
    statements.set(sql, statement);
    return statement;
  }

  function serialized(statement: Statement, params: readonly unknown[]): (string | null)[] {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serialize = pglite.serializers[statement.paramTypes[i]!];
      return serialize ? serialize(param) : String(param);
    });
  }

  async function execute<R>(statement: Statement, params: readonly unknown[]): Promise<R[]> {
    const answer = await send(
      protocol.serialize.bind({ statement: statement.name, values: serialized(statement, params) }),
      protocol.serialize.execute({}),
    );
    const described = statement.rowDescription ? [statement.rowDescription, ...answer] : answer;
    return parse.parseResults(described, pglite.parsers)[0]!.rows as R[];
  }

  /**
   * A stale statement (see isStale) is closed and forgotten, and prepared again by the next
   * call. Outside a transaction that call is this one, run again; inside one, the transaction
   * has failed and the error stands, as it does on PostgreSQL.
   */
  async function run<R>(sql: string, params: readonly unknown[], standalone: boolean): Promise<R[]> {
    const statement = statements.get(sql) ?? (await prepare(sql));
    try {
      return await execute<R>(statement, params);
    } catch (error) {
      if (!isStale(error)) throw error;
      statements.delete(sql);
      // A statement that could not be closed only takes memory: its name is never used again.
      await send(protocol.serialize.close({ type: 'S', name: statement.name })).catch(() => {});
      if (!standalone) throw error;
      return execute<R>(await prepare(sql), params);
    }
  }

  async function described<R>(work: Promise<R>, query: string, params: readonly unknown[]): Promise<R> {
    try {
      return await work;
    } catch (error) {
      // The statement and its parameters on the error, as PGlite's query() puts them.
      if (error instanceof Error && 'severity' in error) Object.assign(error, { query, params });
      throw error;
    }
  }

  return {
    async query<R>(client: PGlite | Transaction, sql: string, params: readonly unknown[]): Promise<R[]> {
      if (client instanceof PGlite) {
        await pglite._checkReady();
        return pglite._runExclusiveTransaction(() =>
          pglite._runExclusiveQuery(async () => {
            const rows = await described(run<R>(sql, params, true), sql, params);
            await pglite.syncToFs();
            return rows;
          }),
        );
      }
      if (client.closed) throw new Error('Transaction is closed');
      return pglite._runExclusiveQuery(() => described(run<R>(sql, params, false), sql, params));
    },
  };
}

/**
 * The prepared statement no longer exists (DEALLOCATE), or its result columns changed under it
 * (a table altered under `SELECT *`): PostgreSQL refuses it on every call until it is prepared
 * again. Neither error has executed anything.
 */
function isStale(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '26000' ||
    (e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? ''))
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
