/**
 * Slots drain a backlog at the speed of their jobs, and an empty queue costs one question per
 * poll, not one per slot. Polls are set long here wherever waiting one out would make a test give
 * up, so each behaviour is what the slots do themselves, not pg-boss's timer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PgBoss } from 'pg-boss';
import { createTestDb, type TestDb } from '../../test/helpers.ts';
import type { Db } from '../db/db.ts';
import { startBoss, workInSlots } from './boss.ts';

const QUEUE = 'slots-test';
let testDb: TestDb;
let boss: PgBoss;
/** pg-boss's fetches of a job from QUEUE so far: each is one statement that claims jobs. */
let fetches = 0;

before(async () => {
  testDb = await createTestDb();
  const counted: Db = Object.create(testDb.db, {
    executeSql: {
      value: (sql: string, values?: unknown[]) => {
        if (/WITH\s+next AS/.test(sql) && sql.includes(`'${QUEUE}'`)) fetches++;
        return testDb.db.executeSql(sql, values);
      },
    },
  });
  boss = await startBoss(counted, {
    schema: testDb.schema ? `${testDb.schema}_boss` : 'pgboss_slots',
    supervise: false,
  });
  await boss.createQueue(QUEUE);
});
after(async () => {
  await boss.stop({ graceful: false });
  await testDb.close();
});

async function until(what: () => string, done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('one slot takes a queued backlog job after job, without waiting for its poll between them', async () => {
  const jobs = 6;
  for (let n = 1; n <= jobs; n++) await boss.send(QUEUE, { n });
  const handled: number[] = [];
  await workInSlots<{ n: number }>(boss, QUEUE, { slots: 1, pollSeconds: 60 }, async (job) => {
    handled.push(job.data.n);
  });
  await until(
    () => `${jobs} jobs (handled: ${handled.join(', ')})`,
    () => handled.length === jobs,
    20_000,
  );
  assert.deepEqual([...handled].sort(), [1, 2, 3, 4, 5, 6]);
  await boss.offWork(QUEUE);
});

test('eight idle slots ask an empty queue once per poll between them, not once each', async () => {
  await workInSlots(boss, QUEUE, { slots: 8, pollSeconds: 0.5 }, async () => {});
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = fetches;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const asked = fetches - before;
  // Six polls in three seconds; eight slots polling on their own would ask 48 times.
  assert.ok(asked >= 3 && asked <= 12, `the queue was asked ${asked} times in 3 s`);
  await boss.offWork(QUEUE);
});

test('a backlog fills every slot at once, though idle slots would wait a minute on their own', async () => {
  const slots = 4;
  let running = 0;
  let most = 0;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  for (let n = 1; n <= slots; n++) await boss.send(QUEUE, { n });
  await workInSlots<{ n: number }>(boss, QUEUE, { slots, pollSeconds: 0.5, idleSeconds: 60 }, async () => {
    running++;
    most = Math.max(most, running);
    await released;
    running--;
  });
  await until(
    () => `${slots} jobs running together (at most ${most} were)`,
    () => most === slots,
    10_000,
  );
  release();
  await boss.offWork(QUEUE);
});

test('a job this process queued is taken at once when it says so, without waiting for the poll', async () => {
  let handled = 0;
  const takeQueued = await workInSlots(
    boss,
    QUEUE,
    { slots: 2, pollSeconds: 60, idleSeconds: 60 },
    async () => {
      handled++;
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // the slots' first fetch found nothing
  await boss.send(QUEUE, { n: 1 });
  takeQueued();
  await until(
    () => 'the queued job',
    () => handled === 1,
    10_000,
  );
  await boss.offWork(QUEUE);
});
