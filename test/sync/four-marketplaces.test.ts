/**
 * One seller on all four simulated marketplaces: Mercado Livre and Magalu through their OAuth
 * consent, Amazon through Seller Central's consent (and by a pasted refresh token), Shopee
 * through its shop authorisation. The same products are listed on each; one stock and price
 * schedule covers the four; one ERP change reaches every marketplace through the worker
 * (pg-boss); and when each marketplace fails in its own way, the seller reads why, in that
 * marketplace's words, from sync_status and /sync_errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBoss } from '../../src/jobs/boss.ts';
import { enqueueRun } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/worker.ts';
import { createWorld, type World } from './world.ts';

const MAGALU = { id: 'magalu-sim-client', secret: 'magalu-sim-secret' };
const AMAZON = {
  id: 'amzn1.application-oa2-client.caissim00000000000000000001',
  secret: 'amzn-sim-secret',
  applicationId: 'amzn1.sp.solution.cais-sim-0000-0000-0000-000000000001',
  sellerId: 'A1CAISSIMSELLER',
  refreshToken: 'Atzr|cais-sim-default-refresh-token',
};
const SHOPEE = { partnerId: '2001887', partnerKey: 'shpk-cais-sim-partner-key', shopId: '880000001' };
const SKUS = ['QUATRO-1', 'QUATRO-2'];

type Channel = 'mercadolivre' | 'magalu' | 'amazon' | 'shopee';

let world: World;
let worker: Worker;
let stopBoss: () => Promise<void>;
const connections = {} as Record<Channel, number>;
/** SKU → channel → the listing's id at the marketplace (what the simulator's control API reads). */
const external: Record<string, Record<Channel, string>> = {};

before(async () => {
  world = await createWorld({
    simulator: {
      magalu: { applyDelayMs: 0 },
      amazon: { applyDelayMs: 0, feedQueueMs: 0, feedProcessingMs: 0 },
    },
  });
  connections.mercadolivre = world.connectionId;
  const boss = await startBoss(world.t.db, { schema: world.t.schema ? `${world.t.schema}_boss` : undefined });
  // A failed listing waits a minute before its retry: the test reads the error in between.
  worker = await startWorker({
    db: world.t.db,
    boss,
    cipher: world.runner.cipher,
    onError: (e) => console.error(e),
    limits: { retryBaseMs: 60_000, retryMaxMs: 60_000 },
  });
  stopBoss = () => boss.stop({ graceful: false });
  world.attachQueue((data) => enqueueRun(boss, data));
});

after(async () => {
  await idle().catch(() => undefined);
  await worker?.stop();
  await stopBoss?.();
  await world.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Follows the marketplace's consent like a browser, and lands on Cais's callback. */
async function consent(authorizeUrl: string): Promise<{ status: string; seller_id: string }> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const back = new URL(page.headers.get('location') ?? '');
  const callback = await world.t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
  return JSON.parse(callback.body).connection;
}

async function connect(
  body: Record<string, unknown>,
): Promise<{ id: number; status: string; seller_id: string }> {
  const created = await world.api('POST', '/connections', { connection: body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  if (created.body.authorize_url === undefined) return created.body.connection;
  const done = await consent(created.body.authorize_url);
  return { ...done, id: created.body.connection.id };
}

/** What each marketplace shows for a SKU now: stock and the price a buyer pays. */
async function shown(sku: string, channel: Channel): Promise<{ stock: number; price: number }> {
  const id = external[sku]![channel];
  const path =
    channel === 'mercadolivre'
      ? `/mercadolivre/listings/${id}`
      : `/${channel}/listings/${encodeURIComponent(id)}`;
  const view = await world.control('GET', path);
  return { stock: view.stock, price: view.promotional_price ?? view.price };
}

async function everywhere(sku: string, expected: { stock?: number; price?: number }): Promise<boolean> {
  for (const channel of Object.keys(connections) as Channel[]) {
    const view = await shown(sku, channel);
    if (expected.stock !== undefined && view.stock !== expected.stock) return false;
    if (expected.price !== undefined && view.price !== expected.price) return false;
  }
  return true;
}

/** The explanations for the four connections of this test (not the disabled pasted-token one). */
function ours(listings: { connection: { id: number } }[]): any[] {
  return listings.filter((l) => Object.values(connections).includes(l.connection.id));
}

const channelOf = (id: number) => (Object.keys(connections) as Channel[]).find((c) => connections[c] === id)!;

describe('one seller, four marketplaces', () => {
  it('connects Magalu, Amazon and Shopee through their consent, beside Mercado Livre', async () => {
    const magalu = await connect({
      channel: 'magalu',
      name: 'Magalu',
      base_url: world.sim.baseUrl('magalu'),
      client_id: MAGALU.id,
      client_secret: MAGALU.secret,
    });
    const amazon = await connect({
      channel: 'amazon',
      name: 'Amazon',
      base_url: world.sim.baseUrl('amazon'),
      client_id: AMAZON.id,
      client_secret: AMAZON.secret,
      credentials: { extra: { applicationId: AMAZON.applicationId } },
    });
    const shopee = await connect({
      channel: 'shopee',
      name: 'Shopee',
      base_url: world.sim.baseUrl('shopee'),
      client_id: SHOPEE.partnerId,
      client_secret: SHOPEE.partnerKey,
    });
    assert.deepEqual([magalu.status, amazon.status, shopee.status], ['active', 'active', 'active']);
    assert.equal(amazon.seller_id, AMAZON.sellerId, 'from the consent’s selling_partner_id');
    assert.equal(shopee.seller_id, SHOPEE.shopId, 'from the authorisation’s shop_id');
    Object.assign(connections, { magalu: magalu.id, amazon: amazon.id, shopee: shopee.id });
    const listed = await world.api('GET', '/connections');
    assert.deepEqual(
      listed.body.connections
        .map((c: { channel: string; status: string }) => `${c.channel}:${c.status}`)
        .sort(),
      ['amazon:active', 'magalu:active', 'mercadolivre:active', 'shopee:active'],
    );
  });

  it('an Amazon seller of a self-authorised app may paste the refresh token instead', async () => {
    const pasted = await connect({
      channel: 'amazon',
      name: 'Amazon (token)',
      base_url: world.sim.baseUrl('amazon'),
      client_id: AMAZON.id,
      client_secret: AMAZON.secret,
      credentials: { refresh_token: AMAZON.refreshToken, seller_id: AMAZON.sellerId },
    });
    assert.equal(pasted.status, 'active');
    assert.equal(pasted.seller_id, AMAZON.sellerId);
    await world.api('PATCH', `/connections/${pasted.id}`, { connection: { enabled: false } });
  });

  it('lists the same products on each marketplace and links them by their ids there', async () => {
    for (const [i, sku] of SKUS.entries()) {
      const created = await world.api('POST', '/products', {
        product: { sku, name: `Produto ${sku}`, qty: 10 + i, price: 49.9 },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const ml = await world.control('POST', '/mercadolivre/listings', {
        sku,
        price: 1,
        available_quantity: 0,
      });
      const mg = await world.control('POST', '/magalu/listings', { sku, price: 100, stock: 0 });
      const am = await world.control('POST', '/amazon/listings', { sku, price: 1, quantity: 0 });
      const sp = await world.control('POST', '/shopee/listings', { sku, price: 1, stock: 0 });
      external[sku] = { mercadolivre: ml.id, magalu: mg.id, amazon: am.id, shopee: sp.id };
      for (const channel of Object.keys(connections) as Channel[]) {
        const linked = await world.api('POST', `/products/${sku}/listings/${connections[channel]}`, {
          external_id: external[sku]![channel],
        });
        assert.equal(linked.status, 201, JSON.stringify(linked.body));
        assert.equal(linked.body.listings[0].flag, 'green', `${sku} on ${channel}`);
      }
    }
  });

  let scheduleId: number;

  it('one stock and price schedule on all four delivers the catalog to each', async () => {
    const schedule = await world.api('POST', '/sync/schedules', {
      schedule: { connections: Object.values(connections), resources: ['stock', 'price'], every: '15m' },
    });
    assert.equal(schedule.status, 201, JSON.stringify(schedule.body));
    scheduleId = schedule.body.schedule.id;
    for (const [i, sku] of SKUS.entries()) {
      await until(`${sku} everywhere`, () => everywhere(sku, { stock: 10 + i, price: 49.9 }));
    }
  });

  it('one ERP stock change reaches Mercado Livre, Magalu, Amazon and Shopee', async () => {
    await idle();
    const put = await world.api('PUT', `/products/${SKUS[0]}`, { product: { qty: 7, price: 52.5 } });
    assert.ok(put.status < 300, JSON.stringify(put.body));
    const waiting = await world.api('GET', `/products/${SKUS[0]}/sync_status`);
    for (const listing of ours(waiting.body.listings)) {
      assert.equal(listing.stock.pending, true);
      assert.equal(
        listing.stock.waiting_for.code,
        'next_run',
        `${listing.connection.channel} waits for the schedule`,
      );
    }
    const run = await world.api('POST', `/sync/schedules/${scheduleId}/run`);
    assert.equal(run.status, 202);
    await until('stock 7 and price 52.5 everywhere', () => everywhere(SKUS[0]!, { stock: 7, price: 52.5 }));
    await idle();
    const status = await world.api('GET', `/products/${SKUS[0]}/sync_status`);
    const byChannel = Object.fromEntries(
      ours(status.body.listings).map((l: any) => [l.connection.channel, l]),
    );
    for (const channel of Object.keys(connections)) {
      const stock = byChannel[channel].stock;
      assert.equal(stock.waiting_for.code, 'up_to_date', channel);
      assert.equal(stock.last_sent.value, 7, channel);
    }
    // Mercado Livre and Shopee apply a write at once: confirmed when sent. Magalu's 202 and
    // Amazon's ACCEPTED are sent, not confirmed: only a later read-back may confirm them.
    const confirmedAtSend = (channel: string) => {
      const sent = byChannel[channel].stock.last_sent;
      return sent.confirmed_at !== null && sent.confirmed_at <= sent.at;
    };
    assert.deepEqual(
      (Object.keys(connections) as Channel[]).map((c) => [c, confirmedAtSend(c)]),
      [
        ['mercadolivre', true],
        ['magalu', false],
        ['amazon', false],
        ['shopee', true],
      ],
    );
    assert.ok(await everywhere(SKUS[1]!, { stock: 11 }), 'the other product was not touched');
  });

  it('each marketplace’s own failure is explained, in its own words', async () => {
    await idle();
    await world.control('PUT', '/mercadolivre/faults/items.update', { error_rate: 1, error_status: 503 });
    await world.control('PUT', '/magalu/faults/stocks.update', { rate_limit_rate: 1 });
    await world.control('PUT', '/amazon/faults/listings.patch', { error_rate: 1, error_status: 500 });
    await world.control('PUT', '/shopee/faults/product.update_stock', { partial_failure_rate: 1 });
    // And a permanent one: a Shopee promotion locks the second product's price.
    await world.control('PATCH', `/shopee/listings/${external[SKUS[1]!]!.shopee}`, { promotion_price: 40 });
    await world.api('PUT', `/products/${SKUS[0]}`, { product: { qty: 3 } });
    await world.api('PUT', `/products/${SKUS[1]}`, { product: { price: 55 } });
    await world.api('POST', `/sync/schedules/${scheduleId}/run`);

    // Mercado Livre and Amazon write price and stock through the same call, so both fail there.
    const expected = {
      'mercadolivre:stock_sync': {
        code: /^ml\.internal_error$/,
        transient: true,
        message: 'Service Unavailable',
      },
      'mercadolivre:price_sync': { code: /^ml\.internal_error$/, transient: true },
      'magalu:stock_sync': {
        code: /^magalu\.too_many_requests$/,
        transient: true,
        message: 'Too many requests',
      },
      'amazon:stock_sync': {
        code: /^amazon\.internal_failure$/,
        transient: true,
        message: 'We encountered an internal error. Please try again.',
      },
      'amazon:price_sync': { code: /^amazon\.internal_failure$/, transient: true },
      'shopee:stock_sync': {
        code: /^shopee\.model_update_failed$/,
        transient: true,
        message: 'Update stock failed, please try later.',
      },
      'shopee:price_sync': {
        code: /^shopee\.price_locked_by_promotion$/,
        transient: false,
        message: 'Original_price cannot be edited when item is under promotion.',
      },
    };
    const seen = await until('an error from each marketplace', async () => {
      const stock = await world.api('GET', '/sync_errors/products?error_category_code=stock_sync');
      const price = await world.api('GET', '/sync_errors/products?error_category_code=price_sync');
      const all = [...stock.body.errors, ...price.body.errors];
      const byKey = Object.fromEntries(
        all.map((e: any) => [`${channelOf(e.connection_id)}:${e.error_category_code}`, e]),
      );
      return Object.keys(expected).every((key) => byKey[key]) && byKey;
    });
    for (const [key, want] of Object.entries(expected)) {
      const error = seen[key];
      assert.ok(error, `an error for ${key}: ${JSON.stringify(Object.keys(seen))}`);
      assert.match(error.error_code, want.code, key);
      assert.equal(error.transient, want.transient, key);
      if ('message' in want) assert.equal(error.message, want.message, key);
      assert.ok(error.hint, `${key} has a hint`);
    }
    assert.match(seen['shopee:price_sync'].hint, /promotion/);

    const first = await world.api('GET', `/products/${SKUS[0]}/sync_status`);
    for (const listing of ours(first.body.listings)) {
      const stock = listing.stock;
      assert.equal(stock.waiting_for.code, 'retrying', listing.connection.channel);
      assert.equal(stock.waiting_for.message.includes(stock.last_error.message), true);
    }
    const second = await world.api('GET', `/products/${SKUS[1]}/sync_status`);
    const locked = ours(second.body.listings).find(
      (l: { connection: { channel: string } }) => l.connection.channel === 'shopee',
    );
    assert.equal(locked.price.waiting_for.code, 'rejected');
    assert.match(locked.price.waiting_for.message, /under promotion/);
    const magalu = ours(second.body.listings).find(
      (l: { connection: { channel: string } }) => l.connection.channel === 'magalu',
    );
    assert.equal(magalu.price.waiting_for.code, 'up_to_date', 'Magalu’s prices were not faulted');
  });

  it('once the marketplaces recover, a retry delivers and the errors resolve', async () => {
    await idle();
    for (const channel of Object.keys(connections)) await world.control('DELETE', `/${channel}/faults`);
    await world.control('PATCH', `/shopee/listings/${external[SKUS[1]!]!.shopee}`, { promotion_price: null });
    const retried = await world.api('POST', '/sync_errors/products/retry', {});
    assert.equal(retried.body.retried, 7);
    await world.api('POST', `/sync/schedules/${scheduleId}/run`);
    await until('stock 3 everywhere', () => everywhere(SKUS[0]!, { stock: 3 }));
    await until('price 55 everywhere', () => everywhere(SKUS[1]!, { price: 55 }));
    await until('no open error', async () => {
      const open = await world.api('GET', '/sync_errors/products?error_category_code=stock_sync');
      const price = await world.api('GET', '/sync_errors/products?error_category_code=price_sync');
      return open.body.errors.length + price.body.errors.length === 0;
    });
  });
});

/** No run in flight (a "run now" while one runs is coalesced into it). */
async function idle(): Promise<void> {
  await until('no run in flight', async () => {
    const runs = await world.api('GET', '/sync/runs?status=running');
    return runs.body.runs.length === 0;
  });
}
