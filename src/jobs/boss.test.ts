/**
 * A slot drains a backlog at the speed of its jobs: after each job it fetches the next at once,
 * and only an empty queue makes it wait for its poll. The poll is set to a minute here, so a slot
 * that waited it out after a job (pg-boss's own behaviour) could not finish the backlog before
 * the test gives up.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PgBoss } from 'pg-boss';
import { createTestDb, type TestDb } from '../../test/helpers.ts';
import { startBoss, workInSlots } from './boss.ts';

const QUEUE = 'slots-test';
let testDb: TestDb;
let boss: PgBoss;

before(async () => {
  testDb = await createTestDb();
  boss = await startBoss(testDb.db, {
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
