/** Variations: SKUs of their own under a product, SkyHub's routes, and SKU uniqueness. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import {
  assertError,
  assertNoContent,
  assertStatus,
  type Client,
  client,
  createProduct,
  getProduct,
} from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  await createProduct(c, {
    sku: 'TEN-1',
    name: 'Tênis',
    price: 200,
    promotional_price: 180,
    variation_attributes: ['Tamanho', 'Cor'],
    variations: [
      {
        sku: 'TEN-1-38',
        qty: 4,
        ean: '7890000000038',
        images: ['https://img.example.com/38.jpg'],
        specifications: [
          { key: 'Tamanho', value: '38' },
          { key: 'Cor', value: 'Preto' },
        ],
      },
      { sku: 'TEN-1-39', qty: 2, price: 210 },
    ],
  });
});
after(() => t.close());

async function getVariation(value: string) {
  const res = await c.get(`/variations/${encodeURIComponent(value)}`);
  assertStatus(res, 200);
  return res.json();
}

describe('variations inside POST /products', () => {
  test('are created with their own qty, ean, images and specifications', async () => {
    const product = await getProduct(c, 'TEN-1');
    assert.deepEqual(product.variation_attributes, ['Tamanho', 'Cor']);
    assert.deepEqual(
      product.variations.map((v: { sku: string }) => v.sku),
      ['TEN-1-38', 'TEN-1-39'],
    );
    assert.deepEqual(await getVariation('TEN-1-38'), {
      sku: 'TEN-1-38',
      qty: 4,
      price: 200,
      promotional_price: 180,
      status: 'enabled',
      ean: '7890000000038',
      images: ['https://img.example.com/38.jpg'],
      specifications: [
        { key: 'Tamanho', value: '38' },
        { key: 'Cor', value: 'Preto' },
      ],
    });
  });

  test('a variation without a price takes its parent’s; one with a price keeps its own', async () => {
    const v39 = await getVariation('TEN-1-39');
    assert.equal(v39.price, 210);
    assert.equal(v39.promotional_price, null);
    assert.equal((await getVariation('TEN-1-38')).price, 200);
  });

  test('a variation SKU repeated in the same product is 400 and nothing is created', async () => {
    const res = await c.post('/products', {
      product: { sku: 'REP-1', variations: [{ sku: 'REP-1-A' }, { sku: 'REP-1-A' }] },
    });
    assertError(res, 400, /product\.variations\[1\]\.sku: REP-1-A appears more than once/);
    assertStatus(await c.get('/products/REP-1'), 404);
  });

  test('a variation SKU taken by another product is 409 and nothing is created', async () => {
    const res = await c.post('/products', {
      product: { sku: 'TAKEN-1', variations: [{ sku: 'TAKEN-1-A' }, { sku: 'TEN-1-38' }] },
    });
    assertError(res, 409, /TEN-1-38 already exists/);
    assertStatus(await c.get('/products/TAKEN-1'), 404);
    assertStatus(await c.get('/variations/TAKEN-1-A'), 404);
    assert.equal((await getVariation('TEN-1-38')).qty, 4);
  });
});

describe('POST /products/{sku}/variations', () => {
  test('adds a wrapped variation: 201 with the variation, and the product lists it', async () => {
    const res = await c.post('/products/TEN-1/variations', {
      variation: { sku: 'TEN-1-40', qty: 6, specifications: [{ key: 'Tamanho', value: '40' }] },
    });
    assertStatus(res, 201);
    assert.equal(res.json().sku, 'TEN-1-40');
    assert.equal(res.json().qty, 6);
    const product = await getProduct(c, 'TEN-1');
    assert.ok(product.variations.some((v: { sku: string }) => v.sku === 'TEN-1-40'));
  });

  test('accepts an unwrapped variation too', async () => {
    assertStatus(await c.post('/products/TEN-1/variations', { sku: 'TEN-1-41', qty: 1 }), 201);
    assert.equal((await getVariation('TEN-1-41')).qty, 1);
  });

  test('an unknown parent is 404', async () => {
    assertError(
      await c.post('/products/NOPE/variations', { variation: { sku: 'NOPE-V' } }),
      404,
      /Product: NOPE/,
    );
  });

  test('a variation cannot be the parent of another', async () => {
    assertError(
      await c.post('/products/TEN-1-38/variations', { variation: { sku: 'TEN-1-38-X' } }),
      404,
      /TEN-1-38/,
    );
    assertStatus(await c.get('/variations/TEN-1-38-X'), 404);
  });
});

describe('SKU uniqueness across products and variations', () => {
  test('a variation may not take a product’s SKU', async () => {
    assertError(await c.post('/products/TEN-1/variations', { variation: { sku: 'TEN-1' } }), 409, /TEN-1/);
    await createProduct(c, { sku: 'SOLO-1' });
    assertError(await c.post('/products/TEN-1/variations', { variation: { sku: 'SOLO-1' } }), 409, /SOLO-1/);
  });

  test('a product may not take a variation’s SKU', async () => {
    assertError(await c.post('/products', { product: { sku: 'TEN-1-38' } }), 409, /TEN-1-38 already exists/);
  });

  test('a variation may not take another variation’s SKU', async () => {
    await createProduct(c, { sku: 'OTHER-P' });
    assertError(
      await c.post('/products/OTHER-P/variations', { variation: { sku: 'TEN-1-39' } }),
      409,
      /TEN-1-39/,
    );
  });

  test('a product and a variation SKU are different things at each route', async () => {
    assertError(
      await c.get('/products/TEN-1-38'),
      404,
      /TEN-1-38 is a variation; read it at \/variations\/TEN-1-38/,
    );
    assertError(await c.get('/variations/TEN-1'), 404, /Variation: TEN-1/);
    assertError(await c.put('/variations/TEN-1', { variation: { qty: 1 } }), 404, /Variation: TEN-1/);
    assertError(await c.delete('/variations/TEN-1'), 404, /Variation: TEN-1/);
    assert.equal((await getProduct(c, 'TEN-1')).qty, 0);
  });
});

describe('PUT /variations/{sku}', () => {
  test('stock only: 204, and the variation and its product show it', async () => {
    assertNoContent(await c.put('/variations/TEN-1-38', { variation: { qty: 11 } }));
    assert.equal((await getVariation('TEN-1-38')).qty, 11);
    const product = await getProduct(c, 'TEN-1');
    assert.equal(product.variations.find((v: { sku: string }) => v.sku === 'TEN-1-38').qty, 11);
  });

  test('unwrapped, price only, and price with promotional price', async () => {
    assertNoContent(await c.put('/variations/TEN-1-38', { qty: 12 }));
    assertNoContent(await c.put('/variations/TEN-1-38', { variation: { price: 190 } }));
    assertNoContent(
      await c.put('/variations/TEN-1-39', { variation: { price: 220, promotional_price: 199.9 } }),
    );
    assert.deepEqual(
      [(await getVariation('TEN-1-38')).qty, (await getVariation('TEN-1-38')).price],
      [12, 190],
    );
    const v39 = await getVariation('TEN-1-39');
    assert.deepEqual([v39.price, v39.promotional_price], [220, 199.9]);
  });

  test('a variation’s stock and price do not touch its parent’s', async () => {
    const product = await getProduct(c, 'TEN-1');
    assert.equal(product.qty, 0);
    assert.equal(product.price, 200);
  });

  test('catalog fields: ean, images, status', async () => {
    assertNoContent(
      await c.put('/variations/TEN-1-39', {
        variation: { ean: '7890000000039', images: ['https://img.example.com/39.jpg'], status: 'disabled' },
      }),
    );
    const v = await getVariation('TEN-1-39');
    assert.deepEqual(
      [v.ean, v.images, v.status],
      ['7890000000039', ['https://img.example.com/39.jpg'], 'disabled'],
    );
  });

  test('a promotional price above the variation’s price is 422, nothing changes', async () => {
    assertError(
      await c.put('/variations/TEN-1-39', { variation: { promotional_price: 500 } }),
      422,
      /promotional_price/,
    );
    assert.equal((await getVariation('TEN-1-39')).promotional_price, 199.9);
  });

  test('an unknown variation is 404 with SkyHub’s message', async () => {
    assertError(
      await c.put('/variations/NOPE-V', { variation: { qty: 1 } }),
      404,
      /^Não foi possível encontrar Variation: NOPE-V$/,
    );
    assertError(await c.get('/variations/NOPE-V'), 404, /^Não foi possível encontrar Variation: NOPE-V$/);
  });

  test('a SKU in the body that differs from the path is 400', async () => {
    assertError(
      await c.put('/variations/TEN-1-38', { variation: { sku: 'TEN-1-39', qty: 1 } }),
      400,
      /variation\.sku: "TEN-1-39" differs/,
    );
  });

  test('stock through /products/{variation sku} reaches the variation (ERPs treat every SKU alike)', async () => {
    assertNoContent(await c.put('/products/TEN-1-40', { product: { qty: 16 } }));
    assert.equal((await getVariation('TEN-1-40')).qty, 16);
  });
});

describe('the {"product":{"variations":[…]}} update workaround', () => {
  test('updates the stock of existing variations through their parent', async () => {
    assertNoContent(
      await c.put('/products/TEN-1', {
        product: {
          variations: [
            { sku: 'TEN-1-38', qty: 21 },
            { sku: 'TEN-1-39', qty: 22 },
          ],
        },
      }),
    );
    assert.equal((await getVariation('TEN-1-38')).qty, 21);
    assert.equal((await getVariation('TEN-1-39')).qty, 22);
  });

  test('a variation of another product in the list is 409 and nothing changes', async () => {
    await createProduct(c, { sku: 'MOC-1', variations: [{ sku: 'MOC-1-A', qty: 1 }] });
    const res = await c.put('/products/TEN-1', {
      product: {
        variations: [
          { sku: 'TEN-1-38', qty: 99 },
          { sku: 'MOC-1-A', qty: 99 },
        ],
      },
    });
    assertError(res, 409, /MOC-1-A .* not a variation of TEN-1/);
    assert.equal((await getVariation('TEN-1-38')).qty, 21);
    assert.equal((await getVariation('MOC-1-A')).qty, 1);
  });

  test('a variation cannot be given variations of its own', async () => {
    const res = await c.put('/products/TEN-1-38', {
      product: { variations: [{ sku: 'TEN-1-38-X', qty: 1 }] },
    });
    assertError(res, 422, /product\.variations: TEN-1-38 is a variation/);
    assertStatus(await c.get('/variations/TEN-1-38-X'), 404);
    assertStatus(await c.get('/products/TEN-1-38-X'), 404);
  });
});

describe('DELETE /variations/{sku}', () => {
  test('204; the variation is gone and its product no longer lists it', async () => {
    assertNoContent(await c.delete('/variations/TEN-1-41'));
    assertError(await c.get('/variations/TEN-1-41'), 404, /Variation: TEN-1-41/);
    assertError(await c.delete('/variations/TEN-1-41'), 404, /Variation: TEN-1-41/);
    const product = await getProduct(c, 'TEN-1');
    assert.ok(!product.variations.some((v: { sku: string }) => v.sku === 'TEN-1-41'));
  });

  test('the SKU can be created again, under the same or another product', async () => {
    assertStatus(await c.post('/products/MOC-1/variations', { variation: { sku: 'TEN-1-41', qty: 3 } }), 201);
    const v = await getVariation('TEN-1-41');
    assert.equal(v.qty, 3);
    const moc = await getProduct(c, 'MOC-1');
    assert.ok(moc.variations.some((x: { sku: string }) => x.sku === 'TEN-1-41'));
  });
});
