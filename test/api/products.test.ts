/**
 * SkyHub's product contract: create, read, partial update (wrapped or not), delete, re-create;
 * and its category and attribute endpoints, including the array-in-"category" client quirk.
 */
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
});
after(() => t.close());

const skyhubProductKeys = [
  'sku',
  'name',
  'description',
  'status',
  'qty',
  'price',
  'promotional_price',
  'cost',
  'weight',
  'height',
  'width',
  'length',
  'brand',
  'ean',
  'nbm',
  'crossdocking',
  'categories',
  'images',
  'specifications',
  'variations',
  'variation_attributes',
  'removed',
  'associations',
].sort();

const fullProduct = {
  sku: 'CAM-001',
  name: 'Camiseta básica',
  description: '<p>Algodão 100%</p>',
  status: 'enabled',
  qty: 12,
  price: 59.9,
  promotional_price: 49.9,
  cost: 20.5,
  weight: 0.3,
  height: 2,
  width: 30,
  length: 40,
  brand: 'Marca',
  ean: '7891234567895',
  nbm: '61091000',
  crossdocking: 3,
  categories: [{ code: 'roupas-camisetas', name: 'Roupas > Camisetas' }],
  images: ['https://img.example.com/cam-001-a.jpg', 'https://img.example.com/cam-001-b.jpg'],
  specifications: [{ key: 'Material', value: 'Algodão' }],
};

describe('POST /products', () => {
  test('creates a wrapped product and answers 201 with it in SkyHub shape', async () => {
    const res = await c.post('/products', { product: fullProduct });
    assertStatus(res, 201);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), skyhubProductKeys);
    assert.deepEqual(
      {
        ...body,
        variations: undefined,
        variation_attributes: undefined,
        removed: undefined,
        associations: undefined,
      },
      {
        ...fullProduct,
        variations: undefined,
        variation_attributes: undefined,
        removed: undefined,
        associations: undefined,
      },
    );
    assert.equal(body.removed, false);
    assert.deepEqual(body.associations, []);
    assert.deepEqual(await getProduct(c, 'CAM-001'), body);
  });

  test('accepts an unwrapped product too', async () => {
    const res = await c.post('/products', { sku: 'UNWRAPPED-1', name: 'Sem envelope', qty: 3, price: 10 });
    assertStatus(res, 201);
    const product = await getProduct(c, 'UNWRAPPED-1');
    assert.equal(product.qty, 3);
    assert.equal(product.price, 10);
  });

  test('fills SkyHub defaults for fields not sent', async () => {
    const product = await createProduct(c, { sku: 'MINIMAL-1' });
    assert.equal(product.name, '');
    assert.equal(product.qty, 0);
    assert.equal(product.price, null);
    assert.equal(product.promotional_price, null);
    assert.equal(product.status, 'enabled');
    assert.deepEqual(product.categories, []);
    assert.deepEqual(product.images, []);
    assert.deepEqual(product.variations, []);
  });

  test('a SKU that already exists is 409 and the first product is untouched', async () => {
    await createProduct(c, { sku: 'DUP-1', name: 'Primeiro', qty: 1 });
    const res = await c.post('/products', { product: { sku: 'DUP-1', name: 'Segundo', qty: 9 } });
    assertError(res, 409, /sku: DUP-1 already exists/);
    const product = await getProduct(c, 'DUP-1');
    assert.equal(product.name, 'Primeiro');
    assert.equal(product.qty, 1);
  });

  test('a promotional price above the price is 422 and nothing is created', async () => {
    const res = await c.post('/products', {
      product: { sku: 'PROMO-BAD', price: 10, promotional_price: 11 },
    });
    assertError(res, 422, /promotional_price: must not be greater than price/);
    assertStatus(await c.get('/products/PROMO-BAD'), 404);
  });

  test('a promotional price without a price is 422, as in a price update', async () => {
    const res = await c.post('/products', { product: { sku: 'PROMO-ONLY', promotional_price: 5 } });
    assertError(res, 422, /^price: is required when promotional_price is given/);
    assertStatus(await c.get('/products/PROMO-ONLY'), 404);
  });

  test('categories keep SkyHub hierarchy names, at most 10', async () => {
    const categories = [
      { code: '1', name: 'Casa' },
      { code: '1.2', name: 'Casa > Cozinha' },
      { code: '1.2.3', name: 'Casa > Cozinha > Panelas' },
    ];
    await createProduct(c, { sku: 'CAT-1', categories });
    assert.deepEqual((await getProduct(c, 'CAT-1')).categories, categories);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ code: `c${i}`, name: `C${i}` }));
    assertError(
      await c.post('/products', { product: { sku: 'CAT-11', categories: eleven } }),
      400,
      /product\.categories: must NOT have more than 10 items/,
    );
  });

  test('accepts the `removed` and `associations` fields its own GET returns', async () => {
    const product = await getProduct(c, 'CAM-001');
    const copy = { ...product, sku: 'CAM-001-COPY', variations: [] };
    assertStatus(await c.post('/products', { product: copy }), 201);
    assert.equal((await getProduct(c, 'CAM-001-COPY')).name, product.name);
  });
});

describe('GET /products/{sku}', () => {
  test('an unknown SKU is 404 with SkyHub’s message', async () => {
    const res = await c.get('/products/NOPE-404');
    assertError(res, 404, /^Não foi possível encontrar Product: NOPE-404$/);
    assert.equal(res.json().code, 'product_not_found');
  });

  test('"urls" is a SKU like any other (SkyHub reads /products/urls that way)', async () => {
    assertError(await c.get('/products/urls'), 404, /Product: urls/);
  });
});

describe('PUT /products/{sku}', () => {
  before(async () => {
    await createProduct(c, { sku: 'UPD-1', name: 'Original', qty: 5, price: 100, promotional_price: 90 });
  });

  test('stock only, wrapped: 204 with Content-Type application/json, and GET shows it', async () => {
    assertNoContent(await c.put('/products/UPD-1', { product: { qty: 7 } }));
    const product = await getProduct(c, 'UPD-1');
    assert.equal(product.qty, 7);
    assert.equal(product.price, 100);
    assert.equal(product.promotional_price, 90);
  });

  test('stock only, unwrapped ({"qty": 0}, as SkyHub’s best-practices page shows)', async () => {
    assertNoContent(await c.put('/products/UPD-1', { qty: 0 }));
    assert.equal((await getProduct(c, 'UPD-1')).qty, 0);
  });

  test('price only, and price with promotional price', async () => {
    assertNoContent(await c.put('/products/UPD-1', { product: { price: 120 } }));
    let product = await getProduct(c, 'UPD-1');
    assert.equal(product.price, 120);
    assert.equal(product.promotional_price, 90);
    assert.equal(product.qty, 0);

    assertNoContent(await c.put('/products/UPD-1', { product: { price: 80.5, promotional_price: 75.99 } }));
    product = await getProduct(c, 'UPD-1');
    assert.equal(product.price, 80.5);
    assert.equal(product.promotional_price, 75.99);
  });

  test('a null promotional price clears it', async () => {
    assertNoContent(await c.put('/products/UPD-1', { product: { promotional_price: null } }));
    assert.equal((await getProduct(c, 'UPD-1')).promotional_price, null);
  });

  test('stock and price together, as the SDK’s productStock and productPrice would send', async () => {
    assertNoContent(
      await c.put('/products/UPD-1', { product: { qty: 33, price: 99.9, promotional_price: 89.9 } }),
    );
    const product = await getProduct(c, 'UPD-1');
    assert.deepEqual([product.qty, product.price, product.promotional_price], [33, 99.9, 89.9]);
  });

  test('stock, price and catalog fields in one PUT are applied together', async () => {
    assertNoContent(
      await c.put('/products/UPD-1', { product: { qty: 34, price: 98, name: 'Renomeado', brand: 'Nova' } }),
    );
    const product = await getProduct(c, 'UPD-1');
    assert.deepEqual(
      [product.qty, product.price, product.name, product.brand],
      [34, 98, 'Renomeado', 'Nova'],
    );
  });

  test('a partial update leaves every other field as it was', async () => {
    const beforeUpdate = await getProduct(c, 'CAM-001');
    assertNoContent(await c.put('/products/CAM-001', { product: { description: 'Nova descrição' } }));
    const afterUpdate = await getProduct(c, 'CAM-001');
    assert.deepEqual(afterUpdate, { ...beforeUpdate, description: 'Nova descrição' });
  });

  test('catalog fields: images, specifications, dimensions, status', async () => {
    const patch = {
      images: ['https://img.example.com/new.jpg'],
      specifications: [{ key: 'Cor', value: 'Azul' }],
      weight: 1.25,
      status: 'disabled',
      variation_attributes: ['Cor'],
    };
    assertNoContent(await c.put('/products/CAM-001', { product: patch }));
    const product = await getProduct(c, 'CAM-001');
    for (const [key, value] of Object.entries(patch)) assert.deepEqual(product[key], value, key);
  });

  test('a promotional price above the price is 422 and nothing changes', async () => {
    const beforeUpdate = await getProduct(c, 'UPD-1');
    assertError(
      await c.put('/products/UPD-1', { product: { promotional_price: 1000 } }),
      422,
      /promotional_price: must not be greater than price/,
    );
    assertError(
      await c.put('/products/UPD-1', { product: { qty: 1, price: 10, promotional_price: 20 } }),
      422,
      /promotional_price/,
    );
    assert.deepEqual(await getProduct(c, 'UPD-1'), beforeUpdate);
  });

  test('an unknown SKU is 404, whatever the body', async () => {
    for (const product of [
      { qty: 1 },
      { price: 2 },
      { name: 'x' },
      { qty: 1, price: 2 },
      {},
      { sequence: 3 },
    ]) {
      assertError(await c.put('/products/NOPE-PUT', { product }), 404, /Product: NOPE-PUT/);
    }
  });

  test('a SKU in the body that differs from the path is refused', async () => {
    assertError(
      await c.put('/products/UPD-1', { product: { sku: 'OTHER', qty: 1 } }),
      400,
      /product\.sku: "OTHER" differs from the SKU in the path/,
    );
  });

  test('the same SKU in the body as in the path is fine', async () => {
    assertNoContent(await c.put('/products/UPD-1', { product: { sku: 'UPD-1', qty: 2 } }));
    assert.equal((await getProduct(c, 'UPD-1')).qty, 2);
  });

  test('fields beside the "product" wrapper are refused', async () => {
    assertError(
      await c.put('/products/UPD-1', { product: { qty: 3 }, qty: 4 }),
      400,
      /qty: is not a known field \(fields go inside "product"\)/,
    );
    assert.equal((await getProduct(c, 'UPD-1')).qty, 2);
  });
});

describe('DELETE /products/{sku} and re-creation', () => {
  test('DELETE answers 204, then the SKU is gone from GET, PUT, DELETE and the list', async () => {
    await createProduct(c, {
      sku: 'DEL-1',
      name: 'Vai sumir',
      qty: 4,
      variations: [{ sku: 'DEL-1-V', qty: 1 }],
    });
    assertNoContent(await c.delete('/products/DEL-1'));
    assertError(await c.get('/products/DEL-1'), 404, /Product: DEL-1/);
    assertError(await c.put('/products/DEL-1', { product: { qty: 1 } }), 404, /Product: DEL-1/);
    assertError(await c.delete('/products/DEL-1'), 404, /Product: DEL-1/);
    const list = (await c.get('/products?sku=DEL-1')).json();
    assert.equal(list.total, 0);
  });

  test('deleting a product removes its variations', async () => {
    assertError(await c.get('/variations/DEL-1-V'), 404, /Variation: DEL-1-V/);
    assertError(await c.put('/variations/DEL-1-V', { variation: { qty: 2 } }), 404, /DEL-1-V/);
  });

  test('a deleted SKU can be created again, with nothing of its old content', async () => {
    const res = await c.post('/products', { product: { sku: 'DEL-1', qty: 2 } });
    assertStatus(res, 201);
    const product = await getProduct(c, 'DEL-1');
    assert.equal(product.name, '');
    assert.equal(product.qty, 2);
    assert.deepEqual(product.variations, []);
  });

  test('a deleted variation SKU can be reused, even as a product', async () => {
    await createProduct(c, { sku: 'DEL-1-V', qty: 8 });
    assert.equal((await getProduct(c, 'DEL-1-V')).qty, 8);
  });

  test('DELETE of a variation SKU through /products is 404 (variations live at /variations)', async () => {
    await createProduct(c, { sku: 'DEL-P', variations: [{ sku: 'DEL-P-V' }] });
    assertError(await c.delete('/products/DEL-P-V'), 404, /DEL-P-V/);
    assertStatus(await c.get('/variations/DEL-P-V'), 200);
  });
});

describe('concurrent creation', () => {
  test('the same SKU posted at once: one 201, the others 409 naming the SKU, never a 5xx', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => c.post('/products', { product: { sku: 'RACE-1', qty: i } })),
    );
    const codes = answers.map((res) => res.statusCode).sort();
    assert.deepEqual(codes, [201, 409, 409, 409, 409, 409], answers.map((r) => r.body).join('\n'));
    for (const res of answers.filter((r) => r.statusCode === 409))
      assertError(res, 409, /sku: RACE-1 already exists/);
  });

  test('a product and a variation with one SKU posted at once: one wins', async () => {
    await createProduct(c, { sku: 'RACE-P' });
    const [asProduct, asVariation] = await Promise.all([
      c.post('/products', { product: { sku: 'RACE-2' } }),
      c.post('/products/RACE-P/variations', { variation: { sku: 'RACE-2' } }),
    ]);
    assert.deepEqual([asProduct.statusCode, asVariation.statusCode].sort(), [201, 409]);
  });
});

const categories = async () => {
  const res = await c.get('/categories');
  assertStatus(res, 200);
  return res.json();
};

describe('categories endpoints', () => {
  test('POST {"category":{code,name}} creates one; GET /categories is a plain array', async () => {
    const res = await c.post('/categories', { category: { code: 'moda', name: 'Moda' } });
    assertStatus(res, 201);
    assert.deepEqual(await categories(), [{ code: 'moda', name: 'Moda' }]);
  });

  test('POST {"category":[…]} (dilowagner/skyhub-client) creates each', async () => {
    const res = await c.post('/categories', {
      category: [
        { code: 'moda.calcados', name: 'Moda > Calçados' },
        { code: 'moda.camisetas', name: 'Moda > Camisetas' },
      ],
    });
    assertStatus(res, 201);
    assert.deepEqual(
      (await categories()).map((x: { code: string }) => x.code),
      ['moda', 'moda.calcados', 'moda.camisetas'],
    );
  });

  test('POST of an existing code renames it instead of failing', async () => {
    assertStatus(await c.post('/categories', { category: { code: 'moda', name: 'Moda e acessórios' } }), 201);
    assert.equal(
      (await categories()).find((x: { code: string }) => x.code === 'moda').name,
      'Moda e acessórios',
    );
  });

  test('the same code twice in one array is 400 and nothing is saved', async () => {
    const res = await c.post('/categories', {
      category: [
        { code: 'casa', name: 'Casa' },
        { code: 'casa', name: 'Lar' },
      ],
    });
    assertError(res, 400, /^category\[1\]\.code: casa repeats category\[0\]/);
    assert.ok(!(await categories()).some((x: { code: string }) => x.code === 'casa'));
  });

  test('PUT /categories/{code} renames: 204', async () => {
    assertNoContent(await c.put('/categories/moda.calcados', { category: { name: 'Calçados' } }));
    assert.equal(
      (await categories()).find((x: { code: string }) => x.code === 'moda.calcados').name,
      'Calçados',
    );
  });

  test('codes are URL-decoded in the path', async () => {
    assertStatus(await c.post('/categories', { category: { code: 'a/b c', name: 'Barra e espaço' } }), 201);
    assertNoContent(
      await c.put(`/categories/${encodeURIComponent('a/b c')}`, { category: { name: 'Novo' } }),
    );
    assert.equal((await categories()).find((x: { code: string }) => x.code === 'a/b c').name, 'Novo');
    assertNoContent(await c.delete(`/categories/${encodeURIComponent('a/b c')}`));
  });

  test('DELETE /categories/{code}: 204, then 404', async () => {
    assertNoContent(await c.delete('/categories/moda.camisetas'));
    assert.ok(!(await categories()).some((x: { code: string }) => x.code === 'moda.camisetas'));
    assertError(await c.delete('/categories/moda.camisetas'), 404, /Category: moda.camisetas/);
    assertError(await c.put('/categories/moda.camisetas', { category: { name: 'x' } }), 404, /Category/);
  });

  test('bad bodies are 400s naming the field', async () => {
    assertError(
      await c.post('/categories', { category: { code: 'x' } }),
      400,
      /^category\[0\]\.name: is required/,
    );
    assertError(
      await c.post('/categories', { category: { code: '', name: 'x' } }),
      400,
      /^category\[0\]\.code: /,
    );
    assertError(
      await c.post('/categories', { category: { code: 'x', name: 'x', parent: 'y' } }),
      400,
      /^category\[0\]\.parent: is not a known field/,
    );
    assertError(await c.put('/categories/moda', { category: { name: '' } }), 400, /^category\.name: /);
    assertError(await c.post('/categories', [{ code: 'x', name: 'x' }]), 400, /body: must be a JSON object/);
  });
});

describe('attributes endpoints', () => {
  test('POST {"attribute":{name,label,options}}: 201 with it', async () => {
    const attribute = { name: 'cor', label: 'Cor', options: ['Azul', 'Preto'] };
    const res = await c.post('/attributes', { attribute });
    assertStatus(res, 201);
    assert.deepEqual(res.json(), attribute);
    assert.deepEqual((await c.get('/attributes')).json(), [attribute]);
  });

  test('label and options are optional', async () => {
    const res = await c.post('/attributes', { attribute: { name: 'voltagem' } });
    assertStatus(res, 201);
    assert.deepEqual(res.json(), { name: 'voltagem', label: 'voltagem', options: [] });
  });

  test('PUT /attributes/{name} changes label or options: 204', async () => {
    assertNoContent(await c.put('/attributes/cor', { attribute: { options: ['Azul', 'Preto', 'Branco'] } }));
    assertNoContent(await c.put('/attributes/cor', { attribute: { label: 'Cor principal' } }));
    const cor = (await c.get('/attributes')).json().find((a: { name: string }) => a.name === 'cor');
    assert.deepEqual(cor, { name: 'cor', label: 'Cor principal', options: ['Azul', 'Preto', 'Branco'] });
  });

  test('an unknown attribute is 404; a bad body is 400', async () => {
    assertError(await c.put('/attributes/tamanho', { attribute: { label: 'x' } }), 404, /Attribute: tamanho/);
    assertError(
      await c.post('/attributes', { attribute: { label: 'sem nome' } }),
      400,
      /^attribute\.name: is required/,
    );
    assertError(
      await c.put('/attributes/cor', { attribute: { options: 'Azul' } }),
      400,
      /^attribute\.options: must be array/,
    );
  });
});
