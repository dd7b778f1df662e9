/**
 * Forward-only migrations: numbered plain SQL files in ./migrations, each applied once in its
 * own transaction and recorded in cais_migrations. An advisory lock keeps two processes that
 * start together from applying the same file twice.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);
const MIGRATION_LOCK = 7_283_001;

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(migrationsDir)).filter((f) => /^\d{6}_.+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({
      id: Number(name.slice(0, 6)),
      name,
      sql: await readFile(new URL(name, migrationsDir), 'utf8'),
    })),
  );
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = await loadMigrations();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can both try to create it, and
    // one then fails on PostgreSQL's catalog (duplicate key in pg_type).
    await tx.query(`CREATE TABLE IF NOT EXISTS cais_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM cais_migrations')).map((r) => r.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await runScript(tx, migration.sql);
      await tx.query('INSERT INTO cais_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      applied.push(migration.name);
    }
    return applied;
  });
}

// node-postgres runs a parameterless multi-statement string inside a transaction, but PGlite's
// transaction handle takes one statement at a time; so files are split into statements: each ends
// with `;` at the end of a line, and `$$`-quoted function bodies are kept whole.
async function runScript(tx: { query(sql: string): Promise<unknown> }, sql: string): Promise<void> {
  for (const statement of splitStatements(sql)) await tx.query(statement);
}

export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    if (!inDollar && /^\s*--/.test(line)) continue;
    current += `${line}\n`;
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
