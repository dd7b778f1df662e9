/**
 * /metrics: the sync, order and webhook state an operator alerts on, read from the database at
 * scrape time (so any API process reports what every worker did): runs and items sent, the
 * backlog and the age of its oldest change, connections by status, open errors by code, the order
 * queue, webhook dead letters. A scrape with the database down still answers, saying so.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import type { Db } from '../../src/db/db.ts';
import { runSync } from '../../src/sync/runner.ts';
import { testConfig } from '../helpers.ts';
import { forbidOutboundNetwork } from '../hostile/no-network.ts';
import { type Seeded, seededWorld } from '../hostile/seed.ts';
import type { World } from '../sync/world.ts';

forbidOutboundNetwork();

let world: World;
let seeded: Seeded;

before(async () => {
  ({ world, seeded } = await seededWorld());
});
after(() => world.close());

async function scrape(): Promise<string> {
  const res = await world.t.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  return res.body;
}

/** The value of one sample, e.g. value(text, 'cais_sync_pending_listings', {resource: 'stock'}). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name} `) && !line.startsWith(`${name}{`)) continue;
    const labelText = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every((w) => labelText.split(',').includes(w))) return Number(line.split(' ').pop());
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stockRun = () =>
  runSync(world.runner, { connectionId: seeded.connectionId, resource: 'stock', trigger: 'manual' });

describe('state metrics', () => {
  test('every documented gauge is exposed, and the database was readable', async () => {
    const text = await scrape();
    for (const name of [
      'cais_state_up',
      'cais_sync_runs_running',
      'cais_sync_runs_last_hour',
      'cais_sync_items_sent_last_hour',
      'cais_sync_items_failed_last_hour',
      'cais_sync_pending_listings',
      'cais_sync_oldest_pending_seconds',
      'cais_connections',
      'cais_sync_errors_open',
      'cais_order_sync_errors_open',
      'cais_webhook_deliveries',
      'cais_order_queue_depth',
      'cais_order_relays_pending',
    ])
      assert.match(text, new RegExp(`^# TYPE ${name} gauge$`, 'm'), name);
    assert.equal(value(text, 'cais_state_up'), 1);
  });

  test('the seeded account shows up: runs and items sent, an open error, the order queue, deliveries', async () => {
    // A run the marketplace fails leaves an open (transient) error on the listing.
    await world.api('PUT', `/products/${seeded.skus.listed}`, { product: { qty: 9 } });
    await world.control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
    await runSync(
      { ...world.runner, limits: { retryBaseMs: 300, retryMaxMs: 300 } },
      { connectionId: seeded.connectionId, resource: 'stock', trigger: 'manual' },
    );
    await world.control('DELETE', '/mercadolivre/faults/items.update');
    const text = await scrape();
    assert.ok(value(text, 'cais_sync_runs_last_hour', { resource: 'stock', status: 'succeeded' })! >= 1);
    assert.ok(value(text, 'cais_sync_items_sent_last_hour', { resource: 'stock' })! >= 1);
    assert.equal(value(text, 'cais_connections', { channel: 'mercadolivre', status: 'active' }), 1);
    assert.ok(
      value(text, 'cais_sync_errors_open', { code: 'ml.internal_error' })! >= 1,
      'the open error, by code',
    );
    assert.ok(value(text, 'cais_sync_items_failed_last_hour', { resource: 'stock' })! >= 1);
    assert.ok(value(text, 'cais_order_sync_errors_open', { code: 'ml.order_status.unsupported' })! >= 1);
    assert.ok(value(text, 'cais_order_queue_depth')! >= 1);
    assert.ok(value(text, 'cais_webhook_deliveries', { status: 'pending' })! >= 1);
  });

  test('backlog and freshness: a change waits, ages, and is gone once delivered', async () => {
    await sleep(350); // past the failed run's backoff
    await stockRun();
    let text = await scrape();
    assert.equal(value(text, 'cais_sync_pending_listings', { resource: 'stock' }), 0);
    assert.equal(value(text, 'cais_sync_oldest_pending_seconds', { resource: 'stock' }), 0);

    const changed = await world.api('PUT', `/products/${seeded.skus.listed}`, { product: { qty: 42 } });
    assert.equal(changed.status, 204);
    await sleep(1_100);
    text = await scrape();
    assert.equal(value(text, 'cais_sync_pending_listings', { resource: 'stock' }), 1);
    assert.ok(value(text, 'cais_sync_oldest_pending_seconds', { resource: 'stock' })! >= 1);
    // Another change to the same SKU does not make the oldest change younger.
    await world.api('PUT', `/products/${seeded.skus.listed}`, { product: { qty: 43 } });
    text = await scrape();
    assert.ok(value(text, 'cais_sync_oldest_pending_seconds', { resource: 'stock' })! >= 1);

    await stockRun();
    text = await scrape();
    assert.equal(value(text, 'cais_sync_pending_listings', { resource: 'stock' }), 0);
    assert.equal(value(text, 'cais_sync_oldest_pending_seconds', { resource: 'stock' }), 0);
  });

  test('a revoked authorisation shows as an auth_failed connection', async () => {
    await world.control('POST', '/mercadolivre/revocations', { user_id: 100000001 });
    await world.api('PUT', `/products/${seeded.skus.listed}`, { product: { qty: 44 } });
    await stockRun();
    const text = await scrape();
    assert.equal(value(text, 'cais_connections', { channel: 'mercadolivre', status: 'auth_failed' }), 1);
    assert.equal(value(text, 'cais_connections', { channel: 'mercadolivre', status: 'active' }), undefined);
  });

  test('with the database down, /metrics still answers, with cais_state_up 0', async () => {
    const down: Db = {
      ...world.t.db,
      query: async () => {
        throw new Error('connection refused');
      },
    };
    const app = await buildApp({ config: testConfig(), db: down, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(res.statusCode, 200);
      assert.equal(value(res.body, 'cais_state_up'), 0);
    } finally {
      await app.close();
    }
  });
});
