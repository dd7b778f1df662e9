/**
 * Real worker processes on one PostgreSQL (DESIGN §3.8): two workers share the runs, one is
 * killed with SIGKILL in the middle of a run, a third starts; every listing converges to the
 * latest value and no two runs of the same (connection, resource) ever overlapped.
 * PGlite is one process's database, so this needs DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { testSecretKey } from '../helpers.ts';
import { createWorld, type World } from './world.ts';

const ITEMS = 120;
const needsPostgres = process.env.DATABASE_URL
  ? false
  : 'needs PostgreSQL (DATABASE_URL): PGlite serves one process';

describe('workers as processes', { skip: needsPostgres }, () => {
  let world: World;
  const workers: ChildProcess[] = [];
  let itemIds: string[] = [];

  before(async () => {
    world = await createWorld();
    const { db } = world.t;
    // A catalog whose listings already exist at the simulator, all owing a stock send.
    itemIds = [];
    for (let i = 1; i <= ITEMS; i++) {
      const item = await world.control('POST', '/mercadolivre/listings', {
        sku: `P-${i}`,
        price: 10,
        available_quantity: 0,
      });
      itemIds.push(item.id);
    }
    await db.query(
      `INSERT INTO products (account_id, sku, name, qty, price) SELECT $1, 'P-' || g, 'p', g, 10 FROM generate_series(1, $2) g`,
      [world.t.seller.accountId, ITEMS],
    );
    await db.query(
      `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, stock_seq, stock_done_seq)
       SELECT $1, $2, p.id, 'green', x.id, 2, 1
         FROM unnest($3::text[]) WITH ORDINALITY AS x(id, n) JOIN products p ON p.sku = 'P-' || x.n AND p.account_id = $1`,
      [world.t.seller.accountId, world.connectionId, itemIds],
    );
    // Slow enough (40 writes/s) that a run is still going when a worker is killed.
    await db.query(
      `UPDATE connections SET rate_limits = '{"stock": {"perSecond": 40, "burst": 4}}' WHERE id = $1`,
      [world.connectionId],
    );
  });

  after(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await world.close();
  });

  function startWorkerProcess(): ChildProcess {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${world.t.schema}`);
    const child = spawn(process.execPath, ['src/main.ts', 'work'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        CAIS_SECRET_KEY: testSecretKey,
        CAIS_JOB_SCHEMA: `${world.t.schema}_boss`,
        CAIS_SYNC_LEASE_SECONDS: '2',
        CAIS_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  }

  async function until<T>(
    what: string,
    probe: () => Promise<T | undefined | false>,
    ms = 60_000,
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('converges after a worker is killed mid-run, with no overlapping runs', async () => {
    const first = startWorkerProcess();
    const second = startWorkerProcess();
    const schedule = await world.api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '1m' },
    });
    assert.equal(schedule.status, 201);

    // Wait for a run to be under way, then kill the process holding its lease.
    const holder = await until('a run holding the lease', async () => {
      const [row] = await world.t.db.query<{ holder: string }>(
        'SELECT holder FROM sync_leases WHERE connection_id = $1',
        [world.connectionId],
      );
      const writes = await world.control('GET', '/writes?channel=mercadolivre&limit=1');
      return row && writes.last_seq > 20 ? row.holder : undefined;
    });
    const pid = Number(holder.split('-')[0]);
    const victim = [first, second].find((w) => w.pid === pid);
    assert.ok(victim, `the lease holder ${holder} is one of our workers`);
    victim.kill('SIGKILL');
    startWorkerProcess();

    // The ERP keeps pushing while this happens.
    const bulk = await world.api(
      'PUT',
      '/stocks',
      Array.from({ length: 30 }, (_, k) => ({ sku: `P-${k + 1}`, qty: 1000 + k })),
    );
    assert.equal(bulk.body.summary.updated, 30);
    // The schedule fires every minute; queue a run now so the test does not wait for it.
    await world.t.db.query(`UPDATE sync_targets SET next_run_at = now() WHERE connection_id = $1`, [
      world.connectionId,
    ]);

    const expected = (i: number) => (i <= 30 ? 1000 + i - 1 : i);
    await until(
      'every listing at its latest value',
      async () => {
        const live = await world.control('GET', '/mercadolivre/listings?limit=1000');
        const list: { sku: string; stock: number }[] = Array.isArray(live)
          ? live
          : (live.listings ?? live.results);
        const bySku = new Map(list.map((l) => [l.sku, l.stock]));
        return Array.from({ length: ITEMS }, (_, k) => k + 1).every(
          (i) => bySku.get(`P-${i}`) === expected(i),
        );
      },
      90_000,
    );

    const runs = await world.t.db.query<{
      id: number;
      status: string;
      started_at: Date;
      finished_at: Date | null;
    }>(
      `SELECT id, status, started_at, finished_at FROM sync_runs WHERE connection_id = $1 AND resource = 'stock' ORDER BY started_at`,
      [world.connectionId],
    );
    const finished = runs.filter(
      (r) => r.finished_at && r.status !== 'interrupted' && r.status !== 'skipped',
    );
    for (let k = 1; k < finished.length; k++) {
      assert.ok(
        finished[k]!.started_at >= finished[k - 1]!.finished_at!,
        `run ${finished[k]!.id} started before run ${finished[k - 1]!.id} ended`,
      );
    }
  });
});
