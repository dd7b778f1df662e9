/**
 * Marketplace benchmark (PostgreSQL, the simulator in its own process with each marketplace's
 * own limits on): time for one scheduled run to deliver N pending stock changes
 *   A. to simulated Amazon, through JSON_LISTINGS_FEEDs (default 50,000 changes),
 *   B. to simulated Shopee, one item per `update_stock` call within its default rate (10/s,
 *      burst 20): a reduced count (default 1,000) extrapolated to 50,000,
 *   C. to simulated Shopee with the limits off and the connection's rates lifted (50,000), which
 *      shows what Cais itself costs per call,
 * each next to the minimum the marketplace's own limits allow for the same count.
 * Usage: npm run bench:marketplaces [-- --amazon 50000 --shopee 1000 --shopee-unlimited 50000 --only A,B,C]
 *
 * The run is a worker's job in a process of its own (this file, forked with BENCH_ROLE=run).
 * It reads pending listings in batches of the adapter's declared batch size (25,000 for Amazon):
 * the sync runner's default batch (500) would cut a 50,000-change run into 100 feeds, and
 * Amazon allows 5 feeds per 5 minutes.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { createAccount } from '../src/accounts/accounts.ts';
import type { Credentials, Rate } from '../src/channels/adapter.ts';
import { adapterFor } from '../src/channels/registry.ts';
import { Cipher } from '../src/connections/cipher.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { runChild, startChild } from './lib/child.ts';
import { freshSchema } from './lib/postgres.ts';
import { type BenchConnection, catalog, control, secretKey } from './lib/world.ts';

if (process.env.BENCH_ROLE === 'run') {
  await runOnce();
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    amazon: { type: 'string', default: '50000' },
    shopee: { type: 'string', default: '1000' },
    'shopee-unlimited': { type: 'string', default: '50000' },
    only: { type: 'string' },
  },
});
const only = values.only?.split(',');
const wants = (part: string) => !only || only.includes(part);
const TARGET = 50_000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (n: number) => `${n.toFixed(1)} s`;

// The simulator's own numbers (simulator/amazon/facts.ts, simulator/shopee/facts.ts).
const AMAZON = {
  feedMessages: 25_000,
  feedBurst: 5,
  feedEverySeconds: 60,
  queueSeconds: 1,
  processingSeconds: 2,
};
const SHOPEE = { perSecond: 10, burst: 20 };

const schema = await freshSchema('bench_marketplaces');
const sim = await startChild(new URL('./servers/simulator.ts', import.meta.url), {});
const db = await openDb({ databaseUrl: schema.url, poolSize: 4 });
await migrate(db);
const cipher = new Cipher(Buffer.from(secretKey, 'hex'));
const rows: string[] = [];
const limits = (on: boolean) => control(sim.url, 'PATCH', '/settings', { unlimited: !on });

console.log(
  'marketplace benchmark: PostgreSQL, simulator in its own process with the marketplaces’ limits on',
);

// A failed part must not leave the simulator (which holds this terminal) or the schema behind.
try {
  if (wants('A')) {
    const n = Number(values.amazon);
    await limits(false);
    const skus = await simulated(n, (i) => ({
      path: '/_control/amazon/listings',
      body: { sku: `AMZ-${i + 1}`, price: 10, quantity: 0 },
    }));
    const tokens = await control(sim.url, 'POST', '/amazon/tokens', {});
    const conn = await connection(db, 'amazon', `${sim.url}/amazon`, {
      clientId: 'amzn1.application-oa2-client.caissim00000000000000000001',
      clientSecret: 'amzn-sim-secret',
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
      sellerId: 'A1CAISSIMSELLER',
    });
    await catalog(db, conn, { total: n, pending: n, itemIds: skus, prefix: 'A' });
    await limits(true);
    const run = await runIn(conn.connectionId, adapterFor('amazon').capabilities.stockBatchSize);
    const feeds = (await control(sim.url, 'GET', '/amazon')).counts.feeds as number;
    const wrong = await verify(n, (i) => `/amazon/listings/${skus[i]}`);
    // Amazon's floor: as few feeds as its 25,000-message cap allows; five go at once, then one a minute.
    const fewest = Math.ceil(n / AMAZON.feedMessages);
    const floor =
      Math.max(0, fewest - AMAZON.feedBurst) * AMAZON.feedEverySeconds +
      AMAZON.queueSeconds +
      AMAZON.processingSeconds;
    const oldBatchFeeds = Math.ceil(n / 500);
    rows.push(
      `| A. Amazon, ${fmt(n)} stock changes via JSON_LISTINGS_FEED | ${secs(run.seconds)} (${run.counts.sent} sent, ${run.counts.failed} failed, ${feeds} feeds, ${wrong}/200 wrong at the simulator) | ${secs(floor)} (${fewest} feed(s) within the burst of ${AMAZON.feedBurst}, the simulator's ${AMAZON.queueSeconds + AMAZON.processingSeconds} s of processing) | ${(floor / run.seconds).toFixed(2)} | the same run in 500-item batches: ${oldBatchFeeds} feeds, ≥ ${fmt(Math.max(0, oldBatchFeeds - AMAZON.feedBurst) * AMAZON.feedEverySeconds)} s |`,
    );
    const patchFloor = Math.max(0, n - 5) / 5;
    rows.push(
      `| A. Amazon, the same by one listings PATCH each (not run) | — | ${secs(patchFloor)} (5/s, burst 5) | — | why the adapter feeds large pushes |`,
    );
  }

  if (wants('B')) {
    const n = Number(values.shopee);
    await control(sim.url, 'POST', '/reset');
    await limits(false);
    const ids = await simulated(n, (i) => ({
      path: '/_control/shopee/listings',
      body: { sku: `SHP-${i + 1}`, price: 10, stock: 0 },
    }));
    const conn = await shopeeConnection(undefined);
    await catalog(db, conn, { total: n, pending: n, itemIds: ids, prefix: 'S' });
    await limits(true);
    const run = await runIn(conn.connectionId, 500);
    const wrong = await verify(n, (i) => `/shopee/listings/${ids[i]}`);
    const floor = Math.max(0, n - SHOPEE.burst) / SHOPEE.perSecond;
    // Extrapolated at the rate Cais sustained once the burst was spent (all the run's time counted).
    const sustained = Math.max(1, n - SHOPEE.burst) / run.seconds;
    const extrapolated = Math.max(0, TARGET - SHOPEE.burst) / sustained;
    const target = Math.max(0, TARGET - SHOPEE.burst) / SHOPEE.perSecond;
    rows.push(
      `| B. Shopee, ${fmt(n)} stock changes, one item per call (10/s, burst 20) | ${secs(run.seconds)} (${run.counts.sent} sent, ${run.counts.failed} failed, ${wrong}/200 wrong) | ${secs(floor)} | ${(floor / run.seconds).toFixed(2)} | — |`,
      `| B. Shopee, extrapolated to ${fmt(TARGET)} | ${secs(extrapolated)} (${sustained.toFixed(2)} items/s sustained) | ${secs(target)} | ${(target / extrapolated).toFixed(2)} | — |`,
    );
  }

  if (wants('C')) {
    const n = Number(values['shopee-unlimited']);
    await control(sim.url, 'POST', '/reset');
    await limits(false);
    const ids = await simulated(n, (i) => ({
      path: '/_control/shopee/listings',
      body: { sku: `SHU-${i + 1}`, price: 10, stock: 0 },
    }));
    const unlimited = { perSecond: 1e9, burst: 1e9 };
    const conn = await shopeeConnection({ stock: unlimited, price: unlimited, read: unlimited });
    await catalog(db, conn, { total: n, pending: n, itemIds: ids, prefix: 'U' });
    const run = await runIn(conn.connectionId, 500);
    const wrong = await verify(n, (i) => `/shopee/listings/${ids[i]}`);
    rows.push(
      `| C. Shopee, ${fmt(n)} stock changes, limits off (Cais's own cost) | ${secs(run.seconds)} (${fmt(run.counts.sent / run.seconds)} items/s; ${run.counts.failed} failed, ${wrong}/200 wrong) | — | — | at 10/s: ${secs(Math.max(0, n - SHOPEE.burst) / SHOPEE.perSecond)} |`,
    );
  }
} finally {
  await db.close();
  await sim.stop();
  await schema.drop();
}

console.log(`
| measure | Cais | minimum the marketplace's limits allow | minimum / Cais | note |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);

interface RunReport {
  seconds: number;
  counts: { sent: number; failed: number; confirmed: number };
  failures: string[];
}

function runIn(connectionId: number, batchSize: number): Promise<RunReport> {
  return runChild(new URL(import.meta.url), {
    BENCH_ROLE: 'run',
    DATABASE_URL: schema.url,
    CAIS_SECRET_KEY: secretKey,
    BENCH_CONNECTION_ID: String(connectionId),
    BENCH_BATCH_SIZE: String(batchSize),
  }) as unknown as Promise<RunReport>;
}

/** The child: one stock run, the worker's job without the queue around it. */
async function runOnce(): Promise<void> {
  const { runSync } = await import('../src/sync/runner.ts');
  const child = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
  const key = new Cipher(Buffer.from(process.env.CAIS_SECRET_KEY ?? '', 'hex'));
  const started = performance.now();
  const result = await runSync(
    {
      db: child,
      cipher: key,
      limits: { batchSize: Number(process.env.BENCH_BATCH_SIZE), maxRunMs: 3_600_000 },
    },
    { connectionId: Number(process.env.BENCH_CONNECTION_ID), resource: 'stock', trigger: 'manual' },
  );
  const seconds = (performance.now() - started) / 1000;
  process.send?.({
    seconds,
    status: result.status,
    counts: result.counts,
    failures: result.failures.slice(0, 3).map((f) => f.error.message),
  });
  await child.close();
}

/** Creates `count` simulated listings over the control API, 64 at a time; answers their ids in order. */
async function simulated(
  count: number,
  spec: (i: number) => { path: string; body: unknown },
): Promise<string[]> {
  const pool = new Pool(sim.url, { connections: 64 });
  const ids = new Array<string>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < count) {
        const i = next++;
        const { path, body } = spec(i);
        const res = await pool.request({
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        ids[i] = String(((await res.body.json()) as { id: string | number }).id);
      }
    }),
  );
  await pool.close();
  return ids;
}

async function shopeeConnection(rates: Record<string, Rate> | undefined): Promise<BenchConnection> {
  const tokens = await control(sim.url, 'POST', '/shopee/tokens', {});
  return connection(
    db,
    'shopee',
    `${sim.url}/shopee`,
    {
      clientId: '2001887',
      clientSecret: 'shpk-cais-sim-partner-key',
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expire_in * 1000,
      sellerId: '880000001',
    },
    rates,
  );
}

/** An account and an active connection to the simulator, as a consent would leave it. */
async function connection(
  target: Db,
  channel: string,
  baseUrl: string,
  credentials: Credentials,
  rates?: Record<string, Rate>,
): Promise<BenchConnection> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const account = await createAccount(target, { name: 'bench', owner: { email, role: 'owner' } });
  const [row] = await target.query<{ id: number }>(
    `INSERT INTO connections (account_id, channel, name, base_url, status, secrets, seller_id, rate_limits)
     VALUES ($1, $2, $3, $4, 'active', $5, $6, $7) RETURNING id`,
    [
      account.accountId,
      channel,
      `${channel} bench`,
      baseUrl,
      cipher.encryptJson(credentials),
      credentials.sellerId,
      JSON.stringify(rates ?? {}),
    ],
  );
  return {
    accountId: account.accountId,
    apiKey: account.apiKey,
    email,
    connectionId: row!.id,
    accessToken: credentials.accessToken ?? '',
  };
}

/** A sample of 200 listings at the simulator: how many do not show the stock sent (qty i + 1). */
async function verify(n: number, path: (i: number) => string): Promise<number> {
  let wrong = 0;
  for (let k = 0; k < 200; k++) {
    const i = Math.floor((k / 200) * n);
    const live = await control(sim.url, 'GET', path(i));
    if (live.stock !== i + 1) wrong++;
  }
  return wrong;
}
