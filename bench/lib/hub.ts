/**
 * A hub's data for bench:scale, on a database of its own: accounts made the way Cais makes them
 * (createAccount), connections to the simulator, and catalogs and listings written by set-based
 * SQL (two million listings through the API would take most of the bench's time; the output says
 * so). One big account holds `big` products listed on Mercado Livre; every other account has
 * `perAccount` products listed on both Mercado Livre and Magalu. The first `hot` accounts' first
 * `hotSkus` products point at simulator items of their own (the ERP updates them during the
 * freshness measure); the big account's listings point at a pool of simulator items in turn.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createAccount } from '../../src/accounts/accounts.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import type { Db } from '../../src/db/db.ts';
import { control, simulatedItems } from './world.ts';

export interface HubSeller {
  accountId: number;
  headers: Record<string, string>;
  ml: number;
  magalu: number;
  /** Simulator item ids of the hot SKUs H-1..H-n (empty for cold accounts). */
  hotItems: string[];
}

export interface Hub {
  big: HubSeller;
  sellers: HubSeller[];
  listings: number;
}

/** A database of its own (so pg_stat_database counts this benchmark alone); dropped by drop(). */
export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_scale_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client(baseUrl);
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

const unlimited = { perSecond: 1e9, burst: 1e9 };

export async function buildHub(
  db: Db,
  simUrl: string,
  secretKey: string,
  args: { accounts: number; big: number; perAccount: number; hot: number; hotSkus: number; pool: number },
): Promise<Hub> {
  const cipher = new Cipher(Buffer.from(secretKey, 'hex'));
  const tokens = await control(simUrl, 'POST', '/mercadolivre/tokens', {
    client_id: '1234567890123456',
    user_id: 100000001,
  });
  const mlSecrets = cipher.encryptJson({
    clientId: '1234567890123456',
    clientSecret: 'ml-sim-secret',
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    sellerId: String(tokens.user_id),
    extra: { categoryId: 'MLB1055' },
  });
  // Magalu connections are measured idle and on schedules with nothing owed: never called.
  const magaluSecrets = cipher.encryptJson({
    accessToken: 'unused',
    refreshToken: 'unused',
    sellerId: 'unused',
  });
  const sellers: HubSeller[] = [];
  for (let i = 0; i < args.accounts; i++) {
    const email = `hub-${i}-${randomBytes(3).toString('hex')}@example.com`;
    const account = await createAccount(db, { name: `Loja ${i}`, owner: { email, role: 'owner' } });
    const [ml, magalu] = await db.query<{ id: number }>(
      `INSERT INTO connections (account_id, channel, name, base_url, status, secrets, seller_id, rate_limits)
       VALUES ($1, 'mercadolivre', 'ML', $2, 'active', $3, $4, $6),
              ($1, 'magalu', 'Magalu', $5, 'active', $7, 'unused', '{}')
       RETURNING id`,
      [
        account.accountId,
        `${simUrl}/mercadolivre`,
        mlSecrets,
        String(tokens.user_id),
        `${simUrl}/magalu`,
        JSON.stringify({ stock: unlimited, price: unlimited, read: unlimited }),
        magaluSecrets,
      ],
    );
    sellers.push({
      accountId: account.accountId,
      headers: {
        'content-type': 'application/json',
        'x-user-email': email,
        'x-api-key': account.apiKey,
        'x-accountmanager-key': 'bench',
      },
      ml: ml!.id,
      magalu: magalu!.id,
      hotItems: [],
    });
  }
  const [big, ...rest] = sellers as [HubSeller, ...HubSeller[]];
  const pool = await simulatedItems(simUrl, args.pool, 'POOL');
  const hotIds = await simulatedItems(simUrl, args.hot * args.hotSkus, 'HOT');
  rest.slice(0, args.hot).forEach((s, k) => {
    s.hotItems = hotIds.slice(k * args.hotSkus, (k + 1) * args.hotSkus);
  });
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT $1, 'B-' || g, 'Produto ' || g, 5, 10 FROM generate_series(1, $2::int) g`,
    [big.accountId, args.big],
  );
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, connected_at,
                           stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT $1, $2, p.id, 'green', ($3::text[])[1 + (p.id % array_length($3::text[], 1))], now(), 1, 1, 1, 1
       FROM products p WHERE p.account_id = $1`,
    [big.accountId, big.ml, pool],
  );
  const ids = rest.map((s) => s.accountId);
  await db.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT a, 'H-' || g, 'Produto ' || g, 5, 10 FROM unnest($1::bigint[]) a, generate_series(1, $2::int) g`,
    [ids, args.perAccount],
  );
  // Hot SKUs point at their own simulator items; every other listing at a placeholder.
  await db.query(
    `INSERT INTO listings (account_id, connection_id, product_id, flag, external_id, connected_at,
                           stock_seq, stock_done_seq, price_seq, price_done_seq)
     SELECT s.account_id, c.id, p.id,
            -- Hot SKUs are listed on Mercado Livre only: the Magalu connections have no real tokens.
            CASE WHEN c.channel = 'magalu' AND s.k <= $2 AND n <= $3 THEN 'grey' ELSE 'green' END,
            CASE WHEN c.channel = 'mercadolivre' AND s.k <= $2 AND n <= $3
                 THEN ($4::text[])[(s.k - 1) * $3 + n] ELSE 'UNUSED-' || p.id END, now(), 1, 1, 1, 1
       FROM unnest($1::bigint[]) WITH ORDINALITY AS s(account_id, k)
       JOIN products p ON p.account_id = s.account_id
       CROSS JOIN LATERAL (SELECT substr(p.sku, 3)::int AS n) x
       JOIN connections c ON c.account_id = s.account_id`,
    [ids, args.hot, args.hotSkus, hotIds],
  );
  await db.exec('ANALYZE');
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM listings')) as [
    { n: number },
  ];
  return { big, sellers: rest, listings: n };
}
