/** Starting and stopping Cais: the database, migrations, the HTTP server and the worker. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { type BootstrapCredentials, bootstrapAccount } from './accounts/bootstrap.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { Cipher, generateSecretKey, parseSecretKey } from './connections/cipher.ts';
import type { Db } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import { startBoss } from './jobs/boss.ts';
import { createLogger, errorLogger } from './logger.ts';
import { enqueueRun } from './sync/scheduler.ts';
import { startWorker } from './worker.ts';

export type Role = 'all' | 'serve' | 'work';

export interface Running {
  db: Db;
  app: FastifyInstance | undefined;
  boss: PgBoss;
  url: string | undefined;
  credentials: BootstrapCredentials | undefined;
  stop(): Promise<void>;
}

export async function openMigratedDb(config: Config): Promise<Db> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
  });
  await migrate(db);
  return db;
}

/**
 * With the embedded database the secret key is generated on first start and kept beside the
 * data (mode 0600); with PostgreSQL it must be configured, since every process needs the same one.
 */
export async function resolveSecretKey(config: Config): Promise<Config> {
  if (config.secretKey) return config;
  const path = `${config.dataDir}/secret.key`;
  await mkdir(config.dataDir, { recursive: true });
  let text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) {
    text = generateSecretKey();
    await writeFile(path, `${text}\n`, { mode: 0o600, flag: 'wx' }).catch(async () => {
      text = await readFile(path, 'utf8');
    });
  }
  const secretKey = parseSecretKey(text ?? '');
  if (!secretKey) throw new Error(`${path} does not hold a valid key; remove it or set CAIS_SECRET_KEY`);
  return { ...config, secretKey };
}

export async function start(given: Config, role: Role): Promise<Running> {
  const config = await resolveSecretKey(given);
  const db = await openMigratedDb(config);
  const credentials = await bootstrapAccount(db, config);
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  const cipher = new Cipher(config.secretKey!);
  const logError = errorLogger(createLogger(config));
  // Every role gets a queue client (the API queues "run now"); only workers supervise and work.
  const boss = await startBoss(db, {
    schema: config.jobSchema,
    onError: (error) => logError(error, { msg: 'job queue error' }),
    supervise: role !== 'serve',
  });
  const worker =
    role === 'serve'
      ? undefined
      : await startWorker({
          db,
          boss,
          cipher,
          onError: logError,
          limits: { leaseMs: config.syncLeaseMs },
          concurrency: config.workerConcurrency,
        });
  if (role !== 'work') {
    app = await buildApp({ config, db, cipher, enqueueRun: (data) => enqueueRun(boss, data) });
    url = await app.listen({ port: config.port, host: config.host });
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Stop taking requests and finish those in flight, then let running jobs finish.
      await app?.close();
      await worker?.stop();
      await boss.stop({ graceful: true, timeout: 30_000 });
      await db.close();
    })();
    return stopping;
  };
  return { db, app, boss, url, credentials, stop };
}
