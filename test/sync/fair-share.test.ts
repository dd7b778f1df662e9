/**
 * No seller's run keeps a worker slot while runs of others wait for one: a long run hands over
 * to a continuation queued behind them (and nothing owed is lost by it), a continuous run with
 * nothing owed stops lingering, and "others wait" is read from the queue, ignoring the run's
 * own pair.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBoss } from '../../src/jobs/boss.ts';
import { runSync } from '../../src/sync/runner.ts';
import { createSyncQueue, enqueueRun, othersWaiting } from '../../src/sync/scheduler.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;

before(async () => {
  world = await createWorld();
});
after(() => world.close());

const waiting = async () => true;

describe('sharing worker slots', () => {
  it('a long run hands over when others wait, and its continuation delivers the rest', async () => {
    const skus = Array.from({ length: 12 }, (_, i) => `FS-${i}`);
    for (const sku of skus) await connectedProduct(world, sku, 1);
    for (const [i, sku] of skus.entries())
      await world.api('PUT', `/products/${sku}`, { product: { qty: 20 + i } });
    const job = {
      connectionId: world.connectionId,
      resource: 'stock' as const,
      trigger: 'scheduled' as const,
    };
    const limits = { ...world.runner.limits, batchSize: 5, shareAfterMs: 0 };

    const shared = await runSync({ ...world.runner, limits, othersWaiting: waiting }, job);
    assert.equal(shared.more, true, 'handed over to a continuation');
    assert.ok(shared.counts.sent < skus.length, `${shared.counts.sent} sent before handing over`);
    const [row] = await world.t.db.query<{ note: string }>('SELECT note FROM sync_runs WHERE id = $1', [
      shared.runId,
    ]);
    assert.match(row!.note, /other runs were waiting/);

    const continuation = await runSync({ ...world.runner, limits }, { ...job, trigger: 'resume' });
    assert.equal(continuation.more, false);
    assert.equal(shared.counts.sent + continuation.counts.sent, skus.length);
    for (const [i, sku] of skus.entries()) assert.equal((await world.listing(sku)).stock, 20 + i, sku);
  });

  it('a continuous run with nothing owed stops lingering when others wait', { timeout: 30_000 }, async () => {
    // It would otherwise wait a minute for new changes, holding its slot.
    const limits = { ...world.runner.limits, lingerMs: 60_000 };
    const result = await runSync(
      { ...world.runner, limits, othersWaiting: waiting },
      { connectionId: world.connectionId, resource: 'price', trigger: 'continuous' },
    );
    assert.equal(result.status, 'succeeded');
    assert.equal(result.more, false);
  });

  it('others wait when a ready run of another pair is queued, not for the pair’s own', async () => {
    const boss = await startBoss(world.t.db, {
      schema: world.t.schema ? `${world.t.schema}_fairboss` : 'pgboss_fair',
      supervise: false,
    });
    try {
      await createSyncQueue(boss);
      const mine = { connectionId: world.connectionId, resource: 'stock' as const };
      const ask = othersWaiting(boss, mine);
      assert.equal(await ask(), false, 'an empty queue');
      await enqueueRun(boss, { ...mine, trigger: 'continuous' });
      assert.equal(await ask(), false, 'only the run’s own pair is queued');
      await enqueueRun(boss, { connectionId: world.connectionId, resource: 'price', trigger: 'scheduled' });
      assert.equal(await ask(), true, 'the price run of the same connection waits');
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});
