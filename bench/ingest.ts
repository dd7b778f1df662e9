/**
 * Ingest benchmark (PostgreSQL): how fast the seller API accepts stock, next to raw baselines
 * measured in the same run on the same database.
 *   (a) single `PUT /products/{sku}` stock updates over HTTP, vs a bare Fastify server doing one
 *       SQL upsert of the qty per request
 *   (b) bulk `PUT /stocks` (1,000 items a request), vs a raw `unnest` upsert of the same rows
 * Both baselines write the same rows of the same products table, so the ratio measures what
 * Cais adds: auth, validation, versions, stale-write checks, history, HTTP framing.
 * Every request changes the value, so each one bumps a version and writes history.
 * Usage: npm run bench:ingest [-- --seconds 10 --skus 10000]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createAccount } from '../src/accounts/accounts.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { startChild } from './lib/child.ts';
import { runLoad } from './lib/load.ts';
import { freshSchema } from './lib/postgres.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    skus: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
  },
});
const seconds = Number(values.seconds);
const skuCount = Number(values.skus);
const concurrency = Number(values.concurrency);
const BULK = 1000;
const POOL = '10';

const schema = await freshSchema('bench_ingest');
const db = await openDb({ databaseUrl: schema.url, poolSize: 4 });
await migrate(db);
const account = await createAccount(db, {
  name: 'bench',
  owner: { email: `bench-${schema.schema}@example.com`, role: 'owner' },
});
await db.query(
  `INSERT INTO products (account_id, sku, name, qty, price)
   SELECT $1, 'SKU-' || g, 'Produto ' || g, 0, 10 FROM generate_series(1, $2) g`,
  [account.accountId, skuCount],
);

const headers = {
  'content-type': 'application/json',
  'x-user-email': `bench-${schema.schema}@example.com`,
  'x-api-key': account.apiKey,
  'x-accountmanager-key': 'bench',
};
const sku = (i: number) => `SKU-${(i % skuCount) + 1}`;
const env = {
  DATABASE_URL: schema.url,
  CAIS_DB_POOL_SIZE: POOL,
  BENCH_ACCOUNT_ID: String(account.accountId),
};

console.log(
  `ingest benchmark: PostgreSQL, ${skuCount} SKUs, ${seconds} s per measure, concurrency ${concurrency}, pool ${POOL}`,
);

// (a) single updates over HTTP
const singleRequest = (i: number) => ({
  method: 'PUT' as const,
  path: `/products/${sku(i)}`,
  headers,
  body: JSON.stringify({ product: { qty: 1 + (i % 1000) } }),
});
const measureSingle = async (script: URL) => {
  const server = await startChild(script, env);
  await runLoad({ origin: server.url, concurrency, seconds: 2, request: singleRequest }); // warm-up
  const result = await runLoad({ origin: server.url, concurrency, seconds, request: singleRequest });
  await server.stop();
  return result;
};
const bare = await measureSingle(new URL('./servers/bare.ts', import.meta.url));
const cais = await measureSingle(new URL('./servers/cais.ts', import.meta.url));

// (b) bulk: 1,000 items a request over HTTP, vs the raw unnest upsert of the same rows
const bulkItems = (i: number) =>
  Array.from({ length: BULK }, (_, k) => ({ sku: sku(i * BULK + k), qty: 1 + ((i + k) % 1000) }));
const bulkConcurrency = 4;
const server = await startChild(new URL('./servers/cais.ts', import.meta.url), env);
const bulkRequest = (i: number) => ({
  method: 'PUT' as const,
  path: '/stocks',
  headers,
  body: JSON.stringify(bulkItems(i)),
});
await runLoad({ origin: server.url, concurrency: bulkConcurrency, seconds: 2, request: bulkRequest });
const bulk = await runLoad({
  origin: server.url,
  concurrency: bulkConcurrency,
  seconds,
  request: bulkRequest,
});
await server.stop();

const raw = await rawUnnest(schema.url, bulkConcurrency, seconds);

await db.close();
await schema.drop();

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const singleRatio = cais.perSecond / bare.perSecond;
const bulkRatio = (bulk.perSecond * BULK) / raw;
const bad = (s: Record<number, number>, ok: number) =>
  Object.entries(s).filter(([code]) => Number(code) !== ok);
console.log(`
| measure | Cais | raw baseline | ratio | target |
| --- | --- | --- | --- | --- |
| single PUT /products/{sku} (req/s) | ${fmt(cais.perSecond)} (p50 ${cais.p50Ms.toFixed(1)} ms, p99 ${cais.p99Ms.toFixed(1)} ms) | ${fmt(bare.perSecond)} (p50 ${bare.p50Ms.toFixed(1)} ms, p99 ${bare.p99Ms.toFixed(1)} ms) | ${singleRatio.toFixed(2)} | >= 0.5 |
| bulk PUT /stocks (items/s) | ${fmt(bulk.perSecond * BULK)} | ${fmt(raw)} | ${bulkRatio.toFixed(2)} | >= 0.5 |
`);
const failures = [...bad(cais.statuses, 204), ...bad(bare.statuses, 204), ...bad(bulk.statuses, 200)];
if (failures.length > 0) {
  console.error('non-success answers seen:', failures);
  process.exitCode = 1;
}

/** Items/s of `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE`, 1,000 rows a statement. */
async function rawUnnest(url: string, callers: number, forSeconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: callers });
  let statements = 0;
  let n = 0;
  const run = async (until: number) => {
    while (performance.now() < until) {
      const items = bulkItems(n++);
      await pool.query(
        `INSERT INTO products (account_id, sku, qty) SELECT $1, * FROM unnest($2::text[], $3::int[])
         ON CONFLICT (account_id, sku) DO UPDATE SET qty = excluded.qty`,
        [account.accountId, items.map((x) => x.sku), items.map((x) => x.qty)],
      );
      statements++;
    }
  };
  const warm = performance.now() + 2000;
  await Promise.all(Array.from({ length: callers }, () => run(warm)));
  statements = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: callers }, () => run(started + forSeconds * 1000)));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return (statements * BULK) / elapsed;
}
