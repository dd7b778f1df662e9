/**
 * Test helpers: a fresh database per test file (PGlite in memory by default; a fresh schema in
 * the PostgreSQL of DATABASE_URL when set), migrated, and an app on it with one account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../src/accounts/accounts.ts';
import { type AppDeps, buildApp } from '../src/app.ts';
import { type Config, readConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { loadMigrations, migrate } from '../src/db/migrate.ts';
import { openDb } from '../src/db/open.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPgliteThread } from '../src/db/pglite-thread.ts';

export interface TestDb {
  db: Db;
  schema: string | undefined;
  close(): Promise<void>;
}

/** On PGlite as `npm start` runs it: on its own thread (src/db/pglite-thread.ts). */
export async function createTestDb(): Promise<TestDb> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const db = databaseUrl
    ? await openDb({ databaseUrl, schema, poolSize: 5 })
    : await openPgliteThread(undefined, await pgliteTemplate());
  await migrate(db);
  return {
    db,
    schema,
    async close() {
      if (schema) {
        // Its pg-boss schemas too (`<schema>_boss`, ...), or every run leaves them in the database.
        const own = await db.query<{ name: string }>(
          "SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $1 || '\\_%'",
          [schema],
        );
        for (const { name } of own) await db.exec(`DROP SCHEMA ${name} CASCADE`);
      }
      await db.close();
    },
  };
}

/**
 * A migrated PGlite database saved once per set of migrations (in the temp folder) and loaded by
 * every test file: initdb and the migrations take seconds each time, loading the copy a fraction.
 */
async function pgliteTemplate(): Promise<Blob> {
  const migrations = await loadMigrations();
  const digest = createHash('sha256')
    .update(migrations.map((m) => `${m.name}\n${m.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `cais-pglite-template-${digest}.tar.gz`);
  const saved = await readFile(path).catch(() => undefined);
  if (saved) return new Blob([saved]);
  const db = await openPglite(undefined);
  await migrate(db);
  const dump = await (db as Db & { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  await db.close();
  // Written aside and renamed, so a test file starting meanwhile never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return dump;
}

/** One key per test process; tests that need a specific key pass CAIS_SECRET_KEY themselves. */
export const testSecretKey = randomBytes(32).toString('hex');

export function testConfig(env: Record<string, string> = {}): Config {
  return readConfig({ CAIS_LOG_LEVEL: 'silent', CAIS_SECRET_KEY: testSecretKey, ...env });
}

export interface Seller {
  accountId: number;
  email: string;
  apiKey: string;
  headers: Record<string, string>;
}

let sellers = 0;

export async function createSeller(db: Db, name = 'Loja'): Promise<Seller> {
  const email = `seller${++sellers}-${randomBytes(4).toString('hex')}@example.com`;
  const created = await createAccount(db, {
    name,
    owner: { email, password: 'secret-password', role: 'owner' },
  });
  return {
    accountId: created.accountId,
    email,
    apiKey: created.apiKey,
    headers: {
      'x-user-email': email,
      'x-api-key': created.apiKey,
      'x-accountmanager-key': 'test-erp',
      accept: 'application/json',
    },
  };
}

export interface TestApp extends TestDb {
  app: FastifyInstance;
  seller: Seller;
}

export async function createTestApp(
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'enqueueRun'> = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const app = await buildApp({ config: testConfig(env), db: testDb.db, logger: false, ...deps });
  await app.ready();
  const seller = await createSeller(testDb.db);
  return {
    ...testDb,
    app,
    seller,
    async close() {
      await app.close();
      await testDb.close();
    },
  };
}
