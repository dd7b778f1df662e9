/**
 * A bulk write costs the same on a connection that has served single writes as on a fresh one.
 * The listings trigger (listings_owe_sends) joins its two transition tables, and PL/pgSQL keeps
 * the plan it made for that statement on the connection's first write. Made for a single-row
 * write, that plan was a nested loop, and every later bulk of 1,000 on the connection compared
 * each changed row with every other (110 ms instead of 20 for a PUT /stocks of 1,000). The plans
 * are read with auto_explain, which reports the trigger's own statements too.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { auto_explain } from '@electric-sql/pglite/contrib/auto_explain';
import pg from 'pg';
import { createTestDb, type TestDb } from '../../test/helpers.ts';
import { loadMigrations, splitStatements } from '../db/migrate.ts';
import { stockSingleSql, stockSql } from './stock-price.ts';

const BULK = 1000;

/** One database connection whose statements' plans, nested ones included, arrive as notices. */
interface Session {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  /** The JSON plans auto_explain reported, oldest first. */
  plans: ExplainedPlan[];
  close(): Promise<void>;
}

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}
interface ExplainedPlan {
  'Query Text': string;
  Plan: PlanNode;
}

const explainEverything = [
  'SET auto_explain.log_min_duration = 0',
  'SET auto_explain.log_nested_statements = on',
  'SET auto_explain.log_format = json',
  "SET auto_explain.log_level = 'notice'",
];

function collect(plans: ExplainedPlan[], message: string): void {
  const json = message.slice(message.indexOf('{'));
  if (json.startsWith('{')) plans.push(JSON.parse(json) as ExplainedPlan);
}

async function postgresSession(url: string, schema: string): Promise<Session> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const plans: ExplainedPlan[] = [];
  client.on('notice', (notice) => collect(plans, notice.message ?? ''));
  await client.query("LOAD 'auto_explain'");
  for (const sql of explainEverything) await client.query(sql);
  return { query: (sql, params) => client.query(sql, params), plans, close: () => client.end() };
}

async function pgliteSession(): Promise<Session> {
  const pglite = await PGlite.create({ extensions: { auto_explain } });
  for (const migration of await loadMigrations()) {
    for (const statement of splitStatements(migration.sql)) await pglite.query(statement);
  }
  const plans: ExplainedPlan[] = [];
  const onNotice = (notice: { message?: string }) => collect(plans, notice.message ?? '');
  await pglite.query("LOAD 'auto_explain'");
  for (const sql of explainEverything) await pglite.query(sql);
  return {
    query: (sql, params) => pglite.query(sql, params, { onNotice }),
    plans,
    close: () => pglite.close(),
  };
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

let testDb: TestDb | undefined;
let session: Session;
let account: number;

before(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    testDb = await createTestDb();
    session = await postgresSession(url, testDb.schema!);
  } else {
    session = await pgliteSession();
  }
  const rows = (await session.query(
    "INSERT INTO accounts (name) VALUES ('Loja') RETURNING id",
  )) as pg.QueryResult<{ id: number }>;
  account = Number(rows.rows[0]!.id);
  await session.query(
    `INSERT INTO products (account_id, sku, name, qty, price)
     SELECT $1, 'SKU-' || g, 'Produto ' || g, 0, 10 FROM generate_series(1, $2::int) g`,
    [account, BULK],
  );
  // Listed somewhere, as a connected seller's products are: the trigger's join runs only for
  // written rows whose product has a listing (see 000074).
  await session.query('UPDATE products SET listed = true WHERE account_id = $1', [account]);
});
after(async () => {
  await session.close();
  await testDb?.close();
});

const skus = Array.from({ length: BULK }, (_, i) => `SKU-${i + 1}`).sort();

test('a bulk write after single writes on the same connection joins the changed rows without a nested loop', async () => {
  for (let i = 1; i <= 6; i++) {
    await session.query(stockSingleSql, [account, `SKU-${i}`, 100 + i, null, null, null, 'test']);
  }
  session.plans.length = 0;
  await session.query(stockSql, [
    account,
    JSON.stringify(skus.map((sku, i) => ({ sku, qty: 200 + i }))),
    null,
    'test',
  ]);

  // The trigger's statement that joins its two transition tables (the changed rows, old and new).
  const trigger = session.plans.filter((p) => /changed_new n JOIN changed_old o/.test(p['Query Text']));
  assert.ok(trigger.length > 0, 'the trigger statement of the bulk was not explained');
  const nestedOverChanges = nodes(trigger.at(-1)!.Plan).filter(
    (n) =>
      n['Node Type'] === 'Nested Loop' &&
      nodes(n).some((child) => child['Node Type'] === 'Named Tuplestore Scan'),
  );
  assert.deepEqual(
    nestedOverChanges.map((n) => n.Plans?.map((c) => c['Node Type'])),
    [],
    'the trigger joins the bulk’s changed rows by a nested loop',
  );
});
