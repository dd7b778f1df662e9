/** Schedules over the API, and the worker delivering on them (pg-boss on the test database). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBoss } from '../../src/jobs/boss.ts';
import { enqueueRun } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/worker.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('schedules API', () => {
  it('creates a schedule with its next runs, lists it, and refuses PATCH with a reason', async () => {
    const created = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock', 'price'], every: '15m' },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.schedule.every, '15m');
    assert.equal(created.body.schedule.next_runs.length, 2);
    const listed = await world.api('GET', '/sync/schedules');
    assert.ok(listed.body.schedules.some((s: { id: number }) => s.id === created.body.schedule.id));
    const patch = await world.api('PATCH', `/sync/schedules/${created.body.schedule.id}`, {
      schedule: { every: '5m' },
    });
    assert.equal(patch.status, 409);
    assert.match(patch.body.error, /replace it with PUT/);
    await world.api('DELETE', `/sync/schedules/${created.body.schedule.id}`);
  });

  it('replaces a schedule atomically and keeps the old one in history', async () => {
    const first = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '30m' },
    });
    const replaced = await world.api('PUT', `/sync/schedules/${first.body.schedule.id}`, {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '5m' },
    });
    assert.equal(replaced.status, 200);
    assert.notEqual(replaced.body.schedule.id, first.body.schedule.id);
    const old = await world.api('GET', `/sync/schedules/${first.body.schedule.id}`);
    assert.equal(old.body.schedule.status, 'cancelled');
    assert.equal(old.body.schedule.replaced_by, replaced.body.schedule.id);
    const cancelled = await world.api('GET', '/sync/schedules?status=cancelled');
    assert.ok(cancelled.body.schedules.some((s: { id: number }) => s.id === first.body.schedule.id));
    await world.api('DELETE', `/sync/schedules/${replaced.body.schedule.id}`);
  });

  it('lets the most frequent of overlapping schedules win', async () => {
    const slow = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '24h' },
    });
    const fast = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '5m' },
    });
    const detail = await world.api('GET', `/sync/schedules/${fast.body.schedule.id}`);
    assert.equal(detail.body.schedule.next_runs.length, 1, 'the 5m schedule drives stock');
    const slowDetail = await world.api('GET', `/sync/schedules/${slow.body.schedule.id}`);
    assert.equal(slowDetail.body.schedule.next_runs.length, 0);
    await world.api('DELETE', `/sync/schedules/${fast.body.schedule.id}`);
    const after = await world.api('GET', `/sync/schedules/${slow.body.schedule.id}`);
    assert.equal(
      after.body.schedule.next_runs.length,
      1,
      'cancelling the faster one hands over to the slower',
    );
    await world.api('DELETE', `/sync/schedules/${slow.body.schedule.id}`);
  });

  it('refuses bad schedules with a message naming the field', async () => {
    const cases = [
      [{ connections: [world.connectionId], resources: ['stock'], every: '7m' }, /schedule\.every/],
      [{ connections: [], resources: ['stock'], every: '5m' }, /schedule\.connections/],
      [{ connections: [world.connectionId], resources: ['shoes'], every: '5m' }, /schedule\.resources\[0\]/],
      [{ connections: [987654], resources: ['stock'], every: '5m' }, /connection 987654 not found/],
    ] as const;
    for (const [schedule, message] of cases) {
      const res = await world.api('POST', '/sync/schedules', { schedule });
      assert.ok(res.status >= 400 && res.status < 500, JSON.stringify(res.body));
      assert.match(res.body.error, message);
    }
  });
});

describe('the worker', () => {
  let worker: Worker;
  let stopBoss: () => Promise<void>;
  before(async () => {
    const boss = await startBoss(world.t.db, {
      schema: world.t.schema ? `${world.t.schema}_boss` : undefined,
    });
    worker = await startWorker({
      db: world.t.db,
      boss,
      cipher: world.runner.cipher,
      onError: (e) => console.error(e),
      limits: world.runner.limits,
    });
    stopBoss = () => boss.stop({ graceful: false });
    world.attachQueue((data) => enqueueRun(boss, data));
  });
  after(async () => {
    await worker.stop();
    await stopBoss();
  });

  it('without a schedule, a change waits, and the explain answer says why', async () => {
    await connectedProduct(world, 'WAIT-1', 3);
    await world.api('PUT', '/products/WAIT-1', { product: { qty: 4 } });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await world.listing('WAIT-1')).stock, 3, 'nothing is relayed without a schedule');
    const explain = await world.api('GET', '/products/WAIT-1/sync_status');
    const stock = explain.body.listings[0].stock;
    assert.equal(stock.pending, true);
    assert.equal(stock.waiting_for.code, 'no_schedule');
    assert.equal(stock.erp_value, 4);
  });

  it('a schedule delivers the change on its run, and the run is recorded', async () => {
    const schedule = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '1m' },
    });
    await until('stock 4 at the simulator', async () => (await world.listing('WAIT-1')).stock === 4);
    const runs = await until('a finished run', async () => {
      const res = await world.api('GET', `/sync/runs?schedule_id=${schedule.body.schedule.id}`);
      return res.body.runs.find((r: { status: string }) => r.status === 'succeeded');
    });
    assert.equal(runs.trigger, 'scheduled');
    assert.ok(runs.sent >= 1);
    const explain = await world.api('GET', '/products/WAIT-1/sync_status');
    assert.equal(explain.body.listings[0].stock.waiting_for.code, 'up_to_date');
    await world.api('PUT', '/products/WAIT-1', { product: { qty: 2 } });
    const next = await world.api('GET', '/products/WAIT-1/sync_status');
    assert.equal(next.body.listings[0].stock.waiting_for.code, 'next_run');
    await world.api('DELETE', `/sync/schedules/${schedule.body.schedule.id}`);
  });

  it('continuous mode delivers each change within seconds', async () => {
    await connectedProduct(world, 'LIVE-1', 1);
    const schedule = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: 'continuous' },
    });
    for (const qty of [5, 6, 7]) {
      const started = Date.now();
      await world.api('PUT', '/products/LIVE-1', { product: { qty } });
      await until(`stock ${qty}`, async () => (await world.listing('LIVE-1')).stock === qty, 5_000);
      assert.ok(Date.now() - started < 5_000);
    }
    await world.api('DELETE', `/sync/schedules/${schedule.body.schedule.id}`);
  });

  it('"run now" queues the schedule at once', async () => {
    await connectedProduct(world, 'NOW-1', 1);
    const schedule = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['price'], every: '24h' },
    });
    await until(
      'the first run',
      async () =>
        (await world.api('GET', `/sync/runs?schedule_id=${schedule.body.schedule.id}`)).body.runs.length > 0,
    );
    await world.api('PUT', '/products/NOW-1', { product: { price: 77.7 } });
    const run = await world.api('POST', `/sync/schedules/${schedule.body.schedule.id}/run`);
    assert.equal(run.status, 202);
    assert.equal(run.body.runs[0].resource, 'price');
    await until('price 77.7 at the simulator', async () => (await world.listing('NOW-1')).price === 77.7);
    // The run finishes (and records its outcome) just after its last write reached the simulator.
    await until('the manual run recorded as succeeded', async () => {
      const runs = await world.api(
        'GET',
        `/sync/runs?schedule_id=${schedule.body.schedule.id}&trigger=manual`,
      );
      return runs.body.runs[0]?.status === 'succeeded';
    });
    await world.api('DELETE', `/sync/schedules/${schedule.body.schedule.id}`);
  });
});
