/**
 * A hub's scale (PostgreSQL, a database of its own; the simulator without limits): 2 worker and
 * 2 API processes, `accounts` sellers with a Mercado Livre and a Magalu connection each, about two
 * million listings (bench/lib/hub.ts says how they are built).
 *   a. idle cost of the scheduler: queries/s, rows read/s and CPU with no schedule, then with
 *      every connection `continuous` and nothing owed (it should stay flat)
 *   b. continuous freshness: `rate` stock updates/s over HTTP spread over `hot` accounts, while the
 *      big account runs a resync of every listing; ERP 204 → simulator receipt
 *   c. every connection scheduled every 15 minutes, all due at once: how late each run starts
 *   d. each worker's peak RSS throughout
 * Usage: npm run bench:scale [-- --accounts 1000 --big 1000000 --per-account 500 --rate 200 --seconds 60]
 */
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { type ChildServer, startChild } from './lib/child.ts';
import { buildHub, freshDatabase, type HubSeller } from './lib/hub.ts';
import { benchDatabaseUrl } from './lib/postgres.ts';
import { control, secretKey } from './lib/world.ts';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    big: { type: 'string', default: '1000000' },
    'per-account': { type: 'string', default: '500' },
    hot: { type: 'string', default: '200' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    idle: { type: 'string', default: '30' },
  },
});
const args = {
  accounts: Number(values.accounts),
  big: Number(values.big),
  perAccount: Number(values['per-account']),
  hot: Number(values.hot),
  hotSkus: 10,
  pool: 10_000,
};
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const idleSeconds = Number(values.idle);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows: string[] = [];
const notes: string[] = [];
const loadAtStart = loadavg()[0]!;

const database = await freshDatabase(benchDatabaseUrl);
const db = await openDb({ databaseUrl: database.url, poolSize: 4 });
await migrate(db);
const sim = await startChild(new URL('./servers/simulator.ts', import.meta.url), {
  SIM_WRITE_LOG_CAP: '400000',
});
let started = performance.now();
const hub = await buildHub(db, sim.url, secretKey, args);
console.log(
  `scale benchmark: ${fmt(args.accounts)} accounts, ${fmt(args.accounts * 2)} connections, ${fmt(hub.listings)} listings built in ${((performance.now() - started) / 1000).toFixed(0)} s (accounts through createAccount, catalogs and listings by SQL); load average ${loadAtStart.toFixed(1)}, ${cpus().length} cores`,
);

const env = { DATABASE_URL: database.url, CAIS_SECRET_KEY: secretKey };
const role = (name: string) =>
  startChild(new URL('./servers/cais-role.ts', import.meta.url), { ...env, BENCH_ROLE: name });
const workers: ChildServer[] = [await role('work'), await role('work')];
const apis: ChildServer[] = [await role('serve'), await role('serve')];
const pools = apis.map((a) => new Pool(a.url, { connections: 32 }));
const workerPids = workers.map((w) => w.report.pid as number);
let peakRss = 0;
const rssTimer = setInterval(() => void sampleRss(), 1000);

// a. idle cost
const bare = await idleCost(idleSeconds);
started = performance.now();
const schedules = new Map<number, number>();
await eachSeller(hub.sellers.concat(hub.big), async (s, pool) => {
  const res = await pool.request({
    method: 'POST',
    path: '/sync/schedules',
    headers: s.headers,
    body: JSON.stringify({
      schedule: { connections: [s.ml, s.magalu], resources: ['stock'], every: 'continuous' },
    }),
  });
  const body = (await res.body.json()) as { schedule: { id: number } };
  if (res.statusCode !== 201) throw new Error(`schedule: ${JSON.stringify(body)}`);
  schedules.set(s.accountId, body.schedule.id);
});
console.log(
  `${fmt(schedules.size)} continuous schedules created through the API in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
await sleep(5000);
const busy = await idleCost(idleSeconds);
const perSec = (n: number) => `${fmt(n)}/s`;
rows.push(
  `| a. idle, every connection continuous, nothing owed: queries | ${perSec(busy.xacts)} (${perSec(busy.rows)} rows read) | ${perSec(bare.xacts)} (${perSec(bare.rows)} rows read) with no schedule | ${(busy.xacts / Math.max(1, bare.xacts)).toFixed(2)} | flat |`,
  `| a. idle: CPU of the 2 workers / of PostgreSQL | ${busy.workerCpu.toFixed(1)}% / ${busy.pgCpu.toFixed(1)}% of one core | ${bare.workerCpu.toFixed(1)}% / ${bare.pgCpu.toFixed(1)}% | | flat |`,
);

// b. freshness while the big account resyncs every listing
await db.query('UPDATE listings SET stock_seq = stock_seq + 1 WHERE connection_id = $1', [hub.big.ml]);
const resyncFrom = await deliveredCount(hub.big.ml);
notes.push(`b. the big account's ${fmt(args.big)} listings were made owed by SQL (as a rule change does)`);
await sleep(2000);
const [{ bFrom }] = (await db.query<{ bFrom: Date }>('SELECT now() AS "bFrom"')) as [{ bFrom: Date }];
const fresh = await freshness(hub.sellers.filter((s) => s.hotItems.length > 0));
notes.push(`b. profile: ${await continuousProfile(bFrom)}`);
const resyncSent = (await deliveredCount(hub.big.ml)) - resyncFrom;
rows.push(
  `| b. continuous, ${rate} updates/s over ${args.hot} accounts for ${seconds} s, during a ${fmt(args.big)}-listing resync: accept → receipt | p50 ${fmt(fresh.p50)} ms, p99 ${fmt(fresh.p99)} ms, max ${fmt(fresh.max)} ms; ${fmt(fresh.accepted)} accepted, ${fresh.lost} not received | resync delivered ${fmt(resyncSent)} listings meanwhile | | p99 <= 2,000 ms |`,
);

// c. every connection every 15 minutes, all due at once
await eachSeller(hub.sellers.concat(hub.big), async (s, pool) => {
  const res = await pool.request({
    method: 'PUT',
    path: `/sync/schedules/${schedules.get(s.accountId)}`,
    headers: s.headers,
    body: JSON.stringify({ schedule: { connections: [s.ml, s.magalu], resources: ['stock'], every: '15m' } }),
  });
  await res.body.dump();
  if (res.statusCode !== 200) throw new Error(`replace schedule: ${res.statusCode}`);
});
// Continuous runs linger after their last change; the measure starts once they have ended (the
// big account's resync may still be running: it holds one run slot, as it would in production).
const lingering = await runsEnded(90_000, hub.big.ml);
if (lingering > 0)
  notes.push(`c. ${lingering} continuous run(s) besides the resync still running when the targets fell due`);
const [{ t0 }] = (await db.query<{ t0: Date }>(
  `UPDATE sync_targets SET next_run_at = now() WHERE every_minutes = 15 RETURNING now() AS t0`,
)) as [{ t0: Date }];
notes.push('c. every 15-minute target was made due at the same instant by SQL (the worst case)');
const lateness = await scheduledStarts(t0, args.accounts * 2);
if (lateness.lateOnes.length > 0) notes.push(`c. started later than 60 s: ${lateness.lateOnes.join('; ')}`);
rows.push(
  `| c. ${fmt(args.accounts * 2)} connections every 15 min, all due at once: start delay | p50 ${lateness.p50.toFixed(1)} s, p99 ${lateness.p99.toFixed(1)} s, max ${lateness.max.toFixed(1)} s; ${fmt(lateness.started)} started, ${fmt(lateness.late)} later than 60 s or not at all | | | every run within 60 s |`,
);

clearInterval(rssTimer);
rows.push(`| d. worker peak RSS throughout (MB) | ${fmt(peakRss)} | | | <= 512 MB |`);

for (const p of pools) await p.close();
for (const c of [...apis, ...workers]) await c.stop();
await sim.stop();
await db.close();
await database.drop();
console.log(`
| measure | Cais | baseline | ratio | target |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`);
for (const note of notes) console.log(`note: ${note}`);
console.log(`load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at the end`);

async function eachSeller(list: HubSeller[], fn: (s: HubSeller, pool: Pool) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, k) => {
      while (next < list.length) await fn(list[next++]!, pools[k % pools.length]!);
    }),
  );
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** CPU seconds a process has used (user + system), from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

async function sampleRss() {
  for (const pid of workerPids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakRss = Math.max(peakRss, kb / 1024);
  }
}

async function dbStats() {
  const [row] = await db.query<{ xacts: number; rows: number; pids: number[] }>(
    `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS xacts,
            (SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()) AS rows,
            (SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = current_database()) AS pids`,
  );
  return row!;
}

/** Queries/s and rows read/s of this database, and the CPU of the workers and of PostgreSQL. */
async function idleCost(forSeconds: number) {
  const before = await dbStats();
  const pgBefore = new Map(
    await Promise.all(before.pids.map(async (p) => [p, await cpuSeconds(p)] as const)),
  );
  const workersBefore = await Promise.all(workerPids.map(cpuSeconds));
  await sleep(forSeconds * 1000);
  const after = await dbStats();
  let pg = 0;
  for (const pid of after.pids) pg += (await cpuSeconds(pid)) - (pgBefore.get(pid) ?? 0);
  const workersAfter = await Promise.all(workerPids.map(cpuSeconds));
  const workerCpu = workersAfter.reduce((sum, t, i) => sum + t - workersBefore[i]!, 0);
  return {
    xacts: (after.xacts - before.xacts) / forSeconds,
    rows: (after.rows - before.rows) / forSeconds,
    workerCpu: (100 * workerCpu) / forSeconds,
    pgCpu: (100 * pg) / forSeconds,
  };
}

async function deliveredCount(connectionId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM listings WHERE connection_id = $1 AND stock_done_seq >= stock_seq',
    [connectionId],
  );
  return row!.n;
}

/** The ERP's stock updates (open loop, `rate`/s) and when the simulator received each value. */
async function freshness(hot: HubSeller[]) {
  const targets = new Map<string, string>();
  for (const s of hot) for (const [n, id] of s.hotItems.entries()) targets.set(id, `${s.accountId}:${n}`);
  const receipts = new Map<string, { qty: number; at: number }[]>();
  let since = (await control(sim.url, 'GET', '/writes?limit=1')).last_seq ?? 0;
  let polling = true;
  const poll = async () => {
    while (polling) {
      for (;;) {
        const page = await control(sim.url, 'GET', `/writes?channel=mercadolivre&since=${since}&limit=50000`);
        for (const e of page.entries as {
          target: string;
          at: string;
          body: { available_quantity?: number };
        }[]) {
          const key = targets.get(e.target);
          if (!key || e.body?.available_quantity === undefined) continue;
          const list = receipts.get(key) ?? [];
          list.push({ qty: e.body.available_quantity, at: Date.parse(e.at) });
          receipts.set(key, list);
        }
        if (page.oldest_seq > since + 1) notes.push('b. the simulator write log overflowed during the poll');
        if (page.entries.length === 0 || page.next_since === since) break;
        since = page.next_since;
      }
      await sleep(1000);
    }
  };
  const poller = poll();
  const accepted = new Map<string, { qty: number; at: number }[]>();
  let counter = 1_000_000;
  let sent = 0;
  const sendOne = async () => {
    const s = hot[sent % hot.length]!;
    const n = Math.floor(Math.random() * s.hotItems.length);
    const qty = ++counter;
    const res = await pools[sent++ % pools.length]!.request({
      method: 'PUT',
      path: `/products/H-${n + 1}`,
      headers: s.headers,
      body: JSON.stringify({ product: { qty, sequence: qty } }),
    });
    await res.body.dump();
    if (res.statusCode !== 204) return;
    const key = `${s.accountId}:${n}`;
    const list = accepted.get(key) ?? [];
    list.push({ qty, at: Date.now() });
    accepted.set(key, list);
  };
  const inflight: Promise<void>[] = [];
  const end = Date.now() + seconds * 1000;
  let owed = 0;
  while (Date.now() < end) {
    owed += rate / 100;
    for (; owed >= 1; owed--) inflight.push(sendOne());
    await sleep(10);
  }
  await Promise.all(inflight);
  await sleep(10_000);
  polling = false;
  await poller;
  const latencies: number[] = [];
  let lost = 0;
  for (const [key, values] of accepted) {
    const got = receipts.get(key) ?? [];
    const latest = Math.max(...values.map((v) => v.qty));
    if (!got.some((g) => g.qty >= latest)) lost++;
    for (const v of values) {
      const receipt = got.find((g) => g.qty >= v.qty);
      latencies.push(receipt ? Math.max(0, receipt.at - v.at) : Number.POSITIVE_INFINITY);
    }
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return { accepted: latencies.length, lost, p50: q(0.5), p99: q(0.99), max: latencies.at(-1) ?? Number.NaN };
}

/** Waits until no run other than the given connection's is running; answers how many still are. */
async function runsEnded(maxMs: number, except: number): Promise<number> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sync_runs WHERE status = 'running' AND connection_id <> $1`,
      [except],
    );
    if (row!.n === 0 || Date.now() > deadline) return row!.n;
    await sleep(1000);
  }
}

/**
 * Where b's latency goes: how long continuous runs waited in the queue for a slot (pg-boss's
 * created → started) and how long they then held it (the run's own row), since `from`.
 */
async function continuousProfile(from: Date): Promise<string> {
  const ms = (column: string, q: number) =>
    `round((percentile_cont(${q}) WITHIN GROUP (ORDER BY extract(epoch FROM ${column}) * 1000))::numeric)::int`;
  const [queued] = await db.query<{ n: number; p50: number; p99: number }>(
    `SELECT count(*)::int AS n, ${ms('started_on - created_on', 0.5)} AS p50, ${ms('started_on - created_on', 0.99)} AS p99
       FROM pgboss.job WHERE name = 'sync-run' AND data->>'trigger' = 'continuous'
        AND created_on >= $1 AND started_on IS NOT NULL`,
    [from],
  );
  const [held] = await db.query<{ n: number; p50: number; p99: number }>(
    `SELECT count(*)::int AS n, ${ms('finished_at - started_at', 0.5)} AS p50, ${ms('finished_at - started_at', 0.99)} AS p99
       FROM sync_runs WHERE trigger = 'continuous' AND started_at >= $1 AND finished_at IS NOT NULL`,
    [from],
  );
  return `${fmt(queued!.n)} continuous jobs waited for a slot p50 ${fmt(queued!.p50)} ms, p99 ${fmt(queued!.p99)} ms; ${fmt(held!.n)} continuous runs held it p50 ${fmt(held!.p50)} ms, p99 ${fmt(held!.p99)} ms`;
}

/** Seconds from the due time to each target's first scheduled run, waiting up to 120 s. */
async function scheduledStarts(due: Date, targets: number) {
  const deadline = Date.now() + 120_000;
  let found: { connection_id: number; delay: number }[] = [];
  for (;;) {
    found = await db.query<{ connection_id: number; delay: number }>(
      `SELECT r.connection_id, extract(epoch FROM min(r.started_at) - $1::timestamptz)::float8 AS delay
         FROM sync_runs r WHERE r.trigger = 'scheduled' AND r.started_at >= $1 GROUP BY r.connection_id, r.resource`,
      [due],
    );
    if (found.length >= targets || Date.now() > deadline) break;
    await sleep(2000);
  }
  const delays = found.map((r) => r.delay).sort((a, b) => a - b);
  const q = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? Number.NaN;
  const late = targets - delays.filter((d) => d <= 60).length;
  // Which ones were late, and whether one is the resync's own pair (its scheduled run waits for
  // the resync, which is delivering that pair's listings meanwhile).
  const lateOnes = found
    .filter((r) => r.delay > 60)
    .map(
      (r) =>
        `connection ${r.connection_id}${r.connection_id === hub.big.ml ? ' (the resync’s own pair)' : ''} after ${r.delay.toFixed(1)} s`,
    );
  return {
    started: delays.length,
    late,
    lateOnes,
    p50: q(0.5),
    p99: q(0.99),
    max: delays.at(-1) ?? Number.NaN,
  };
}
