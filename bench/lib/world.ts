/**
 * Benchmark fixtures on PostgreSQL: an account, a Mercado Livre connection to the simulator with
 * real tokens from it, and catalogs of any size written with set-based SQL.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { createAccount } from '../../src/accounts/accounts.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import type { Db } from '../../src/db/db.ts';

export const secretKey = randomBytes(32).toString('hex');
const cipher = new Cipher(Buffer.from(secretKey, 'hex'));

export async function control(simUrl: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${simUrl}/_control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export interface BenchConnection {
  accountId: number;
  apiKey: string;
  email: string;
  connectionId: number;
  accessToken: string;
}

/** An account and an active ML connection whose rates are lifted (the simulator has no limits). */
export async function mercadoLivreConnection(db: Db, simUrl: string): Promise<BenchConnection> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const account = await createAccount(db, { name: 'bench', owner: { email, role: 'owner' } });
  const tokens = await control(simUrl, 'POST', '/mercadolivre/tokens', {
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
    extra: { categoryId: 'MLB1055' },
  };
  const unlimited = { perSecond: 1e9, burst: 1e9 };
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO connections (account_id, channel, name, base_url, status, secrets, seller_id, rate_limits)
     VALUES ($1, 'mercadolivre', 'ML bench', $2, 'active', $3, $4, $5) RETURNING id`,
    [
      account.accountId,
      `${simUrl}/mercadolivre`,
      cipher.encryptJson(credentials),
      credentials.sellerId,
      JSON.stringify({ stock: unlimited, price: unlimited, read: unlimited }),
    ],
  );
  return {
    accountId: account.accountId,
    apiKey: account.apiKey,
    email,
    connectionId: row!.id,
    accessToken: tokens.access_token,
  };
}

/** Creates `count` simulated ML items (over HTTP, 64 at a time); answers their ids in order. */
export async function simulatedItems(simUrl: string, count: number, prefix: string): Promise<string[]> {
  const pool = new Pool(simUrl, { connections: 64 });
  const ids = new Array<string>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await pool.request({
        method: 'POST',
        path: '/_control/mercadolivre/listings',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user_id: 100000001,
          sku: `${prefix}-${i + 1}`,
          price: 10,
          available_quantity: 0,
        }),
      });
      ids[i] = ((await res.body.json()) as { id: string }).id;
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  await pool.close();
  return ids;
}

/**
 * `total` products with green listings; the first `pending` owe a stock send (their qty is
 * 1..pending), pointing at the given simulated items; the rest are up to date.
 */
export async function catalog(
  db: Db,
  c: BenchConnection,
  args: { total: number; pending: number; itemIds: string[]; prefix: string },
) {
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT $1, $2 || '-' || g, 'Produto ' || g, CASE WHEN g <= $4 THEN g ELSE 5 END, 10 FROM generate_series(1, $3) g`,
    [c.accountId, args.prefix, args.total, args.pending],
  );
  // Products with a simulated item point at it (joined by SKU through the index), the rest at
  // placeholders: a million-row catalog is built with hash and index joins, never a nested scan.
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, connected_at,
                           stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT $1, $2, p.id, 'green', x.external_id, now(), CASE WHEN x.n <= $5 THEN 2 ELSE 1 END, 1, 1, 1
       FROM unnest($4::text[]) WITH ORDINALITY AS x(external_id, n)
       JOIN products p ON p.account_id = $1 AND p.sku = $3 || '-' || x.n`,
    [c.accountId, c.connectionId, args.prefix, args.itemIds, args.pending],
  );
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, connected_at,
                           stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT $1, $2, p.id, 'green', 'MLB-UNUSED-' || p.id, now(), 1, 1, 1, 1
       FROM products p
      WHERE p.account_id = $1 AND NOT EXISTS (SELECT 1 FROM listings l WHERE l.product_id = p.id)`,
    [c.accountId, c.connectionId],
  );
  await db.exec('ANALYZE products; ANALYZE listings');
}
