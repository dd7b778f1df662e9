/**
 * Importing orders from simulated Mercado Livre: SkyHub's shape, paging, and no duplicate under
 * overlapping windows, marketplace failures, a crash between fetch and commit, or two importers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db, Queryable } from '../../src/db/db.ts';
import { rewindCursor } from '../../src/orders/cursor.ts';
import { normaliseOrder } from '../../src/orders/shape.ts';
import { upsertOrders } from '../../src/orders/upsert.ts';
import { connectedProduct, createWorld, type World } from '../sync/world.ts';
import { buyOnMercadoLivre, countOrders, duplicateOrders, generousRates, importOrders } from './helpers.ts';

let world: World;
let itemId: string;
before(async () => {
  world = await createWorld();
  await generousRates(world);
  itemId = (await connectedProduct(world, 'IMP-1', 100_000, 50)).external_id;
});
after(() => world.close());

const buy = (quantity = 1) => buyOnMercadoLivre(world, [{ item_id: itemId, quantity }]);

async function buyMany(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await buy();
}

/** A database whose Nth transaction does its work and then fails to commit: a crash before COMMIT. */
function crashingAt(db: Db, nth: number): Db {
  let count = 0;
  return {
    ...db,
    query: db.query.bind(db),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction(async (tx) => {
        const result = await fn(tx);
        if (++count === nth) throw new Error('simulated crash before commit');
        return result;
      }),
  };
}

describe('order import', () => {
  it("imports an order in SkyHub's shape, matched to the catalog, keeping the raw payload", async () => {
    const bought = await buy(2);
    const result = await importOrders(world);
    assert.equal(result.status, 'succeeded');
    assert.equal(result.counts.created, 1);
    const code = `Mercado Livre-${bought.id}`;
    const got = await world.api('GET', `/orders/${encodeURIComponent(code)}`);
    assert.equal(got.status, 200, JSON.stringify(got.body));
    const order = got.body;
    assert.equal(order.code, code);
    assert.equal(order.channel, 'Mercado Livre');
    assert.deepEqual(order.status, {
      code: 'payment_received',
      label: 'Aprovado (SkyHub)',
      type: 'APPROVED',
    });
    assert.equal(order.sync_status, 'NOT_SYNCED');
    assert.equal(order.items[0].id, 'IMP-1');
    assert.equal(order.items[0].qty, 2);
    assert.equal(order.items[0].matched, true);
    assert.equal(order.total_ordered, 100);
    assert.ok(order.placed_at && order.updated_at && Array.isArray(order.payments));
    const raw = await world.api('GET', `/orders/${encodeURIComponent(code)}/raw`);
    assert.equal(raw.body.raw.id, bought.id);
    const history = await world.api('GET', `/orders/${encodeURIComponent(code)}/history`);
    assert.deepEqual(
      history.body.history.map((h: { status_code: string; source: string }) => [h.status_code, h.source]),
      [['payment_received', 'marketplace']],
    );
  });

  it('follows every page; a second import and an overlapping window create no duplicate', async () => {
    const before = await countOrders(world.t.db, world.connectionId);
    await buyMany(120);
    const first = await importOrders(world);
    assert.equal(first.counts.created, 120);
    assert.ok(first.counts.pages >= 3, `pages: ${first.counts.pages}`);
    const again = await importOrders(world);
    assert.equal(again.counts.created, 0);
    await rewindCursor(world.t.db, world.connectionId, new Date(Date.now() - 3_600_000));
    const overlap = await importOrders(world);
    assert.ok(overlap.counts.fetched >= 121, `fetched ${overlap.counts.fetched}`);
    assert.equal(overlap.counts.created, 0);
    assert.equal(overlap.counts.updated, 0, 'an unchanged order is not rewritten');
    const run = await world.api('GET', `/sync/runs/${overlap.runId}`);
    assert.equal(run.status, 200, JSON.stringify(run.body));
    const counts = run.body.run.order_counts;
    assert.equal(counts.fetched, overlap.counts.fetched, 'the run record carries the counts as numbers');
    assert.equal(counts.new, 0);
    assert.equal(counts.updated, 0);
    assert.equal(counts.unchanged, overlap.counts.fetched);
    assert.equal(counts.failed, 0);
    assert.equal(await countOrders(world.t.db, world.connectionId), before + 120);
    assert.equal(await duplicateOrders(world.t.db), 0);
  });

  it('retries 5xx and 429 answers and still imports every order once', async () => {
    const before = await countOrders(world.t.db, world.connectionId);
    await buyMany(60);
    await world.control('PUT', '/mercadolivre/faults/orders.search', {
      error_rate: 1,
      error_status: 503,
      count: 3,
    });
    const afterFaults = await importOrders(world);
    assert.equal(afterFaults.status, 'succeeded', afterFaults.error?.message);
    await buyMany(5);
    await world.control('PUT', '/mercadolivre/faults/orders.search', { rate_limit_rate: 1, count: 3 });
    const afterStorm = await importOrders(world);
    assert.equal(afterStorm.status, 'succeeded', afterStorm.error?.message);
    assert.equal(await countOrders(world.t.db, world.connectionId), before + 65);
    assert.equal(await duplicateOrders(world.t.db), 0);
  });

  it('an outage that outlasts the retries fails the run; the next run resumes and loses nothing', async () => {
    const before = await countOrders(world.t.db, world.connectionId);
    await buyMany(3);
    await world.control('PUT', '/mercadolivre/faults/orders.search', { error_rate: 1, error_status: 500 });
    const failed = await importOrders(world);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error?.message ?? '', /500|internal/i);
    await world.control('DELETE', '/mercadolivre/faults');
    const resumed = await importOrders(world);
    assert.equal(resumed.status, 'succeeded');
    assert.equal(await countOrders(world.t.db, world.connectionId), before + 3);
  });

  it('a crash between fetch and commit stores nothing of that page; the next run resumes after the last page stored', async () => {
    const before = await countOrders(world.t.db, world.connectionId);
    await buyMany(120);
    // Transaction 1 stores page 1 and its position; transaction 2 (page 2) dies before COMMIT.
    // No overlap here, so page 1 holds only the new orders.
    const limits = { overlapMs: 0, pageRetryBaseMs: 5, pageRetryMaxMs: 20 };
    await assert.rejects(importOrders(world, { db: crashingAt(world.t.db, 2), limits }), /simulated crash/);
    const stored = await countOrders(world.t.db, world.connectionId);
    assert.ok(stored > before && stored < before + 120, `page 1 kept, page 2 lost: ${stored - before}`);
    const [cursor] = await world.t.db.query<{ page_cursor: string | null }>(
      'SELECT page_cursor FROM order_import_cursors WHERE connection_id = $1',
      [world.connectionId],
    );
    assert.ok(cursor?.page_cursor, 'the position after page 1 was committed with it');
    // The lease of the crashed run is released in its finally; a real crash waits for it to expire.
    const resumed = await importOrders(world, { limits });
    assert.equal(resumed.status, 'succeeded');
    assert.ok(resumed.counts.fetched < 120, `resumed at page 2, fetched ${resumed.counts.fetched}`);
    assert.equal(await countOrders(world.t.db, world.connectionId), before + 120);
    assert.equal(await duplicateOrders(world.t.db), 0);
  });

  it('two importers at once: one holds the lease, the other stands aside', async () => {
    const before = await countOrders(world.t.db, world.connectionId);
    await buyMany(10);
    const [a, b] = await Promise.all([importOrders(world), importOrders(world)]);
    assert.deepEqual([a.status, b.status].sort(), ['busy', 'succeeded']);
    assert.equal(await countOrders(world.t.db, world.connectionId), before + 10);
  });

  it('concurrent stores of the same orders (a notification and a page) make one row each', async () => {
    const bought = await buy();
    const connection = {
      accountId: world.t.seller.accountId,
      connectionId: world.connectionId,
      channel: 'mercadolivre',
    };
    const { order: page } = await world.control('GET', `/mercadolivre/orders/${bought.id}`);
    const order = normaliseOrder('mercadolivre', {
      externalId: String(bought.id),
      status: 'paid',
      placedAt: new Date(page.date_created),
      updatedAt: new Date(page.last_updated),
      total: 50,
      items: [{ sku: 'IMP-1', externalItemId: itemId, name: 'x', qty: 1, unitPrice: 50 }],
      buyer: { name: 'B' },
      raw: page,
    });
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () =>
        world.t.db.transaction((tx) => upsertOrders(tx, connection, [order, order])),
      ),
    );
    assert.equal(
      outcomes.reduce((n, o) => n + o.created, 0),
      1,
    );
    assert.equal(await duplicateOrders(world.t.db), 0);
    const rows = await world.t.db.query('SELECT id FROM orders WHERE external_id = $1', [String(bought.id)]);
    assert.equal(rows.length, 1);
  });

  it('many stores of a new order at once never fail on its code, and make one row', async () => {
    // The order's code is unique besides its (connection, marketplace id): without a lock per
    // order, two inserts racing past ON CONFLICT clashed there (6 failures in 480 stores on PostgreSQL).
    const connection = {
      accountId: world.t.seller.accountId,
      connectionId: world.connectionId,
      channel: 'mercadolivre',
    };
    for (let round = 0; round < 30; round++) {
      const order = normaliseOrder('mercadolivre', {
        externalId: String(7_000_000 + round),
        status: 'paid',
        placedAt: new Date(),
        updatedAt: new Date(),
        total: 50,
        items: [{ sku: 'IMP-1', externalItemId: itemId, name: 'x', qty: 1, unitPrice: 50 }],
        buyer: { name: 'B' },
        raw: { round },
      });
      const stores = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          world.t.db.transaction((tx) => upsertOrders(tx, connection, [order])),
        ),
      );
      const failed = stores
        .filter((s) => s.status === 'rejected')
        .map((s) => String((s as PromiseRejectedResult).reason));
      assert.deepEqual(failed, [], `round ${round}`);
    }
    assert.equal(await duplicateOrders(world.t.db), 0);
  });

  it('an order with a SKU the catalog does not have is imported, flagged and reported', async () => {
    const listing = await world.control('POST', '/mercadolivre/listings', {
      sku: 'NOT-IN-CAIS',
      price: 10,
      available_quantity: 50,
    });
    const bought = await buyOnMercadoLivre(world, [{ item_id: listing.id, quantity: 1 }]);
    const result = await importOrders(world);
    assert.equal(result.counts.unknownSku, 1);
    const code = `Mercado Livre-${bought.id}`;
    const order = (await world.api('GET', `/orders/${encodeURIComponent(code)}`)).body;
    assert.ok(order.tags.includes('unknown_sku'));
    assert.equal(order.items[0].matched, false);
    assert.equal(order.items[0].id, 'NOT-IN-CAIS');
    assert.equal(order.cais.sync_errors[0].error_code, 'unknown_sku');
    const errors = await world.api('GET', '/sync_errors/orders');
    const entry = errors.body.errors.find((e: { entity_id: string }) => e.entity_id === code);
    assert.equal(entry.error_category_code, 'sync_order_mtkp_to_skyhub');
    assert.match(entry.message, /NOT-IN-CAIS/);
  });
});
