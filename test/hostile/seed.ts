/**
 * One account with some of everything, built through the API as a seller would: products with a
 * variation, taxonomy, a Mercado Livre connection (the simulator, through the real consent) with
 * rules and a green listing, a schedule, runs, a sync error, orders (a test order and an imported
 * one, with an order sync error), custom statuses, a webhook endpoint with deliveries, a console
 * user and a second API key. The hostile tests aim at these ids.
 */
import type { FastifyInstance } from 'fastify';
import { runOrderImport } from '../../src/orders/import.ts';
import { relayDue } from '../../src/orders/relay.ts';
import { runSync } from '../../src/sync/runner.ts';
import { createWorld, type World } from '../sync/world.ts';

export interface Seeded {
  skus: { product: string; variation: string; listed: string; other: string };
  categoryCode: string;
  attributeName: string;
  connectionId: number;
  scheduleId: number;
  runId: number;
  syncErrorSku: string;
  testOrderCode: string;
  importedOrderCode: string;
  statusCode: string;
  webhookId: number;
  deliveryId: number;
  apiKeyId: number;
  userId: number;
}

export interface Browser {
  cookie: string;
  csrf: string;
}

type Api = World['api'];

const must = async (what: string, answer: Promise<{ status: number; body: any }>, status: number) => {
  const res = await answer;
  if (res.status !== status) throw new Error(`seed ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Logs a console user in; the cookie and CSRF token a browser would hold. */
export async function logIn(app: FastifyInstance, email: string, password: string): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/session', payload: { email, password } });
  if (res.statusCode !== 201) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  return { cookie: String(res.headers['set-cookie']).split(';')[0]!, csrf: res.json().csrf_token };
}

export function sessionApi(app: FastifyInstance, browser: Browser): Api {
  return async (method, url, body) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf, accept: 'application/json' },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
}

/** A world (simulator + app + ML connection) whose seller owns one of everything. */
export async function seededWorld(
  env: Record<string, string> = {},
): Promise<{ world: World; seeded: Seeded; owner: Browser }> {
  const world = await createWorld({ env });
  const { api, t } = world;
  const owner = await logIn(t.app, t.seller.email, 'secret-password');
  const session = sessionApi(t.app, owner);
  const p = 'SEED';
  const skus = { product: `${p}-1`, variation: `${p}-1-V`, listed: `${p}-2`, other: `${p}-3` };

  await must('category', api('POST', '/categories', { category: { code: 'seed-cat', name: 'Seed' } }), 201);
  await must(
    'attribute',
    api('POST', '/attributes', { attribute: { name: 'seed-attr', options: ['x'] } }),
    201,
  );
  await must(
    'product',
    api('POST', '/products', {
      product: {
        sku: skus.product,
        name: 'Produto semente',
        qty: 5,
        price: 50,
        categories: [{ code: 'seed-cat', name: 'Seed' }],
        variations: [{ sku: skus.variation, qty: 2 }],
      },
    }),
    201,
  );
  await must(
    'other',
    api('POST', '/products', { product: { sku: skus.other, name: 'Outro', qty: 1, price: 1 } }),
    201,
  );
  await must(
    'listed',
    api('POST', '/products', { product: { sku: skus.listed, name: 'Listado', qty: 7, price: 70 } }),
    201,
  );
  const connected = await must(
    'listing',
    api('POST', `/products/${skus.listed}/listings/${world.connectionId}`),
    201,
  );
  if (connected.listings[0].flag !== 'green') throw new Error(`seed listing: ${JSON.stringify(connected)}`);
  await must(
    'rules',
    api('PUT', `/connections/${world.connectionId}/rules`, { rules: { stock: { buffer_units: 1 } } }),
    200,
  );
  const schedule = await must(
    'schedule',
    api('POST', '/sync/schedules', {
      schedule: { connections: [world.connectionId], resources: ['stock'], every: '15m' },
    }),
    201,
  );

  // A run that delivers, then one that fails, which leaves a (transient) sync error on the listing.
  await runSync(world.runner, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
  await must('stock', api('PUT', `/products/${skus.listed}`, { product: { qty: 3 } }), 204);
  await world.control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
  const slowRetry = { ...world.runner, limits: { retryBaseMs: 60_000, retryMaxMs: 60_000 } };
  await runSync(slowRetry, { connectionId: world.connectionId, resource: 'stock', trigger: 'manual' });
  await world.control('DELETE', '/mercadolivre/faults/items.update');
  const runs = await must('runs', api('GET', '/sync/runs'), 200);
  const errors = await must('sync errors', api('GET', '/sync_errors/products'), 200);
  if (!errors.errors?.length) throw new Error('seed: the failed run left no sync error');

  const webhook = await must(
    'webhook',
    api('POST', '/webhooks', {
      webhook: {
        url: 'http://127.0.0.1:9/hooks',
        events: ['order.created', 'order.updated', 'sync_error.created'],
      },
    }),
    201,
  );
  await must(
    'status',
    api('POST', '/statuses', { status: { code: 'seed_status', label: 'Seed', type: 'NEW' } }),
    201,
  );
  const testOrder = await must(
    'test order',
    api('POST', '/orders', { order: { items: [{ id: skus.product, qty: 1, original_price: 50 }] } }),
    201,
  );
  const testOrderCode = testOrder.code ?? testOrder.order?.code;
  await must(
    'approval',
    api('POST', `/orders/${encodeURIComponent(testOrderCode)}/approval`, { status: 'payment_received' }),
    200,
  );

  const itemId = connected.listings[0].external_id as string;
  const bought = await world.control('POST', '/mercadolivre/orders', {
    items: [{ item_id: itemId, quantity: 1 }],
  });
  await runOrderImport(
    {
      db: t.db,
      cipher: world.runner.cipher,
      retry: { attempts: 2, baseMs: 5, maxMs: 20 },
      limits: { pageRetryBaseMs: 5, pageRetryMaxMs: 20 },
    },
    { connectionId: world.connectionId, trigger: 'manual' },
  );
  const importedOrderCode = `Mercado Livre-${bought.id}`;
  // Mercado Livre takes no cancellation through the API: the relay fails into an order sync error.
  await must(
    'cancel',
    api('POST', `/orders/${encodeURIComponent(importedOrderCode)}/cancel`, { status: 'order_canceled' }),
    200,
  );
  await relayDue({
    db: t.db,
    cipher: world.runner.cipher,
    retry: { attempts: 1, baseMs: 5, maxMs: 20 },
    limits: { baseMs: 20, maxMs: 50 },
  });
  const deliveries = await must('deliveries', api('GET', `/webhooks/${webhook.webhook.id}/deliveries`), 200);
  if (!deliveries.deliveries.length) throw new Error('seed: no webhook delivery was recorded');

  // Rehub: a bearer token for the key, and one recorded action.
  const token = await t.app.inject({
    method: 'POST',
    url: '/auth',
    headers: { 'x-accountmanager-key': 'erp' },
    payload: { user_email: t.seller.email, api_key: t.seller.apiKey },
  });
  if (token.statusCode !== 200) throw new Error(`seed rehub token: ${token.body}`);
  const rehub = await t.app.inject({
    method: 'POST',
    url: '/rehub/product_actions',
    headers: { authorization: `Bearer ${token.json().token}` },
    payload: { type: 'price_entry', skus: [skus.listed] },
  });
  if (rehub.statusCode !== 201) throw new Error(`seed rehub action: ${rehub.body}`);

  const key = await must('api key', session('POST', '/account/api-keys', { name: 'seed key' }), 201);
  const user = await must(
    'user',
    session('POST', '/account/users', {
      email: `seed-${t.seller.accountId}@example.com`,
      password: 'seed-password',
      role: 'viewer',
    }),
    201,
  );
  return {
    world,
    owner,
    seeded: {
      skus,
      categoryCode: 'seed-cat',
      attributeName: 'seed-attr',
      connectionId: world.connectionId,
      scheduleId: schedule.schedule.id,
      runId: runs.runs[0].id,
      syncErrorSku: skus.listed,
      testOrderCode,
      importedOrderCode,
      statusCode: 'seed_status',
      webhookId: webhook.webhook.id,
      deliveryId: deliveries.deliveries[0].id,
      apiKeyId: key.api_key.id,
      userId: user.user.id,
    },
  };
}
