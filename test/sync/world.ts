/**
 * A small world for sync tests: the simulator in-process, a Cais app on a fresh database, one
 * seller connected to simulated Mercado Livre through the real OAuth consent, and helpers to read
 * what the simulator shows and what it received.
 */
import type { FastifyInstance } from 'fastify';
import { startSimulator } from '../../simulator/server.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import type { RunnerDeps } from '../../src/sync/runner.ts';
import type { SyncJobData } from '../../src/sync/scheduler.ts';
import { createTestApp, type TestApp, testSecretKey } from '../helpers.ts';

export const ML_CLIENT = { id: '1234567890123456', secret: 'ml-sim-secret' };

export interface World {
  t: TestApp;
  sim: Awaited<ReturnType<typeof startSimulator>>;
  connectionId: number;
  runner: RunnerDeps & { cipher: Cipher };
  api(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  control(method: string, path: string, body?: unknown): Promise<any>;
  listing(
    sku: string,
  ): Promise<{ id: string; stock: number; price: number; promotional_price: number | null; status: string }>;
  writes(itemId: string): Promise<{ operation: string; status: number; body: any }[]>;
  attachQueue(enqueue: (data: SyncJobData) => Promise<boolean>): void;
  close(): Promise<void>;
}

export async function inject(
  app: FastifyInstance,
  headers: Record<string, string>,
  method: string,
  url: string,
  body?: unknown,
) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

export async function createWorld(
  options: { simulator?: Parameters<typeof startSimulator>[0]; env?: Record<string, string> } = {},
): Promise<World> {
  const sim = await startSimulator({ seed: 42, ...options.simulator });
  // The app's "run now" queues through whatever queue a test attaches (see World.attachQueue).
  let queue: ((data: SyncJobData) => Promise<boolean>) | undefined;
  const t = await createTestApp(options.env ?? {}, {
    enqueueRun: (data) => (queue ? queue(data) : Promise.resolve(false)),
  });
  const api = (method: string, url: string, body?: unknown) =>
    inject(t.app, t.seller.headers, method, url, body);
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const connectionId = await connectMercadoLivre(t, api, sim.baseUrl('mercadolivre'));
  const cipher = new Cipher(Buffer.from(testSecretKey, 'hex'));
  return {
    t,
    sim,
    connectionId,
    runner: {
      db: t.db,
      cipher,
      retry: { attempts: 2, baseMs: 5, maxMs: 20 },
      limits: { retryBaseMs: 1, retryMaxMs: 5 },
    },
    api,
    control,
    attachQueue(enqueue) {
      queue = enqueue;
    },
    async listing(sku) {
      const found = await control('GET', `/mercadolivre/listings?sku=${encodeURIComponent(sku)}`);
      const list = Array.isArray(found) ? found : (found.listings ?? found.results);
      if (!list?.[0]) throw new Error(`no simulated listing with sku ${sku}`);
      return list[0];
    },
    async writes(itemId) {
      const log = await control('GET', `/writes?channel=mercadolivre&item=${itemId}&limit=1000`);
      return log.entries.filter((e: { operation: string }) => e.operation === 'items.update');
    },
    async close() {
      await t.close();
      await sim.close();
    },
  };
}

/** The real consent: Cais answers the marketplace's consent URL, the browser follows it back. */
async function connectMercadoLivre(t: TestApp, api: World['api'], baseUrl: string): Promise<number> {
  const created = await api('POST', '/connections', {
    connection: {
      channel: 'mercadolivre',
      name: 'Mercado Livre',
      base_url: baseUrl,
      client_id: ML_CLIENT.id,
      client_secret: ML_CLIENT.secret,
      credentials: { extra: { categoryId: 'MLB1055' } },
    },
  });
  if (created.status !== 201) throw new Error(`create connection: ${JSON.stringify(created.body)}`);
  const consent = await fetch(created.body.authorize_url, { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  const callback = await t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
  const body = JSON.parse(callback.body);
  if (body.connection?.status !== 'active') throw new Error(`consent did not activate: ${callback.body}`);
  return created.body.connection.id;
}

/** A product in Cais, connected (published) to the world's Mercado Livre connection. */
export async function connectedProduct(world: World, sku: string, qty = 10, price = 99.9) {
  const created = await world.api('POST', '/products', {
    // Magalu refuses a SKU without description and brand (G1), so the test product has both.
    product: { sku, name: `Produto ${sku}`, description: `Descrição de ${sku}`, brand: 'Cais', qty, price },
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const connected = await world.api('POST', `/products/${sku}/listings/${world.connectionId}`);
  if (connected.status !== 201 || connected.body.listings[0].flag !== 'green')
    throw new Error(JSON.stringify(connected.body));
  return connected.body.listings[0] as { external_id: string };
}
