/**
 * Ingest benchmark: how fast the seller API accepts stock, next to raw baselines measured in the
 * same run on the same machine. Every request changes the value (a version bump, a history row).
 *   1. tuned: role `serve`, logs at `warn`, products inserted by SQL (the first version's setup)
 *   2. defaults, as `npm start` runs on PostgreSQL: role `all`, logs at info, only the account
 *      rate limit raised; products created through the API just before. With the catalog-size
 *      check: single writes on a 100,000-product account next to a 1,000-product one, the same
 *      1,000 SKUs' worth of writes on each (and, beside it, writes walking all 100,000 SKUs).
 *   3. the embedded default, PGlite in a data folder (on its own thread, as Cais runs it), next to
 *      a raw loop of upserts on PGlite, and to bare servers on PGlite on a thread and in-process
 * Baselines: a bare Fastify server doing one upsert per request into a plain table (no trigger,
 * no history; bench/lib/plain.ts), for bulk one `unnest` upsert of the request's 1,000 rows; and,
 * for scale, the raw `unnest` statement alone (no HTTP, no JSON).
 * The two sides of each ratio alternate in rounds, so a change of load on a shared machine hits
 * both alike.
 * Usage: npm run bench:ingest [-- --seconds 10 --skus 10000 --large 100000 --only tuned,default,pglite]
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createAccount } from '../src/accounts/accounts.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { startChild } from './lib/child.ts';
import { type LoadResult, type RequestSpec, runCount, runLoad, unexpected } from './lib/load.ts';
import { createPlainTable, plainBulkSql, plainUpsertSql } from './lib/plain.ts';
import { freshSchema } from './lib/postgres.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    skus: { type: 'string', default: '10000' },
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '32' },
    only: { type: 'string', default: 'tuned,default,pglite' },
  },
});
const seconds = Number(values.seconds);
const skuCount = Number(values.skus);
const smallCatalog = Number(values.small);
const largeCatalog = Number(values.large);
const concurrency = Number(values.concurrency);
const only = new Set(values.only.split(','));
const BULK = 1000;
const BULK_CONCURRENCY = 4;
const ROUNDS = 2;
const POOL = '10';
const server = (name: string) => new URL(`./servers/${name}.ts`, import.meta.url);
const loadAtStart = loadavg()[0]!;
const failures: string[] = [];
const rows: string[] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const schema = await freshSchema('bench_ingest');
const db = await openDb({ databaseUrl: schema.url, poolSize: 4 });
await migrate(db);
await createPlainTable((sql, params) => db.query(sql, params), skuCount);

console.log(
  `ingest benchmark: ${seconds} s per measure in ${ROUNDS} alternating rounds, ${concurrency} in flight (bulk: ${BULK_CONCURRENCY} × ${BULK} items), load average ${loadAtStart.toFixed(1)} at start`,
);

interface Seller {
  headers: Record<string, string>;
}
const sellerHeaders = (email: string, apiKey: string) => ({
  'content-type': 'application/json',
  'x-user-email': email,
  'x-api-key': apiKey,
  'x-accountmanager-key': 'bench',
});
async function seller(name: string): Promise<Seller & { accountId: number }> {
  const email = `${name}-${schema.schema}@example.com`;
  const account = await createAccount(db, { name, owner: { email, role: 'owner' } });
  return { accountId: account.accountId, headers: sellerHeaders(email, account.apiKey) };
}
const anonymous: Seller = { headers: { 'content-type': 'application/json' } };

const skuOf = (catalog: number) => (i: number) => `SKU-${(i % catalog) + 1}`;
/** Every `step`-th SKU of the catalog in turn: `catalog / step` SKUs written, spread over all of it. */
const spreadSkuOf = (catalog: number, step: number) => (i: number) => `SKU-${((i * step) % catalog) + 1}`;
const singleWrites =
  (s: Seller, catalog: number, sku = skuOf(catalog)) =>
  (i: number): RequestSpec => ({
    method: 'PUT',
    path: `/products/${sku(i)}`,
    headers: s.headers,
    body: JSON.stringify({ product: { qty: 1 + (i % 1000) } }),
  });
const bulkItems = (catalog: number, i: number) =>
  Array.from({ length: BULK }, (_, k) => ({ sku: skuOf(catalog)(i * BULK + k), qty: 1 + ((i + k) % 1000) }));
const bulkWrites =
  (s: Seller, catalog: number) =>
  (i: number): RequestSpec => ({
    method: 'PUT',
    path: '/stocks',
    headers: s.headers,
    body: JSON.stringify(bulkItems(catalog, i)),
  });

/** One side of a ratio: measured for `forSeconds`, answering what it did per second. */
interface Side {
  label: string;
  run(forSeconds: number): Promise<LoadResult>;
}

function http(
  label: string,
  origin: string,
  request: (i: number) => RequestSpec,
  ok: number,
  inFlight = concurrency,
): Side {
  let next = 0;
  return {
    label,
    async run(forSeconds) {
      const result = await runLoad({
        origin,
        concurrency: inFlight,
        seconds: forSeconds,
        request: (i) => request(next + i),
      });
      next += result.requests + inFlight;
      const bad = unexpected(result, ok);
      if (bad.length > 0) failures.push(`${label}: ${JSON.stringify(bad)}`);
      return result;
    },
  };
}

/** A 2 s warm-up of each side, then ROUNDS rounds in turn; each side's results merged. */
async function alternate(sides: Side[]): Promise<LoadResult[]> {
  for (const side of sides) await side.run(2);
  const runs = sides.map(() => [] as LoadResult[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, side] of sides.entries()) runs[k]!.push(await side.run(seconds / ROUNDS));
  }
  return runs.map(merge);
}

/** Products SKU-1..SKU-n created through POST /products, 32 at a time; answers products/s. */
async function createThroughApi(origin: string, s: Seller, count: number): Promise<number> {
  const started = performance.now();
  const result = await runCount({
    origin,
    concurrency,
    total: count,
    request: (i) => ({
      method: 'POST',
      path: '/products',
      headers: s.headers,
      body: JSON.stringify({ product: { sku: `SKU-${i + 1}`, name: `Produto ${i + 1}`, qty: 0, price: 10 } }),
    }),
  });
  const bad = unexpected(result, 201);
  if (bad.length > 0) throw new Error(`creating products: ${JSON.stringify(bad)}`);
  return count / ((performance.now() - started) / 1000);
}

const rate = (r: LoadResult) =>
  `${fmt(r.perSecond)} (p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms)`;
const items = (r: LoadResult) => fmt(r.perSecond * BULK);
const row = (what: string, cais: string, base: string, ratio: number, target: string) =>
  rows.push(`| ${what} | ${cais} | ${base} | ${ratio.toFixed(2)} | ${target} |`);
const bareLabel = (r: LoadResult, db: string) => `${rate(r)} (bare Fastify + plain-table upsert on ${db})`;
const rawLabel = (r: LoadResult) => `${items(r)} (raw unnest upsert into a plain table, no HTTP)`;

/** Bulk next to the bare server's bulk (the target) and to the raw statement alone. */
function bulkRows(config: string, bulk: LoadResult, bareBulk: LoadResult, raw: LoadResult): void {
  row(
    `${config}: bulk PUT /stocks (items/s)`,
    items(bulk),
    `${items(bareBulk)} (bare Fastify + one plain-table unnest upsert per request on PostgreSQL)`,
    bulk.perSecond / bareBulk.perSecond,
    '>= 0.5',
  );
  row(
    `${config}: bulk, against the statement alone`,
    items(bulk),
    rawLabel(raw),
    bulk.perSecond / raw.perSecond,
    '—',
  );
}

const bare = await startChild(server('bare'), {
  DATABASE_URL: schema.url,
  CAIS_DB_POOL_SIZE: POOL,
  BENCH_SKUS: String(skuCount),
});
const bareSide = http('bare PostgreSQL', bare.url, singleWrites(anonymous, skuCount), 204);
const bareBulkSide = http(
  'bare bulk PostgreSQL',
  bare.url,
  bulkWrites(anonymous, skuCount),
  200,
  BULK_CONCURRENCY,
);
const rawSide: Side = { label: 'raw unnest', run: (s) => rawUnnest(schema.url, s, skuCount) };
if (only.has('tuned')) await tuned();
if (only.has('default')) await defaults();
await bare.stop();
if (only.has('pglite')) await embedded();

await db.close();
await schema.drop();

console.log(`
| measure | Cais | raw baseline | ratio | target |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);
console.log(`load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end`);
if (failures.length > 0) {
  console.error('non-success answers seen:', failures);
  process.exitCode = 1;
}

/** 1. The tuned configuration of the first version: role `serve`, logs at warn, SQL-made catalog. */
async function tuned(): Promise<void> {
  const s = await seller('tuned');
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT $1, 'SKU-' || g, 'Produto ' || g, 0, 10 FROM generate_series(1, $2) g`,
    [s.accountId, skuCount],
  );
  const cais = await startChild(server('cais'), { DATABASE_URL: schema.url, CAIS_DB_POOL_SIZE: POOL });
  const [single, base] = await alternate([
    http('tuned single', cais.url, singleWrites(s, skuCount), 204),
    bareSide,
  ]);
  const [bulk, bareBulk, raw] = await alternate([
    http('tuned bulk', cais.url, bulkWrites(s, skuCount), 200, BULK_CONCURRENCY),
    bareBulkSide,
    rawSide,
  ]);
  await cais.stop();
  row(
    '1. tuned: single PUT /products/{sku} (req/s)',
    rate(single!),
    bareLabel(base!, 'PostgreSQL'),
    single!.perSecond / base!.perSecond,
    '>= 0.5',
  );
  bulkRows('1. tuned', bulk!, bareBulk!, raw!);
}

/** 2. `npm start`'s defaults on PostgreSQL, catalogs created through the API. */
async function defaults(): Promise<void> {
  const small = await seller('small');
  const large = await seller('large');
  const logFile = join(tmpdir(), `cais-bench-ingest-${schema.schema}.log`);
  // A secret key is the one setting PostgreSQL requires (`npm start` refuses to start without it).
  const cais = await startChild(
    server('cais-default'),
    { DATABASE_URL: schema.url, CAIS_SECRET_KEY: randomBytes(32).toString('hex') },
    { stdoutFile: logFile },
  );
  // The defaults' bulk walks the large account's whole catalog; its baselines walk a plain table
  // of the same size, so both sides touch as many rows and index pages.
  const bareLarge = await largeBaselines(large.accountId);
  const createdSmall = await createThroughApi(cais.url, small, smallCatalog);
  const createdLarge = await createThroughApi(cais.url, large, largeCatalog);
  console.log(
    `created ${fmt(smallCatalog)} + ${fmt(largeCatalog)} products through POST /products (${fmt(createdSmall)} and ${fmt(createdLarge)} a second)`,
  );
  // The catalog-size check holds the working set: on both accounts the writes cycle through
  // 1,000 SKUs, on the large one spread over its whole catalog (every 100th SKU), so only the
  // catalog's size differs. Writes that walk all 100,000 SKUs in turn are measured beside it.
  const step = Math.max(1, Math.floor(largeCatalog / smallCatalog));
  const [one, big, sweep, base] = await alternate([
    http('default single 1k', cais.url, singleWrites(small, smallCatalog), 204),
    http(
      'default single 100k',
      cais.url,
      singleWrites(large, largeCatalog, spreadSkuOf(largeCatalog, step)),
      204,
    ),
    http('default single 100k sweep', cais.url, singleWrites(large, largeCatalog), 204),
    bareSide,
  ]);
  const [bulk, bareBulk, raw] = await alternate([
    http('default bulk', cais.url, bulkWrites(large, largeCatalog), 200, BULK_CONCURRENCY),
    bareLarge.bulk,
    bareLarge.raw,
  ]);
  await bareLarge.stop();
  await cais.stop();
  const logLines = (await readFile(logFile, 'utf8')).split('\n').length - 1;
  await rm(logFile, { force: true });
  row(
    `2. defaults: single PUT /products/{sku}, ${fmt(smallCatalog)}-product account (req/s)`,
    `${rate(one!)}; ${fmt(logLines)} log lines in the run`,
    bareLabel(base!, 'PostgreSQL'),
    one!.perSecond / base!.perSecond,
    '>= 0.5',
  );
  row(
    `2. defaults: single PUT, ${fmt(largeCatalog)}-product account, ${fmt(smallCatalog)} SKUs spread over it (req/s)`,
    rate(big!),
    `${rate(one!)} (the ${fmt(smallCatalog)}-product account)`,
    big!.perSecond / one!.perSecond,
    '>= 0.8',
  );
  row(
    `2. defaults: single PUT, ${fmt(largeCatalog)}-product account, all its SKUs in turn (req/s)`,
    rate(sweep!),
    `${rate(one!)} (the ${fmt(smallCatalog)}-product account)`,
    sweep!.perSecond / one!.perSecond,
    '—',
  );
  bulkRows('2. defaults', bulk!, bareBulk!, raw!);
}

/** 3. The embedded default: PGlite in a data folder, as `npm start` with no DATABASE_URL. */
async function embedded(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cais-bench-pglite-'));
  const unset = ['DATABASE_URL', 'CAIS_SECRET_KEY'];
  const cais = await startChild(
    server('cais-default'),
    { CAIS_DATA_DIR: join(dir, 'cais') },
    { stdoutFile: join(dir, 'cais.log'), unset },
  );
  const credentials = cais.report.credentials as { email: string; apiKey: string };
  const s = { headers: sellerHeaders(credentials.email, credentials.apiKey) };
  const created = await createThroughApi(cais.url, s, smallCatalog);
  console.log(
    `PGlite: created ${fmt(smallCatalog)} products through POST /products (${fmt(created)} a second)`,
  );
  const bareLite = await startChild(
    server('bare'),
    { BENCH_PGLITE_DIR: join(dir, 'bare'), BENCH_SKUS: String(smallCatalog) },
    { unset },
  );
  const bareThread = await startChild(
    server('bare'),
    {
      BENCH_PGLITE_DIR: join(dir, 'bare-thread'),
      BENCH_PGLITE_THREAD: '1',
      BENCH_SKUS: String(smallCatalog),
    },
    { unset },
  );
  const loop = await pgliteLoop(join(dir, 'loop'));
  const [single, base, threaded, raw] = await alternate([
    http('PGlite single', cais.url, singleWrites(s, smallCatalog), 204),
    http('bare PGlite', bareLite.url, singleWrites(anonymous, smallCatalog), 204),
    http('bare PGlite thread', bareThread.url, singleWrites(anonymous, smallCatalog), 204),
    loop,
  ]);
  await cais.stop();
  await bareLite.stop();
  await bareThread.stop();
  await loop.close();
  await rm(dir, { recursive: true, force: true });
  row(
    `3. PGlite: single PUT /products/{sku}, ${fmt(smallCatalog)} products made through the API, against the raw loop (req/s)`,
    rate(single!),
    `${fmt(raw!.perSecond)} (plain-table upserts one after another in one process, no HTTP)`,
    single!.perSecond / raw!.perSecond,
    '>= 0.5',
  );
  row(
    '3. PGlite: the same, against a bare server with PGlite on its own thread, as Cais runs it',
    rate(single!),
    `${rate(threaded!)} (bare Fastify + plain-table upsert, PGlite on a thread)`,
    single!.perSecond / threaded!.perSecond,
    '—',
  );
  row(
    '3. PGlite: the same, against a bare server with PGlite in-process',
    rate(single!),
    bareLabel(base!, 'PGlite in-process'),
    single!.perSecond / base!.perSecond,
    '—',
  );
}

/** Upserts of a bare loop on PGlite in its own folder, one statement after another. */
async function pgliteLoop(dir: string): Promise<Side & { close(): Promise<void> }> {
  const pglite = await PGlite.create(dir);
  await createPlainTable((sql, params) => pglite.query(sql, params), smallCatalog);
  const sku = skuOf(smallCatalog);
  let n = 0;
  return {
    label: 'PGlite loop',
    async run(forSeconds) {
      const started = performance.now();
      const until = started + forSeconds * 1000;
      let count = 0;
      while (performance.now() < until) {
        await pglite.query(plainUpsertSql, [1, sku(n), 1 + (n++ % 1000)]);
        count++;
      }
      return counted(count, (performance.now() - started) / 1000);
    },
    close: () => pglite.close(),
  };
}

/** The bulk baselines on a plain table of the large catalog's size (its rows under `accountId`). */
async function largeBaselines(accountId: number): Promise<{ bulk: Side; raw: Side; stop(): Promise<void> }> {
  await createPlainTable((sql, params) => db.query(sql, params), largeCatalog, accountId);
  const child = await startChild(server('bare'), {
    DATABASE_URL: schema.url,
    CAIS_DB_POOL_SIZE: POOL,
    BENCH_SKUS: String(largeCatalog),
    BENCH_ACCOUNT_ID: String(accountId),
  });
  return {
    bulk: http('bare bulk, large', child.url, bulkWrites(anonymous, largeCatalog), 200, BULK_CONCURRENCY),
    raw: { label: 'raw unnest, large', run: (s) => rawUnnest(schema.url, s, largeCatalog, accountId) },
    stop: () => child.stop(),
  };
}

/** Statements (of 1,000 rows) of the raw `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE`. */
async function rawUnnest(
  url: string,
  forSeconds: number,
  catalog: number,
  accountId = 1,
): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: BULK_CONCURRENCY });
  let statements = 0;
  let n = 0;
  const started = performance.now();
  const until = started + forSeconds * 1000;
  const run = async () => {
    while (performance.now() < until) {
      const batch = bulkItems(catalog, n++);
      await pool.query(plainBulkSql, [accountId, batch.map((x) => x.sku), batch.map((x) => x.qty)]);
      statements++;
    }
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, run));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  return counted(statements, elapsed);
}

function counted(requests: number, elapsed: number): LoadResult {
  return { requests, seconds: elapsed, perSecond: requests / elapsed, statuses: {}, p50Ms: 0, p99Ms: 0 };
}

/** Several runs of one side as one: totals, and the worst of their percentiles. */
function merge(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const time = runs.reduce((sum, r) => sum + r.seconds, 0);
  const statuses: Record<number, number> = {};
  for (const r of runs) {
    for (const [code, n] of Object.entries(r.statuses))
      statuses[Number(code)] = (statuses[Number(code)] ?? 0) + n;
  }
  return {
    requests,
    seconds: time,
    perSecond: requests / time,
    statuses,
    p50Ms: Math.max(...runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
  };
}
