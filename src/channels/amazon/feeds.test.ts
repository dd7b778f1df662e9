import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import { AM_OPERATION_RATES } from './facts.ts';
import { pricePatches } from './patches.ts';
import { splitDocuments } from './stock-price.ts';
import type { AmHarness } from './testing.ts';
import { openAmazon, quickAmazon, quickFeeds } from './testing.ts';

let am: AmHarness;
before(async () => {
  am = await openAmazon();
});
after(async () => {
  try {
    await am.assertConformant();
  } finally {
    await am.close();
  }
});
beforeEach(async () => {
  await am.control('POST', '/reset');
  await am.instant();
});

const SMALL = quickFeeds({ patchMax: 2 });

function stocks(skus: string[], qty: (i: number) => number): StockUpdate[] {
  return skus.map((sku, i) => ({ listingId: i + 1, externalId: sku, sku, qty: qty(i) }));
}

async function listings(count: number, prefix = 'F'): Promise<string[]> {
  const skus = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  for (const sku of skus) await am.listing({ sku, price: 10, quantity: 0 });
  return skus;
}

function summary(outcomes: ItemOutcome[]) {
  return outcomes.map((o) => (o.ok ? o.applied : o.error.code));
}

describe('Amazon JSON_LISTINGS_FEED for large pushes', () => {
  test('more items than patchMax go in one feed; the report confirms each as applied', async () => {
    const ctx = await am.connect();
    const skus = await listings(5);
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, (i) => 10 + i),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied', 'applied', 'applied']);
    assert.deepEqual(await am.writes('listings.patch'), [], 'no PATCH');
    const [feed] = await am.writes('feeds.create');
    assert.equal(feed?.status, 202);
    assert.deepEqual(feed?.body, {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [am.defaults.marketplace_id],
      inputFeedDocumentId: (feed?.body as { inputFeedDocumentId: string } | undefined)?.inputFeedDocumentId,
    });
    const messages = await am.writes('feeds.message');
    assert.equal(messages.length, 5);
    assert.deepEqual(messages[0]?.body, {
      messageId: 1,
      sku: 'F-1',
      operationType: 'PATCH',
      productType: 'PRODUCT',
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 10 }],
        },
      ],
    });
    for (const [i, sku] of skus.entries()) assert.equal((await am.view(sku)).stock, 10 + i);
  });

  test('a feed waits in createFeed’s bucket (0.0083/s, burst 15) and in JSON_LISTINGS_FEED’s (5 per 5 min) (A9)', () => {
    assert.deepEqual(AM_OPERATION_RATES['feeds.create'], { perSecond: 0.0083, burst: 15 });
    assert.deepEqual(AM_OPERATION_RATES['feeds.json_listings'], { perSecond: 5 / 300, burst: 5 });
    // A run plans its publications with the narrower of the two.
    assert.deepEqual(quickAmazon.capabilities.rates.publish, AM_OPERATION_RATES['feeds.json_listings']);
  });

  test('a large price push deletes only the sale prices its report still shows, and proves them gone (A5)', async () => {
    const ctx = await am.connect();
    const ends = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const starts = new Date(Date.now() - 60_000).toISOString();
    await am.listing({ sku: 'S-1', price: 100, quantity: 1 });
    await am.listing({
      sku: 'S-2',
      price: 100,
      quantity: 1,
      discounted_price: { value: 80, start_at: starts, end_at: ends },
    });
    await am.listing({ sku: 'S-3', price: 100, quantity: 1 });
    const updates: PriceUpdate[] = ['S-1', 'S-2', 'S-3'].map((sku, i) => ({
      listingId: i + 1,
      externalId: sku,
      sku,
      price: 90,
      promotionalPrice: null,
    }));
    const outcomes = await SMALL.pushPrice(ctx, updates);
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied']);
    const messages = await am.writes('feeds.message');
    const deletes = messages.filter((entry) =>
      ((entry.body as { patches?: Array<{ op: string }> }).patches ?? []).some(
        (patch) => patch.op === 'delete',
      ),
    );
    assert.deepEqual(
      deletes.map((entry) => entry.target),
      ['S-2'],
      'one delete, for the one listing that showed a sale',
    );
    assert.equal((await am.writes('feeds.create')).length, 2, 'the price feed, then the delete feed');
    for (const sku of ['S-1', 'S-2', 'S-3']) {
      const view = await am.view(sku);
      assert.deepEqual([view.price, view.promotional_price], [90, null]);
    }
  });

  test('a GZIP processing report (A8) is decompressed: each item confirmed applied, not left unconfirmed', async () => {
    await am.control('PATCH', '/amazon/settings', { compress_reports: true });
    const ctx = await am.connect();
    const skus = await listings(3, 'GZ');
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, (i) => 20 + i),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied']);
    for (const [i, sku] of skus.entries()) assert.equal((await am.view(sku)).stock, 20 + i);
  });

  test('messages the report refuses become permanent errors with Amazon’s message; the rest apply', async () => {
    const ctx = await am.connect();
    const skus = await listings(3);
    const updates: PriceUpdate[] = [...skus, 'MISSING'].map((sku, i) => ({
      listingId: i + 1,
      externalId: sku,
      sku,
      price: i === 1 ? 0 : 20,
      promotionalPrice: null,
    }));
    const outcomes = await SMALL.pushPrice(ctx, updates);
    assert.deepEqual(summary(outcomes), ['applied', 'amazon.issue.90111', 'applied', 'amazon.issue.4000001']);
    const missing = outcomes[3];
    assert.ok(missing && !missing.ok);
    assert.equal(missing.error.failure, 'permanent');
    assert.equal(missing.error.marketplaceMessage, "The SKU 'MISSING' does not exist.");
    assert.equal((await am.view('F-1')).price, 20);
    assert.equal((await am.view('F-2')).price, 10, 'the refused message changed nothing');
  });

  test('accepted-then-rejected messages (partial failures) are errors, the others applied', async () => {
    const ctx = await am.connect();
    const skus = await listings(6);
    await am.control('PUT', '/amazon/faults/feeds.create', { partial_failure_rate: 0.5 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 3),
    );
    await am.control('DELETE', '/amazon/faults');
    const refused = outcomes.filter((o) => !o.ok);
    assert.ok(refused.length > 0 && refused.length < 6, summary(outcomes).join(','));
    for (const outcome of refused) {
      assert.ok(!outcome.ok);
      assert.equal(outcome.error.code, 'amazon.issue.8541');
      assert.equal(
        outcome.error.marketplaceMessage,
        'An internal error occurred processing this message. Resubmit it.',
      );
      assert.equal((await am.view(skus[outcome.listingId - 1]!)).stock, 0);
    }
    for (const outcome of outcomes.filter((o) => o.ok)) {
      assert.equal((await am.view(skus[outcome.listingId - 1]!)).stock, 3);
    }
  });

  test('the push waits for the feed through IN_QUEUE and IN_PROGRESS', async () => {
    await am.control('PATCH', '/amazon/settings', { feed_queue_ms: 150, feed_processing_ms: 150 });
    const ctx = await am.connect();
    const skus = await listings(3);
    const started = Date.now();
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 4),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied']);
    assert.ok(Date.now() - started >= 300, 'it waited for DONE');
    assert.equal((await am.view('F-3')).stock, 4);
  });

  test('a feed still processing at the deadline leaves its items pending (sent, not confirmed)', async () => {
    await am.control('PATCH', '/amazon/settings', { feed_queue_ms: 600_000 });
    const ctx = await am.connect();
    const skus = await listings(3);
    const impatient = quickFeeds({ patchMax: 2, feedWait: { deadlineMs: 100 } });
    const outcomes = await impatient.pushStock(
      ctx,
      stocks(skus, () => 4),
    );
    assert.deepEqual(summary(outcomes), ['pending', 'pending', 'pending']);
    await am.advance(600_000 + 2_000);
    assert.equal((await am.view('F-1')).stock, 4, 'Amazon applied it later');
  });

  test('the default adapter PATCHes a run’s small batch and feeds a large one', async () => {
    // Amazon's 5 PATCHes a second would make this test take ten seconds: a granted quota here.
    const fast = { perSecond: 1_000, burst: 1_000 };
    await am.control('PUT', '/amazon/limits', {
      'listings.patch': { rate: fast.perSecond, burst: fast.burst },
    });
    const ctx = { ...(await am.connect()), rates: { stock: fast } };
    const skus = await listings(51, 'D');
    assert.equal(quickAmazon.capabilities.stockBatchSize, 25_000);
    await quickAmazon.pushStock(
      ctx,
      stocks(skus.slice(0, 50), () => 1),
    );
    assert.equal((await am.writes('listings.patch')).length, 50);
    await quickAmazon.pushStock(
      ctx,
      stocks(skus, () => 2),
    );
    assert.equal((await am.writes('feeds.create')).length, 1);
    assert.equal((await am.writes('listings.patch')).length, 50, 'the 51 went in the feed');
  });
});

describe('Amazon feed documents', () => {
  test('a push larger than one feed takes is split into feeds sent side by side', async () => {
    const ctx = await am.connect();
    const skus = await listings(5);
    const twoPerFeed = quickFeeds({ patchMax: 2, feedMessages: 2 });
    const outcomes = await twoPerFeed.pushStock(
      ctx,
      stocks(skus, (i) => 20 + i),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied', 'applied', 'applied']);
    assert.equal((await am.writes('feeds.create')).length, 3);
    for (const [i, sku] of skus.entries()) assert.equal((await am.view(sku)).stock, 20 + i);
  });

  test('documents stay under the byte cap: 25,000 price messages make two feeds', () => {
    const seller = {
      sellerId: 'A1',
      marketplaceId: 'A2Q3Y263D00KWC',
      productType: 'PRODUCT',
      currency: 'BRL',
    };
    const ends = new Date(Date.now() + 86_400_000);
    const writes = Array.from({ length: 25_000 }, (_, i) => ({
      listingId: i,
      sku: `SKU-${'X'.repeat(30)}-${i}`,
      patches: pricePatches(seller, {
        listingId: i,
        externalId: '',
        sku: '',
        price: 1234.56,
        promotionalPrice: 999.99,
        promotionEndsAt: ends,
      }),
    }));
    const parts = splitDocuments(writes, { maxMessages: 25_000, maxBytes: 9 * 1024 * 1024 });
    assert.equal(parts.length, 2);
    for (const part of parts) {
      const document = JSON.stringify({
        header: { sellerId: 'A1', version: '2.0' },
        messages: part.map((w, i) => ({
          messageId: i + 1,
          sku: w.sku,
          operationType: 'PATCH',
          productType: 'PRODUCT',
          patches: w.patches,
        })),
      });
      assert.ok(Buffer.byteLength(document) < 9 * 1024 * 1024, `${Buffer.byteLength(document)} bytes`);
    }
  });
});

describe('Amazon feeds under faults', () => {
  test('a failing upload is retried a bounded number of times, then every item is transient', async () => {
    const ctx = await am.connect();
    const skus = await listings(3);
    await am.control('PUT', '/amazon/faults/feeds.upload', { error_rate: 1, error_status: 503, count: 50 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 1),
    );
    for (const outcome of outcomes) {
      assert.ok(!outcome.ok);
      assert.deepEqual([outcome.error.failure, outcome.error.httpStatus], ['transient', 503]);
    }
    assert.equal(await am.faultCalls('feeds.upload', 50), 3);
    assert.deepEqual(await am.writes('feeds.create'), [], 'no feed without its document');
  });

  test('a throttled createFeed (QuotaExceeded) backs off and goes through', async () => {
    const ctx = await am.connect();
    const skus = await listings(3);
    await am.control('PUT', '/amazon/faults/feeds.create', { rate_limit_rate: 1, count: 2 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 6),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied']);
  });

  test('getFeed failing past the retries leaves the submitted items pending, not failed', async () => {
    const ctx = await am.connect();
    const skus = await listings(3);
    await am.control('PUT', '/amazon/faults/feeds.get', { error_rate: 1, count: 50 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 6),
    );
    assert.deepEqual(summary(outcomes), ['pending', 'pending', 'pending']);
  });

  test('a slow getFeed (latency) only delays the answer', async () => {
    const ctx = await am.connect();
    const skus = await listings(3);
    await am.control('PUT', '/amazon/faults/feeds.get', { latency_ms: 100 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 6),
    );
    assert.deepEqual(summary(outcomes), ['applied', 'applied', 'applied']);
  });

  test('a report download that never answers times out, and the items stay pending', async () => {
    const ctx = await am.connect({ timeoutMs: 150, adapter: SMALL });
    const skus = await listings(3);
    await am.control('PUT', '/amazon/faults/feeds.download', { timeout_rate: 1, count: 50 });
    const outcomes = await SMALL.pushStock(
      ctx,
      stocks(skus, () => 6),
    );
    assert.deepEqual(summary(outcomes), ['pending', 'pending', 'pending']);
  });
});
