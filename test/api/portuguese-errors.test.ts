/**
 * A caller asking `Accept-Language: pt-BR` (the console, a Brazilian ERP) reads every refusal in
 * Portuguese, naming the field: catalog writes, bulk, order filters, schedules, statuses,
 * credentials. English callers keep the English message (SkyHub clients parse it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../helpers.ts';
import { type Client, client, createProduct, type Response } from './client.ts';

let t: TestApp;
let c: Client;
const pt = { 'accept-language': 'pt-BR' };

before(async () => {
  t = await createTestApp();
  c = client(t.app, t.seller);
  await createProduct(c, { sku: 'PT-1', name: 'Caneca', qty: 5, price: 10, variations: [{ sku: 'PT-1-V' }] });
});
after(() => t.close());

function portuguese(res: Response, status: number, pattern: RegExp, field?: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.headers['content-language'], 'pt-BR', `answered in English: ${res.body}`);
  const body = res.json();
  assert.match(body.error, pattern);
  if (field) assert.equal(body.params?.field, field, res.body);
}

describe('refusals in Portuguese', () => {
  test('catalog writes: promotional price above the price, a SKU that changes, a repeated variation', async () => {
    portuguese(
      await c.put('/products/PT-1', { product: { promotional_price: 12 } }, pt),
      422,
      /^promotional_price: não pode ser maior que o preço \(10\)$/,
      'promotional_price',
    );
    portuguese(
      await c.put('/products/PT-1', { product: { sku: 'OUTRO', name: 'x' } }, pt),
      400,
      /^product\.sku: difere do SKU do endereço \(PT-1\)/,
      'product.sku',
    );
    portuguese(
      await c.post(
        '/products',
        { product: { sku: 'PT-2', name: 'x', variations: [{ sku: 'PT-2-A' }, { sku: 'PT-2-A' }] } },
        pt,
      ),
      400,
      /^product\.variations\[1\]\.sku: cada valor deve aparecer uma vez$/,
    );
    portuguese(await c.post('/products', { product: { sku: 'PT-1', name: 'x' } }, pt), 409, /já existe/);
    portuguese(await c.get('/products/PT-1-V', pt), 404, /é uma variação/);
  });

  test('bulk: a SKU sent twice, a price item with no price', async () => {
    portuguese(
      await c.put(
        '/stocks',
        {
          stocks: [
            { sku: 'PT-1', qty: 1 },
            { sku: 'PT-1', qty: 2 },
          ],
        },
        pt,
      ),
      400,
      /^stocks\[1\]\.sku: PT-1 repete stocks\[0\]/,
      'stocks[1].sku',
    );
    portuguese(
      await c.put('/prices', { prices: [{ sku: 'PT-1' }] }, pt),
      400,
      /^prices\[0\]: informe pelo menos um destes: price, promotional_price$/,
    );
  });

  test('bulk: each item’s own error, an unknown SKU and a refused price, in the caller’s language', async () => {
    const stocks = [
      { sku: 'PT-1', qty: 3 },
      { sku: 'PT-NADA', qty: 1 },
    ];
    const res = await c.put('/stocks', stocks, pt);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-language'], 'pt-BR');
    const [ok, unknown] = res.json().results;
    assert.equal(ok.status, 'updated');
    assert.equal(ok.error, undefined);
    assert.equal(unknown.error, 'sku: PT-NADA não foi encontrado');
    const prices = await c.put('/prices', [{ sku: 'PT-1', price: 10, promotional_price: 11 }], pt);
    assert.equal(prices.json().results[0].error, 'promotional_price: não pode ser maior que o preço (10)');
    const english = await c.put('/stocks', stocks);
    assert.equal(english.json().results[1].error, 'sku: PT-NADA was not found', 'English as before');
    assert.equal(english.headers['content-language'], 'en');
  });

  test('order filters and paging, schedules, statuses', async () => {
    portuguese(
      await c.get('/orders?filters[cor]=azul', pt),
      400,
      /não é um filtro conhecido/,
      'filters[cor]',
    );
    portuguese(
      await c.get('/orders?filters[start_date]=31/02/2026', pt),
      400,
      /formato DD\/MM\/AAAA/,
      'filters[start_date]',
    );
    portuguese(await c.get('/orders?page=0', pt), 400, /número inteiro a partir de 1/, 'page');
    portuguese(
      await c.post(
        '/sync/schedules',
        { schedule: { every: 'yearly', connections: [1], resources: ['stock'] } },
        pt,
      ),
      400,
      /^schedule\.every: deve ser um destes:/,
    );
    portuguese(
      await c.post('/statuses', { status: { code: 'book_product', label: 'Novo', type: 'NEW' } }, pt),
      409,
      /status padrão/,
      'status.code',
    );
  });

  test('credentials and body encoding', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/products', headers: pt });
    portuguese(res, 401, /^Faltam as credenciais/);
    portuguese(
      await c.send({
        method: 'POST',
        url: '/products',
        headers: { ...pt, 'content-type': 'application/json' },
        payload: '{"product": {"sku": "PT-3", "name": "a\\u0000b"}}',
      }),
      400,
      /^product\.name: não pode conter o caractere NUL/,
      'product.name',
    );
  });

  test('English callers keep the message as thrown', async () => {
    const res = await c.put('/products/PT-1', { product: { promotional_price: 12 } });
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['content-language'], 'en');
    assert.match(res.json().error, /^promotional_price: must not be greater than price \(10(\.00)?\)$/);
    assert.equal(res.json().code, 'promo_above_price');
  });
});
