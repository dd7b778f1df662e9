/**
 * Sync benchmark (PostgreSQL, the simulator without limits in its own process), each figure next
 * to a raw baseline measured in the same run:
 *   A. a scheduled run delivering N pending listings (default 100k), vs a bare undici loop sending
 *      the same PUTs to the same simulator with the same concurrency; both measured warm, after
 *      --warmup PUTs (default 20k) to other items, as a long-lived worker is (0: both cold)
 *   B. run time for 10k pending on a 10k catalog vs on a 1M catalog, and the worker's peak RSS
 *   C. continuous mode at 500 updates/s for 60 s: accept → simulator receipt latency, losses
 * Usage: npm run bench:sync [-- --items 100000 --warmup 20000 --big 1000000 --seconds 60 --rate 500]
 */
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { runChild, startChild } from './lib/child.ts';
import { freshSchema } from './lib/postgres.ts';
import { catalog, control, mercadoLivreConnection, secretKey, simulatedItems } from './lib/world.ts';
import { continuousMode } from './sync-continuous.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    warmup: { type: 'string', default: '20000' },
    big: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '500' },
    only: { type: 'string' },
  },
});
const items = Number(values.items);
const warmupItems = Number(values.warmup);
const big = Number(values.big);
const only = values.only?.split(',');
const wants = (part: string) => !only || only.includes(part);

const schema = await freshSchema('bench_sync');
const sim = await startChild(new URL('./servers/simulator.ts', import.meta.url), {});
const db = await openDb({ databaseUrl: schema.url, poolSize: 4 });
await migrate(db);
const runEnv = (connectionId: number) => ({
  DATABASE_URL: schema.url,
  CAIS_SECRET_KEY: secretKey,
  BENCH_CONNECTION_ID: String(connectionId),
});
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const perItemUs = (cpuMs: number, n: number) => ((cpuMs * 1000) / n).toFixed(0);
const rows: string[] = [];

console.log(
  `sync benchmark: PostgreSQL, simulator without limits; ${fmt(items)} pending; catalogs of 10k and ${fmt(big)}`,
);

if (wants('A')) {
  const conn = await mercadoLivreConnection(db, sim.url);
  const ids = await simulatedItems(sim.url, items, 'T');
  await catalog(db, conn, { total: items, pending: items, itemIds: ids, prefix: 'T' });
  // The warm-up: another seller's listings on the same marketplace, delivered first by the same
  // process (run-once.ts), and as many PUTs of the bare loop to the same items before its own
  // measure. Both sides then run compiled code against a warm simulator, as a worker that has been
  // up for a while does; the first run's cold figure is printed next to it.
  const warm = warmupItems > 0 ? await mercadoLivreConnection(db, sim.url) : undefined;
  const warmIds = warm ? await simulatedItems(sim.url, warmupItems, 'W') : [];
  if (warm) {
    await catalog(db, warm, { total: warmupItems, pending: warmupItems, itemIds: warmIds, prefix: 'W' });
    await rawPushes(sim.url, warm.accessToken, warmIds, 64);
  }
  const raw = await rawPushes(sim.url, conn.accessToken, ids, 64);
  const run = await runChild(new URL('./servers/run-once.ts', import.meta.url), {
    ...runEnv(conn.connectionId),
    ...(warm ? { BENCH_WARMUP_CONNECTION_ID: String(warm.connectionId) } : {}),
  });
  const counts = run.counts as { sent: number; failed: number };
  const perSecond = counts.sent / (run.seconds as number);
  const wrong = await verify(ids, (i) => i + 1);
  // What each item costs the client's thread, next to the loop's: on 2 cores the run and the
  // simulator share the CPU, so what the run spends per item is what it cannot deliver.
  console.log(
    `  CPU per item: run ${perItemUs(run.cpuMs as number, items)} µs, bare loop ${perItemUs(raw.cpuMs, items)} µs`,
  );
  const first = run.warmup as { seconds: number; cpuMs: number; counts: { sent: number } } | undefined;
  if (first) {
    console.log(
      `  warm-up (the process's first run, ${fmt(first.counts.sent)} items): ${fmt(first.counts.sent / first.seconds)} items/s, ${perItemUs(first.cpuMs, first.counts.sent)} µs of CPU an item`,
    );
  }
  rows.push(
    `| A. scheduled run, ${fmt(items)} pending${warm ? `, after ${fmt(warmupItems)} warm-up` : ', cold'} (items/s) | ${fmt(perSecond)} (${counts.sent} sent, ${counts.failed} failed, ${wrong} wrong at the simulator) | ${fmt(raw.perSecond)} (bare undici PUT loop, 64 in flight) | ${(perSecond / raw.perSecond).toFixed(2)} | >= 0.7 of the bare loop (issue 15); >= 20,000 items/s (DESIGN) |`,
  );
}

if (wants('B')) {
  const pending = 10_000;
  const ids = await simulatedItems(sim.url, pending, 'B');
  const small = await mercadoLivreConnection(db, sim.url);
  await catalog(db, small, { total: pending, pending, itemIds: ids, prefix: 'S' });
  const large = await mercadoLivreConnection(db, sim.url);
  const started = performance.now();
  await catalog(db, large, { total: big, pending, itemIds: ids, prefix: 'L' });
  console.log(
    `  (built the ${fmt(big)}-SKU catalog in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  const smallRun = await runChild(
    new URL('./servers/run-once.ts', import.meta.url),
    runEnv(small.connectionId),
  );
  const largeRun = await runChild(
    new URL('./servers/run-once.ts', import.meta.url),
    runEnv(large.connectionId),
  );
  const ratio = (largeRun.seconds as number) / (smallRun.seconds as number);
  rows.push(
    `| B. run time, 10k pending (s) | ${(largeRun.seconds as number).toFixed(2)} on ${fmt(big)} SKUs | ${(smallRun.seconds as number).toFixed(2)} on 10k SKUs | ${ratio.toFixed(2)} | <= 1.5 |`,
    `| B. worker peak RSS during the ${fmt(big)}-SKU run (MB) | ${(largeRun.maxRssMb as number).toFixed(0)} | ${(smallRun.maxRssMb as number).toFixed(0)} on 10k SKUs | | <= 512 MB |`,
  );
}

await db.close();

if (wants('C')) {
  const c = await continuousMode({
    schemaUrl: schema.url,
    simUrl: sim.url,
    seconds: Number(values.seconds),
    rate: Number(values.rate),
  });
  rows.push(
    `| C. continuous, ${values.rate} updates/s for ${values.seconds} s: accept → receipt | p50 ${c.p50.toFixed(0)} ms, p99 ${c.p99.toFixed(0)} ms, max ${c.max.toFixed(0)} ms; ${c.accepted} accepted, ${c.lost} lost${Object.keys(c.refused).length ? `, refused: ${JSON.stringify(c.refused)}` : ''} | schedule every 1m: up to 60,000 ms | | p99 <= 2,000 ms, none lost |`,
  );
}

await sim.stop();
await schema.drop();
console.log(`
| measure | Cais | baseline | ratio | target |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);

/** The raw baseline: the same PUTs, straight from a loop, no database, no Cais. */
async function rawPushes(
  simUrl: string,
  token: string,
  ids: string[],
  concurrency: number,
): Promise<{ perSecond: number; cpuMs: number }> {
  const pool = new Pool(simUrl, { connections: concurrency });
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const i = next++;
        const res = await pool.request({
          method: 'PUT',
          path: `/mercadolivre/items/${ids[i]}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ available_quantity: i + 1 }),
        });
        await res.body.dump();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.close();
  return { perSecond: ids.length / seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Checks a sample of items at the simulator; answers how many show the wrong stock. */
async function verify(ids: string[], expected: (i: number) => number): Promise<number> {
  let wrong = 0;
  for (let k = 0; k < 200; k++) {
    const i = Math.floor((k / 200) * ids.length);
    const live = await control(sim.url, 'GET', `/mercadolivre/listings/${ids[i]}`);
    if (live.stock !== expected(i)) wrong++;
  }
  return wrong;
}
