/** Cais's API (role `serve`) for benchmarks, on the database in DATABASE_URL; reports its URL over IPC. */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import { openDb } from '../../src/db/open.ts';

const config = readConfig({
  ...process.env,
  CAIS_LOG_LEVEL: 'warn',
  CAIS_SECRET_KEY: process.env.CAIS_SECRET_KEY ?? randomBytes(32).toString('hex'),
  CAIS_RATE_LIMIT_PER_MINUTE: '10000000',
});
const db = await openDb({ databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize });
const app = await buildApp({ config, db });
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
