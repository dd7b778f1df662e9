/**
 * Orders benchmark (PostgreSQL, the simulator in its own process), each figure next to a raw
 * baseline measured in the same run:
 *   A. import N orders (default 10,000) created in the simulator while /orders/search answers a
 *      share of 5xx and 429 (default 10% each): time, duplicates (target 0) and missing orders;
 *      then the whole window again (every page overlaps), which must create nothing. Baseline: a
 *      bare loop reading the same pages without faults and upserting the raw JSON by id.
 *   B. the ERP drains the queue over HTTP, one order at a time (GET /queues/orders, then
 *      DELETE): time, orders handed out twice, orders never handed out. Baseline: the same
 *      pop-and-acknowledge as two bare SQL statements from this process.
 * The clean import and the baseline read the same orders for a second account linked to the same
 * simulated seller, so the ratio compares like with like.
 * Usage: npm run bench:orders [-- --orders 10000 --error-rate 0.1 --rate-limit-rate 0.1 --consumers 1]
 */
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { mapConcurrent } from '../src/channels/map-concurrent.ts';
import { Cipher } from '../src/connections/cipher.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { rewindCursor } from '../src/orders/cursor.ts';
import { runOrderImport } from '../src/orders/import.ts';
import { startChild } from './lib/child.ts';
import { freshSchema } from './lib/postgres.ts';
import { control, mercadoLivreConnection, secretKey } from './lib/world.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    'error-rate': { type: 'string', default: '0.1' },
    'rate-limit-rate': { type: 'string', default: '0.1' },
    consumers: { type: 'string', default: '1' },
    skus: { type: 'string', default: '50' },
  },
});
const total = Number(values.orders);
const errorRate = Number(values['error-rate']);
const rateLimitRate = Number(values['rate-limit-rate']);
const consumers = Number(values.consumers);
const skuCount = Number(values.skus);
// As many at once as Cais reads them (the Mercado Livre adapter's concurrency), so the ratio
// compares the same calls made the same way.
const FULFILMENT_CONCURRENCY = 4;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const schema = await freshSchema('bench_orders');
const sim = await startChild(new URL('./servers/simulator.ts', import.meta.url), {});
const db = await openDb({ databaseUrl: schema.url, poolSize: 8 });
await migrate(db);
const cipher = new Cipher(Buffer.from(secretKey, 'hex'));
// Two sellers' accounts linked to the same simulated ML seller: one imports without faults (the
// cost of the import itself), the other under faults (the duplicate check) and then drains.
const clean = await orderConnection(db);
const conn = await orderConnection(db);

console.log(
  `orders benchmark: PostgreSQL, simulator in its own process; ${fmt(total)} orders, /orders/search failing ${errorRate * 100}% 5xx + ${rateLimitRate * 100}% 429`,
);
const itemIds = await sellableItems(db, [clean.accountId, conn.accountId], skuCount);
let started = performance.now();
await buyOrders(itemIds, total);
console.log(`  (created ${fmt(total)} orders in the simulator in ${secs(performance.now() - started)})`);

// A. Import without faults next to the bare loop; then under faults, and the whole window again.
const deps = { db, cipher, limits: { maxRunMs: 30 * 60_000 } };
const baselineMs = await rawImport(db, conn.accessToken);
started = performance.now();
const cleanRun = await runOrderImport(deps, { connectionId: clean.connectionId, trigger: 'manual' });
const cleanMs = performance.now() - started;
await control(sim.url, 'PUT', '/mercadolivre/faults/orders.search', {
  error_rate: errorRate,
  error_status: 503,
  rate_limit_rate: rateLimitRate,
});
started = performance.now();
const imported = await runOrderImport(deps, { connectionId: conn.connectionId, trigger: 'manual' });
const importMs = performance.now() - started;
const check = await integrity(db, conn.connectionId);
await rewindCursor(db, conn.connectionId, new Date(Date.now() - 2 * 3_600_000));
started = performance.now();
const again = await runOrderImport(deps, { connectionId: conn.connectionId, trigger: 'manual' });
const againMs = performance.now() - started;
await control(sim.url, 'DELETE', '/faults');
const afterAgain = await integrity(db, conn.connectionId);

// B. The ERP drains the queue.
const cais = await startChild(new URL('./servers/cais.ts', import.meta.url), {
  DATABASE_URL: schema.url,
  CAIS_SECRET_KEY: secretKey,
});
const headers = {
  'x-user-email': conn.email,
  'x-api-key': conn.apiKey,
  'x-accountmanager-key': 'bench-erp',
  accept: 'application/json',
};
started = performance.now();
const drained = await drainQueue(cais.url, headers, consumers);
const drainMs = performance.now() - started;
const rawDrainMs = await rawDrain(db, conn.accountId, total);
await cais.stop();

const rows = [
  `| A. import ${fmt(total)} orders, no faults | ${secs(cleanMs)} (${fmt(total / (cleanMs / 1000))} orders/s; ${cleanRun.counts.pages} pages) | ${secs(baselineMs)} (bare loop: pages + shipment + billing_info per order, raw JSON upsert) | ${(baselineMs / cleanMs).toFixed(2)} | — |`,
  `| A. import ${fmt(total)} orders under faults | ${secs(importMs)} (${fmt(total / (importMs / 1000))} orders/s; ${imported.status}) | — | — | — |`,
  `| A. duplicates / missing after the import under faults | ${check.duplicates} / ${total - check.orders} | — | — | 0 / 0 |`,
  `| A. the whole window again under faults (${fmt(again.counts.fetched)} fetched) | ${secs(againMs)}; ${again.counts.created} created, ${afterAgain.duplicates} duplicates | — | — | 0 created |`,
  `| B. ERP drains the queue (${consumers} consumer${consumers > 1 ? 's' : ''}, GET + DELETE over HTTP) | ${secs(drainMs)} (${fmt(drained.distinct / (drainMs / 1000))} orders/s; ${drained.distinct} distinct, ${drained.repeats} handed out twice) | ${secs(rawDrainMs)} (bare SQL pop + ack) | ${(rawDrainMs / drainMs).toFixed(2)} | every order once |`,
];
console.log('\n| what | Cais | raw baseline | ratio | target |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nimport under faults: ${JSON.stringify(imported.counts)}`);
await db.close();
await sim.stop();
await schema.drop();

/**
 * An account with an ML connection whose order reads are not paced (the simulator has no
 * limits): the search (`orders`) and each order's shipment and billing info (`read`).
 */
async function orderConnection(db: Db) {
  const c = await mercadoLivreConnection(db, sim.url);
  await db.query(
    `UPDATE connections SET rate_limits = rate_limits
       || '{"orders": {"perSecond": 1e9, "burst": 1e9}, "read": {"perSecond": 1e9, "burst": 1e9}}'::jsonb
      WHERE id = $1`,
    [c.connectionId],
  );
  return c;
}

/** Products in Cais and ML listings with the same SKUs and ample stock, so every item matches. */
async function sellableItems(db: Db, accountIds: number[], count: number): Promise<string[]> {
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT a, 'ORD-' || g, 'Produto ' || g, 1000000, 25 FROM unnest($1::bigint[]) a, generate_series(1, $2) g`,
    [accountIds, count],
  );
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const listing = await control(sim.url, 'POST', '/mercadolivre/listings', {
      user_id: 100000001,
      sku: `ORD-${i}`,
      price: 25,
      available_quantity: 1_000_000,
    });
    ids.push(listing.id);
  }
  return ids;
}

async function buyOrders(items: string[], count: number): Promise<void> {
  const pool = new Pool(sim.url, { connections: 32 });
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await pool.request({
        method: 'POST',
        path: '/_control/mercadolivre/orders',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ item_id: items[i % items.length], quantity: 1 + (i % 3) }] }),
      });
      if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(await res.body.text());
      await res.body.dump();
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  await pool.close();
}

async function integrity(db: Db, connectionId: number) {
  const [row] = await db.query<{ orders: number; duplicates: number }>(
    `SELECT count(*)::int AS orders, (count(*) - count(DISTINCT external_id))::int AS duplicates
       FROM orders WHERE connection_id = $1`,
    [connectionId],
  );
  return row!;
}

/**
 * The baseline: every page of the same search, read in a bare loop, with what Mercado Livre keeps
 * outside the order for each one (the shipment's address, the buyer's document: the same two
 * calls the adapter makes), each page upserted as raw JSON. So the ratio is Cais's own cost, not
 * the marketplace's calls.
 */
async function rawImport(db: Db, token: string): Promise<number> {
  await db.exec('CREATE TABLE raw_orders (id text PRIMARY KEY, body jsonb NOT NULL)');
  const pool = new Pool(sim.url, { connections: FULFILMENT_CONCURRENCY });
  const started = performance.now();
  let createdFrom: string | undefined;
  let offset = 0;
  for (;;) {
    const query = new URLSearchParams({
      seller: '100000001',
      sort: 'date_asc',
      limit: '50',
      offset: String(offset),
    });
    if (createdFrom) query.set('order.date_created.from', createdFrom);
    const res = await pool.request({
      method: 'GET',
      path: `/mercadolivre/orders/search?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.body.json()) as {
      results: { id: number; date_created: string; shipping?: { id?: number } }[];
      paging: { total: number };
    };
    await mapConcurrent(page.results, FULFILMENT_CONCURRENCY, async (order) => {
      const get = async (path: string, headers: Record<string, string> = {}) => {
        const r = await pool.request({
          method: 'GET',
          path,
          headers: { authorization: `Bearer ${token}`, ...headers },
        });
        return r.body.json();
      };
      const shipment = order.shipping?.id
        ? await get(`/mercadolivre/shipments/${order.shipping.id}`, { 'x-format-new': 'true' })
        : null;
      const billing = await get(`/mercadolivre/orders/${order.id}/billing_info`);
      Object.assign(order, { shipment, billing_info: billing });
    });
    await db.query(
      `INSERT INTO raw_orders (id, body) SELECT x->>'id', x FROM jsonb_array_elements($1::jsonb) x
       ON CONFLICT (id) DO UPDATE SET body = excluded.body`,
      [JSON.stringify(page.results)],
    );
    offset += page.results.length;
    if (page.results.length === 0 || offset >= page.paging.total) break;
    // The same trick as the adapter past ML's 10,000 offset cap.
    if (offset + 50 > 10_000) {
      createdFrom = page.results.at(-1)!.date_created;
      offset = 0;
    }
  }
  await pool.close();
  return performance.now() - started;
}

async function drainQueue(url: string, headers: Record<string, string>, workers: number) {
  const pool = new Pool(url, { connections: workers });
  const seen = new Map<string, number>();
  let done = false;
  const consume = async () => {
    while (!done) {
      const got = await pool.request({ method: 'GET', path: '/queues/orders', headers });
      if (got.statusCode === 204) {
        await got.body.dump();
        done = true;
        return;
      }
      const order = (await got.body.json()) as { code: string };
      seen.set(order.code, (seen.get(order.code) ?? 0) + 1);
      const ack = await pool.request({
        method: 'DELETE',
        path: `/queues/orders/${encodeURIComponent(order.code)}`,
        headers,
      });
      if (ack.statusCode !== 204)
        throw new Error(`ack ${order.code}: ${ack.statusCode} ${await ack.body.text()}`);
      await ack.body.dump();
    }
  };
  await Promise.all(Array.from({ length: workers }, consume));
  await pool.close();
  let repeats = 0;
  for (const n of seen.values()) repeats += n - 1;
  return { distinct: seen.size, repeats };
}

/** The baseline: re-queue every order, then pop and acknowledge them with two bare statements each. */
async function rawDrain(db: Db, accountId: number, expected: number): Promise<number> {
  await db.query(
    'UPDATE orders SET acked_seq = 0, delivered_seq = 0, visible_at = now() WHERE account_id = $1',
    [accountId],
  );
  const started = performance.now();
  let popped = 0;
  for (;;) {
    const [row] = await db.query<{ id: number }>(
      `UPDATE orders o SET delivered_seq = queue_seq, visible_at = now() + interval '5 minutes'
        WHERE o.id = (SELECT id FROM orders WHERE account_id = $1 AND queue_seq > acked_seq AND visible_at <= now()
                       ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING o.id, o.data`,
      [accountId],
    );
    if (!row) break;
    await db.query('UPDATE orders SET acked_seq = delivered_seq WHERE id = $1', [row.id]);
    popped++;
  }
  if (popped !== expected) console.log(`  (raw drain popped ${popped} of ${expected})`);
  return performance.now() - started;
}
