/**
 * Operable workers: a run that fails in a worker is recorded `failed` with its error and logged
 * as one JSON line, in the same pino shape as the API's, with the stack, the cause and what it
 * concerned (run id, connection, account); pg-boss then retries the job.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startBoss } from '../../src/jobs/boss.ts';
import { createLogger, errorLogger } from '../../src/logger.ts';
import { enqueueRun } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/worker.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
let worker: Worker;
let boss: Awaited<ReturnType<typeof startBoss>>;
const lines: Record<string, any>[] = [];

before(async () => {
  world = await createWorld();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  boss = await startBoss(world.t.db, { schema: world.t.schema ? `${world.t.schema}_boss` : undefined });
  worker = await startWorker({
    db: world.t.db,
    boss,
    cipher: world.runner.cipher,
    onError: errorLogger(createLogger({ logLevel: 'info' }, sink)),
    limits: world.runner.limits,
  });
  world.attachQueue((data) => enqueueRun(boss, data));
});

after(async () => {
  await worker.stop();
  await boss.stop({ graceful: false });
  await world.close();
});

describe('worker errors', () => {
  it('a failing run is logged as JSON with its stack, run id, connection and account, and recorded failed', async () => {
    await connectedProduct(world, 'LOG-1', 2);
    await world.api('PUT', '/products/LOG-1', { product: { qty: 5 } });
    // The run's reservations read fails: a database the run cannot use.
    await world.t.db.query('ALTER TABLE order_reservations RENAME TO order_reservations_gone');
    await enqueueRun(boss, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
    const line = await until(() => lines.find((l) => l.msg === 'sync run failed'));
    await world.t.db.query('ALTER TABLE order_reservations_gone RENAME TO order_reservations');

    assert.equal(line.level, 50, 'pino level error');
    assert.equal(line.connectionId, world.connectionId);
    assert.equal(line.accountId, world.t.seller.accountId);
    assert.equal(typeof line.runId, 'number');
    assert.equal(line.resource, 'stock');
    assert.match(line.err.message, /order_reservations/);
    assert.match(line.err.stack, /at /, 'the stack is kept');
    assert.equal(
      line.err.params,
      undefined,
      `a statement parameters are not logged: ${Object.keys(line.err)}`,
    );
    const runs = await world.api('GET', `/sync/runs?connection_id=${world.connectionId}&resource=stock`);
    const failed = runs.body.runs.find((r: { id: number }) => r.id === line.runId);
    assert.equal(failed.status, 'failed');
    assert.match(failed.note, /order_reservations/);
  });
});

describe('the worker logger', () => {
  it("keeps an error's cause chain", () => {
    const seen: Record<string, any>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        seen.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = errorLogger(createLogger({ logLevel: 'info' }, sink));
    log(new Error('the run could not read its listings', { cause: new Error('connection reset') }), {
      msg: 'sync run failed',
      runId: 7,
    });
    assert.equal(seen[0]!.runId, 7);
    assert.match(seen[0]!.err.message, /could not read its listings/);
    assert.match(JSON.stringify(seen[0]!.err), /connection reset/);
  });
});

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no such log line; saw ${JSON.stringify(lines)}`);
}
