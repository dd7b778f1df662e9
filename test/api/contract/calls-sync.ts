/**
 * Calls exercising the operations of channels, connections, listings, schedules, runs, manual sync, sync_status, rules, sync errors: see harness.ts.
 */
import type { Answer, ContractCall, Hub } from './harness.ts';

const UNKNOWN_ID = 999_999;

function expect(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer;
}

/** A product in Cais, not connected anywhere. */
async function product(hub: Hub): Promise<string> {
  const sku = hub.unique('SY');
  const product = {
    sku,
    name: `Produto ${sku}`,
    description: `Descrição de ${sku}`,
    brand: 'Cais',
    qty: 8,
    price: 59.9,
  };
  expect(await hub.request('POST', '/products', { product }), 201, `create ${sku}`);
  return sku;
}

/** A product published to the world's Mercado Livre connection (green). */
async function connected(hub: Hub): Promise<string> {
  const sku = await product(hub);
  expect(
    await hub.request('POST', `/products/${sku}/listings/${hub.world.connectionId}`),
    201,
    `connect ${sku}`,
  );
  return sku;
}

/**
 * A product whose listing the marketplace closed: its sync failed, its flag shows red, a stock
 * error is open. Manual syncs are rate-limited per account (10 at once), so calls that only read
 * the outcome share one (`shared`).
 */
async function closed(hub: Hub, shared = false): Promise<string> {
  if (shared) {
    const made = sharedClosed.get(hub) ?? closed(hub);
    sharedClosed.set(hub, made);
    return made;
  }
  const sku = await connected(hub);
  const listed = (await hub.request('GET', `/products/${sku}/listings`)).body as {
    listings: { external_id: string }[];
  };
  await hub.world.control('PATCH', `/mercadolivre/listings/${listed.listings[0]?.external_id}`, {
    status: 'closed',
  });
  await hub.request('PUT', `/products/${sku}`, { product: { qty: 3 } });
  expect(await hub.request('POST', `/products/${sku}/sync`), 200, 'failing sync');
  return sku;
}

const sharedClosed = new WeakMap<Hub, Promise<string>>();

/** The runs of one manual sync, shared by the calls that read runs. */
function syncRuns(hub: Hub): Promise<number[]> {
  let made = sharedRuns.get(hub);
  if (!made) {
    made = (async () => {
      const synced = expect(await hub.request('POST', `/products/${await connected(hub)}/sync`), 200, 'sync');
      return (synced.body as { results: { run_id: number }[] }).results.map((r) => r.run_id);
    })();
    sharedRuns.set(hub, made);
  }
  return made;
}
const sharedRuns = new WeakMap<Hub, Promise<number[]>>();

/** A second Mercado Livre connection, waiting for the seller's consent. */
async function pendingConnection(hub: Hub): Promise<number> {
  const connection = {
    channel: 'mercadolivre',
    name: hub.unique('ML'),
    base_url: hub.world.sim.baseUrl('mercadolivre'),
    client_id: '1234567890123456',
    client_secret: 'ml-sim-secret',
  };
  const answer = expect(await hub.request('POST', '/connections', { connection }), 201, 'create connection');
  return (answer.body as { connection: { id: number } }).connection.id;
}

async function schedule(hub: Hub): Promise<number> {
  const body = {
    schedule: { connections: [hub.world.connectionId], resources: ['stock', 'price'], every: '15m' },
  };
  const answer = expect(await hub.request('POST', '/sync/schedules', body), 201, 'create schedule');
  return (answer.body as { schedule: { id: number } }).schedule.id;
}

/** A schedule made and then cancelled. */
async function cancelledSchedule(hub: Hub): Promise<number> {
  const id = await schedule(hub);
  expect(await hub.request('DELETE', `/sync/schedules/${id}`), 200, 'cancel');
  return id;
}

const rules = {
  stock: { buffer_units: 1, zero_below: 2 },
  price: {
    markup_percent: 10,
    rounding: '0.90',
    promotion: { percent_off: 10, starts_at: '2020-01-01T00:00:00Z', ends_at: '2099-01-01T00:00:00Z' },
  },
};

const syncCalls: ContractCall[] = [
  {
    operation: 'getSyncStatus',
    name: 'a connected product',
    status: 200,
    send: async (hub) => hub.request('GET', `/products/${await connected(hub)}/sync_status`),
  },
  {
    operation: 'getSyncStatus',
    name: 'a product under a rule promotion, after a manual sync',
    status: 200,
    send: async (hub) => {
      const sku = await connected(hub);
      const path = `/connections/${hub.world.connectionId}/rules`;
      expect(await hub.request('PUT', path, { rules }), 200, 'save rules');
      try {
        expect(await hub.request('POST', `/products/${sku}/sync`), 200, 'sync');
        return await hub.request('GET', `/products/${sku}/sync_status`);
      } finally {
        expect(await hub.request('PUT', path, { rules: {} }), 200, 'clear rules');
      }
    },
  },
  {
    operation: 'getSyncStatus',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('GET', '/products/NO-SUCH-SKU/sync_status'),
  },
  {
    operation: 'syncProduct',
    name: 'a connected product',
    status: 200,
    send: async (hub) => hub.request('POST', `/products/${await connected(hub)}/sync`),
  },
  {
    operation: 'syncProduct',
    name: 'a product connected nowhere',
    status: 422,
    send: async (hub) => hub.request('POST', `/products/${await product(hub)}/sync`),
  },
  {
    operation: 'syncProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('POST', '/products/NO-SUCH-SKU/sync'),
  },
  {
    operation: 'createSchedule',
    name: 'stock and price every 5 minutes',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/sync/schedules', {
        schedule: { connections: [hub.world.connectionId], resources: ['stock', 'price'], every: '5m' },
      }),
  },
  {
    operation: 'createSchedule',
    name: 'an unknown connection',
    status: 404,
    send: (hub) =>
      hub.request('POST', '/sync/schedules', {
        schedule: { connections: [UNKNOWN_ID], resources: ['stock'], every: '5m' },
      }),
  },
  {
    operation: 'createSchedule',
    name: 'an unknown frequency',
    status: 400,
    send: (hub) =>
      hub.request('POST', '/sync/schedules', {
        schedule: { connections: [hub.world.connectionId], resources: ['stock'], every: '2m' },
      }),
  },
  {
    operation: 'listSchedules',
    name: 'every schedule',
    status: 200,
    send: async (hub) => {
      await schedule(hub);
      return hub.request('GET', '/sync/schedules?status=all');
    },
  },
  {
    operation: 'listSchedules',
    name: 'an unknown status',
    status: 400,
    send: (hub) => hub.request('GET', '/sync/schedules?status=paused'),
  },
  {
    operation: 'getSchedule',
    name: 'a schedule',
    status: 200,
    send: async (hub) => hub.request('GET', `/sync/schedules/${await schedule(hub)}`),
  },
  {
    operation: 'getSchedule',
    name: 'an unknown schedule',
    status: 404,
    send: (hub) => hub.request('GET', `/sync/schedules/${UNKNOWN_ID}`),
  },
  {
    operation: 'cancelSchedule',
    name: 'a schedule',
    status: 200,
    send: async (hub) => hub.request('DELETE', `/sync/schedules/${await schedule(hub)}`),
  },
  {
    operation: 'cancelSchedule',
    name: 'a schedule already cancelled',
    status: 409,
    send: async (hub) => hub.request('DELETE', `/sync/schedules/${await cancelledSchedule(hub)}`),
  },
  {
    operation: 'cancelSchedule',
    name: 'an unknown schedule',
    status: 404,
    send: (hub) => hub.request('DELETE', `/sync/schedules/${UNKNOWN_ID}`),
  },
  {
    operation: 'replaceSchedule',
    name: 'a schedule',
    status: 200,
    send: async (hub) =>
      hub.request('PUT', `/sync/schedules/${await schedule(hub)}`, {
        schedule: { connections: [hub.world.connectionId], resources: ['orders'], every: 'continuous' },
      }),
  },
  {
    operation: 'replaceSchedule',
    name: 'a schedule already cancelled',
    status: 409,
    send: async (hub) =>
      hub.request('PUT', `/sync/schedules/${await cancelledSchedule(hub)}`, {
        schedule: { connections: [hub.world.connectionId], resources: ['stock'], every: '5m' },
      }),
  },
  {
    operation: 'replaceSchedule',
    name: 'an unknown schedule',
    status: 404,
    send: (hub) =>
      hub.request('PUT', `/sync/schedules/${UNKNOWN_ID}`, {
        schedule: { connections: [hub.world.connectionId], resources: ['stock'], every: '5m' },
      }),
  },
  {
    operation: 'runSchedule',
    name: 'a schedule',
    status: 202,
    send: async (hub) => hub.request('POST', `/sync/schedules/${await schedule(hub)}/run`),
  },
  {
    operation: 'runSchedule',
    name: 'an unknown schedule',
    status: 404,
    send: (hub) => hub.request('POST', `/sync/schedules/${UNKNOWN_ID}/run`),
  },
  {
    operation: 'listRuns',
    name: 'the runs of a manual sync',
    status: 200,
    send: async (hub) => {
      await syncRuns(hub);
      return hub.request('GET', `/sync/runs?connection_id=${hub.world.connectionId}&limit=5`);
    },
  },
  {
    operation: 'listRuns',
    name: 'a limit above 200',
    status: 400,
    send: (hub) => hub.request('GET', '/sync/runs?limit=201'),
  },
  {
    operation: 'getRun',
    name: 'a run',
    status: 200,
    send: async (hub) => {
      const [first] = await syncRuns(hub);
      return hub.request('GET', `/sync/runs/${first}`);
    },
  },
  {
    operation: 'getRun',
    name: 'an unknown run',
    status: 404,
    send: (hub) => hub.request('GET', `/sync/runs/${UNKNOWN_ID}`),
  },
];

const ruleCalls: ContractCall[] = [
  {
    operation: 'getRules',
    name: "the connection's rules",
    status: 200,
    send: (hub) => hub.request('GET', `/connections/${hub.world.connectionId}/rules`),
  },
  {
    operation: 'getRules',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('GET', `/connections/${UNKNOWN_ID}/rules`),
  },
  {
    operation: 'replaceRules',
    name: 'the same rules saved again',
    status: 200,
    send: async (hub) => {
      const path = `/connections/${hub.world.connectionId}/rules`;
      const saved = expect(await hub.request('GET', path), 200, 'rules');
      return hub.request('PUT', path, saved.body);
    },
  },
  {
    operation: 'replaceRules',
    name: 'a negative buffer',
    status: 400,
    send: (hub) =>
      hub.request('PUT', `/connections/${hub.world.connectionId}/rules`, {
        rules: { stock: { buffer_units: -1 } },
      }),
  },
  {
    operation: 'replaceRules',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('PUT', `/connections/${UNKNOWN_ID}/rules`, { rules }),
  },
  {
    operation: 'previewRules',
    name: 'a markup and a rule promotion',
    status: 200,
    send: async (hub) =>
      hub.request('POST', `/connections/${hub.world.connectionId}/rules/preview`, {
        rules,
        skus: [await connected(hub)],
      }),
  },
  {
    operation: 'previewRules',
    name: 'the saved rules',
    status: 200,
    send: (hub) => hub.request('POST', `/connections/${hub.world.connectionId}/rules/preview`, {}),
  },
  {
    operation: 'previewRules',
    name: 'an unknown rounding',
    status: 400,
    send: (hub) =>
      hub.request('POST', `/connections/${hub.world.connectionId}/rules/preview`, {
        rules: { price: { rounding: '0.95' } },
      }),
  },
  {
    operation: 'previewRules',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('POST', `/connections/${UNKNOWN_ID}/rules/preview`, {}),
  },
];

const connectionCalls: ContractCall[] = [
  {
    operation: 'listChannels',
    name: 'every marketplace',
    status: 200,
    send: (hub) => hub.request('GET', '/channels'),
  },
  {
    operation: 'createConnection',
    name: 'an OAuth marketplace: the consent URL',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/connections', {
        connection: {
          channel: 'mercadolivre',
          name: hub.unique('ML'),
          base_url: hub.world.sim.baseUrl('mercadolivre'),
          client_id: '1234567890123456',
          client_secret: 'ml-sim-secret',
        },
      }),
  },
  {
    operation: 'createConnection',
    name: 'a name already taken',
    status: 409,
    send: (hub) =>
      hub.request('POST', '/connections', {
        connection: { channel: 'mercadolivre', name: 'Mercado Livre', client_id: '1', client_secret: '2' },
      }),
  },
  {
    operation: 'createConnection',
    name: 'OAuth without the app credentials',
    status: 400,
    send: (hub) => hub.request('POST', '/connections', { connection: { channel: 'mercadolivre' } }),
  },
  {
    operation: 'createConnection',
    name: 'an unknown marketplace',
    status: 400,
    send: (hub) => hub.request('POST', '/connections', { connection: { channel: 'ebay' } }),
  },
  {
    operation: 'listConnections',
    name: 'the connections',
    status: 200,
    send: (hub) => hub.request('GET', '/connections'),
  },
  {
    operation: 'getConnection',
    name: 'the Mercado Livre connection',
    status: 200,
    send: (hub) => hub.request('GET', `/connections/${hub.world.connectionId}`),
  },
  {
    operation: 'getConnection',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('GET', `/connections/${UNKNOWN_ID}`),
  },
  {
    operation: 'updateConnection',
    name: 'a rename',
    status: 200,
    send: async (hub) =>
      hub.request('PATCH', `/connections/${await pendingConnection(hub)}`, {
        connection: { name: hub.unique('Renamed') },
      }),
  },
  {
    operation: 'updateConnection',
    name: 'new app credentials: the consent URL again',
    status: 200,
    send: async (hub) =>
      hub.request('PATCH', `/connections/${await pendingConnection(hub)}`, {
        connection: { client_id: '1234567890123456', client_secret: 'ml-sim-secret' },
      }),
  },
  {
    operation: 'updateConnection',
    name: 'a name already taken',
    status: 409,
    send: async (hub) =>
      hub.request('PATCH', `/connections/${await pendingConnection(hub)}`, {
        connection: { name: 'Mercado Livre' },
      }),
  },
  {
    operation: 'updateConnection',
    name: 'an unknown field',
    status: 400,
    send: (hub) =>
      hub.request('PATCH', `/connections/${hub.world.connectionId}`, { connection: { colour: 'blue' } }),
  },
  {
    operation: 'updateConnection',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('PATCH', `/connections/${UNKNOWN_ID}`, { connection: { enabled: true } }),
  },
  {
    operation: 'deleteConnection',
    name: 'a connection covered by a schedule',
    status: 200,
    send: async (hub) => {
      const id = await pendingConnection(hub);
      const body = {
        schedule: { connections: [id, hub.world.connectionId], resources: ['stock'], every: '1h' },
      };
      expect(await hub.request('POST', '/sync/schedules', body), 201, 'schedule');
      return hub.request('DELETE', `/connections/${id}`);
    },
  },
  {
    operation: 'deleteConnection',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('DELETE', `/connections/${UNKNOWN_ID}`),
  },
  {
    operation: 'testConnection',
    name: 'the Mercado Livre connection',
    status: 200,
    send: (hub) => hub.request('POST', `/connections/${hub.world.connectionId}/test`),
  },
  {
    operation: 'testConnection',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('POST', `/connections/${UNKNOWN_ID}/test`),
  },
  {
    operation: 'authorizeConnection',
    name: 'a connection waiting for consent',
    status: 200,
    send: async (hub) => hub.request('POST', `/connections/${await pendingConnection(hub)}/authorize`),
  },
  {
    operation: 'authorizeConnection',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('POST', `/connections/${UNKNOWN_ID}/authorize`),
  },
  {
    operation: 'listConnectionListings',
    name: 'a page of one green listing',
    status: 200,
    send: async (hub) => {
      await connected(hub);
      return hub.request('GET', `/connections/${hub.world.connectionId}/listings?flag=green&limit=1`);
    },
  },
  {
    operation: 'listConnectionListings',
    name: 'an unknown flag',
    status: 400,
    send: (hub) => hub.request('GET', `/connections/${hub.world.connectionId}/listings?flag=blue`),
  },
  {
    operation: 'listConnectionListings',
    name: 'an unknown connection',
    status: 404,
    send: (hub) => hub.request('GET', `/connections/${UNKNOWN_ID}/listings`),
  },
];

const listingCalls: ContractCall[] = [
  {
    operation: 'listProductListings',
    name: 'a connected product',
    status: 200,
    send: async (hub) => hub.request('GET', `/products/${await connected(hub)}/listings`),
  },
  {
    operation: 'listProductListings',
    name: 'a listing the marketplace closed (red)',
    status: 200,
    send: async (hub) => hub.request('GET', `/products/${await closed(hub, true)}/listings`),
  },
  {
    operation: 'listProductListings',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('GET', '/products/NO-SUCH-SKU/listings'),
  },
  {
    operation: 'connectProduct',
    name: 'publish a product',
    status: 201,
    send: async (hub) =>
      hub.request('POST', `/products/${await product(hub)}/listings/${hub.world.connectionId}`),
  },
  {
    operation: 'connectProduct',
    name: 'a connection waiting for consent',
    status: 422,
    send: async (hub) =>
      hub.request('POST', `/products/${await product(hub)}/listings/${await pendingConnection(hub)}`),
  },
  {
    operation: 'connectProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('POST', `/products/NO-SUCH-SKU/listings/${hub.world.connectionId}`),
  },
  {
    operation: 'connectProduct',
    name: 'an unknown field',
    status: 400,
    send: async (hub) =>
      hub.request('POST', `/products/${await product(hub)}/listings/${hub.world.connectionId}`, { id: 'x' }),
  },
  {
    operation: 'republishListing',
    name: 'a listing the marketplace closed',
    status: 200,
    send: async (hub) =>
      hub.request('POST', `/products/${await closed(hub)}/listings/${hub.world.connectionId}/republish`),
  },
  {
    operation: 'republishListing',
    name: 'an open listing',
    status: 422,
    send: async (hub) =>
      hub.request('POST', `/products/${await connected(hub)}/listings/${hub.world.connectionId}/republish`),
  },
  {
    operation: 'republishListing',
    name: 'an unknown connection',
    status: 404,
    send: async (hub) =>
      hub.request('POST', `/products/${await connected(hub)}/listings/${UNKNOWN_ID}/republish`),
  },
  {
    operation: 'disconnectProduct',
    name: 'a connected product',
    status: 200,
    send: async (hub) =>
      hub.request('DELETE', `/products/${await connected(hub)}/listings/${hub.world.connectionId}`),
  },
  {
    operation: 'disconnectProduct',
    name: 'a product connected nowhere',
    status: 422,
    send: async (hub) =>
      hub.request('DELETE', `/products/${await product(hub)}/listings/${hub.world.connectionId}`),
  },
  {
    operation: 'disconnectProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('DELETE', `/products/NO-SUCH-SKU/listings/${hub.world.connectionId}`),
  },
  {
    operation: 'connectProducts',
    name: 'a product and an unknown SKU',
    status: 200,
    send: async (hub) =>
      hub.request('POST', '/listings/connect', {
        connection_id: hub.world.connectionId,
        skus: [await product(hub), 'NO-SUCH-SKU'],
      }),
  },
  {
    operation: 'connectProducts',
    name: 'a SKU twice',
    status: 400,
    send: (hub) =>
      hub.request('POST', '/listings/connect', { connection_id: hub.world.connectionId, skus: ['A', 'A'] }),
  },
];

const syncErrorCalls: ContractCall[] = [
  {
    operation: 'listErrorCategories',
    name: 'after a refused stock',
    status: 200,
    send: async (hub) => {
      await closed(hub, true);
      return hub.request('GET', '/sync_errors/categories');
    },
  },
  {
    operation: 'getErrorCategory',
    name: 'stock not synchronised',
    status: 200,
    send: (hub) => hub.request('GET', '/sync_errors/categories/stock_sync'),
  },
  {
    operation: 'getErrorCategory',
    name: 'an order category',
    status: 200,
    send: (hub) => hub.request('GET', '/sync_errors/categories/sync_order_skyhub_to_mtkp'),
  },
  {
    operation: 'getErrorCategory',
    name: 'a SkyHub category Cais never files under',
    status: 200,
    send: (hub) => hub.request('GET', '/sync_errors/categories/link_b2w_products'),
  },
  {
    operation: 'getErrorCategory',
    name: 'an unknown category',
    status: 400,
    send: (hub) => hub.request('GET', '/sync_errors/categories/no_such_category'),
  },
  {
    operation: 'listProductErrors',
    name: 'a refused stock',
    status: 200,
    send: async (hub) => {
      await closed(hub, true);
      return hub.request('GET', '/sync_errors/products?error_category_code=stock_sync&per_page=5');
    },
  },
  {
    operation: 'listProductErrors',
    name: 'an unknown category',
    status: 400,
    send: (hub) => hub.request('GET', '/sync_errors/products?error_category_code=no_such_category'),
  },
  {
    operation: 'ignoreProductErrors',
    name: 'a refused stock',
    status: 204,
    send: async (hub) => {
      const sku = await closed(hub, true);
      return hub.request('PATCH', '/sync_errors/products', {
        errors: [{ entity_id: sku, error_category_code: 'stock_sync' }],
      });
    },
  },
  {
    operation: 'ignoreProductErrors',
    name: 'an unknown category',
    status: 400,
    send: (hub) =>
      hub.request('PATCH', '/sync_errors/products', {
        errors: [{ entity_id: 'A', error_category_code: 'no_such_category' }],
      }),
  },
  {
    operation: 'retryProductErrors',
    name: 'a refused stock',
    status: 200,
    send: async (hub) =>
      hub.request('POST', '/sync_errors/products/retry', {
        skus: [await closed(hub, true)],
        error_category_code: 'stock_sync',
      }),
  },
  {
    operation: 'retryProductErrors',
    name: 'an unknown category',
    status: 400,
    send: (hub) =>
      hub.request('POST', '/sync_errors/products/retry', { error_category_code: 'no_such_category' }),
  },
  {
    operation: 'listOrderErrors',
    name: 'the open order errors',
    status: 200,
    send: (hub) => hub.request('GET', '/sync_errors/orders?error_category_code=sync_order_skyhub_to_mtkp'),
  },
  {
    operation: 'listOrderErrors',
    name: 'an unknown category',
    status: 400,
    send: (hub) => hub.request('GET', '/sync_errors/orders?error_category_code=stock_sync'),
  },
  {
    operation: 'ignoreOrderErrors',
    name: "an order's refused status",
    status: 204,
    send: (hub) =>
      hub.request('PATCH', '/sync_errors/orders', {
        errors: [{ entity_id: 'MLB-2000001', error_category_code: 'sync_order_skyhub_to_mtkp' }],
      }),
  },
  {
    operation: 'ignoreOrderErrors',
    name: 'an unknown category',
    status: 400,
    send: (hub) =>
      hub.request('PATCH', '/sync_errors/orders', {
        errors: [{ entity_id: 'MLB-2000001', error_category_code: 'stock_sync' }],
      }),
  },
  {
    operation: 'retryOrderErrors',
    name: 'every failed relay',
    status: 200,
    send: (hub) => hub.request('POST', '/sync_errors/orders/retry', {}),
  },
  {
    operation: 'retryOrderErrors',
    name: 'an empty order code',
    status: 400,
    send: (hub) => hub.request('POST', '/sync_errors/orders/retry', { codes: [''] }),
  },
];

export const calls: ContractCall[] = [
  ...syncCalls,
  ...ruleCalls,
  ...connectionCalls,
  ...listingCalls,
  ...syncErrorCalls,
];
