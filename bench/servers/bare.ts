/**
 * The raw baseline: a bare Fastify server doing one SQL upsert per request into a plain table
 * (the same keys as Cais's products, no trigger, no history, no version), logs at `warn`:
 * `PUT /products/{sku}` upserts one row, `PUT /stocks` a JSON array of `{sku, qty}` in one
 * `unnest` statement. On
 * PostgreSQL (DATABASE_URL, pool CAIS_DB_POOL_SIZE) or, with BENCH_PGLITE_DIR, on PGlite in that
 * folder: the embedded database `npm start` uses without DATABASE_URL; with BENCH_PGLITE_THREAD=1
 * PGlite runs on a thread of its own, as Cais runs it (src/db/pglite-thread.ts). No auth, no
 * validation.
 */
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { openPgliteThread } from '../../src/db/pglite-thread.ts';
import { createPlainTable, plainBulkSql, plainUpsertSql } from '../lib/plain.ts';

type Upsert = (params: unknown[]) => Promise<unknown>;
interface Upserts {
  upsert: Upsert;
  bulk: Upsert;
  close(): Promise<void>;
}

async function openUpsert(): Promise<Upserts> {
  const dir = process.env.BENCH_PGLITE_DIR;
  if (dir && process.env.BENCH_PGLITE_THREAD === '1') {
    const db = await openPgliteThread(dir);
    await createPlainTable((sql, params) => db.query(sql, params), Number(process.env.BENCH_SKUS));
    return {
      upsert: (params) => db.query(plainUpsertSql, params),
      bulk: (params) => db.query(plainBulkSql, params),
      close: () => db.close(),
    };
  }
  if (dir) {
    const pglite = await PGlite.create(dir);
    await createPlainTable((sql, params) => pglite.query(sql, params), Number(process.env.BENCH_SKUS));
    return {
      upsert: (params) => pglite.query(plainUpsertSql, params),
      bulk: (params) => pglite.query(plainBulkSql, params),
      close: () => pglite.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.CAIS_DB_POOL_SIZE ?? 10),
  });
  return {
    upsert: (params) => pool.query(plainUpsertSql, params),
    bulk: (params) => pool.query(plainBulkSql, params),
    close: () => pool.end(),
  };
}

const db = await openUpsert();
const accountId = Number(process.env.BENCH_ACCOUNT_ID ?? 1);
const app = Fastify({ logger: { level: 'warn' } });
app.put<{ Params: { sku: string }; Body: { product: { qty: number } } }>(
  '/products/:sku',
  async (request, reply) => {
    await db.upsert([accountId, request.params.sku, request.body.product.qty]);
    return reply.code(204).send();
  },
);
app.put<{ Body: { sku: string; qty: number }[] }>('/stocks', async (request) => {
  const items = request.body;
  await db.bulk([accountId, items.map((i) => i.sku), items.map((i) => i.qty)]);
  return { updated: items.length };
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0)),
);
