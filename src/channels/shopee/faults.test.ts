import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, StockUpdate } from '../adapter.ts';
import type { SpHarness } from './testing.ts';
import { openShopee } from './testing.ts';

let sp: SpHarness;
let update: StockUpdate;
before(async () => {
  sp = await openShopee();
});
after(async () => {
  // Whatever the adapter sent fits Shopee's request_params (the simulator's conformance ledger).
  try {
    await sp.assertConformant();
  } finally {
    await sp.close();
  }
});
beforeEach(async () => {
  await sp.reset();
  const item = await sp.listing({ sku: 'A', price: 10, stock: 1 });
  update = { listingId: 1, externalId: item.id, sku: 'A', qty: 5 };
});

const OP = 'product.update_stock';

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function fault(operation: string, rule: Record<string, number>) {
  const answer = await sp.control('PUT', `/shopee/faults/${operation}`, rule);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

// The faults every marketplace shares are in ../contract-suite.ts; these are Shopee's own.
describe('Shopee under faults', () => {
  test('Cais’s own buckets keep a burst of items under Shopee’s limit', async () => {
    const ctx = await sp.connect();
    const updates: StockUpdate[] = [];
    for (let i = 0; i < 25; i++) {
      const item = await sp.listing({ sku: `B-${i}`, price: 10 });
      updates.push({ listingId: i + 1, externalId: item.id, sku: `B-${i}`, qty: i });
    }
    const outcomes = await sp.adapter.pushStock(ctx, updates);
    assert.ok(outcomes.every((o) => o.ok));
    const limited = (await sp.writes(OP)).length;
    assert.equal(limited, 25, 'every call reached the shop: none was throttled');
  });

  test('the daily quota (error_limit): rate_limited until 00:00 UTC+8, and later items cost no call', async () => {
    await sp.control('PATCH', '/shopee/settings', { daily_call_limit: 1 });
    const ctx = await sp.connect();
    const second = await sp.listing({ sku: 'B', price: 10 });
    const outcomes = await sp.adapter.pushStock(ctx, [
      update,
      { ...update, listingId: 2, externalId: second.id },
    ]);
    assert.equal(outcomes[0]?.ok, true);
    const error = failure(outcomes[1]);
    assert.deepEqual([error.failure, error.code], ['rate_limited', 'shopee.error_limit']);
    assert.match(error.hint ?? '', /00:00 UTC\+8/);
    const again = failure((await sp.adapter.pushStock(ctx, [update]))[0]);
    assert.equal(again.code, 'shopee.error_limit');
    assert.ok((again.retryAfterMs ?? 0) > 0, 'the run waits until the reset');
  });

  test('partial failures: a model Shopee could not update now is transient, with its reason', async () => {
    const ctx = await sp.connect();
    const item = await sp.listing({ models: Array.from({ length: 8 }, () => ({ price: 10 })) });
    await fault(OP, { partial_failure_rate: 0.5 });
    const updates = item.variations.map((v, i) => ({
      listingId: i + 1,
      externalId: item.id,
      externalVariationId: v.id,
      sku: '',
      qty: 7,
    }));
    const outcomes = await sp.adapter.pushStock(ctx, updates);
    await sp.control('DELETE', '/shopee/faults');
    const failed = outcomes.filter((o) => !o.ok);
    assert.ok(failed.length > 0 && failed.length < 8, JSON.stringify(outcomes.map((o) => o.ok)));
    for (const outcome of failed) {
      const error = failure(outcome);
      assert.deepEqual(
        [error.failure, error.code, error.marketplaceMessage],
        ['transient', 'shopee.model_update_failed', 'Update stock failed, please try later.'],
      );
    }
    const view = await sp.view(item.id);
    for (const outcome of outcomes) {
      assert.equal(view.variations[outcome.listingId - 1]?.stock, outcome.ok ? 7 : 0);
    }
  });
});
