/**
 * Tenant isolation on every route /openapi.json lists. Account A owns one of everything (seed.ts);
 * account B, with its API key and with a console session, aims at each of A's ids, SKUs and codes:
 * every answer is the 404 a missing id gets (not a 403, and word for word the same, so B cannot
 * even learn that A's thing exists), nothing of A's changes or is synced, and B's lists and
 * filters never show A's rows. A route added tomorrow with a path parameter fails the coverage
 * check below until it is added here.
 *
 * test/api/tenant-isolation.test.ts covers the catalog in depth; this file covers the breadth.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SyncJobData } from '../../src/sync/scheduler.ts';
import { createSeller, type Seller } from '../helpers.ts';
import { inject, type World } from '../sync/world.ts';
import { forbidOutboundNetwork } from './no-network.ts';
import { fillPath, type Operation, operationsOf, opName } from './openapi.ts';
import { type Browser, logIn, type Seeded, seededWorld, sessionApi } from './seed.ts';

forbidOutboundNetwork();

type Api = World['api'];

let world: World;
let seeded: Seeded;
let ownerA: Browser;
let a: Api;
let aSession: Api;
let sellerB: Seller;
let b: Api;
let bSession: Api;
let bWebhookId: number;
let operations: Operation[];
const enqueued: SyncJobData[] = [];

const B_SKU = 'B-OWN-1';
const B_HOOK_URL = 'http://127.0.0.1:9/b-hooks';

before(async () => {
  ({ world, seeded, owner: ownerA } = await seededWorld());
  world.attachQueue(async (data) => {
    enqueued.push(data);
    return true;
  });
  a = world.api;
  aSession = sessionApi(world.t.app, ownerA);
  sellerB = await createSeller(world.t.db, 'Loja B');
  // B's requests carry both SkyHub's headers and a Rehub bearer token for B's key.
  const token = await world.t.app.inject({
    method: 'POST',
    url: '/auth',
    headers: { 'x-accountmanager-key': 'erp' },
    payload: { user_email: sellerB.email, api_key: sellerB.apiKey },
  });
  assert.equal(token.statusCode, 200, token.body);
  const bHeaders = { ...sellerB.headers, authorization: `Bearer ${token.json().token}` };
  b = (method, url, body) => inject(world.t.app, bHeaders, method, url, body);
  bSession = sessionApi(world.t.app, await logIn(world.t.app, sellerB.email, 'secret-password'));
  assert.equal(
    (await b('POST', '/products', { product: { sku: B_SKU, name: 'De B', qty: 4, price: 4 } })).status,
    201,
  );
  const hook = await b('POST', '/webhooks', { webhook: { url: B_HOOK_URL, events: ['order.created'] } });
  assert.equal(hook.status, 201);
  bWebhookId = hook.body.webhook.id;
  operations = await operationsOf(world.t.app);
});
after(() => world.close());

/** Everything A can see; compared before and after B's attempts. */
async function stateOfA() {
  const s = seeded;
  const code = encodeURIComponent(s.importedOrderCode);
  const reads = [
    '/products',
    `/products/${s.skus.product}`,
    `/variations/${s.skus.variation}`,
    `/products/${s.skus.product}/history`,
    `/products/${s.skus.listed}/listings`,
    `/products/${s.skus.listed}/sync_status`,
    '/categories',
    '/attributes',
    '/connections',
    `/connections/${s.connectionId}/rules`,
    `/connections/${s.connectionId}/listings`,
    '/sync/schedules?status=all',
    '/sync/runs',
    '/sync_errors/products?status=open',
    '/sync_errors/products?status=ignored',
    '/sync_errors/orders?status=open',
    '/orders',
    `/orders/${code}`,
    `/orders/${code}/history`,
    `/orders/${encodeURIComponent(s.testOrderCode)}`,
    '/queues/orders/depth',
    '/statuses',
    '/settings/orders',
    '/webhooks',
    `/webhooks/${s.webhookId}/deliveries`,
  ];
  // Rehub's list is behind A's bearer token.
  const token = await world.t.app.inject({
    method: 'POST',
    url: '/auth',
    headers: { 'x-accountmanager-key': 'erp' },
    payload: { user_email: world.t.seller.email, api_key: world.t.seller.apiKey },
  });
  const actions = await world.t.app.inject({
    method: 'GET',
    url: '/rehub/product_actions?type=price_entry',
    headers: { authorization: `Bearer ${token.json().token}` },
  });
  const state: Record<string, unknown> = {};
  for (const url of reads) {
    const res = await a('GET', url);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
    state[url] = res.body;
  }
  for (const url of ['/account/api-keys', '/account/users']) state[url] = (await aSession('GET', url)).body;
  state['/rehub/product_actions'] = actions.json();
  return state;
}

// ---------------------------------------------------------------------------------------------
// A's ids for each path parameter, and a value nobody has, by route

const MISSING_TEXT = 'ZZ-MISSING-404';
const MISSING_ID = 987_654_321;

type Slot = { a: string; missing: string };

/** The value of A's that each path parameter names, by route. */
function slotsFor(op: Operation): Record<string, Slot> | undefined {
  const s = seeded;
  const text = (value: string): Slot => ({ a: value, missing: MISSING_TEXT });
  // Each numeric slot gets its own missing value, so the two of one path can be told apart.
  let n = 0;
  const id = (value: number): Slot => ({ a: String(value), missing: String(MISSING_ID + n++) });
  const slots: Record<string, Slot> = {};
  for (const { name } of op.parameters.filter((p) => p.in === 'path')) {
    const p = op.path;
    if (name === 'sku') slots.sku = text(p.startsWith('/variations') ? s.skus.variation : s.skus.listed);
    else if (name === 'connection') slots.connection = id(s.connectionId);
    else if (name === 'deliveryId') slots.deliveryId = id(s.deliveryId);
    else if (name === 'name' && p.startsWith('/attributes')) slots.name = text(s.attributeName);
    else if (name === 'code' && p.startsWith('/categories')) slots.code = text(s.categoryCode);
    else if (name === 'code' && p.startsWith('/statuses')) slots.code = text(s.statusCode);
    else if (name === 'code' && /^\/(orders|queues\/orders)\//.test(p))
      slots.code = text(s.importedOrderCode);
    else if (name === 'id' && p.startsWith('/connections/')) slots.id = id(s.connectionId);
    else if (name === 'id' && p.startsWith('/sync/schedules/')) slots.id = id(s.scheduleId);
    else if (name === 'id' && p.startsWith('/sync/runs/')) slots.id = id(s.runId);
    else if (name === 'id' && p.startsWith('/webhooks/')) slots.id = id(s.webhookId);
    else if (name === 'id' && p.startsWith('/account/api-keys/')) slots.id = id(s.apiKeyId);
    else if (name === 'id' && p.startsWith('/account/users/')) slots.id = id(s.userId);
    else return undefined;
  }
  return slots;
}

// Path parameters that do not name an account's data.
const notAccountData: Record<string, string> = {
  'GET /sync_errors/categories/{code}': 'error categories are a fixed list, the same for every account',
};

// A valid body for each route that takes one, so B's request reaches the lookup of A's id.
function bodyFor(op: Operation): unknown {
  const nfe = '35240112345678000190550010000000011000000010';
  const bodies: Record<string, unknown> = {
    'PUT /products/{sku}': { product: { qty: 0, price: 1 } },
    'POST /products/{sku}/variations': { variation: { sku: 'B-STOLEN-V', qty: 1 } },
    'PUT /variations/{sku}': { variation: { qty: 0 } },
    'PUT /categories/{code}': { category: { name: 'roubada' } },
    'PUT /attributes/{name}': { attribute: { label: 'roubado' } },
    'PATCH /connections/{id}': { connection: { name: 'roubada', enabled: false } },
    'POST /products/{sku}/listings/{connection}': {},
    'PUT /sync/schedules/{id}': {
      schedule: { connections: [seeded.connectionId], resources: ['stock'], every: '1m' },
    },
    'PUT /connections/{id}/rules': { rules: { stock: { buffer_units: 99 } } },
    'POST /connections/{id}/rules/preview': {
      rules: { stock: { buffer_units: 1 } },
      skus: [seeded.skus.listed],
    },
    'POST /orders/{code}/invoice': { invoice: { key: nfe } },
    'POST /orders/{code}/shipments': { shipment: { track: { code: 'BR1' } } },
    'POST /orders/{code}/delivery': {},
    'POST /orders/{code}/cancel': {},
    'POST /orders/{code}/shipment_exception': {},
    'POST /orders/{code}/approval': {},
    'PUT /statuses/{code}': { status: { label: 'roubado', type: 'NEW' } },
    'PUT /webhooks/{id}': { webhook: { url: B_HOOK_URL, events: ['order.created'] } },
    'POST /webhooks/{id}/replay': {},
  };
  return bodies[opName(op)] ?? (op.body ? {} : undefined);
}

/** Routes behind a console login (API keys cannot use them). */
const bySession = (op: Operation) => op.path.startsWith('/account/');

// Answers that are the same for every id, so they tell B nothing either.
const notFoundExceptions: Record<string, number> = {
  'PATCH /sync/schedules/{id}': 409, // schedules are immutable: refused before any lookup
};

// ---------------------------------------------------------------------------------------------

/** Text that only A's rows contain. */
function markersOfA(): string[] {
  const s = seeded;
  return [
    'SEED-',
    'Produto semente',
    s.categoryCode,
    s.attributeName,
    s.statusCode,
    s.testOrderCode,
    s.importedOrderCode.split('-').pop()!,
    world.t.seller.email,
    'seed key',
    `seed-${world.t.seller.accountId}@example.com`,
    'http://127.0.0.1:9/hooks',
  ];
}

describe('B’s lists and filters never show A’s rows', () => {
  test('every list route (no path parameter), by API key and by session', async () => {
    const markers = markersOfA();
    const checked: string[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
      for (const [how, call] of [
        ['key', b],
        ['session', bSession],
      ] as const) {
        if (bySession(op) && how === 'key') continue;
        // Rehub takes only its bearer token, never the console's cookie.
        if (op.path.startsWith('/rehub/') && how === 'session') continue;
        // A required query parameter gets B's own SKU (GET /listings?sku=...); Rehub's list wants a type.
        const required = op.parameters.filter((p) => p.in === 'query' && p.required);
        const query =
          op.path === '/rehub/product_actions'
            ? 'type=price_entry'
            : required.map((p) => `${p.name}=${B_SKU}`).join('&');
        const res = await call('GET', query ? `${op.path}?${query}` : op.path);
        if (op.path === '/session') continue;
        // An empty order queue answers 204.
        assert.ok(
          [200, 204].includes(res.status),
          `${op.path} [${how}]: ${res.status} ${JSON.stringify(res.body)}`,
        );
        const text = JSON.stringify(res.body ?? null);
        for (const marker of markers)
          assert.ok(!text.includes(marker), `${op.path} [${how}] shows ${marker}: ${text.slice(0, 400)}`);
        checked.push(op.path);
      }
    }
    assert.ok(checked.length >= 15, checked.join(' '));
  });

  test('filters naming A’s ids find nothing', async () => {
    const s = seeded;
    const markers = markersOfA();
    for (const url of [
      `/sync/runs?connection_id=${s.connectionId}`,
      `/sync/runs?schedule_id=${s.scheduleId}`,
      `/sync_errors/products?connection_id=${s.connectionId}`,
      '/sync_errors/products?error_category_code=stock_sync&status=open',
      '/sync_errors/orders?error_category_code=sync_order_skyhub_to_mtkp',
      `/listings?sku=${s.skus.listed}&sku=${s.skus.product}`,
      `/products?sku=${s.skus.product}`,
      `/orders?code=${encodeURIComponent(s.importedOrderCode)}`,
      `/webhooks/${bWebhookId}/deliveries`,
      `/webhooks/${bWebhookId}/deliveries?status=dead`,
    ]) {
      const res = await b('GET', url);
      assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
      const text = JSON.stringify(res.body);
      for (const marker of markers)
        assert.ok(!text.includes(marker), `${url} shows ${marker}: ${text.slice(0, 400)}`);
    }
  });

  test('the order queue hands B none of A’s orders', async () => {
    const markers = markersOfA();
    for (let i = 0; i < 3; i++) {
      const res = await b('GET', '/queues/orders');
      const text = JSON.stringify(res.body ?? null);
      for (const marker of markers) assert.ok(!text.includes(marker), `queue shows ${marker}`);
      if (res.status === 200 && res.body?.code)
        await b('DELETE', `/queues/orders/${encodeURIComponent(res.body.code)}`);
    }
  });
});

describe('account B aims at account A’s data on every route with a path parameter', () => {
  let before: unknown;

  test('A’s state is stable when nobody touches it (the comparison is meaningful)', async () => {
    before = await stateOfA();
    assert.deepEqual(await stateOfA(), before);
  });

  test('every route with a path parameter is covered', () => {
    const uncovered = operations
      .filter((op) => op.path.includes('{') && !notAccountData[opName(op)] && !slotsFor(op))
      .map(opName);
    assert.deepEqual(uncovered, [], 'add these routes to slotsFor()');
  });

  test('each answers B exactly as for an id nobody has: 404, word for word', async () => {
    const checked: string[] = [];
    for (const op of operations) {
      const slots = slotsFor(op);
      if (!slots || notAccountData[opName(op)] || !op.path.includes('{')) continue;
      const call = bySession(op) ? bSession : b;
      const variants = variantsOf(slots);
      for (const variant of variants) {
        const forA = await call(op.method, fillPath(op.path, variant.a), bodyFor(op));
        const missing = await call(op.method, fillPath(op.path, variant.missing), bodyFor(op));
        const where = `${opName(op)} ${JSON.stringify(variant.a)}`;
        const expected = notFoundExceptions[opName(op)] ?? 404;
        assert.equal(forA.status, expected, `${where}: ${JSON.stringify(forA.body)}`);
        assert.equal(missing.status, expected, `${where} (missing): ${JSON.stringify(missing.body)}`);
        assert.equal(typeof forA.body?.error, 'string', where);
        assert.deepEqual(
          forA.body,
          withTokens(missing.body, variant),
          `${where}: B can tell A’s id from a missing one`,
        );
        checked.push(where);
      }
    }
    assert.ok(checked.length >= 50, `only ${checked.length} checks`);
  });

  test('B cannot use A’s ids inside bodies and query strings either', async () => {
    const s = seeded;
    // A bulk call answers per item: for A's connection exactly as for one that does not exist.
    const connect = await b('POST', '/listings/connect', { connection_id: s.connectionId, skus: [B_SKU] });
    const connectMissing = await b('POST', '/listings/connect', { connection_id: MISSING_ID, skus: [B_SKU] });
    assert.deepEqual(
      connect,
      JSON.parse(JSON.stringify(connectMissing).replaceAll(String(MISSING_ID), String(s.connectionId))),
    );
    assert.equal(connect.body.results[0].code, 'connection_not_found');
    const schedule = await b('POST', '/sync/schedules', {
      schedule: { connections: [s.connectionId], resources: ['stock', 'price'], every: '1m' },
    });
    assert.equal(schedule.status, 404, JSON.stringify(schedule.body));
    const sync = await b('POST', `/products/${B_SKU}/sync?connection=${s.connectionId}`);
    assert.ok([404, 422].includes(sync.status), JSON.stringify(sync.body));
    const ignore = await b('PATCH', '/sync_errors/products', {
      errors: [{ entity_id: s.skus.listed, error_category_code: 'stock_sync' }],
    });
    assert.ok(ignore.status < 500, JSON.stringify(ignore.body));
    const retry = await b('POST', '/sync_errors/products/retry', { skus: [s.skus.listed] });
    assert.ok(retry.status < 500, JSON.stringify(retry.body));
    const ignoreOrders = await b('PATCH', '/sync_errors/orders', {
      errors: [{ entity_id: s.importedOrderCode, error_category_code: 'sync_order_skyhub_to_mtkp' }],
    });
    assert.ok(ignoreOrders.status < 500, JSON.stringify(ignoreOrders.body));
    const replay = await b('POST', `/webhooks/${bWebhookId}/replay`, { delivery_ids: [s.deliveryId] });
    assert.ok(replay.status < 500, JSON.stringify(replay.body));
    const body = await b('GET', `/webhooks/${bWebhookId}/deliveries/${s.deliveryId}/body`);
    assert.equal(body.status, 404, 'A’s delivery under B’s own webhook');
    const stocks = await b('PUT', '/stocks', [{ sku: s.skus.listed, qty: 0 }]);
    assert.equal(stocks.body.results[0].status, 'not_found');
    const prices = await b('PUT', '/prices', [{ sku: s.skus.listed, price: 1 }]);
    assert.equal(prices.body.results[0].status, 'not_found');
    // Rehub actions on A's connection or A's SKUs: as for ones that do not exist.
    const link = await b('POST', '/rehub/product_actions', {
      type: 'link',
      sku: B_SKU,
      connection_id: s.connectionId,
    });
    const linkMissing = await b('POST', '/rehub/product_actions', {
      type: 'link',
      sku: B_SKU,
      connection_id: MISSING_ID,
    });
    assert.equal(link.status, 404, JSON.stringify(link.body));
    assert.deepEqual(
      link.body,
      JSON.parse(JSON.stringify(linkMissing.body).replaceAll(String(MISSING_ID), String(s.connectionId))),
    );
    for (const type of ['unlink', 'price_entry']) {
      const res = await b('POST', '/rehub/product_actions', { type, skus: [s.skus.listed, s.skus.product] });
      assert.ok(res.status < 500, JSON.stringify(res.body));
    }
    // B's own test order for a SKU A also has reserves nothing of A's stock.
    const order = await b('POST', '/orders', {
      order: { items: [{ id: s.skus.listed, qty: 3, original_price: 1 }] },
    });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const approval = await b('POST', `/orders/${encodeURIComponent(order.body.code)}/approval`, {
      status: 'payment_received',
    });
    assert.equal(approval.status, 200, JSON.stringify(approval.body));
  });

  test('nothing of A’s changed, and nothing of A’s was queued to sync', async () => {
    assert.deepEqual(await stateOfA(), before);
    const ofA = enqueued.filter((job) => job.connectionId === seeded.connectionId);
    assert.deepEqual(ofA, [], 'B queued a run on A’s connection');
  });
});

/** A's value in every slot; for routes with two slots, also B's own thing in the other one. */
function variantsOf(slots: Record<string, Slot>) {
  const a = Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, encodeURIComponent(v.a)]));
  const missing = Object.fromEntries(
    Object.entries(slots).map(([k, v]) => [k, encodeURIComponent(v.missing)]),
  );
  const variants = [{ a, missing, tokens: Object.values(slots) }];
  if ('sku' in slots && 'connection' in slots) {
    // B's own SKU on A's connection.
    variants.push({
      a: { ...a, sku: B_SKU },
      missing: { ...missing, sku: B_SKU },
      tokens: [slots.connection!],
    });
  }
  if ('deliveryId' in slots) {
    // A's delivery under B's own endpoint.
    variants.push({
      a: { ...a, id: String(bWebhookId) },
      missing: { ...missing, id: String(bWebhookId) },
      tokens: [slots.deliveryId!],
    });
  }
  return variants;
}

/** The missing answer with the missing value replaced by A's: what B gets if A's is invisible. */
function withTokens(body: unknown, variant: { tokens: Slot[] }): unknown {
  let text = JSON.stringify(body);
  for (const slot of variant.tokens) text = text.replaceAll(slot.missing, slot.a);
  return JSON.parse(text);
}
