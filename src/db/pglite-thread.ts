import { Worker } from 'node:worker_threads';
import type { Db, Queryable, QueryOptions } from './db.ts';
import { translatedErrors } from './db.ts';

/**
 * PGlite on a thread of its own. PGlite is PostgreSQL compiled to WebAssembly: it runs on the
 * thread that calls it, so in one process the database, the HTTP server and the worker's runs all
 * took turns on one core. Here the database runs on a worker thread and every call is a message:
 * while PostgreSQL executes one request's statement, the main thread parses, validates and answers
 * the others, and a machine's second core does work.
 *
 * The thread holds the one PGlite session (pglite-worker.ts); a transaction is opened there by its
 * first statement and each of its statements names it, so statements of other callers wait, as
 * they do in-process. Errors cross as their fields (a structured clone keeps only an Error's message) and are
 * translated here, on the caller's side, as every driver error is (db.ts).
 */
export async function openPgliteThread(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  return openOnThread(new DatabaseThread(), dataDir, loadDataDir);
}

/** The same on a given thread (tests give one that fails). */
export async function openOnThread(
  thread: DatabaseThread,
  dataDir?: string,
  loadDataDir?: Blob,
): Promise<Db> {
  try {
    await thread.call({ op: 'open', dataDir, loadDataDir });
  } catch (error) {
    await thread.stop();
    throw error;
  }
  return translatedErrors(threadDb(thread));
}

/**
 * What the main thread asks of the database thread. `tx` 0 is outside any transaction; a
 * transaction begins with its first statement (`begin`), which saves it a round trip.
 */
export type Request =
  | { op: 'open'; dataDir: string | undefined; loadDataDir: Blob | undefined }
  | {
      op: 'query';
      sql: string;
      params: readonly unknown[] | undefined;
      prepare: boolean;
      tx: number;
      begin: boolean;
    }
  | { op: 'commit' | 'rollback'; tx: number }
  | { op: 'exec'; sql: string }
  | { op: 'executeSql'; sql: string; values: unknown[] | undefined }
  | { op: 'close' };

export type Reply = { id: number; value: unknown } | { id: number; error: RemoteError };

/** A driver error's own fields (code, constraint, severity, detail…), with its name and message. */
export type RemoteError = Record<string, unknown> & { name: string; message: string; stack?: string };

function threadDb(thread: DatabaseThread): Db {
  let transactions = 0;
  const query =
    (tx: number, first: () => boolean): Queryable['query'] =>
    async (sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      (await thread.call({
        op: 'query',
        sql,
        params,
        prepare: options?.prepare === true,
        tx,
        begin: first(),
      })) as never[];
  return {
    kind: 'pglite',
    query: query(0, () => false),
    async transaction(fn) {
      const tx = ++transactions;
      let begun = false;
      // The first statement begins the transaction on the thread, whichever of several it is.
      const first = () => {
        if (begun) return false;
        begun = true;
        return true;
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn({ query: query(tx, first) });
      } catch (error) {
        // The statement that failed, or fn's own error, is what the caller needs to see.
        if (begun) await thread.call({ op: 'rollback', tx }).catch(() => {});
        throw error;
      }
      if (begun) await thread.call({ op: 'commit', tx });
      return result;
    },
    async exec(sql) {
      await thread.call({ op: 'exec', sql });
    },
    executeSql: (sql, values) => thread.call({ op: 'executeSql', sql, values }),
    async close() {
      await thread.call({ op: 'close' }).finally(() => thread.stop());
    },
  };
}

/** The worker thread and the calls it has not answered yet. */
export class DatabaseThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #next = 0;
  /** Set once the thread has stopped: every call from then on fails with it. */
  #lost: Error | undefined;

  // No inherited flags: the test runner's would make the thread a test file of its own.
  constructor(worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { execArgv: [] })) {
    this.#worker = worker;
    // An idle database does not keep the process alive; a call in flight does (see call).
    this.#worker.unref();
    this.#worker.on('message', (reply: Reply) => this.#settle(reply));
    this.#worker.on('error', (error) =>
      this.#fail(lostError(`the database stopped: ${error.message}`, error)),
    );
    this.#worker.on('exit', (code) => this.#fail(lostError(`the database thread exited (code ${code})`)));
  }

  call(request: Request): Promise<unknown> {
    if (this.#lost) return Promise.reject(this.#lost);
    const id = ++this.#next;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#worker.postMessage({ id, ...request });
      } catch (error) {
        // A parameter that cannot be cloned (a function, say): refused here, nothing was sent.
        this.#settle({ id, error: { name: 'TypeError', message: (error as Error).message } });
      }
    });
  }

  async stop(): Promise<void> {
    this.#lost ??= lostError('the database is closed');
    await this.#worker.terminate();
  }

  #settle(reply: Reply): void {
    const call = this.#pending.get(reply.id);
    if (!call) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ('error' in reply) call.reject(rebuiltError(reply.error));
    else call.resolve(reply.value);
  }

  /** An aborted WebAssembly module does not come back: the process must be restarted. */
  #fail(error: Error): void {
    this.#lost ??= error;
    for (const call of this.#pending.values()) call.reject(this.#lost);
    this.#pending.clear();
  }
}

/** crash_shutdown: translateError makes it a 503 with a retry hint, as a lost server would be. */
function lostError(message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code: '57P02' });
}

function rebuiltError(remote: RemoteError): Error {
  const { name, message, stack, ...fields } = remote;
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}
