/**
 * Stock and price writes cost the same whatever the size of the account's catalog: every plan of
 * their statements, generic ones included, finds each item through the unique (account_id, sku)
 * index, never by reading the account's products and filtering them by SKU. Checked on a catalog
 * imported through the API just before (no ANALYZE has run, as on a newcomer's first day) and
 * with statistics taken while every account was tiny (what made each write O(catalog) before).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSeller, createTestApp, type TestApp } from '../../test/helpers.ts';
import type { Queryable } from '../db/db.ts';
import { priceSingleSql, priceSql, stockSingleSql, stockSql } from './stock-price.ts';

const CATALOG = 2000;
let t: TestApp;

before(async () => {
  t = await createTestApp({ CAIS_RATE_LIMIT_PER_MINUTE: '1000000' });
});
after(() => t.close());

async function importCatalog(headers: Record<string, string>, count: number, prefix: string) {
  for (let i = 1; i <= count; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/products',
      headers,
      payload: { product: { sku: `${prefix}-${i}`, name: `Produto ${i}`, qty: 1, price: 10 } },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

/** Every node of the plan, depth first. */
function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

// A bulk's items, as the JSON array the statement takes.
const itemsJson = (prefix: string, n: number, values: object) =>
  `'${JSON.stringify(Array.from({ length: n }, (_, i) => ({ sku: `${prefix}-${i + 1}`, ...values })))}'`;

// The statements' parameters: the account, the items (JSON for a bulk, scalars for one), who made the change.
const statements = {
  stock: {
    sql: stockSql,
    types: 'bigint, json, bigint, text',
    args: (account: number, n: number) => `${account}, ${itemsJson('CAT', n, { qty: 7 })}, NULL, 'test'`,
  },
  price: {
    sql: priceSql,
    types: 'bigint, json, bigint, text',
    args: (account: number, n: number) =>
      `${account}, ${itemsJson('CAT', n, { price: 12.5, promo_given: false })}, NULL, 'test'`,
  },
  // One item (PUT /products/{sku}): scalar parameters.
  'stock single': {
    sql: stockSingleSql,
    types: 'bigint, text, int, timestamptz, bigint, bigint, text',
    args: (account: number) => `${account}, 'CAT-1', 7, NULL, NULL, NULL, 'test'`,
  },
  'price single': {
    sql: priceSingleSql,
    types: 'bigint, text, numeric, boolean, numeric, timestamptz, bigint, bigint, text',
    args: (account: number) => `${account}, 'CAT-1', 12.5, false, NULL, NULL, NULL, NULL, 'test'`,
  },
};

/** The plan PostgreSQL would run for the prepared statement, in the given plan cache mode. */
async function planOf(
  kind: keyof typeof statements,
  mode: 'force_generic_plan' | 'force_custom_plan',
  account: number,
  items: number,
): Promise<PlanNode[]> {
  const s = statements[kind];
  return t.db.transaction(async (tx: Queryable) => {
    await tx.query(`SET LOCAL plan_cache_mode = ${mode}`);
    await tx.query(`PREPARE write_plan (${s.types}) AS ${s.sql}`);
    const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) EXECUTE write_plan (${s.args(account, items)})`,
    );
    await tx.query('DEALLOCATE write_plan');
    return nodes(row!['QUERY PLAN'][0].Plan);
  });
}

function assertIndexedLookups(plan: PlanNode[], label: string): void {
  const onProducts = plan.filter((n) => n['Relation Name'] === 'products');
  const described = JSON.stringify(
    plan.filter((n) => n['Relation Name'] === 'products' || n['Index Name']),
    ['Node Type', 'Relation Name', 'Index Name', 'Index Cond'],
  );
  const bySku = plan.filter(
    (n) =>
      n['Index Name'] === 'products_account_id_sku_key' &&
      /account_id = /.test(n['Index Cond'] ?? '') &&
      /sku = /.test(n['Index Cond'] ?? ''),
  );
  assert.ok(bySku.length > 0, `${label}: no lookup on (account_id, sku): ${described}`);
  assert.ok(
    onProducts.every((n) => n['Node Type'] !== 'Seq Scan'),
    `${label}: a sequential scan of products: ${described}`,
  );
  // An index scan of the account's products that filters by SKU afterwards is the O(catalog)
  // plan: every index use on products must pin single rows (by SKU or by id).
  const accountOnly = plan.filter(
    (n) =>
      n['Index Name']?.startsWith('products_') &&
      n['Index Name'] !== 'products_pkey' &&
      !/sku = /.test(n['Index Cond'] ?? ''),
  );
  assert.deepEqual(accountOnly, [], `${label}: a scan of the account's products: ${described}`);
}

// The bulk statements with one item and a thousand; the single-item ones with their one.
const kinds = [
  ['stock', [1, 1000]],
  ['price', [1, 1000]],
  ['stock single', [1]],
  ['price single', [1]],
] as const;

/**
 * The quadratic plan: a nested loop that scans a CTE (the input, or the updated rows) once per
 * row of its other side, 1,000 × 1,000 comparisons for a bulk of 1,000. A generic plan, which
 * put the input's array at 10 items, chose it for the join of the answer; the answer has no join
 * now, and the UPDATE's join must hash whatever length the plan assumes.
 */
function assertNoQuadraticJoin(plan: PlanNode[], label: string): void {
  // Its inner side, run once per outer row: a CTE's rows, or an index probe of the whole id array.
  const perRowOfAll = (inner: PlanNode | undefined) =>
    inner?.['Node Type'] === 'CTE Scan' ||
    /= ANY/.test(inner?.['Index Cond'] ?? inner?.['Recheck Cond'] ?? '');
  const quadratic = plan.filter((n) => n['Node Type'] === 'Nested Loop' && perRowOfAll(n.Plans?.[1]));
  assert.deepEqual(
    quadratic.map((n) => JSON.stringify(n.Plans?.map((c) => c['Node Type']))),
    [],
    `${label}: a nested loop over a CTE`,
  );
}

describe('write statements use the unique (account_id, sku) index', () => {
  let account: number;

  before(async () => {
    account = t.seller.accountId;
    await importCatalog(t.seller.headers, CATALOG, 'CAT');
  });

  for (const [kind, sizes] of kinds) {
    for (const items of sizes) {
      test(`${kind}, ${items} item(s), generic and custom plans, before any ANALYZE`, async () => {
        const generic = await planOf(kind, 'force_generic_plan', account, items);
        assertIndexedLookups(generic, `${kind} generic`);
        const custom = await planOf(kind, 'force_custom_plan', account, items);
        assertIndexedLookups(custom, `${kind} custom`);
        // Bulks are planned on each call (grown-catalog.test.ts says why); the generic plan is
        // checked too, so that no plan of the statement, whatever length it assumes, is quadratic.
        if (items > 1) {
          assertNoQuadraticJoin(generic, `${kind} generic`);
          assertNoQuadraticJoin(custom, `${kind} custom`);
        }
      });
    }
  }

  test('for a new seller, with statistics taken while every account held a few products', async () => {
    // A hub of 500 small sellers (seeded in SQL: they only shape the statistics), analyzed; then
    // a new seller imports its catalog through the API. In a generic plan the planner puts any
    // account at rows / accounts, a few, which is what favoured reading all of the new seller's
    // products and filtering them by SKU.
    await t.db.query(
      `WITH a AS (INSERT INTO accounts (name) SELECT 'Loja ' || g FROM generate_series(1, 500) g RETURNING id)
       INSERT INTO products (account_id, sku, qty, price) SELECT a.id, 'CAT-' || k, 1, 10 FROM a, generate_series(1, 4) k`,
    );
    await t.db.exec('ANALYZE products');
    const newcomer = await createSeller(t.db, 'Nova loja');
    await importCatalog(newcomer.headers, 1000, 'CAT');
    for (const [kind, sizes] of kinds) {
      for (const items of sizes) {
        const label = `${kind}, ${items} item(s)`;
        const generic = await planOf(kind, 'force_generic_plan', newcomer.accountId, items);
        assertIndexedLookups(generic, label);
        if (items > 1) assertNoQuadraticJoin(generic, label);
      }
    }
  });
});
