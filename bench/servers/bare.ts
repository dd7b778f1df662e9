/**
 * The raw baseline: a bare Fastify server doing one SQL upsert per request into the same products
 * table, on the same database and pool size as Cais, with the same log level. No auth, no
 * validation, no history, no versions.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.CAIS_DB_POOL_SIZE ?? 10),
});
const accountId = Number(process.env.BENCH_ACCOUNT_ID);
const app = Fastify({ logger: { level: 'warn' } });
app.put<{ Params: { sku: string }; Body: { product: { qty: number } } }>(
  '/products/:sku',
  async (request, reply) => {
    await pool.query(
      `INSERT INTO products (account_id, sku, qty) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, sku) DO UPDATE SET qty = excluded.qty`,
      [accountId, request.params.sku, request.body.product.qty],
    );
    return reply.code(204).send();
  },
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
