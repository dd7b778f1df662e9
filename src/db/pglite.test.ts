import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaisError } from '../errors.ts';
import type { Db, Queryable } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPgliteThread } from './pglite-thread.ts';

// `{ prepare: true }` on PGlite: a named statement, parsed once, then bound and executed per call.
// Every test compares it with the unprepared query, which is PGlite's own query(). Each runs on
// PGlite in the caller's thread and on its own thread (as openDb opens it), where every value,
// error and transaction crosses between threads.

const prepare = { prepare: true };

// Every type Cais reads back: int8 and numeric as numbers (as openPglite parses them), their
// arrays, timestamps, booleans, JSON, text and nulls.
const typedSql = `
SELECT $1::bigint AS id, $2::numeric(12,2) AS price, $3::int AS qty, $4::text AS sku,
       $5::boolean AS flag, $6::timestamptz AS at, $7::jsonb AS doc, $8::bigint[] AS ids,
       NULL::text AS nothing, 12345678901::bigint AS big, 19.90::numeric AS money`;
const typedParams = [
  42,
  '10.50',
  7,
  'SKU-ção',
  true,
  new Date('2026-12-06T10:00:00.000Z'),
  { a: [1, 'b'] },
  [3, 4],
];

const withoutId = (row: unknown) => {
  const { id: _, ...rest } = row as Record<string, unknown>;
  return rest;
};

const insertSql = 'INSERT INTO items (sku, qty) VALUES ($1, $2) RETURNING id, sku, qty';

const openers = [
  ["in the caller's thread", () => openPglite()],
  ['on its own thread', () => openPgliteThread()],
] as const;

for (const [where, open] of openers)
  describe(`prepared statements on PGlite, ${where}`, () => {
    let db: Db;

    before(async () => {
      db = await open();
      await db.exec(
        `CREATE TABLE items (id bigserial PRIMARY KEY, sku text NOT NULL UNIQUE, qty int NOT NULL)`,
      );
    });
    after(() => db.close());

    const skus = async () =>
      (await db.query<{ sku: string }>('SELECT sku FROM items ORDER BY sku')).map((r) => r.sku);

    test('answers the same rows and types as the unprepared statement', async () => {
      const plain = await db.query(typedSql, typedParams);
      assert.deepEqual(await db.query(typedSql, typedParams, prepare), plain);
      // Again, now that it is prepared, and with other values (nulls included).
      const others = [1, null, null, 'x', false, null, null, []];
      assert.deepEqual(await db.query(typedSql, others, prepare), await db.query(typedSql, others));
      assert.deepEqual(plain[0], {
        id: 42,
        price: 10.5,
        qty: 7,
        sku: 'SKU-ção',
        flag: true,
        at: new Date('2026-12-06T10:00:00.000Z'),
        doc: { a: [1, 'b'] },
        ids: [3, 4],
        nothing: null,
        big: 12345678901,
        money: 19.9,
      });
    });

    test('a statement without rows answers none', async () => {
      assert.deepEqual(await db.query('UPDATE items SET qty = qty WHERE sku = $1', ['none'], prepare), []);
    });

    test('inside a transaction: same rows, sees the transaction, and rolls back with it', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          const [row] = await tx.query(insertSql, ['tx-1', 1], prepare);
          assert.deepEqual(
            await tx.query(typedSql, typedParams, prepare),
            await tx.query(typedSql, typedParams),
          );
          const seen = await tx.query(
            'SELECT sku FROM items WHERE id = $1',
            [(row as { id: number }).id],
            prepare,
          );
          assert.deepEqual(seen, [{ sku: 'tx-1' }]);
          throw new Error('undo');
        }),
        /undo/,
      );
      assert.deepEqual(await skus(), []);
      // The statement survived the rollback and still works.
      await db.query(insertSql, ['after-rollback', 1], prepare);
      assert.deepEqual(await skus(), ['after-rollback']);
      await db.exec('DELETE FROM items');
    });

    test('concurrent calls each get their own rows, and none lands in an open transaction', async () => {
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const rolledBack = db.transaction(async (tx) => {
        await tx.query(insertSql, ['in-tx', 1], prepare);
        opened();
        await sleep(20); // the transaction stays open while the calls below are made
        await tx.query(insertSql, ['in-tx-2', 2], prepare);
        throw new Error('undo');
      });
      await open;
      const outside = Array.from({ length: 20 }, (_, i) =>
        db.query<{ sku: string; qty: number }>(insertSql, [`out-${String(i).padStart(2, '0')}`, i], prepare),
      );
      const concurrentInTx = db.transaction((tx) =>
        Promise.all(
          [1, 2, 3].map((n) => tx.query(typedSql, [n, '1', n, `t${n}`, true, null, null, []], prepare)),
        ),
      );
      await assert.rejects(rolledBack, /undo/);
      const rows = await Promise.all(outside);
      assert.deepEqual(
        rows.map(([row]) => [row!.sku, row!.qty]),
        Array.from({ length: 20 }, (_, i) => [`out-${String(i).padStart(2, '0')}`, i]),
      );
      assert.deepEqual(
        (await concurrentInTx).map(([row]) => (row as { sku: string }).sku),
        ['t1', 't2', 't3'],
      );
      // Every write made outside the transaction survived its rollback; none of its own did.
      assert.deepEqual(
        await skus(),
        Array.from({ length: 20 }, (_, i) => `out-${String(i).padStart(2, '0')}`),
      );
      await db.exec('DELETE FROM items');
    });

    test('a unique violation is a conflict, as unprepared, and the database goes on', async () => {
      await db.query(insertSql, ['dup', 1], prepare);
      const plain = await db.query(insertSql, ['dup', 2]).catch((e: unknown) => e);
      const prepared = await db.query(insertSql, ['dup', 2], prepare).catch((e: unknown) => e);
      assert.ok(prepared instanceof CaisError);
      assert.equal(prepared.kind, 'conflict');
      assert.equal(prepared.code, 'duplicate');
      assert.deepEqual(prepared.details, { constraint: 'items_sku_key' });
      assert.deepEqual(
        [prepared.kind, prepared.code, prepared.details],
        [(plain as CaisError).kind, (plain as CaisError).code, (plain as CaisError).details],
      );
      // Inside a transaction: the conflict comes out of it, and it is rolled back.
      const inTx = await db
        .transaction(async (tx) => {
          await tx.query(insertSql, ['tx-before-dup', 1], prepare);
          await tx.query(insertSql, ['dup', 3], prepare);
        })
        .catch((e: unknown) => e);
      assert.ok(inTx instanceof CaisError && inTx.kind === 'conflict');
      const [row] = await db.query(insertSql, ['after-dup', 4], prepare);
      assert.deepEqual(withoutId(row), { sku: 'after-dup', qty: 4 });
      assert.deepEqual(await skus(), ['after-dup', 'dup']);
      await db.exec('DELETE FROM items');
    });

    test('a statement that does not parse fails each time as unprepared, and leaves the database usable', async () => {
      const broken = 'SELECT FROM WHERE $1';
      const plain = (await db.query(broken, [1]).catch((e: unknown) => e)) as Error;
      for (let attempt = 0; attempt < 2; attempt++) {
        const prepared = (await db.query(broken, [1], prepare).catch((e: unknown) => e)) as Error;
        assert.equal(prepared.message, plain.message);
        assert.equal((prepared as { code?: string }).code, '42601');
      }
      await assert.rejects(
        db.transaction((tx) => tx.query(broken, [1], prepare)),
        { code: '42601' },
      );
      assert.deepEqual(await db.query('SELECT $1::int AS n', [1], prepare), [{ n: 1 }]);
    });

    test('a schema change under a prepared statement: it answers the new columns', async () => {
      await db.query(insertSql, ['shape', 1], prepare);
      const selectAll = 'SELECT * FROM items WHERE sku = $1';
      const shape = async (q: Queryable) => (await q.query(selectAll, ['shape'], prepare)).map(withoutId);
      assert.deepEqual(await shape(db), [{ sku: 'shape', qty: 1 }]);
      await db.exec(`ALTER TABLE items ADD COLUMN note text NOT NULL DEFAULT 'n'`);
      assert.deepEqual(await shape(db), [{ sku: 'shape', qty: 1, note: 'n' }]);
      // Inside a transaction the stale statement fails it, as on PostgreSQL; the next call works.
      await db.exec('ALTER TABLE items DROP COLUMN note');
      await assert.rejects(db.transaction(shape), { code: '0A000' });
      assert.deepEqual(await db.transaction(shape), [{ sku: 'shape', qty: 1 }]);
      await db.exec('DELETE FROM items');
    });

    test('statements deallocated behind its back are prepared again', async () => {
      await db.query('SELECT $1::int AS n', [1], prepare);
      await db.exec('DEALLOCATE ALL');
      assert.deepEqual(await db.query('SELECT $1::int AS n', [2], prepare), [{ n: 2 }]);
    });
  });
