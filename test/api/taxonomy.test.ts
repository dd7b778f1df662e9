/** SkyHub's category and attribute endpoints, including the array-in-"category" client quirk. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import { assertError, assertNoContent, assertStatus, type Client, client } from './client.ts';

let t: TestApp;
let c: Client;

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
});
after(() => t.close());

const categories = async () => {
  const res = await c.get('/categories');
  assertStatus(res, 200);
  return res.json();
};

describe('categories', () => {
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

describe('attributes', () => {
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
