/**
 * The one run lifecycle (src/sync/lifecycle.ts), as a seller would notice it: a manual sync never
 * races a scheduled run in the same process, a rule saved during a continuous run reaches the
 * marketplace, a run that lost its lease stops calling and records nothing, a run that throws is
 * `failed` with its error, a catalog run outlives its lease, and an early token refresh that
 * fails for a passing reason keeps the token that still works.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Credentials } from '../../src/channels/adapter.ts';
import { runCatalog } from '../../src/sync/catalog-run.ts';
import { runSync } from '../../src/sync/runner.ts';
import { interruptStaleRuns } from '../../src/sync/runs.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

async function until<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** The fault rule on an operation is gone: the one call it covered (count 1) is under way. */
function faultTaken(op: string) {
  return until(`the call covered by the ${op} fault`, async () => {
    const rules: Record<string, unknown> = await world.control('GET', '/mercadolivre/faults');
    return !(op in rules);
  });
}

async function owes(sku: string, resource: 'stock' | 'price'): Promise<boolean> {
  const [row] = await world.t.db.query<{ owed: boolean }>(
    `SELECT l.${resource}_seq > l.${resource}_done_seq AS owed FROM listings l JOIN products p ON p.id = l.product_id
      WHERE p.sku = $1 AND l.connection_id = $2`,
    [sku, world.connectionId],
  );
  return row!.owed;
}

/** Delivers whatever stock is owed, so a test's slow call is its own listing's. */
async function drainStock(): Promise<void> {
  await runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'scheduled' });
}

async function latestRun(resource: string) {
  const runs = await world.api('GET', `/sync/runs?connection_id=${world.connectionId}&resource=${resource}`);
  return runs.body.runs[0];
}

describe('one run lifecycle', () => {
  it('a manual sync during a scheduled run in the same process never overlaps it nor sends an older value', async () => {
    const { external_id: itemId } = await connectedProduct(world, 'LC-1', 10);
    await drainStock();
    await world.api('PUT', '/products/LC-1', { product: { qty: 1 } });
    // The scheduled run's send of qty 1 is slow; anything sent after it is not.
    await world.control('PUT', '/mercadolivre/faults/items.update', { latency_ms: 1_500, count: 1 });
    const scheduled = runSync(world.runner, {
      connectionId: world.connectionId,
      resource: 'stock',
      trigger: 'scheduled',
    });
    await faultTaken('items.update');
    await world.api('PUT', '/products/LC-1', { product: { qty: 2 } });
    const manual = await world.api('POST', '/products/LC-1/sync');
    assert.equal(manual.status, 200, JSON.stringify(manual.body));
    const stock = manual.body.results.find((r: { resource: string }) => r.resource === 'stock');
    assert.equal(stock.outcome, 'queued', 'the running scheduled run holds the pair; it delivers the change');
    await scheduled;

    assert.equal((await world.listing('LC-1')).stock, 2, 'the marketplace shows the latest value');
    const sent = (await world.writes(itemId))
      .map((w) => w.body?.available_quantity)
      .filter((q) => q !== undefined);
    assert.deepEqual(sent.slice(-2), [1, 2], `qty 1 then 2, never 1 after 2: ${JSON.stringify(sent)}`);
    assert.equal(await owes('LC-1', 'stock'), false);
  });

  it('a rule saved while a continuous run lingers reaches the marketplace, and sync_status tells the truth meanwhile', async () => {
    await connectedProduct(world, 'LC-2', 5, 100);
    await world.api('PUT', '/products/LC-2', { product: { price: 101 } });
    const lingering = { ...world.runner, limits: { ...world.runner.limits, lingerMs: 1_500, pollMs: 20 } };
    const run = runSync(lingering, {
      connectionId: world.connectionId,
      resource: 'price',
      trigger: 'continuous',
    });
    await until('the first send', async () => (await world.listing('LC-2')).price === 101);

    const saved = await world.api('PUT', `/connections/${world.connectionId}/rules`, {
      rules: { price: { markup_percent: 10 } },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const status = await world.api('GET', '/products/LC-2/sync_status');
    const price = status.body.listings[0].price;
    assert.equal(price.effective_value.price, 111.1);
    // Until the marketplace has 111.1, the answer is not "up to date".
    if ((await world.listing('LC-2')).price !== 111.1) assert.notEqual(price.waiting_for.code, 'up_to_date');
    await run;

    assert.equal((await world.listing('LC-2')).price, 111.1, 'the new rule went out during the same run');
    const settled = await world.api('GET', '/products/LC-2/sync_status');
    assert.equal(settled.body.listings[0].price.waiting_for.code, 'up_to_date');
    await world.api('PUT', `/connections/${world.connectionId}/rules`, { rules: {} });
  });

  it('a run that lost its lease aborts its marketplace calls and records nothing', async () => {
    const { external_id: itemId } = await connectedProduct(world, 'LC-3', 4);
    await drainStock();
    await world.api('PUT', '/products/LC-3', { product: { qty: 7 } });
    const before = (await world.writes(itemId)).length;
    await world.control('PUT', '/mercadolivre/faults/items.update', { latency_ms: 8_000, count: 1 });
    const short = { ...world.runner, limits: { ...world.runner.limits, leaseMs: 600 } };
    const run = runSync(short, { connectionId: world.connectionId, resource: 'stock', trigger: 'scheduled' });
    await faultTaken('items.update');
    // Another worker takes the pair over (as after a stall longer than the lease).
    await world.t.db.query(
      `UPDATE sync_leases SET holder = 'another-worker', expires_at = now() + interval '1 minute'
        WHERE connection_id = $1 AND resource = 'stock'`,
      [world.connectionId],
    );
    const result = await run;
    assert.equal(result.status, 'interrupted');
    assert.equal(
      (await world.writes(itemId)).length,
      before,
      `the slow call was abandoned before the marketplace applied it: ${JSON.stringify(await world.writes(itemId))}`,
    );
    assert.equal(
      await owes('LC-3', 'stock'),
      true,
      'nothing was marked delivered by the run that lost its lease',
    );
    assert.match((await latestRun('stock')).note, /lease lost/);
    await world.t.db.query("DELETE FROM sync_leases WHERE holder = 'another-worker'");
    await world.control('DELETE', '/mercadolivre/faults');
    await runSync(world.runner, {
      connectionId: world.connectionId,
      resource: 'stock',
      trigger: 'scheduled',
    });
    assert.equal((await world.listing('LC-3')).stock, 7, 'the next run delivers it');
  });

  it('a run that throws is failed with its error, not left running', async () => {
    await connectedProduct(world, 'LC-4', 3);
    await world.api('PUT', '/products/LC-4', { product: { qty: 8 } });
    const broken = {
      ...world.runner,
      reservations: async () => {
        throw new Error('reservations table unreadable');
      },
    };
    await assert.rejects(
      runSync(broken, { connectionId: world.connectionId, resource: 'stock', trigger: 'scheduled' }),
      /reservations table unreadable/,
    );
    const run = await latestRun('stock');
    assert.equal(run.status, 'failed');
    assert.match(run.note, /reservations table unreadable/);
    assert.ok(run.finished_at);
    assert.equal(await owes('LC-4', 'stock'), true, 'the value is still owed');
  });

  it('a run whose next read fails records the batch it already sent before it is failed', async () => {
    await drainStock();
    const skus = ['LC-RF-1', 'LC-RF-2', 'LC-RF-3', 'LC-RF-4'];
    for (const sku of skus) await connectedProduct(world, sku, 1);
    await drainStock();
    for (const sku of skus) await world.api('PUT', `/products/${sku}`, { product: { qty: 9 } });
    let reads = 0;
    const failsSecond = {
      ...world.runner,
      limits: { ...world.runner.limits, batchSize: 2 },
      reservations: async () => {
        if (++reads === 2) throw new Error('database gone while reading the next batch');
        return { get: () => 0 };
      },
    };
    // The first batch is still sending when the second one's read fails.
    await world.control('PUT', '/mercadolivre/faults/items.update', { latency_ms: 500, count: 1 });
    await assert.rejects(
      runSync(failsSecond, { connectionId: world.connectionId, resource: 'stock', trigger: 'scheduled' }),
      /database gone/,
    );
    await world.control('DELETE', '/mercadolivre/faults');
    assert.equal((await latestRun('stock')).status, 'failed');
    // The first batch reached the marketplace and is recorded as delivered: it is not sent again.
    assert.deepEqual(await Promise.all(skus.map((sku) => owes(sku, 'stock'))), [false, false, true, true]);
    assert.equal((await world.listing('LC-RF-1')).stock, 9);
  });

  it('a catalog run longer than its lease keeps it: no second catalog run starts, the sweep leaves it alone', async () => {
    await world.control('PUT', '/mercadolivre/faults/items.create', { error_rate: 1, error_status: 503 });
    for (const sku of ['LC-5A', 'LC-5B']) {
      await world.api('POST', '/products', { product: { sku, name: `Catálogo ${sku}`, qty: 2, price: 30 } });
      const first = await world.api('POST', `/products/${sku}/listings/${world.connectionId}`);
      assert.equal(first.body.listings[0].flag, 'yellow');
    }
    await world.control('DELETE', '/mercadolivre/faults/items.create');
    // Each publication takes longer than the whole lease.
    await world.control('PUT', '/mercadolivre/faults/items.create', { latency_ms: 900 });
    const deps = { ...world.runner, limits: { leaseMs: 400 } };
    const first = runCatalog(deps, { connectionId: world.connectionId, trigger: 'scheduled' });
    await until('the first publication', async () => {
      const flags = await world.api('GET', '/products/LC-5A/listings');
      return flags.body.listings[0].flag === 'green';
    });
    const second = await runCatalog(deps, { connectionId: world.connectionId, trigger: 'manual' });
    assert.equal(second.status, 'busy', 'the first run still holds the catalog lease');
    assert.deepEqual(await interruptStaleRuns(world.t.db, 800), [], 'its heartbeat is current');
    const done = await first;
    await world.control('DELETE', '/mercadolivre/faults');
    assert.equal(done.status, 'succeeded');
    assert.equal(done.counts.sent, 2);
    assert.equal((await latestRun('catalog')).status, 'succeeded');
  });

  it('a catalog run that lost its lease abandons the publication in flight: no listing appears', async () => {
    await world.control('PUT', '/mercadolivre/faults/items.create', { error_rate: 1, error_status: 503 });
    await world.api('POST', '/products', {
      product: { sku: 'LC-7', name: 'Catálogo LC-7', qty: 2, price: 30 },
    });
    const first = await world.api('POST', `/products/LC-7/listings/${world.connectionId}`);
    assert.equal(first.body.listings[0].flag, 'yellow');
    await world.control('DELETE', '/mercadolivre/faults/items.create');
    await world.control('PUT', '/mercadolivre/faults/items.create', { latency_ms: 8_000, count: 1 });
    const short = { ...world.runner, limits: { leaseMs: 600 } };
    const run = runCatalog(short, { connectionId: world.connectionId, trigger: 'scheduled' });
    await faultTaken('items.create');
    await world.t.db.query(
      `UPDATE sync_leases SET holder = 'another-worker', expires_at = now() + interval '1 minute'
        WHERE connection_id = $1 AND resource = 'catalog'`,
      [world.connectionId],
    );
    const result = await run;
    assert.equal(result.status, 'interrupted');
    await assert.rejects(world.listing('LC-7'), /no simulated listing/, 'the publication was abandoned');
    const flags = await world.api('GET', '/products/LC-7/listings');
    assert.equal(flags.body.listings[0].flag, 'yellow', 'still waiting for the next catalog run');
    await world.t.db.query("DELETE FROM sync_leases WHERE holder = 'another-worker'");
    await world.control('DELETE', '/mercadolivre/faults');
  });

  it('an early token refresh that fails with a 503 keeps the token that is still valid', async () => {
    const { cipher } = world.runner;
    await connectedProduct(world, 'LC-6', 1);
    await world.api('PUT', '/products/LC-6', { product: { qty: 6 } });
    const [row] = await world.t.db.query<{ secrets: string }>(
      'SELECT secrets FROM connections WHERE id = $1',
      [world.connectionId],
    );
    // The token expires in 30 s: inside the margin in which Cais refreshes early.
    const credentials = cipher.decryptJson<Credentials>(row!.secrets);
    const soon = { ...credentials, expiresAt: Date.now() + 30_000 };
    await world.t.db.query('UPDATE connections SET secrets = $2 WHERE id = $1', [
      world.connectionId,
      cipher.encryptJson(soon),
    ]);
    await world.control('PUT', '/mercadolivre/faults/oauth.token', { error_rate: 1, error_status: 503 });
    const result = await runSync(world.runner, {
      connectionId: world.connectionId,
      resource: 'stock',
      trigger: 'scheduled',
    });
    await world.control('DELETE', '/mercadolivre/faults');
    assert.equal(result.counts.failed, 0, JSON.stringify(result.failures.map((f) => f.error.message)));
    assert.equal((await world.listing('LC-6')).stock, 6, 'sent with the token that still works');
    const [after] = await world.t.db.query<{ status: string }>(
      'SELECT status FROM connections WHERE id = $1',
      [world.connectionId],
    );
    assert.equal(after!.status, 'active');
  });
});
