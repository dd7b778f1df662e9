import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { StockUpdate } from '../adapter.ts';
import type { AmHarness } from './testing.ts';
import { openAmazon, quickAmazon } from './testing.ts';

let am: AmHarness;
before(async () => {
  am = await openAmazon();
});
after(async () => {
  // Whatever the adapter sent fits Amazon's models (the simulator's conformance ledger).
  try {
    await am.assertConformant();
  } finally {
    await am.close();
  }
});
beforeEach(async () => {
  await am.control('POST', '/reset');
  await am.instant();
  await am.listing({ sku: 'A', price: 10, quantity: 1 });
});

const UPDATE: StockUpdate = { listingId: 1, externalId: 'A', sku: 'A', qty: 5 };

// The faults every marketplace shares are in ../contract-suite.ts; these are Amazon's own.
describe('Amazon under load', () => {
  test('Amazon’s own bucket is respected: a burst of PATCHes never meets a 429', async () => {
    const ctx = await am.connect();
    for (const sku of ['B', 'C', 'D', 'E', 'F', 'G', 'H']) await am.listing({ sku, price: 10 });
    const updates = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((sku, i) => ({
      ...UPDATE,
      listingId: i + 1,
      sku,
      externalId: sku,
    }));
    const outcomes = await quickAmazon.pushStock(ctx, updates);
    assert.ok(outcomes.every((o) => o.ok));
    const statuses = (await am.writes('listings.patch')).map((w) => w.status);
    assert.deepEqual(statuses, Array(8).fill(200), '5 at once, then 5 a second');
  });
});
