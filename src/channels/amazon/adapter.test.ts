import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
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
});

const adapter = quickAmazon;
const DAY = 86_400_000;

function stock(sku: string, qty: number, listingId = 1): StockUpdate {
  return { listingId, externalId: sku, sku, qty };
}

function price(sku: string, value: number, promotionalPrice: number | null = null): PriceUpdate {
  return { listingId: 1, externalId: sku, sku, price: value, promotionalPrice };
}

function failure(outcome: ItemOutcome | undefined) {
  assert.ok(outcome !== undefined && !outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

const PENDING = { listingId: 1, ok: true, applied: 'pending' };

describe('Amazon stock and price, one PATCH per item', () => {
  test('every SP-API request carries a User-Agent (A6), so each body and header fits the models', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'UA', price: 10, quantity: 1 });
    await adapter.pushStock(ctx, [stock('UA', 2)]);
    await adapter.readListing(ctx, { externalId: 'UA', sku: 'UA' });
    await am.assertConformant();
  });

  test('stock merges fulfillment_availability; ACCEPTED is pending, then shown', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'SKU-1', price: 50, quantity: 5 });
    assert.deepEqual(await adapter.pushStock(ctx, [stock('SKU-1', 8)]), [PENDING]);
    const [write] = await am.writes('listings.patch');
    assert.deepEqual(write?.body, {
      productType: 'PRODUCT',
      patches: [
        {
          op: 'merge',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 8 }],
        },
      ],
    });
    assert.equal((await am.view('SKU-1')).stock, 8);
    const read = await adapter.readListing(ctx, { externalId: 'SKU-1', sku: 'SKU-1' });
    assert.deepEqual(read, { qty: 8, price: 50, promotionalPrice: null, status: 'active' });
  });

  test('ACCEPTED is not applied yet: the old value shows until Amazon processes the patch', async () => {
    await am.control('PATCH', '/amazon/settings', { apply_delay_ms: 60_000 });
    const ctx = await am.connect();
    await am.listing({ sku: 'SLOW', price: 50, quantity: 5 });
    assert.deepEqual(await adapter.pushStock(ctx, [stock('SLOW', 9)]), [PENDING]);
    assert.equal((await adapter.readListing(ctx, { externalId: 'SLOW', sku: 'SLOW' })).qty, 5);
    assert.equal((await am.view('SLOW')).native.pending_writes, 1);
    await am.advance(60_000);
    assert.equal((await adapter.readListing(ctx, { externalId: 'SLOW', sku: 'SLOW' })).qty, 9);
  });

  test('price is our_price; a promotional price is discounted_price within its own window', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'P', price: 100, quantity: 1 });
    const starts = new Date(Date.now() - 60_000);
    const ends = new Date(Date.now() + 7 * DAY);
    const promo = { ...price('P', 119.9, 99.9), promotionStartsAt: starts, promotionEndsAt: ends };
    assert.deepEqual(await adapter.pushPrice(ctx, [promo]), [PENDING]);
    const [write] = await am.writes('listings.patch');
    assert.deepEqual((write?.body as { patches: unknown } | undefined)?.patches, [
      {
        op: 'merge',
        path: '/attributes/purchasable_offer',
        value: [
          {
            marketplace_id: am.defaults.marketplace_id,
            our_price: [{ schedule: [{ value_with_tax: 119.9 }] }],
            currency: 'BRL',
            discounted_price: [
              {
                schedule: [
                  { start_at: starts.toISOString(), end_at: ends.toISOString(), value_with_tax: 99.9 },
                ],
              },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(await adapter.readListing(ctx, { externalId: 'P', sku: 'P' }), {
      qty: 1,
      price: 119.9,
      promotionalPrice: 99.9,
      status: 'active',
    });

    // The ERP ends the promotion: the sale price is deleted, not left to run out.
    await adapter.pushPrice(ctx, [price('P', 119.9)]);
    const view = await am.view('P');
    assert.deepEqual([view.price, view.promotional_price], [119.9, null]);
  });

  test('no sale at Amazon, none in the ERP: the sale-price delete is not sent (A5)', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'PLAIN', price: 50, quantity: 1 });
    assert.deepEqual(await adapter.pushPrice(ctx, [price('PLAIN', 55)]), [PENDING]);
    const [write] = await am.writes('listings.patch');
    const patches = (write?.body as { patches?: Array<{ op: string }> } | undefined)?.patches ?? [];
    assert.deepEqual(
      patches.map((patch) => patch.op),
      ['merge'],
      'only the regular price: an undocumented delete is never sent blindly',
    );
    assert.equal((await am.view('PLAIN')).price, 55);
  });

  test('a promotion that starts later is sent now; Amazon switches it on at its start', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'LATER', price: 100, quantity: 1 });
    const starts = new Date(Date.now() + DAY);
    await adapter.pushPrice(ctx, [{ ...price('LATER', 100, 80), promotionStartsAt: starts }]);
    assert.equal((await am.view('LATER')).promotional_price, null, 'not before its start');
    await am.advance(DAY + 1_000);
    assert.equal((await am.view('LATER')).promotional_price, 80);
  });

  test('INVALID is a permanent error with every issue message verbatim, and nothing applies', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'BAD', price: 10, quantity: 1 });
    const error = failure((await adapter.pushPrice(ctx, [price('BAD', 0)]))[0]);
    assert.equal(error.failure, 'permanent');
    assert.equal(error.code, 'amazon.issue.90111');
    assert.equal(error.marketplaceMessage, "The value for 'our_price' must be greater than 0.");
    assert.match(error.hint ?? '', /price/);
    assert.equal((await am.view('BAD')).price, 10);

    const above = failure((await adapter.pushPrice(ctx, [price('BAD', 10, 12)]))[0]);
    assert.equal(above.marketplaceMessage, "The 'discounted_price' must be lower than 'our_price'.");
    assert.equal((await am.writes('listings.patch')).length, 2, 'not retried');
  });

  test('an unknown SKU is not a 404 (A4): Amazon accepts it as an incomplete offer, and reading back shows it inactive', async () => {
    const ctx = await am.connect();
    assert.deepEqual(await adapter.pushStock(ctx, [stock('GHOST', 1)]), [PENDING]);
    const read = await adapter.readListing(ctx, { externalId: 'GHOST', sku: 'GHOST' });
    assert.deepEqual([read.qty, read.price, read.status], [1, null, 'inactive']);
  });

  test('unpublishing a SKU Amazon does not have patches nothing (A4: the PATCH would create an offer)', async () => {
    const ctx = await am.connect();
    await adapter.unpublish(ctx, { externalId: 'GONE', sku: 'GONE' });
    assert.deepEqual(await am.writes('listings.patch'), []);
    assert.equal((await am.control('GET', '/amazon/listings/GONE')).status, 404);
    await am.listing({ sku: 'LIVE', price: 10, quantity: 4 });
    await adapter.unpublish(ctx, { externalId: 'LIVE', sku: 'LIVE' });
    assert.equal((await am.view('LIVE')).stock, 0);
  });

  test('a SKU with / or # refused 403 Unauthorized is that listing’s error, not the connection’s (A7)', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'A', price: 10 });
    await am.listing({ sku: 'KIT/2', price: 10 });
    await am.listing({ sku: 'C', price: 10 });
    const outcomes = await adapter.pushStock(ctx, [stock('A', 3, 1), stock('KIT/2', 3, 2), stock('C', 3, 3)]);
    assert.deepEqual(
      outcomes.map((o) => [o.listingId, o.ok]),
      [
        [1, true],
        [2, false],
        [3, true],
      ],
    );
    const error = failure(outcomes[1]);
    assert.deepEqual(
      [error.failure, error.code, error.httpStatus],
      ['permanent', 'amazon.sku_path_refused', 403],
    );
    assert.match(error.marketplaceMessage, /KIT\/2/);
    assert.match(error.hint ?? '', /'\/' or '#'/);
    const accepted = (await am.writes('listings.patch')).filter((write) => write.status === 200);
    assert.deepEqual(
      accepted.map((write) => write.target),
      ['A', 'C'],
      'two PATCHes applied, no feed',
    );
    assert.deepEqual(await am.writes('feeds.create'), []);
    // The connection still works: the next push goes through.
    assert.deepEqual(await adapter.pushStock(ctx, [stock('A', 5)]), [PENDING]);
  });

  test('accepted, then rejected: the PATCH is pending, and reading back shows Amazon’s issue', async () => {
    const ctx = await am.connect();
    await am.listing({ sku: 'LATE', price: 10, quantity: 1 });
    // No `count`: the simulator spends it on the call before deciding the entry's fate.
    await am.control('PUT', '/amazon/faults/listings.patch', { partial_failure_rate: 1 });
    assert.deepEqual(await adapter.pushStock(ctx, [stock('LATE', 7)]), [PENDING]);
    await am.control('DELETE', '/amazon/faults');
    const read = await adapter.readListing(ctx, { externalId: 'LATE', sku: 'LATE' });
    assert.deepEqual([read.qty, read.status], [1, 'inactive']);
    assert.match((await am.view('LATE')).native.issues[0]?.message ?? '', /rejected after acceptance/);
  });
});

describe('Amazon listings', () => {
  test('publishes through a feed UPDATE (yellow until Amazon shows it), then takes it off sale', async () => {
    const ctx = await am.connect();
    const product = {
      sku: 'NEW',
      name: 'Caneca',
      description: null,
      qty: 4,
      price: 39.9,
      promotionalPrice: null,
      brand: 'Cais',
      ean: '7891234567895',
      images: [],
      variations: [],
    };
    const result = await adapter.publish(ctx, product);
    assert.deepEqual(result, {
      ref: { externalId: 'NEW', sku: 'NEW' },
      variations: undefined,
      status: 'pending',
    });
    const view = await am.view('NEW');
    assert.deepEqual([view.stock, view.price, view.status], [4, 39.9, 'BUYABLE']);
    assert.equal((await adapter.readListing(ctx, result.ref)).status, 'active');
    await adapter.unpublish(ctx, result.ref);
    assert.equal((await am.view('NEW')).stock, 0);
    await adapter.unpublish(ctx, { externalId: 'GONE', sku: 'GONE' });
  });

  test('a publish Amazon refuses is a permanent error with its message', async () => {
    const ctx = await am.connect();
    const product = {
      sku: 'NOPRICE',
      name: 'x',
      description: null,
      qty: 1,
      price: 0,
      promotionalPrice: null,
      brand: null,
      ean: null,
      images: [],
      variations: [],
    };
    await assert.rejects(adapter.publish(ctx, { ...product, ean: '7891234567895' }), {
      failure: 'permanent',
      marketplaceMessage: "The value for 'our_price' must be greater than 0.",
    });
  });

  test('a product with an EAN is an offer on the Amazon product it matches: LISTING_OFFER_ONLY (A10)', async () => {
    const ctx = await am.connect();
    const product = {
      sku: 'MATCH',
      name: 'Caneca',
      description: null,
      qty: 2,
      price: 20,
      promotionalPrice: null,
      brand: 'Cais',
      ean: '7891234567895',
      images: [],
      variations: [],
    };
    assert.equal((await adapter.publish(ctx, product)).status, 'pending');
    const [message] = await am.writes('feeds.message');
    const body = message?.body as {
      requirements?: string;
      productType?: string;
      attributes?: Record<string, unknown>;
    };
    assert.deepEqual([body.requirements, body.productType], ['LISTING_OFFER_ONLY', 'PRODUCT']);
    assert.deepEqual(Object.keys(body.attributes ?? {}).sort(), [
      'condition_type',
      'externally_assigned_product_identifier',
      'fulfillment_availability',
      'purchasable_offer',
    ]);
    assert.equal((await am.view('MATCH')).stock, 2);
  });

  test('a product without an EAN needs the connection’s product type: refused before any feed (A10)', async () => {
    const ctx = await am.connect();
    const product = {
      sku: 'NOEAN',
      name: 'Caneca',
      description: null,
      qty: 2,
      price: 20,
      promotionalPrice: null,
      brand: 'Cais',
      ean: null,
      images: [],
      variations: [],
    };
    await assert.rejects(adapter.publish(ctx, product), {
      failure: 'permanent',
      code: 'amazon.product_type_needed',
    });
    assert.deepEqual(await am.writes('feeds.create'), [], 'nothing Amazon would refuse is sent');
  });
});
