/** GET /products: SkyHub's filters, page/per_page (capped at 100), the `next` cursor, deep paging. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import { assertError, assertStatus, type Client, client, createProduct } from './client.ts';

let t: TestApp;
let c: Client;
const COUNT = 120;
const skuOf = (i: number) => `L-${String(i).padStart(3, '0')}`;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  for (let i = 1; i <= COUNT; i++) {
    await createProduct(c, {
      sku: skuOf(i),
      name: i % 10 === 0 ? `Tenis corrida ${i}` : `Produto ${i}`,
      status: i % 4 === 0 ? 'disabled' : 'enabled',
      qty: i,
      categories: i % 3 === 0 ? [{ code: 'calcados', name: 'Moda > Calçados' }] : [],
      variations: i === 1 ? [{ sku: 'L-001-V1' }] : undefined,
    });
  }
  await createProduct(c, { sku: 'L-PCT', name: 'Desconto 50%_off', qty: 0 });
});
after(() => t.close());

async function list(query: string) {
  const res = await c.get(`/products${query ? `?${query}` : ''}`);
  assertStatus(res, 200);
  return res.json() as { products: { sku: string; [k: string]: unknown }[]; total: number; next?: string };
}

const skus = (page: { products: { sku: string }[] }) => page.products.map((p) => p.sku);

/** Follows `next` from the first page until there is none; returns the SKUs seen, in order. */
async function walk(query: string, onPage?: (n: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let page = await list(query);
  for (let n = 1; ; n++) {
    seen.push(...skus(page));
    if (!page.next) return seen;
    await onPage?.(n);
    const next = new URL(page.next);
    const res = await c.get(`${next.pathname}${next.search}`);
    assertStatus(res, 200);
    page = res.json();
  }
}

describe('filters', () => {
  test('sku matches one product exactly', async () => {
    const page = await list('sku=L-005');
    assert.deepEqual(skus(page), ['L-005']);
    assert.equal(page.total, 1);
  });

  test('name matches a part of the name, ignoring case', async () => {
    const page = await list('name=TENIS');
    assert.deepEqual(skus(page), [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120].map(skuOf));
    assert.equal(page.total, 12);
  });

  test('% and _ in a name filter are literal characters, not wildcards', async () => {
    assert.deepEqual(skus(await list(`name=${encodeURIComponent('50%_')}`)), ['L-PCT']);
    assert.equal((await list(`name=${encodeURIComponent('%')}`)).total, 1);
    assert.equal((await list('name=_')).total, 1);
  });

  test('status', async () => {
    const page = await list('status=disabled');
    assert.equal(page.total, 30);
    assert.ok(page.products.every((p) => p.status === 'disabled'));
  });

  test('qty_from and qty_to are inclusive', async () => {
    const page = await list('qty_from=10&qty_to=20');
    assert.deepEqual(
      skus(page),
      Array.from({ length: 11 }, (_, i) => skuOf(10 + i)),
    );
    assert.equal((await list('qty_from=115')).total, 6);
    assert.equal((await list('qty_to=0')).total, 1);
    assert.equal((await list('qty_from=50&qty_to=40')).total, 0);
  });

  test('categories filters by category code', async () => {
    const page = await list('categories=calcados');
    assert.equal(page.total, 40);
    assert.ok(page.products.every((p) => Number(p.sku.slice(2)) % 3 === 0));
    assert.equal((await list('categories=nenhuma')).total, 0);
  });

  test('filters combine, and total counts what they match', async () => {
    const page = await list('categories=calcados&status=disabled&qty_from=1&qty_to=60');
    assert.deepEqual(skus(page), [12, 24, 36, 48, 60].map(skuOf));
    assert.equal(page.total, 5);
  });

  test('variations appear inside their product, not as products of their own', async () => {
    assert.equal((await list('sku=L-001-V1')).total, 0);
    const [first] = (await list('sku=L-001')).products;
    assert.deepEqual(
      (first!.variations as { sku: string }[]).map((v) => v.sku),
      ['L-001-V1'],
    );
  });

  test('bad filter values are 400s that name the parameter', async () => {
    assertError(
      await c.get('/products?status=removed'),
      400,
      /^status: must be (one of )?.*enabled.*disabled/,
    );
    assertError(await c.get('/products?qty_from=-1'), 400, /^qty_from: must be >= 0/);
    assertError(await c.get('/products?qty_to=abc'), 400, /^qty_to: must be integer/);
    assertError(await c.get('/products?qty_from=99999999999'), 400, /^qty_from: must be <=/);
  });
});

describe('page and per_page', () => {
  test('the default page has 100 products, in creation order, and a next link', async () => {
    const page = await list('');
    assert.equal(page.products.length, 100);
    assert.equal(page.total, COUNT + 1);
    assert.equal(page.products[0]?.sku, 'L-001');
    assert.ok(page.next);
  });

  test('per_page above 100 is capped at 100, not an error', async () => {
    assert.equal((await list('per_page=1000')).products.length, 100);
    assert.equal((await list('per_page=101')).products.length, 100);
  });

  test('page 2 of 10 holds the 11th to 20th products', async () => {
    const page = await list('page=2&per_page=10');
    assert.deepEqual(
      skus(page),
      Array.from({ length: 10 }, (_, i) => skuOf(11 + i)),
    );
  });

  test('a page past the end is empty, with the total', async () => {
    const page = await list('page=50&per_page=10');
    assert.deepEqual(page.products, []);
    assert.equal(page.total, COUNT + 1);
    assert.equal(page.next, undefined);
  });

  test('page and per_page below 1 are 400s', async () => {
    assertError(await c.get('/products?page=0'), 400, /^page: must be >= 1/);
    assertError(await c.get('/products?per_page=0'), 400, /^per_page: must be >= 1/);
    assertError(await c.get('/products?page=1.5'), 400, /^page: must be integer/);
  });

  test('paging past 10,000 entries is 400, pointing at the cursor', async () => {
    assertStatus(await c.get('/products?page=100'), 200);
    assertStatus(await c.get('/products?page=200&per_page=50'), 200);
    for (const query of ['page=101', 'page=201&per_page=50', 'page=101&per_page=1000', 'page=999999999']) {
      assertError(await c.get(`/products?${query}`), 400, /^page: .*10000.*next/);
    }
  });
});

describe('the next cursor', () => {
  test('walking next visits every product once, in order, with no gaps', async () => {
    const seen = await walk('per_page=7');
    assert.equal(seen.length, COUNT + 1);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(
      seen.slice(0, COUNT),
      Array.from({ length: COUNT }, (_, i) => skuOf(i + 1)),
    );
  });

  test('next keeps the filters and per_page, and replaces page with cursor', async () => {
    const page = await list('status=disabled&per_page=4&page=1');
    const next = new URL(page.next!);
    assert.equal(next.pathname, '/products');
    assert.equal(next.searchParams.get('status'), 'disabled');
    assert.equal(next.searchParams.get('per_page'), '4');
    assert.equal(next.searchParams.get('page'), null);
    assert.ok(next.searchParams.get('cursor'));
    const seen = await walk('status=disabled&per_page=4');
    assert.equal(seen.length, 30);
    assert.equal(new Set(seen).size, 30);
  });

  test('the last page has no next', async () => {
    const page = await list('status=disabled&per_page=30');
    assert.equal(page.products.length, 30);
    assert.equal(page.next, undefined);
  });

  test('products created or removed during a walk: no duplicates, no product skipped', async () => {
    const seen = await walk('per_page=25', async (n) => {
      if (n !== 1) return;
      await createProduct(c, { sku: 'L-LATE' });
      assertStatus(await c.delete(`/products/${skuOf(90)}`), 204);
    });
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(seen.includes('L-LATE'));
    assert.ok(!seen.includes(skuOf(90)));
    assert.equal(seen.length, COUNT + 1);
  });

  test('a cursor the server did not issue is 400', async () => {
    assertError(await c.get('/products?cursor=not-a-cursor'), 400, /^cursor: /);
    const forged = Buffer.from('p:1 OR 1=1').toString('base64url');
    assertError(await c.get(`/products?cursor=${forged}`), 400, /^cursor: /);
  });
});
