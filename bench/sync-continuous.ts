/**
 * Continuous mode under load: Cais (API + worker) in its own process, a continuous stock schedule,
 * and an ERP sending `rate` stock updates per second over HTTP. Each update's latency is from the
 * ERP getting its 204 to the simulator receiving that value or a newer one for the same item
 * (coalescing may skip intermediate values: by design only the latest is owed). Updates carry
 * their value as the ERP's `sequence`, so two in flight for one SKU cannot land out of order: the
 * older is refused as stale (409) instead of overwriting the newer.
 */
import { Pool } from 'undici';
import { migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { startChild } from './lib/child.ts';
import { catalog, control, mercadoLivreConnection, secretKey, simulatedItems } from './lib/world.ts';

export interface ContinuousResult {
  accepted: number;
  /** Updates answered with something other than 204 (not accepted, so not owed). */
  refused: Record<number, number>;
  lost: number;
  p50: number;
  p99: number;
  max: number;
}

const SKUS = 5_000;

export async function continuousMode(args: {
  schemaUrl: string;
  simUrl: string;
  seconds: number;
  rate: number;
}): Promise<ContinuousResult> {
  const db = await openDb({ databaseUrl: args.schemaUrl, poolSize: 2 });
  await migrate(db);
  const conn = await mercadoLivreConnection(db, args.simUrl);
  const ids = await simulatedItems(args.simUrl, SKUS, 'C');
  await catalog(db, conn, { total: SKUS, pending: 0, itemIds: ids, prefix: 'C' });
  await db.close();
  const cais = await startChild(new URL('./servers/cais-all.ts', import.meta.url), {
    DATABASE_URL: args.schemaUrl,
    CAIS_SECRET_KEY: secretKey,
  });
  const headers = {
    'content-type': 'application/json',
    'x-user-email': conn.email,
    'x-api-key': conn.apiKey,
    'x-accountmanager-key': 'bench',
  };
  const pool = new Pool(cais.url, { connections: 32 });
  const schedule = await pool.request({
    method: 'POST',
    path: '/sync/schedules',
    headers,
    body: JSON.stringify({
      schedule: { connections: [conn.connectionId], resources: ['stock'], every: 'continuous' },
    }),
  });
  if (schedule.statusCode !== 201) throw new Error(`schedule: ${await schedule.body.text()}`);
  await schedule.body.dump();
  const since = (await control(args.simUrl, 'GET', '/writes?limit=1')).last_seq ?? 0;

  const accepted = new Map<number, { qty: number; at: number }[]>(); // item index → accepted values
  const latest = new Map<number, number>();
  // Above every stock the fixture starts with, so each update is a real change.
  let counter = 1_000_000;
  const refused: Record<number, number> = {};
  const sendOne = async () => {
    const i = Math.floor(Math.random() * SKUS);
    const qty = ++counter;
    const res = await pool.request({
      method: 'PUT',
      path: `/products/C-${i + 1}`,
      headers,
      body: JSON.stringify({ product: { qty, sequence: qty } }),
    });
    await res.body.dump();
    if (res.statusCode !== 204) {
      refused[res.statusCode] = (refused[res.statusCode] ?? 0) + 1;
      return;
    }
    const at = Date.now();
    const list = accepted.get(i) ?? [];
    list.push({ qty, at });
    accepted.set(i, list);
    latest.set(i, Math.max(latest.get(i) ?? 0, qty));
  };
  // Open loop: `rate` a second in 10 ms ticks, whatever the answers' latency.
  const inflight: Promise<void>[] = [];
  const perTick = args.rate / 100;
  let owed = 0;
  const end = Date.now() + args.seconds * 1000;
  while (Date.now() < end) {
    owed += perTick;
    for (; owed >= 1; owed--) inflight.push(sendOne());
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inflight);
  await new Promise((r) => setTimeout(r, 5_000)); // let the last changes arrive
  await pool.close();
  await cais.stop();
  if (process.env.BENCH_DEBUG) {
    const check = await openDb({ databaseUrl: args.schemaUrl, poolSize: 1 });
    console.error(
      'errors',
      await check.query(`SELECT code, failure, message, status, attempts FROM sync_errors ORDER BY id`),
    );
    console.error(
      'owed',
      await check.query(
        `SELECT count(*)::int AS n, max(stock_retry_at) AS retry FROM listings WHERE stock_seq > stock_done_seq`,
      ),
    );
    console.error(
      'runs',
      await check.query(
        `SELECT id, trigger, status, note, sent, failed, started_at, finished_at FROM sync_runs ORDER BY id`,
      ),
    );
    await check.close();
  }

  const receipts = await writesSince(args.simUrl, since);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const byItem = new Map<number, { qty: number; at: number }[]>();
  for (const w of receipts) {
    const i = indexOf.get(w.target);
    if (i === undefined || w.body?.available_quantity === undefined) continue;
    const list = byItem.get(i) ?? [];
    list.push({ qty: w.body.available_quantity, at: Date.parse(w.at) });
    byItem.set(i, list);
  }
  const latencies: number[] = [];
  let lost = 0;
  for (const [i, values] of accepted) {
    const got = byItem.get(i) ?? [];
    if (got.at(-1)?.qty !== latest.get(i)) {
      lost++;
      if (process.env.BENCH_DEBUG)
        console.error(
          'lost',
          i,
          ids[i],
          'latest',
          latest.get(i),
          'received',
          got.slice(-3),
          'accepted',
          values.slice(-3),
        );
    }
    for (const v of values) {
      const receipt = got.find((g) => g.qty >= v.qty);
      if (receipt) latencies.push(Math.max(0, receipt.at - v.at));
    }
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return {
    accepted: [...accepted.values()].reduce((n, list) => n + list.length, 0),
    refused,
    lost,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

async function writesSince(
  simUrl: string,
  since: number,
): Promise<{ target: string; at: string; body: any }[]> {
  const all: { target: string; at: string; body: any }[] = [];
  let cursor = since;
  for (;;) {
    const page = await control(simUrl, 'GET', `/writes?channel=mercadolivre&since=${cursor}&limit=10000`);
    all.push(...page.entries.filter((e: { operation: string }) => e.operation === 'items.update'));
    if (page.entries.length === 0 || page.next_since === undefined || page.next_since === cursor) break;
    cursor = page.next_since;
  }
  return all;
}
