import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { CaisError } from '../errors.ts';
import { DatabaseThread, openOnThread, openPgliteThread } from './pglite-thread.ts';

// What PGlite on its own thread changes for a caller; pglite.test.ts runs the statements' own
// behaviour (types, transactions, errors) on both threads.

test('while the database executes a statement, the caller’s thread goes on with its own work', async () => {
  const db = await openPgliteThread();
  try {
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    // pg_sleep blocks the thread PostgreSQL runs on: in-process, no timer could fire meanwhile.
    await db.query('SELECT pg_sleep(0.5)');
    clearInterval(ticking);
    assert.ok(ticks >= 5, `the caller’s timers fired ${ticks} times during a 500 ms statement`);
  } finally {
    await db.close();
  }
});

test('a transaction begins with its first statement: one without any answers its value and holds nothing', async () => {
  const db = await openPgliteThread();
  try {
    assert.equal(await db.transaction(async () => 7), 7);
    await assert.rejects(
      db.transaction(async () => {
        throw new Error('before any statement');
      }),
      /before any statement/,
    );
    // Nothing was left open: a statement outside any transaction, and another transaction, run.
    assert.deepEqual(await db.query('SELECT 1 AS n'), [{ n: 1 }]);
    assert.deepEqual(await db.transaction((tx) => tx.query('SELECT 2 AS n')), [{ n: 2 }]);
  } finally {
    await db.close();
  }
});

test('a database thread that dies fails its calls as unavailable, at once and from then on', async () => {
  // Stands in for PGlite aborting (an out-of-memory WebAssembly trap): it opens, then throws on
  // the first statement, which ends the thread.
  const dying = new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (m) => {
       if (m.op !== 'open') throw new Error('RuntimeError: unreachable');
       parentPort.postMessage({ id: m.id, value: undefined });
     });`,
    { eval: true },
  );
  const db = await openOnThread(new DatabaseThread(dying));
  for (const attempt of ['in flight', 'after']) {
    const error = await db.query('SELECT 1').catch((e: unknown) => e);
    assert.ok(error instanceof CaisError, `${attempt}: ${String(error)}`);
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.code, 'db_unavailable');
    assert.match(String((error.cause as Error).message), /RuntimeError: unreachable/);
  }
  await db.close().catch(() => {});
});

test('a data folder opened on the thread keeps what was written after it is closed and opened again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cais-pglite-thread-'));
  try {
    const first = await openPgliteThread(dir);
    await first.exec('CREATE TABLE kept (sku text PRIMARY KEY, qty int NOT NULL)');
    await first.transaction((tx) => tx.query('INSERT INTO kept VALUES ($1, $2)', ['A-1', 3]));
    await first.close();
    const again = await openPgliteThread(dir);
    assert.deepEqual(await again.query('SELECT sku, qty FROM kept'), [{ sku: 'A-1', qty: 3 }]);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a process whose work is done exits: an idle database thread does not hold it open', async () => {
  const script = `
    import { openPgliteThread } from ${JSON.stringify(new URL('./pglite-thread.ts', import.meta.url).href)};
    const db = await openPgliteThread();
    console.log(JSON.stringify(await db.query('SELECT 40 + 2 AS n')));
    await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (exitCode) => {
      clearTimeout(kill);
      resolve(exitCode);
    });
  });
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), [{ n: 42 }]);
});
