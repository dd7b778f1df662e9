/**
 * What a connection owes (owed_sends, kept by triggers on listings) as a seller would notice it:
 * a product change whose transaction commits while a run is recording the delivery of the older
 * value still reaches the marketplace, and a listing that leaves green, or is removed with its
 * connection, is no longer counted as owed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runSync } from '../../src/sync/runner.ts';
import { connectedProduct, createWorld, type World } from './world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

const runStock = () =>
  runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'scheduled' });

async function owedCount(): Promise<number> {
  const [row] = await world.t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM owed_sends WHERE connection_id = $1 AND resource = 'stock'",
    [world.connectionId],
  );
  return row!.n;
}

describe('what a connection owes', () => {
  it('a change committed while the older value is being recorded delivered is still sent', async () => {
    const { external_id } = await connectedProduct(world, 'OWED-1', 5);
    await runStock();
    await world.control('PUT', '/mercadolivre/faults/items.update', { latency_ms: 300 });
    try {
      await world.api('PUT', '/products/OWED-1', { product: { qty: 6 } });
      const running = runStock();
      await new Promise((r) => setTimeout(r, 100)); // the send of 6 is in flight
      // The ERP's write of 8 holds the listing's row (its trigger moved the seq) until it commits,
      // after the send of 6 has been answered: recording 6 waits for it, then finds the seq moved.
      await world.t.db.transaction(async (tx) => {
        await tx.query(
          `UPDATE products SET qty = 8, stock_version = stock_version + 1
            WHERE account_id = $1 AND sku = 'OWED-1'`,
          [world.t.seller.accountId],
        );
        await new Promise((r) => setTimeout(r, 400));
      });
      const run = await running;
      assert.equal(run.counts.sent, 2);
    } finally {
      await world.control('DELETE', '/mercadolivre/faults/items.update');
    }
    assert.equal((await world.listing('OWED-1')).stock, 8);
    const sent = (await world.writes(external_id))
      .map((w) => w.body.available_quantity)
      .filter((q) => q !== undefined);
    assert.deepEqual(sent.slice(-2), [6, 8], 'the older value went first, the newer last');
    const status = await world.api('GET', '/products/OWED-1/sync_status');
    assert.equal(status.body.listings[0].stock.pending, false);
    assert.equal(await owedCount(), 0);
  });

  it('a stock change committed while its product is being connected reaches the new listing', async () => {
    const created = await world.api('POST', '/products', {
      product: {
        sku: 'OWED-4',
        name: 'Produto OWED-4',
        description: 'Descrição',
        brand: 'Cais',
        qty: 1,
        price: 50,
      },
    });
    assert.equal(created.status, 201);
    // The write holds the product's row while the connection creates its first listing, which
    // marks the product listed (000074) and so waits for it: the write saw the product listed
    // nowhere and owed nothing, yet the value it committed is the one the new listing sends.
    let connecting: Promise<{ status: number }> | undefined;
    await world.t.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE products SET qty = 7, stock_version = stock_version + 1
          WHERE account_id = $1 AND sku = 'OWED-4'`,
        [world.t.seller.accountId],
      );
      connecting = world.api('POST', `/products/OWED-4/listings/${world.connectionId}`);
      await new Promise((r) => setTimeout(r, 400));
    });
    assert.equal((await connecting!).status, 201);
    await runStock();
    assert.equal((await world.listing('OWED-4')).stock, 7);
    // Listed now: the next write owes a send.
    await world.api('PUT', '/products/OWED-4', { product: { qty: 9 } });
    assert.equal(await owedCount(), 1);
    await runStock();
    assert.equal((await world.listing('OWED-4')).stock, 9);
    assert.equal(await owedCount(), 0);
  });

  it('a listing that leaves green owes nothing, and owes its current stock when it is back', async () => {
    const { external_id } = await connectedProduct(world, 'OWED-2', 3);
    await runStock();
    await world.t.db.query("UPDATE listings SET flag = 'grey' WHERE external_id = $1", [external_id]);
    await world.api('PUT', '/products/OWED-2', { product: { qty: 4 } });
    assert.equal(await owedCount(), 0);
    assert.equal((await runStock()).counts.considered, 0);
    await world.t.db.query("UPDATE listings SET flag = 'green' WHERE external_id = $1", [external_id]);
    assert.equal(await owedCount(), 1);
    await runStock();
    assert.equal((await world.listing('OWED-2')).stock, 4);
    assert.equal(await owedCount(), 0);
  });

  it('removing the listings of a connection leaves nothing owed behind', async () => {
    await connectedProduct(world, 'OWED-3', 2);
    assert.equal(await owedCount(), 1);
    await world.t.db.query('DELETE FROM listings WHERE connection_id = $1', [world.connectionId]);
    assert.equal(await owedCount(), 0);
  });
});
