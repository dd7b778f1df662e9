import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestSimulator } from '../test-support.ts';
import { assertConformant, defaultToken, openSimulator } from '../test-support.ts';
import { AM_DEFAULTS } from './control.ts';

const BR = 'A2Q3Y263D00KWC';
const ITEM = `/listings/2021-08-01/items/${AM_DEFAULTS.sellerId}`;

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator();
});
after(async () => {
  // Every request these tests sent fits Amazon's models, but those that say they do not.
  try {
    await assertConformant(sim.url);
  } finally {
    await sim.close();
  }
});
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'amazon');
  await sim.control('POST', '/amazon/listings', {
    sku: 'CAMISA-P',
    price: 59.9,
    quantity: 10,
    title: 'Camisa P',
  });
});

const headers = () => ({ 'x-amz-access-token': token, 'user-agent': 'cais-simulator-test/1.0' });
const get = (sku: string, included = 'summaries,offers,fulfillmentAvailability,issues') =>
  sim.call('amazon', 'GET', `${ITEM}/${sku}?marketplaceIds=${BR}&includedData=${included}`, {
    headers: headers(),
  });
const patch = (sku: string, patches: unknown[], extra = '', expectInvalid?: string) =>
  sim.call('amazon', 'PATCH', `${ITEM}/${sku}?marketplaceIds=${BR}${extra}`, {
    headers: headers(),
    json: { productType: 'PRODUCT', patches },
    ...(expectInvalid === undefined ? {} : { expectInvalid }),
  });
const stock = (quantity: unknown, op = 'replace') => ({
  op,
  path: '/attributes/fulfillment_availability',
  value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
});
const price = (ourPrice: number, sale?: { value: number; start_at: string; end_at: string }) => ({
  op: 'replace',
  path: '/attributes/purchasable_offer',
  value: [
    {
      marketplace_id: BR,
      currency: 'BRL',
      our_price: [{ schedule: [{ value_with_tax: ourPrice }] }],
      ...(sale === undefined
        ? {}
        : {
            discounted_price: [
              { schedule: [{ start_at: sale.start_at, end_at: sale.end_at, value_with_tax: sale.value }] },
            ],
          }),
    },
  ],
});
const view = async () => (await sim.control('GET', '/amazon/listings/CAMISA-P')).body;
const advance = (ms: number) => sim.control('POST', '/clock', { advance_ms: ms });

describe('Amazon Listings Items 2021-08-01', () => {
  test('GET answers the includedData asked, money as decimal strings', async () => {
    const answer = await get('CAMISA-P');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.sku, 'CAMISA-P');
    assert.deepEqual(answer.body.summaries[0].status, ['BUYABLE', 'DISCOVERABLE']);
    assert.match(answer.body.summaries[0].asin, /^B0[0-9A-Z]{8}$/);
    assert.deepEqual(answer.body.offers[0].price, { currencyCode: 'BRL', amount: '59.9' });
    assert.deepEqual(answer.body.fulfillmentAvailability, [
      { fulfillmentChannelCode: 'DEFAULT', quantity: 10 },
    ]);
    assert.equal(answer.body.attributes, undefined, 'attributes were not asked for');
    const summaries = await sim.call('amazon', 'GET', `${ITEM}/CAMISA-P?marketplaceIds=${BR}`, {
      headers: headers(),
    });
    assert.deepEqual(Object.keys(summaries.body), ['sku', 'summaries'], 'summaries by default');
  });

  test('PATCH stock answers ACCEPTED with a submissionId and shows only after the apply delay', async () => {
    const answer = await patch('CAMISA-P', [stock(3)]);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'ACCEPTED');
    assert.match(answer.body.submissionId, /^[0-9a-f]{32}$/);
    assert.deepEqual(answer.body.issues, []);
    assert.equal((await view()).stock, 10, 'accepted is not applied yet');
    assert.equal((await view()).native.pending_writes, 1);
    await advance(1000);
    assert.equal((await view()).stock, 3);
    assert.equal((await get('CAMISA-P')).body.fulfillmentAvailability[0].quantity, 3);
    const writes = (await sim.control('GET', '/writes?channel=amazon&target=CAMISA-P')).body.entries;
    assert.deepEqual(
      writes.map((entry: { operation: string; status: number }) => [entry.operation, entry.status]),
      [['listings.patch', 200]],
    );
  });

  test('merge updates the quantity and keeps the other fields', async () => {
    await sim.control('PATCH', '/amazon/settings', { apply_delay_ms: 0 });
    await patch('CAMISA-P', [
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 5, lead_time_to_ship_max_days: 3 }],
      },
    ]);
    assert.equal((await patch('CAMISA-P', [stock(7, 'merge')])).body.status, 'ACCEPTED');
    const attributes = (await get('CAMISA-P', 'attributes')).body.attributes;
    assert.deepEqual(attributes.fulfillment_availability, [
      { fulfillment_channel_code: 'DEFAULT', quantity: 7, lead_time_to_ship_max_days: 3 },
    ]);
  });

  test('purchasable_offer: our_price, and discounted_price only inside its window', async () => {
    const now = Date.now();
    const window = {
      value: 49.9,
      start_at: new Date(now - 60_000).toISOString(),
      end_at: new Date(now + 3_600_000).toISOString(),
    };
    assert.equal((await patch('CAMISA-P', [price(69.9, window)])).body.status, 'ACCEPTED');
    await advance(1000);
    const during = await view();
    assert.equal(during.price, 69.9);
    assert.equal(during.promotional_price, 49.9);
    await advance(3_600_000);
    assert.equal((await view()).promotional_price, null, 'the sale ended with its window');
  });

  test('INVALID with issues[] for a negative quantity, a zero price or a sale above the price; nothing applied', async () => {
    const negative = await patch('CAMISA-P', [stock(-1)]);
    assert.equal(negative.status, 200);
    assert.equal(negative.body.status, 'INVALID');
    assert.match(negative.body.submissionId, /^[0-9a-f]{32}$/);
    const [issue] = negative.body.issues;
    assert.equal(issue.severity, 'ERROR');
    assert.deepEqual(issue.attributeNames, ['fulfillment_availability']);
    assert.deepEqual(issue.categories, ['INVALID_ATTRIBUTE']);
    assert.equal(typeof issue.code, 'string');
    const zero = await patch('CAMISA-P', [price(0)]);
    assert.equal(zero.body.status, 'INVALID');
    assert.deepEqual(zero.body.issues[0].categories, ['INVALID_PRICE']);
    const now = Date.now();
    const above = await patch('CAMISA-P', [
      price(50, {
        value: 60,
        start_at: new Date(now).toISOString(),
        end_at: new Date(now + 60_000).toISOString(),
      }),
    ]);
    assert.equal(above.body.status, 'INVALID');
    const badPath = await patch(
      'CAMISA-P',
      [{ op: 'replace', path: '/attributes/a/b', value: [{}] }],
      '',
      'listings: a nested path',
    );
    assert.equal(badPath.body.status, 'INVALID');
    await advance(1000);
    const unchanged = await view();
    assert.deepEqual([unchanged.stock, unchanged.price], [10, 59.9]);
  });

  test('VALIDATION_PREVIEW answers VALID and applies nothing', async () => {
    const answer = await patch('CAMISA-P', [stock(1)], '&mode=VALIDATION_PREVIEW');
    assert.equal(answer.body.status, 'VALID');
    await advance(1000);
    assert.equal((await view()).stock, 10);
  });

  test('unknown SKU: GET → 404, PATCH → ACCEPTED and an incomplete offer (A4)', async () => {
    const missing = await get('NOPE');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.errors[0].code, 'NOT_FOUND');
    const patched = await patch('NOPE', [stock(1)]);
    assert.equal(patched.status, 200);
    assert.equal(patched.body.status, 'ACCEPTED');
    const created = await get('NOPE');
    assert.equal(created.status, 200);
    assert.deepEqual(created.body.summaries[0].status, ['DISCOVERABLE']);
    assert.deepEqual(
      created.body.issues.map((entry: { attributeNames: string[] }) => entry.attributeNames[0]),
      ['item_name', 'brand', 'condition_type'],
    );
  });

  test('a SKU holding / or # → 403 Unauthorized on every Listings Items path, encoded or not (A7)', async () => {
    await sim.control('POST', '/amazon/listings', { sku: 'KIT/2', price: 10, quantity: 1 });
    for (const sku of ['KIT%2F2', 'KIT%232']) {
      const read = await get(sku);
      assert.equal(read.status, 403);
      assert.equal(read.body.errors[0].code, 'Unauthorized');
      assert.equal((await patch(sku, [stock(1)])).status, 403);
    }
    assert.equal((await get('CAMISA-P')).status, 200);
  });

  test('no marketplaceIds or no productType → 400 InvalidInput; another seller → 403', async () => {
    const noMarket = await sim.call('amazon', 'PATCH', `${ITEM}/CAMISA-P`, {
      headers: headers(),
      json: { productType: 'PRODUCT', patches: [stock(1)] },
      expectInvalid: 'listings: no marketplaceIds',
    });
    assert.equal(noMarket.status, 400);
    assert.equal(noMarket.body.errors[0].code, 'InvalidInput');
    const noType = await sim.call('amazon', 'PATCH', `${ITEM}/CAMISA-P?marketplaceIds=${BR}`, {
      headers: headers(),
      json: { patches: [stock(1)] },
      expectInvalid: 'listings: no productType',
    });
    assert.equal(noType.status, 400);
    assert.match(noType.body.errors[0].details, /productType/);
    const other = await sim.call(
      'amazon',
      'GET',
      `/listings/2021-08-01/items/A9OTHERSELLER/CAMISA-P?marketplaceIds=${BR}`,
      {
        headers: headers(),
      },
    );
    assert.equal(other.status, 403);
  });

  test('accepted, then rejected later (partial_failure_rate): the issue shows on GET, the value does not', async () => {
    await sim.control('PUT', '/amazon/faults/listings.patch', { partial_failure_rate: 1 });
    assert.equal((await patch('CAMISA-P', [stock(2)])).body.status, 'ACCEPTED');
    await advance(1000);
    const read = await get('CAMISA-P');
    assert.equal(read.body.fulfillmentAvailability[0].quantity, 10);
    assert.equal(read.body.issues.length, 1);
    assert.equal(read.body.issues[0].severity, 'ERROR');
    assert.deepEqual(read.body.summaries[0].status, ['DISCOVERABLE']);
    await sim.control('DELETE', '/amazon/faults');
    await patch('CAMISA-P', [stock(2)]);
    await advance(1000);
    const fixed = await get('CAMISA-P');
    assert.deepEqual([fixed.body.fulfillmentAvailability[0].quantity, fixed.body.issues.length], [2, 0]);
  });

  test('a later patch never lands before an earlier one, even when the delay shrinks', async () => {
    await patch('CAMISA-P', [stock(1)]);
    await sim.control('PATCH', '/amazon/settings', { apply_delay_ms: 10 });
    await patch('CAMISA-P', [stock(2)]);
    await advance(1000);
    assert.equal((await view()).stock, 2);
  });

  test('DELETE answers ACCEPTED and the listing disappears after the delay', async () => {
    const answer = await sim.call('amazon', 'DELETE', `${ITEM}/CAMISA-P?marketplaceIds=${BR}`, {
      headers: headers(),
    });
    assert.equal(answer.body.status, 'ACCEPTED');
    assert.equal((await get('CAMISA-P')).status, 200);
    await advance(1000);
    assert.equal((await get('CAMISA-P')).status, 404);
  });
});
