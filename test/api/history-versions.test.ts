/**
 * Versions and history (DESIGN §3.2): an accepted change bumps the stock or price version once and
 * records old → new with the key that made it; the same value again is not a change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../../src/accounts/accounts.ts';
import { listApiKeys } from '../../src/accounts/queries.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  assertError,
  assertNoContent,
  assertStatus,
  type Client,
  client,
  createProduct,
  history as fetchHistory,
} from './client.ts';

let t: TestApp;
let c: Client;
let firstKeyId: number;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  const [key] = await listApiKeys(t.db, t.seller.accountId);
  firstKeyId = key!.id;
});
after(() => t.close());

interface Change {
  id: number;
  resource: string;
  version: number | null;
  old: Record<string, unknown> | null;
  new: Record<string, unknown>;
  actor: string;
  changed_at: string;
}

const changes = async (sku: string, query = ''): Promise<Change[]> => (await history(sku, query)).changes;
const versions = async (sku: string) => {
  const h = await history(sku);
  return { stock: h.stock_version as number, price: h.price_version as number };
};
const history = (sku: string, query = '') => fetchHistory(c, sku, query);

describe('versions', () => {
  before(async () => {
    await createProduct(c, { sku: 'V-1', qty: 5, price: 10 });
  });

  test('a new product starts at version 1 for stock and price', async () => {
    assert.deepEqual(await versions('V-1'), { stock: 1, price: 1 });
  });

  test('a stock change bumps the stock version once, and only it', async () => {
    assertNoContent(await c.put('/products/V-1', { product: { qty: 6 } }));
    assert.deepEqual(await versions('V-1'), { stock: 2, price: 1 });
  });

  test('the same stock again is not a change', async () => {
    for (let i = 0; i < 3; i++) assertNoContent(await c.put('/products/V-1', { product: { qty: 6 } }));
    assert.deepEqual(await versions('V-1'), { stock: 2, price: 1 });
  });

  test('a price change bumps the price version once, and only it', async () => {
    assertNoContent(await c.put('/products/V-1', { product: { price: 12.5 } }));
    assertNoContent(await c.put('/products/V-1', { product: { price: 12.5 } }));
    assert.deepEqual(await versions('V-1'), { stock: 2, price: 2 });
  });

  test('a promotional price change is a price change', async () => {
    assertNoContent(await c.put('/products/V-1', { product: { promotional_price: 11 } }));
    assertNoContent(await c.put('/products/V-1', { product: { promotional_price: 11 } }));
    assert.deepEqual(await versions('V-1'), { stock: 2, price: 3 });
  });

  test('stock and price in one PUT bump each once', async () => {
    assertNoContent(await c.put('/products/V-1', { product: { qty: 7, price: 13 } }));
    assert.deepEqual(await versions('V-1'), { stock: 3, price: 4 });
  });

  test('a PUT that changes only one of the two bumps only that one', async () => {
    assertNoContent(await c.put('/products/V-1', { product: { qty: 7, price: 14 } }));
    assert.deepEqual(await versions('V-1'), { stock: 3, price: 5 });
  });

  test('a float price that is the same amount in cents is not a change (0.1 + 0.2 is 0.30)', async () => {
    await createProduct(c, { sku: 'V-FLOAT', price: 0.3 });
    assertNoContent(await c.put('/products/V-FLOAT', { product: { price: 0.1 + 0.2 } }));
    const res = await c.put('/prices', [{ sku: 'V-FLOAT', price: 0.1 + 0.2, promotional_price: 0.1 + 0.2 }]);
    assert.equal(res.json().results[0].status, 'updated');
    assert.deepEqual(await versions('V-FLOAT'), { stock: 1, price: 2 });
    const [change] = await changes('V-FLOAT', '?resource=price');
    assert.deepEqual(change?.new, { price: 0.3, promotional_price: 0.3 });
    assert.equal((await c.get('/products/V-FLOAT')).json().price, 0.3);
  });

  test('catalog changes do not bump stock or price versions', async () => {
    assertNoContent(
      await c.put('/products/V-1', { product: { name: 'Outro nome', images: ['https://x/1.jpg'] } }),
    );
    assert.deepEqual(await versions('V-1'), { stock: 3, price: 5 });
  });

  test('bulk writes bump versions the same way and report them', async () => {
    const stock = (await c.put('/stocks', [{ sku: 'V-1', qty: 8 }])).json();
    assert.deepEqual(stock.results, [{ sku: 'V-1', status: 'updated', version: 4 }]);
    const same = (await c.put('/stocks', [{ sku: 'V-1', qty: 8 }])).json();
    assert.deepEqual(same.results, [{ sku: 'V-1', status: 'unchanged', version: 4 }]);
    const price = (await c.put('/prices', [{ sku: 'V-1', price: 15 }])).json();
    assert.deepEqual(price.results, [{ sku: 'V-1', status: 'updated', version: 6 }]);
  });

  test('versions never go back: deleting and re-creating a SKU moves them on', async () => {
    const beforeDelete = await versions('V-1');
    assertNoContent(await c.delete('/products/V-1'));
    await createProduct(c, { sku: 'V-1', qty: 8, price: 15 });
    const afterRecreate = await versions('V-1');
    assert.ok(afterRecreate.stock > beforeDelete.stock, JSON.stringify({ beforeDelete, afterRecreate }));
    assert.ok(afterRecreate.price > beforeDelete.price, JSON.stringify({ beforeDelete, afterRecreate }));
  });
});

describe('history', () => {
  before(async () => {
    await createProduct(c, { sku: 'H-1', qty: 1, price: 20, promotional_price: 18 });
    assertNoContent(await c.put('/products/H-1', { product: { qty: 2 } }));
    assertNoContent(await c.put('/products/H-1', { product: { qty: 2 } }));
    assertNoContent(await c.put('/products/H-1', { product: { price: 25, promotional_price: null } }));
  });

  test('the creation is recorded with what the product started with', async () => {
    const all = await changes('H-1');
    const created = all.at(-1)!;
    assert.equal(created.resource, 'lifecycle');
    assert.equal(created.new.event, 'created');
    assert.equal(created.new.qty, 1);
  });

  test('each change shows old → new, version and time, newest first; repeats are not recorded', async () => {
    const all = await changes('H-1');
    assert.deepEqual(
      all.map((x) => [x.resource, x.version, x.old, x.new]),
      [
        ['price', 2, { price: 20, promotional_price: 18 }, { price: 25, promotional_price: null }],
        ['stock', 2, { qty: 1 }, { qty: 2 }],
        ['lifecycle', null, null, all.at(-1)!.new],
      ],
    );
    for (const x of all) assert.ok(!Number.isNaN(Date.parse(x.changed_at)));
    assert.ok(Date.parse(all[0]!.changed_at) >= Date.parse(all[1]!.changed_at));
  });

  test('the actor is the API key that made the change', async () => {
    const second = await createApiKey(t.db, t.seller.accountId, 'second ERP');
    const other = client(t.app, { ...t.seller, headers: { ...t.seller.headers, 'x-api-key': second.key } });
    assertNoContent(await other.put('/products/H-1', { product: { qty: 3 } }));
    const [latest, previous] = await changes('H-1');
    assert.equal(latest?.actor, `api_key:${second.id}`);
    assert.equal(previous?.actor, `api_key:${firstKeyId}`);
  });

  test('?resource= shows one resource', async () => {
    const stock = await changes('H-1', '?resource=stock');
    assert.deepEqual(
      stock.map((x) => x.new.qty),
      [3, 2],
    );
    assert.ok((await changes('H-1', '?resource=price')).every((x) => x.resource === 'price'));
    assertError(await c.get('/products/H-1/history?resource=orders'), 400, /^resource: /);
  });

  test('?limit= and ?before= page through it', async () => {
    const all = await changes('H-1');
    const first = await changes('H-1', '?limit=2');
    assert.deepEqual(first, all.slice(0, 2));
    const rest = await changes('H-1', `?before=${first.at(-1)!.id}`);
    assert.deepEqual(rest, all.slice(2));
    assertError(await c.get('/products/H-1/history?limit=501'), 400, /^limit: must be <= 500/);
    assertError(await c.get('/products/H-1/history?before=99999999999999999999'), 400, /^before: /);
  });

  test('catalog changes are recorded with only the fields that changed', async () => {
    assertNoContent(await c.put('/products/H-1', { product: { name: 'Novo', brand: 'B', qty: 3 } }));
    const [change] = await changes('H-1', '?resource=catalog');
    assert.deepEqual(change?.old, { name: '', brand: null });
    assert.deepEqual(change?.new, { name: 'Novo', brand: 'B' });
    assert.equal(change?.version, null);
  });

  test('the same catalog values again are not a change, whatever the key order', async () => {
    const patch = {
      categories: [{ name: 'Casa > Cozinha', code: 'cozinha' }],
      specifications: [{ value: 'Inox', key: 'Material' }],
      weight: 1.5,
    };
    assertNoContent(await c.put('/products/H-1', { product: patch }));
    const count = (await changes('H-1')).length;
    assertNoContent(await c.put('/products/H-1', { product: patch }));
    assertNoContent(await c.put('/products/H-1', { product: { ...patch, weight: 1.5 } }));
    assert.equal((await changes('H-1')).length, count);
  });

  test('a variation has a history of its own, apart from its parent', async () => {
    await createProduct(c, { sku: 'H-P', qty: 1, variations: [{ sku: 'H-P-V', qty: 4, price: 9 }] });
    assertNoContent(await c.put('/variations/H-P-V', { variation: { qty: 5 } }));
    assertNoContent(await c.put('/variations/H-P-V', { variation: { price: 9.5 } }));
    const v = await history('H-P-V');
    assert.equal(v.stock_version, 2);
    assert.equal(v.price_version, 2);
    assert.deepEqual(
      v.changes.map((x: Change) => [x.resource, x.old, x.new]),
      [
        ['price', { price: 9, promotional_price: null }, { price: 9.5, promotional_price: null }],
        ['stock', { qty: 4 }, { qty: 5 }],
        ['lifecycle', null, v.changes.at(-1).new],
      ],
    );
    assert.deepEqual(
      (await changes('H-P')).map((x) => x.resource),
      ['lifecycle'],
    );
  });

  test('deletion and re-creation are in the history of the SKU', async () => {
    await createProduct(c, { sku: 'H-DEL', qty: 1 });
    assertNoContent(await c.delete('/products/H-DEL'));
    await createProduct(c, { sku: 'H-DEL', qty: 2 });
    const events = (await changes('H-DEL', '?resource=lifecycle')).map((x) => x.new.event);
    assert.deepEqual(events, ['recreated', 'removed', 'created']);
  });

  test('a refused write leaves no history', async () => {
    const count = (await changes('H-1')).length;
    assertStatus(await c.put('/products/H-1', { product: { qty: -1 } }), 400);
    assertStatus(await c.put('/products/H-1', { product: { promotional_price: 9999 } }), 422);
    assertStatus(await c.put('/products/H-1', { product: { qty: 9, sequence: 5 } }), 204);
    assertStatus(await c.put('/products/H-1', { product: { qty: 10, sequence: 4 } }), 409);
    assert.equal((await changes('H-1')).length, count + 1);
  });

  test('history of an unknown or deleted SKU is 404', async () => {
    assertError(await c.get('/products/NOPE/history'), 404, /Product: NOPE/);
    await createProduct(c, { sku: 'H-GONE' });
    assertNoContent(await c.delete('/products/H-GONE'));
    assertError(await c.get('/products/H-GONE/history'), 404, /Product: H-GONE/);
  });
});

describe('under concurrent writes', () => {
  test('versions count exactly the changes, and history is an unbroken chain', async () => {
    await createProduct(c, { sku: 'C-1', qty: 0, price: 1 });
    const writes = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 2
        ? c.put('/prices', [{ sku: 'C-1', price: 1 + (i % 4) }])
        : c.put('/products/C-1', { product: { qty: i % 5 } }),
    );
    for (const res of await Promise.all(writes)) assert.ok([200, 204].includes(res.statusCode), res.body);
    const h = await history('C-1', '?limit=500');
    for (const resource of ['stock', 'price'] as const) {
      const chain = (h.changes as Change[]).filter((x) => x.resource === resource).reverse();
      assert.equal(h[`${resource}_version`], 1 + chain.length, resource);
      chain.forEach((change, i) => {
        assert.equal(change.version, i + 2, `${resource} version`);
        assert.notDeepEqual(change.old, change.new, `${resource} change ${i} changed nothing`);
        if (i > 0) assert.deepEqual(change.old, chain[i - 1]!.new, `${resource} chain broken at ${i}`);
      });
      const product = await c.get('/products/C-1');
      const last = chain.at(-1)?.new;
      if (resource === 'stock' && last) assert.equal(product.json().qty, last.qty);
      if (resource === 'price' && last) assert.equal(product.json().price, last.price);
    }
  });

  test('concurrent bulks over the same SKUs in different orders all succeed (no deadlock)', async () => {
    const skus = Array.from({ length: 60 }, (_, i) => `C-B-${i}`);
    for (const s of skus) await createProduct(c, { sku: s, qty: 0 });
    const shuffled = (seed: number) =>
      [...skus].sort(
        (a, b) =>
          ((a.length * seed + a.charCodeAt(a.length - 1)) % 7) -
            ((b.length * seed + b.charCodeAt(b.length - 1)) % 7) ||
          (seed % 2 ? a.localeCompare(b) : b.localeCompare(a)),
      );
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        c.put(
          '/stocks',
          shuffled(n).map((sku) => ({ sku, qty: n + 1 })),
        ),
      ),
    );
    for (const res of answers) {
      assertStatus(res, 200);
      assert.equal(res.json().results.length, skus.length);
    }
  });
});
