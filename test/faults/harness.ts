/**
 * The fault suite's world: real processes (Cais API and worker roles, the simulator) on a
 * PostgreSQL schema of their own, an ERP that keeps pushing changes, and the checks that say
 * whether anything accepted was lost or anything older reached a marketplace.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { Pool } from 'undici';
import { createAccount } from '../../src/accounts/accounts.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDb } from '../../src/db/open.ts';

export const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function log(message: string): void {
  console.log(`  [faults] ${message}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Sim {
  url: string;
  child: ChildProcess;
  control(method: string, path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(): Promise<Sim> {
  const port = await freePort();
  const child = spawn(process.execPath, ['simulator/main.ts'], {
    env: { ...process.env, SIM_PORT: String(port), SIM_UNLIMITED: '1', SIM_SEED: '7' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/_control`).catch(() => undefined))?.ok);
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { url, child, control, stop: () => stopProcess(child) };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false | null>,
  ms = 30_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export interface Installation {
  schema: string;
  url: string;
  secretKey: string;
  db: Db;
  accountId: number;
  email: string;
  apiKey: string;
  connectionId: number;
  skus: string[];
  itemIds: string[];
  drop(): Promise<void>;
}

/** A schema with an account, an ML connection with real simulator tokens, and N listed products. */
export async function install(sim: Sim, products: number): Promise<Installation> {
  const schema = `faults_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(databaseUrl);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(db);
  const secretKey = randomBytes(32).toString('hex');
  const email = `faults-${schema}@example.com`;
  const account = await createAccount(db, { name: 'faults', owner: { email, role: 'owner' } });
  const tokens = await sim.control('POST', '/mercadolivre/tokens', {
    client_id: '1234567890123456',
    user_id: 100000001,
  });
  const credentials = {
    clientId: '1234567890123456',
    clientSecret: 'ml-sim-secret',
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    sellerId: String(tokens.user_id),
  };
  const [connection] = await db.query<{ id: number }>(
    `INSERT INTO connections (account_id, channel, name, base_url, status, secrets, seller_id, rate_limits)
     VALUES ($1, 'mercadolivre', 'Mercado Livre', $2, 'active', $3, $4, '{"stock": {"perSecond": 400, "burst": 100}, "price": {"perSecond": 400, "burst": 100}}')
     RETURNING id`,
    [
      account.accountId,
      `${sim.url}/mercadolivre`,
      new Cipher(Buffer.from(secretKey, 'hex')).encryptJson(credentials),
      credentials.sellerId,
    ],
  );
  const skus = Array.from({ length: products }, (_, i) => `F-${i + 1}`);
  const itemIds: string[] = [];
  for (const sku of skus) {
    itemIds.push(
      (await sim.control('POST', '/mercadolivre/listings', { sku, price: 10, available_quantity: 0 })).id,
    );
  }
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price) SELECT $1, s, s, 1, 10 FROM unnest($2::text[]) s`,
    [account.accountId, skus],
  );
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT $1, $2, p.id, 'green', x.id, 2, 1, 2, 1
       FROM unnest($3::text[], $4::text[]) AS x(sku, id) JOIN products p ON p.account_id = $1 AND p.sku = x.sku`,
    [account.accountId, connection!.id, skus, itemIds],
  );
  await db.query(
    `INSERT INTO sync_schedules (account_id, connection_ids, resources, every_minutes) VALUES ($1, $2, '{stock,price}', NULL)`,
    [account.accountId, [connection!.id]],
  );
  const { recomputeTargets } = await import('../../src/sync/schedules.ts');
  await recomputeTargets(db, account.accountId);
  return {
    schema,
    url: url.toString(),
    secretKey,
    db,
    accountId: account.accountId,
    email,
    apiKey: account.apiKey,
    connectionId: connection!.id,
    skus,
    itemIds,
    async drop() {
      await db.close();
      const c = new pg.Client(databaseUrl);
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.query(`DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
      await c.end();
    },
  };
}

export interface CaisProcess {
  role: 'serve' | 'work';
  port: number | undefined;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export async function startCais(
  inst: Installation,
  role: 'serve' | 'work',
  env: Record<string, string> = {},
): Promise<CaisProcess> {
  const port = role === 'serve' ? await freePort() : undefined;
  const child = spawn(process.execPath, ['src/main.ts', role], {
    env: {
      ...process.env,
      DATABASE_URL: inst.url,
      CAIS_SECRET_KEY: inst.secretKey,
      CAIS_JOB_SCHEMA: `${inst.schema}_boss`,
      CAIS_SYNC_LEASE_SECONDS: '3',
      CAIS_LOG_LEVEL: 'fatal',
      CAIS_RATE_LIMIT_PER_MINUTE: '1000000',
      PORT: String(port ?? 0),
      ...env,
    },
    stdio: ['ignore', 'ignore', process.env.FAULTS_VERBOSE ? 'inherit' : 'ignore'],
  });
  if (port)
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok,
      30_000,
      'the API',
    );
  return {
    role,
    port,
    child,
    kill: (signal = 'SIGKILL') => child.kill(signal),
    stop: () => stopProcess(child),
  };
}

/**
 * The ERP: pushes stock (bulk) and price changes to the API processes, each value larger than the
 * last for its SKU, and remembers what was acknowledged with a 2xx.
 */
export class Erp {
  readonly acknowledged = new Map<string, { qty: number; price: number }>();
  readonly sent = new Map<string, { qty: number; price: number }>();
  readonly answers: Record<string, number> = {};
  #counter = 1000;
  #running = true;
  readonly #inst: Installation;
  readonly #apis: () => CaisProcess[];

  constructor(inst: Installation, apis: () => CaisProcess[]) {
    this.#inst = inst;
    this.#apis = apis;
  }

  async run(): Promise<void> {
    while (this.#running) {
      await this.#pushOnce();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  stop(): void {
    this.#running = false;
  }

  async #pushOnce(): Promise<void> {
    const live = this.#apis().filter(
      (a) => a.child.exitCode === null && a.child.signalCode === null && a.port,
    );
    const api = live[Math.floor(Math.random() * live.length)];
    if (!api) return;
    const picks = [
      ...new Set(
        Array.from(
          { length: 10 },
          () => this.#inst.skus[Math.floor(Math.random() * this.#inst.skus.length)]!,
        ),
      ),
    ];
    const values = picks.map((sku) => ({
      sku,
      qty: ++this.#counter,
      price: (this.#counter % 5000) / 10 + 1,
    }));
    for (const v of values) this.sent.set(v.sku, { qty: v.qty, price: v.price });
    const headers = {
      'content-type': 'application/json',
      'x-user-email': this.#inst.email,
      'x-api-key': this.#inst.apiKey,
      'x-accountmanager-key': 'faults',
    };
    const pool = new Pool(`http://127.0.0.1:${api.port}`, { connections: 2 });
    try {
      const stock = await pool.request({
        method: 'PUT',
        path: '/stocks',
        headers,
        body: JSON.stringify(values.map(({ sku, qty }) => ({ sku, qty }))),
      });
      await stock.body.dump();
      this.#count(stock.statusCode);
      const price = await pool.request({
        method: 'PUT',
        path: '/prices',
        headers,
        body: JSON.stringify(values.map(({ sku, price: p }) => ({ sku, price: p }))),
      });
      await price.body.dump();
      this.#count(price.statusCode);
      if (stock.statusCode === 200 && price.statusCode === 200) {
        for (const v of values) this.acknowledged.set(v.sku, { qty: v.qty, price: v.price });
      } else if (stock.statusCode === 200) {
        for (const v of values)
          this.acknowledged.set(v.sku, { qty: v.qty, price: this.acknowledged.get(v.sku)?.price ?? 10 });
      }
    } catch {
      this.#count(0); // the connection died with the process: not acknowledged
    } finally {
      await pool.close().catch(() => {});
    }
  }

  #count(status: number): void {
    this.answers[status] = (this.answers[status] ?? 0) + 1;
  }
}

export interface Verdict {
  lostAcknowledged: number;
  wrongAtMarketplace: number;
  stillOwed: number;
}

/**
 * Every acknowledged change is in Cais (its value there is at least the acknowledged one — a
 * later push may have committed without an answer), and every listing at the simulator shows
 * Cais's current value, with nothing owed.
 */
export async function verdict(inst: Installation, sim: Sim, erp: Erp): Promise<Verdict> {
  const rows = await inst.db.query<{ sku: string; qty: number; price: number }>(
    'SELECT sku, qty, price FROM products WHERE account_id = $1',
    [inst.accountId],
  );
  const bySku = new Map(rows.map((r) => [r.sku, r]));
  let lostAcknowledged = 0;
  for (const [sku, ack] of erp.acknowledged) {
    const row = bySku.get(sku);
    if (!row || row.qty < ack.qty) lostAcknowledged++;
  }
  const live = await sim.control('GET', '/mercadolivre/listings?limit=100000');
  const list: { sku: string; stock: number; price: number }[] = Array.isArray(live)
    ? live
    : (live.listings ?? live.results);
  const liveBySku = new Map(list.map((l) => [l.sku, l]));
  let wrongAtMarketplace = 0;
  for (const r of rows) {
    const l = liveBySku.get(r.sku);
    if (!l || l.stock !== r.qty || Math.abs(l.price - r.price) > 0.001) wrongAtMarketplace++;
  }
  const [owed] = await inst.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM listings WHERE connection_id = $1 AND (stock_seq > stock_done_seq OR price_seq > price_done_seq)`,
    [inst.connectionId],
  );
  return { lostAcknowledged, wrongAtMarketplace, stillOwed: owed!.n };
}

/** No two finished runs of one (connection, resource) overlapped in time. */
export async function overlappingRuns(inst: Installation): Promise<number> {
  const runs = await inst.db.query<{ resource: string; started_at: Date; finished_at: Date }>(
    `SELECT resource, started_at, finished_at FROM sync_runs
      WHERE connection_id = $1 AND finished_at IS NOT NULL AND status NOT IN ('interrupted', 'skipped')
      ORDER BY resource, started_at`,
    [inst.connectionId],
  );
  let overlaps = 0;
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1]!, runs[i]!];
    if (a.resource === b.resource && b.started_at < a.finished_at) overlaps++;
  }
  return overlaps;
}

export { fork };
