import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Db } from './db.ts';
import { loadMigrations, migrate, splitStatements } from './migrate.ts';
import { openDb } from './open.ts';

describe('splitStatements', () => {
  test('splits on ; at the end of a line and drops comment lines', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (
  id int -- trailing comment
);
CREATE INDEX a_idx ON a (id);

INSERT INTO a VALUES (1);`;
    assert.deepEqual(splitStatements(sql), [
      'CREATE TABLE a (\n  id int -- trailing comment\n);',
      'CREATE INDEX a_idx ON a (id);',
      'INSERT INTO a VALUES (1);',
    ]);
  });

  test('keeps a $$-quoted function body whole', () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger AS $$
BEGIN
  NEW.x := 1;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
SELECT 1;`;
    const statements = splitStatements(sql);
    assert.equal(statements.length, 2);
    assert.match(statements[0]!, /^CREATE FUNCTION[\s\S]*RETURN NEW;\nEND;\n\$\$ LANGUAGE plpgsql;$/);
    assert.equal(statements[1], 'SELECT 1;');
  });

  test('a last statement without a semicolon is kept', () => {
    assert.deepEqual(splitStatements('SELECT 1;\nSELECT 2'), ['SELECT 1;', 'SELECT 2']);
  });
});

describe('loadMigrations', () => {
  test('every numbered file, in order, with unique ids', async () => {
    const migrations = await loadMigrations();
    const files = (await readdir(new URL('./migrations/', import.meta.url))).filter((f) =>
      f.endsWith('.sql'),
    );
    assert.deepEqual(
      migrations.map((m) => m.name),
      files.sort(),
    );
    const ids = migrations.map((m) => m.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, ids.length);
    for (const m of migrations) assert.match(m.name, /^\d{6}_[a-z0-9_]+\.sql$/);
  });
});

describe('migrate', () => {
  // A database with nothing in it: a fresh schema in PostgreSQL, or PGlite in memory.
  let db: Db;
  let schema: string | undefined;
  before(async () => {
    const databaseUrl = process.env.DATABASE_URL;
    schema = databaseUrl ? `test_${randomBytes(6).toString('hex')}` : undefined;
    db = await openDb({ databaseUrl, schema, poolSize: 4 });
  });
  after(async () => {
    if (schema) await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
  });

  test('processes starting together on an empty database apply each migration once', async () => {
    const all = (await loadMigrations()).map((m) => m.name);
    const applied = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    assert.deepEqual(applied.flat().sort(), all);
    const recorded = await db.query<{ name: string }>('SELECT name FROM cais_migrations ORDER BY id');
    assert.deepEqual(
      recorded.map((r) => r.name),
      all,
    );
  });

  test('a second run applies nothing', async () => {
    assert.deepEqual(await migrate(db), []);
  });

  test('the schema is usable after migration', async () => {
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    const names = tables.map((t) => t.name);
    for (const table of [
      'accounts',
      'api_keys',
      'users',
      'products',
      'product_changes',
      'idempotency_keys',
    ]) {
      assert.ok(names.includes(table), `${table} missing from ${names.join(', ')}`);
    }
  });
});
