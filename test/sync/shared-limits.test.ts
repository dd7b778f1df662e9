/**
 * Limits shared by every process on one PostgreSQL (DESIGN §3.9, §5): with 3 worker processes and
 * 2 API processes, the simulator never receives more of one connection's operation than its rate
 * allows in any window (counted at the simulator), one account's request limit holds across both
 * API processes, and a revoked API key is refused by every process within a second.
 * PGlite serves one process, so this needs DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiKey, revokeApiKey } from '../../src/accounts/accounts.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import { recomputeTargets } from '../../src/sync/schedules.ts';
import {
  type CaisProcess,
  type Installation,
  install,
  type Sim,
  startCais,
  startSimulatorProcess,
  waitFor,
} from '../faults/harness.ts';

const needsPostgres = process.env.DATABASE_URL
  ? false
  : 'needs PostgreSQL (DATABASE_URL): the limits are shared between processes';

// The simulator's default Amazon app and seller (a self-authorised app's refresh token).
const AMAZON = {
  clientId: 'amzn1.application-oa2-client.caissim00000000000000000001',
  clientSecret: 'amzn-sim-secret',
  refreshToken: 'Atzr|cais-sim-default-refresh-token',
  sellerId: 'A1CAISSIMSELLER',
};
// Amazon's listings PATCH bucket: 5 a second, burst 5, shared by stock and price writes.
const PATCH = { perSecond: 5, burst: 5 };
const SKUS = Array.from({ length: 20 }, (_, i) => `LIM-${i + 1}`);
const REQUESTS_PER_MINUTE = 30;

describe('limits shared by every process', { skip: needsPostgres }, () => {
  let sim: Sim;
  let inst: Installation;
  let amazonId: number;
  const processes: CaisProcess[] = [];
  const apis: CaisProcess[] = [];

  before(async () => {
    sim = await startSimulatorProcess();
    inst = await install(sim, 0);
    amazonId = await connectAmazon(inst, sim);
    const env = { CAIS_RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE) };
    // One run at a time per worker: the stock and the price run then always run in two processes.
    for (let i = 0; i < 3; i++)
      processes.push(await startCais(inst, 'work', { ...env, CAIS_WORKER_CONCURRENCY: '1' }));
    for (let i = 0; i < 2; i++) apis.push(await startCais(inst, 'serve', env));
    processes.push(...apis);
  });

  after(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await inst?.drop();
    await sim?.stop();
  });

  async function owed(): Promise<number> {
    const [row] = await inst.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM listings
        WHERE connection_id = $1 AND (stock_seq > stock_done_seq OR price_seq > price_done_seq)`,
      [amazonId],
    );
    return row!.n;
  }

  it("never sends more than a connection's operation rate, whichever workers run its stock and price", async () => {
    // Three rounds of changes to every SKU: the stock run and the price run of each round land on
    // whichever workers take them, and both spend the one PATCH bucket.
    for (let round = 1; round <= 3; round++) {
      if (round > 1) {
        await inst.db.query(
          `UPDATE products SET qty = qty + 1, price = price + 1, stock_version = stock_version + 1,
                  price_version = price_version + 1
            WHERE account_id = $1`,
          [inst.accountId],
        );
      }
      await waitFor(async () => (await owed()) === 0, 120_000, `round ${round} delivered`);
    }
    const log = await sim.control('GET', '/writes?channel=amazon&limit=1000');
    const patches: number[] = log.entries
      .filter((e: { operation: string }) => e.operation === 'listings.patch')
      .map((e: { at: string }) => Date.parse(e.at))
      .sort((a: number, b: number) => a - b);
    assert.ok(patches.length >= SKUS.length * 2 * 3, `every change was sent: ${patches.length}`);
    for (const windowMs of [1_000, 2_000, 5_000]) {
      const allowed = PATCH.burst + (PATCH.perSecond * windowMs) / 1000;
      const worst = busiestWindow(patches, windowMs);
      assert.ok(worst <= allowed, `${worst} PATCHes within ${windowMs} ms; the bucket allows ${allowed}`);
    }
  });

  it('a revoked API key is refused by every API process within a second', async () => {
    const key = await createApiKey(inst.db, inst.accountId, 'to revoke');
    const ask = (api: CaisProcess) => get(api, '/products?per_page=1', inst.email, key.key);
    for (const api of apis) assert.equal((await ask(api)).status, 200, 'the key works everywhere first');
    // Revoked by another process (as `cais apikey revoke` does): no API process saw it happen.
    await revokeApiKey(inst.db, inst.accountId, key.id);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const api of apis) assert.equal((await ask(api)).status, 401, `refused by the API on ${api.port}`);
  });

  it("one account's request limit holds across API processes, with X-RateLimit-* and Retry-After", async () => {
    const key = await createApiKey(inst.db, inst.accountId, 'limit');
    const answers: { status: number; headers: Headers }[] = [];
    for (let i = 0; i < REQUESTS_PER_MINUTE * 2; i++) {
      answers.push(await get(apis[i % 2]!, '/products?per_page=1', inst.email, key.key));
    }
    const ok = answers.filter((a) => a.status === 200).length;
    assert.ok(ok <= REQUESTS_PER_MINUTE, `${ok} answered within a limit of ${REQUESTS_PER_MINUTE} a minute`);
    const refused = answers.filter((a) => a.status === 429);
    assert.ok(refused.length >= REQUESTS_PER_MINUTE, `${refused.length} refused`);
    const last = refused.at(-1)!;
    assert.equal(last.headers.get('x-ratelimit-limit'), String(REQUESTS_PER_MINUTE));
    assert.equal(last.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(last.headers.get('retry-after')) > 0);
  });
});

/** The most timestamps within any window of `ms` (sorted input). */
function busiestWindow(sorted: number[], ms: number): number {
  let worst = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= ms) start++;
    worst = Math.max(worst, end - start + 1);
  }
  return worst;
}

async function get(api: CaisProcess, path: string, email: string, apiKey: string) {
  const res = await fetch(`http://127.0.0.1:${api.port}${path}`, {
    headers: { 'x-user-email': email, 'x-api-key': apiKey, 'x-accountmanager-key': 'limits' },
  });
  await res.arrayBuffer();
  return { status: res.status, headers: res.headers };
}

/** An Amazon connection with a pasted refresh token, 20 listed products owing stock and price. */
async function connectAmazon(inst: Installation, sim: Sim): Promise<number> {
  const { db } = inst;
  for (const sku of SKUS) await sim.control('POST', '/amazon/listings', { sku, price: 1, quantity: 0 });
  const credentials = { ...AMAZON, extra: {} };
  const secrets = new Cipher(Buffer.from(inst.secretKey, 'hex')).encryptJson(credentials);
  const [connection] = await db.query<{ id: number }>(
    `INSERT INTO connections (account_id, channel, name, base_url, status, secrets, seller_id)
     VALUES ($1, 'amazon', 'Amazon', $2, 'active', $3, $4) RETURNING id`,
    [inst.accountId, `${sim.url}/amazon`, secrets, AMAZON.sellerId],
  );
  const id = connection!.id;
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price) SELECT $1, s, s, 3, 50 FROM unnest($2::text[]) s`,
    [inst.accountId, SKUS],
  );
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT $1, $2, p.id, 'green', p.sku, 2, 1, 2, 1 FROM products p WHERE p.account_id = $1 AND p.sku = ANY($3)`,
    [inst.accountId, id, SKUS],
  );
  await db.query(
    `INSERT INTO sync_schedules (account_id, connection_ids, resources, every_minutes) VALUES ($1, $2, '{stock,price}', NULL)`,
    [inst.accountId, [id]],
  );
  await recomputeTargets(db, inst.accountId);
  return id;
}
