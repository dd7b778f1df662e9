import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { TestSimulator } from '../test-support.ts';
import { assertConformant, defaultToken, openSimulator } from '../test-support.ts';
import { AM_DEFAULTS } from './control.ts';

const BR = 'A2Q3Y263D00KWC';
const JSON_TYPE = 'application/json; charset=UTF-8';
const FEEDS = '/feeds/2021-06-30';

let sim: TestSimulator;
let token: string;
before(async () => {
  sim = await openSimulator();
});
after(async () => {
  try {
    await assertConformant(sim.url);
  } finally {
    await sim.close();
  }
});
beforeEach(async () => {
  await sim.control('POST', '/reset');
  token = await defaultToken(sim, 'amazon');
  await sim.control('POST', '/amazon/listings', { sku: 'A', price: 10, quantity: 1 });
  await sim.control('POST', '/amazon/listings', { sku: 'B', price: 20, quantity: 2 });
});

const headers = () => ({ 'x-amz-access-token': token, 'user-agent': 'cais-simulator-test/1.0' });
const advance = (ms: number) => sim.control('POST', '/clock', { advance_ms: ms });
const stockPatch = (quantity: number) => [
  {
    op: 'replace',
    path: '/attributes/fulfillment_availability',
    value: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
  },
];
const feedOf = (messages: unknown[]) =>
  JSON.stringify({
    header: { sellerId: AM_DEFAULTS.sellerId, version: '2.0', issueLocale: 'pt_BR' },
    messages,
  });

async function document(): Promise<{ feedDocumentId: string; url: string }> {
  const created = await sim.call('amazon', 'POST', `${FEEDS}/documents`, {
    headers: headers(),
    json: { contentType: JSON_TYPE },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

const upload = (url: string, body: string, contentType = JSON_TYPE) =>
  fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body });

/** `expectInvalid`: the document does not fit the feed schema on purpose (the test's name). */
async function submit(content: string | null, expectInvalid?: string): Promise<string> {
  const doc = await document();
  if (content !== null) assert.equal((await upload(doc.url, content)).status, 200);
  const created = await sim.call('amazon', 'POST', `${FEEDS}/feeds`, {
    headers: headers(),
    json: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [BR], inputFeedDocumentId: doc.feedDocumentId },
    ...(expectInvalid === undefined ? {} : { expectInvalid }),
  });
  assert.equal(created.status, 202, JSON.stringify(created.body));
  return created.body.feedId;
}

const getFeed = async (id: string) =>
  (await sim.call('amazon', 'GET', `${FEEDS}/feeds/${id}`, { headers: headers() })).body;

async function report(feed: { resultFeedDocumentId: string }) {
  const doc = await sim.call('amazon', 'GET', `${FEEDS}/documents/${feed.resultFeedDocumentId}`, {
    headers: headers(),
  });
  assert.equal(doc.status, 200);
  const content = await fetch(doc.body.url);
  assert.equal(content.status, 200);
  return content.json() as Promise<{
    header: unknown;
    issues: Array<Record<string, unknown>>;
    summary: Record<string, number>;
  }>;
}

describe('Amazon Feeds 2021-06-30, JSON_LISTINGS_FEED', () => {
  test('document → upload → feed: IN_QUEUE → IN_PROGRESS → DONE, with a per-message report', async () => {
    const feedId = await submit(
      feedOf([
        { messageId: 1, sku: 'A', operationType: 'PATCH', productType: 'PRODUCT', patches: stockPatch(7) },
        { messageId: 2, sku: 'B', operationType: 'PATCH', productType: 'PRODUCT', patches: stockPatch(-3) },
        {
          messageId: 3,
          sku: 'GHOST',
          operationType: 'PATCH',
          productType: 'PRODUCT',
          patches: stockPatch(1),
        },
        {
          messageId: 4,
          sku: 'NEW',
          operationType: 'UPDATE',
          productType: 'SHIRT',
          attributes: {
            item_name: [{ value: 'Nova', marketplace_id: BR }],
            brand: [{ value: 'Cais', marketplace_id: BR }],
            purchasable_offer: [
              { marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 5 }] }] },
            ],
            fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 4 }],
          },
        },
      ]),
    );
    const queued = await getFeed(feedId);
    assert.equal(queued.processingStatus, 'IN_QUEUE');
    assert.equal(queued.feedType, 'JSON_LISTINGS_FEED');
    assert.equal(queued.resultFeedDocumentId, undefined);
    await advance(1000);
    assert.equal((await getFeed(feedId)).processingStatus, 'IN_PROGRESS');
    assert.equal(
      (await sim.control('GET', '/amazon/listings/A')).body.stock,
      1,
      'nothing applied while in progress',
    );
    await advance(2000);
    const done = await getFeed(feedId);
    assert.equal(done.processingStatus, 'DONE');
    assert.ok(done.processingEndTime);
    const processed = await report(done);
    assert.deepEqual(processed.summary, {
      errors: 2,
      warnings: 0,
      messagesProcessed: 4,
      messagesAccepted: 2,
      messagesInvalid: 2,
    });
    assert.deepEqual(
      processed.issues.map((entry) => [entry.messageId, entry.sku, entry.severity]),
      [
        [2, 'B', 'ERROR'],
        [3, 'GHOST', 'ERROR'],
      ],
    );
    assert.equal((await sim.control('GET', '/amazon/listings/A')).body.stock, 7);
    assert.equal((await sim.control('GET', '/amazon/listings/B')).body.stock, 2);
    const created = (await sim.control('GET', '/amazon/listings/NEW')).body;
    assert.deepEqual([created.stock, created.price, created.title], [4, 5, 'Nova']);
  });

  test('UPDATE requirements (A10): LISTING needs the product facts under a real type; LISTING_OFFER_ONLY needs a match', async () => {
    const offer = {
      purchasable_offer: [
        { marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 5 }] }] },
      ],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 2 }],
      condition_type: [{ value: 'new_new', marketplace_id: BR }],
    };
    const ean = [{ type: 'ean', value: '7891234567895', marketplace_id: BR }];
    const update = (messageId: number, sku: string, extra: Record<string, unknown>) => ({
      messageId,
      sku,
      operationType: 'UPDATE',
      productType: 'PRODUCT',
      ...extra,
    });
    const feedId = await submit(
      feedOf([
        update(1, 'FULL-GENERIC', { attributes: offer }),
        update(2, 'OFFER-NOMATCH', { requirements: 'LISTING_OFFER_ONLY', attributes: offer }),
        update(3, 'OFFER-EAN', {
          requirements: 'LISTING_OFFER_ONLY',
          attributes: { ...offer, externally_assigned_product_identifier: ean },
        }),
      ]),
    );
    await advance(3000);
    const processed = await report(await getFeed(feedId));
    assert.deepEqual(
      [...new Set(processed.issues.map((entry) => entry.sku))],
      ['FULL-GENERIC', 'OFFER-NOMATCH'],
    );
    assert.ok(processed.issues.some((entry) => entry.attributeName === 'productType'));
    assert.ok(processed.issues.some((entry) => entry.attributeName === 'merchant_suggested_asin'));
    assert.equal((await sim.control('GET', '/amazon/listings/OFFER-EAN')).body.stock, 2);
    assert.equal((await sim.control('GET', '/amazon/listings/FULL-GENERIC')).status, 404);
  });

  test('GZIP reports (A8): compressionAlgorithm GZIP, .gz bytes at the URL, Content-Encoding only when asked', async () => {
    await sim.control('PATCH', '/amazon/settings', { compress_reports: true });
    const feedId = await submit(
      feedOf([
        { messageId: 1, sku: 'A', operationType: 'PATCH', productType: 'PRODUCT', patches: stockPatch(4) },
      ]),
    );
    await advance(3000);
    const done = await getFeed(feedId);
    const path = `${FEEDS}/documents/${done.resultFeedDocumentId}`;
    const doc = await sim.call('amazon', 'GET', path, { headers: headers() });
    assert.equal(doc.body.compressionAlgorithm, 'GZIP');
    const raw = await fetch(doc.body.url);
    assert.equal(raw.headers.get('content-encoding'), null);
    const bytes = Buffer.from(await raw.arrayBuffer());
    assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], 'gzip magic bytes');
    const reportBody = JSON.parse(gunzipSync(bytes).toString('utf8'));
    assert.equal(reportBody.summary.messagesAccepted, 1);
    const encoded = await sim.call('amazon', 'GET', `${path}?enableContentEncodingUrlHeader=true`, {
      headers: headers(),
    });
    const decoded = await fetch(encoded.body.url);
    assert.equal(decoded.headers.get('content-encoding'), 'gzip');
    assert.equal(
      ((await decoded.json()) as { summary: { messagesAccepted: number } }).summary.messagesAccepted,
      1,
    );
  });

  test('the presigned upload URL expires after 5 minutes and is bound to the content type', async () => {
    const doc = await document();
    const wrongType = await upload(doc.url, '{}', 'text/plain');
    assert.equal(wrongType.status, 403);
    assert.match(await wrongType.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    await advance(5 * 60_000);
    const late = await upload(doc.url, feedOf([]));
    assert.equal(late.status, 403);
    const body = await late.text();
    assert.match(body, /<Code>AccessDenied<\/Code>/);
    assert.match(body, /Request has expired/);
    const tampered = await upload(doc.url.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature=00'), '{}');
    assert.equal(tampered.status, 403);
  });

  test('FATAL: a document never uploaded, or more than 25 000 messages', async () => {
    const empty = await submit(null, 'feeds: a document never uploaded');
    const messages = Array.from({ length: 25_001 }, (_, i) => ({
      messageId: i + 1,
      sku: 'A',
      operationType: 'DELETE',
    }));
    const huge = await submit(feedOf(messages), 'feeds: 25 001 messages');
    await advance(3000);
    for (const id of [empty, huge]) {
      const feed = await getFeed(id);
      assert.equal(feed.processingStatus, 'FATAL');
      const fatal = await report(feed);
      assert.equal(fatal.summary.messagesProcessed, 0);
      assert.equal(fatal.issues[0]!.severity, 'ERROR');
    }
    assert.equal(
      (await sim.control('GET', '/amazon/listings/A')).status,
      200,
      'a FATAL feed changes nothing',
    );
  });

  test('JSON_LISTINGS_FEED: 5 submissions per 5 minutes, then 429 QuotaExceeded', async () => {
    for (let i = 0; i < 5; i++) await submit(feedOf([{ messageId: 1, sku: 'A', operationType: 'DELETE' }]));
    const doc = await document();
    const sixth = await sim.call('amazon', 'POST', `${FEEDS}/feeds`, {
      headers: headers(),
      json: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [BR], inputFeedDocumentId: doc.feedDocumentId },
    });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.errors[0].code, 'QuotaExceeded');
    assert.equal(sixth.headers.get('x-amzn-ratelimit-limit'), '0.0083');
  });

  test('createFeed refuses an unknown document, a foreign marketplace, an unsupported feed type', async () => {
    const doc = await document();
    const post = (json: unknown) =>
      sim.call('amazon', 'POST', `${FEEDS}/feeds`, { headers: headers(), json });
    const base = {
      feedType: 'JSON_LISTINGS_FEED',
      marketplaceIds: [BR],
      inputFeedDocumentId: doc.feedDocumentId,
    };
    assert.equal((await post({ ...base, inputFeedDocumentId: 'nope' })).status, 400);
    assert.equal((await post({ ...base, marketplaceIds: ['ATVPDKIKX0DER'] })).status, 400);
    const legacy = await post({ ...base, feedType: 'POST_INVENTORY_AVAILABILITY_DATA' });
    assert.equal(legacy.status, 400);
    assert.equal(legacy.body.errors[0].code, 'InvalidInput');
  });

  test('cancelFeed works only while IN_QUEUE; getFeeds lists newest first', async () => {
    const first = await submit(feedOf([{ messageId: 1, sku: 'A', operationType: 'DELETE' }]));
    const cancel = (id: string) =>
      sim.call('amazon', 'DELETE', `${FEEDS}/feeds/${id}`, { headers: headers() });
    assert.equal((await cancel(first)).status, 200);
    await advance(3000);
    assert.equal((await getFeed(first)).processingStatus, 'CANCELLED');
    assert.equal(
      (await sim.control('GET', '/amazon/listings/A')).status,
      200,
      'a cancelled feed is not processed',
    );
    const second = await submit(feedOf([{ messageId: 1, sku: 'B', operationType: 'DELETE' }]));
    await advance(1500);
    assert.equal((await cancel(second)).status, 400);
    const list = await sim.call('amazon', 'GET', `${FEEDS}/feeds?feedTypes=JSON_LISTINGS_FEED&pageSize=1`, {
      headers: headers(),
    });
    assert.equal(list.body.feeds[0].feedId, second);
    assert.ok(list.body.nextToken);
  });
});
