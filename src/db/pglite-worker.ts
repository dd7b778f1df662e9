/**
 * The database thread's body (see pglite-thread.ts): one PGlite session, and the transactions the
 * main thread has open on it. Each message is answered once, with a value or an error's fields.
 */
import { parentPort } from 'node:worker_threads';
import type { Db, Queryable } from './db.ts';
import { openPgliteUntranslated } from './pglite.ts';
import type { RemoteError, Reply, Request } from './pglite-thread.ts';

const port = parentPort!;
let db: Db | undefined;

interface OpenTransaction {
  /** The transaction's queryable once PGlite has begun it (it waits for its lock first). */
  begun: Promise<Queryable>;
  /** Ends the transaction: true commits, false rolls back. */
  decide(commit: boolean): void;
  /** Settles when the transaction has committed or rolled back. */
  done: Promise<unknown>;
}
/** By the number the main thread gave each; a transaction begins with its first statement. */
const transactions = new Map<number, OpenTransaction>();

/** Thrown inside a transaction the main thread rolls back, so PGlite's transaction() rolls back. */
const rollback = new Error('rolled back by the caller');

port.on('message', (message: Request & { id: number }) => {
  handle(message).then(
    (value) => answer({ id: message.id, value }),
    (error: unknown) => answer({ id: message.id, error: fields(error) }),
  );
});

async function handle(request: Request & { id: number }): Promise<unknown> {
  if (request.op === 'open') {
    db = await openPgliteUntranslated(request.dataDir, request.loadDataDir);
    return undefined;
  }
  const open = db!;
  switch (request.op) {
    case 'query': {
      const on = request.tx === 0 ? open : await transaction(request.tx, request.begin, open);
      return on.query(request.sql, request.params, { prepare: request.prepare });
    }
    case 'commit':
    case 'rollback':
      return end(request.tx, request.op === 'commit');
    case 'exec':
      return open.exec(request.sql);
    case 'executeSql':
      return open.executeSql(request.sql, request.values);
    case 'close':
      await open.close();
      // Answered first, then the thread ends on its own: nothing keeps its loop running.
      setImmediate(() => port.close());
      return undefined;
  }
}

/** The open transaction `tx`, begun first when this is its first statement. */
function transaction(tx: number, first: boolean, open: Db): Promise<Queryable> {
  const entry = first ? begin(tx, open) : transactions.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  return entry.begun;
}

function begin(tx: number, open: Db): OpenTransaction {
  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let begun!: (tx: Queryable) => void;
  let failed!: (error: unknown) => void;
  const entry: OpenTransaction = {
    begun: new Promise((resolve, reject) => {
      begun = resolve;
      failed = reject;
    }),
    decide,
    done: Promise.resolve(),
  };
  transactions.set(tx, entry);
  entry.done = open
    .transaction(async (queryable) => {
      begun(queryable);
      if (!(await decided)) throw rollback;
    })
    .finally(() => transactions.delete(tx));
  // A transaction that could not begin fails its first statement (and any sent after it).
  entry.done.catch(failed);
  return entry;
}

async function end(tx: number, commit: boolean): Promise<void> {
  const entry = transactions.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  entry.decide(commit);
  try {
    await entry.done;
  } catch (error) {
    if (error !== rollback) throw error;
  }
}

function answer(reply: Reply): void {
  try {
    port.postMessage(reply);
  } catch (error) {
    // A value that cannot be cloned (no row Cais reads): the caller learns why instead of waiting.
    port.postMessage({ id: reply.id, error: fields(error) });
  }
}

/** An error's own plain fields (PGlite's: code, constraint, severity, detail, position, ...). */
function fields(error: unknown): RemoteError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) own[key] = value;
  }
  return { ...own, name: error.name, message: error.message, stack: error.stack };
}
