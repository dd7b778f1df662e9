/**
 * SkyHub's order API without surprises: the documented test-order body round-trips field for
 * field, every listed sync-error category (and SkyHub's other documented ones) can be fetched,
 * and `GET /sale_systems` names the account's marketplaces.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorld, type World } from '../sync/world.ts';

let world: World;
before(async () => {
  world = await createWorld();
});
after(() => world.close());

/** SkyHub's documented test order [DEV:pedidos/criacao-de-pedido-teste], with real dates. */
const documentedBody = {
  order: {
    channel: 'Marketplace',
    items: [{ id: 'SKU-DOC-1', qty: 2, original_price: 9.9, special_price: 8.45 }],
    customer: {
      name: 'Nome do Comprador',
      email: 'comprador@exemplo.com.br',
      date_of_birth: '1995-01-01',
      gender: 'male',
      vat_number: '12312312309',
      phones: ['8899999999'],
    },
    billing_address: {
      street: 'Rua de Teste',
      number: '1234',
      detail: 'Ponto de Referência',
      neighborhood: 'Bairro',
      city: 'Cidade',
      region: 'UF',
      country: 'BR',
      postcode: '90000000',
    },
    shipping_address: {
      street: 'Rua de teste',
      number: '1234',
      detail: 'Ponto de referência teste',
      neighborhood: 'Bairro teste',
      city: 'Cidade de teste',
      region: 'UF',
      country: 'BR',
      postcode: '90000000',
    },
    payments: [{ method: 'skyhub_payment', description: 'Skyhub', parcels: 1, value: 8.45 }],
    shipping_method: 'Transportadora',
    estimated_delivery: '2026-12-20',
    shipping_calculation_type: 'Método do Cálculo',
    shipping_cost: 12.5,
    interest: 1.25,
    discount: 2,
  },
};

/** Every leaf of `sent` is in `got` at the same path, with the same value. */
function assertContains(got: any, sent: any, path = 'order'): void {
  if (Array.isArray(sent)) {
    assert.ok(Array.isArray(got), `${path} is an array`);
    for (const [i, v] of sent.entries()) assertContains(got[i], v, `${path}[${i}]`);
  } else if (sent !== null && typeof sent === 'object') {
    for (const [k, v] of Object.entries(sent)) assertContains(got?.[k], v, `${path}.${k}`);
  } else {
    assert.deepEqual(got, sent, `${path} round-trips`);
  }
}

describe("SkyHub's order API", () => {
  it("takes SkyHub's documented test-order body whole and gives back every field it took", async () => {
    const created = await world.api('POST', '/orders', documentedBody);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const read = await world.api('GET', `/orders/${encodeURIComponent(created.body.code)}`);
    for (const order of [created.body, read.body]) {
      const { items, ...rest } = documentedBody.order;
      assertContains(order, rest);
      assert.equal(order.items[0].id, 'SKU-DOC-1');
      assert.equal(order.items[0].qty, 2);
      assert.equal(order.items[0].original_price, 9.9, 'original_price stays the list price');
      assert.equal(order.items[0].special_price, 8.45, 'special_price stays the sale price');
      assert.equal(order.total_ordered, 8.45 * 2 + 12.5 + 1.25 - 2);
      assert.ok(order.placed_at.endsWith('Z'), 'timestamps are ISO 8601 UTC');
    }
  });

  it('answers every category GET /sync_errors/categories lists, and SkyHub’s other documented ones empty', async () => {
    const listed = await world.api('GET', '/sync_errors/categories');
    assert.equal(listed.status, 200);
    const codes = listed.body.map((c: { code: string }) => c.code);
    assert.ok(codes.includes('sync_order_skyhub_to_mtkp') && codes.includes('sync_order_mtkp_to_skyhub'));
    for (const category of listed.body) {
      const one = await world.api('GET', `/sync_errors/categories/${category.code}`);
      assert.equal(one.status, 200, `${category.code}: ${JSON.stringify(one.body)}`);
      assert.equal(one.body.code, category.code);
      assert.equal(one.body.entity_type, category.entity_type);
      assert.ok(Array.isArray(one.body.error_types));
    }
    const b2w = await world.api('GET', '/sync_errors/categories/link_b2w_products');
    assert.equal(b2w.status, 200);
    assert.deepEqual(b2w.body.error_types, []);
    const unknown = await world.api('GET', '/sync_errors/categories/no_such_thing');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error, /code: must be one of/);
  });

  it("GET /sale_systems names the account's marketplaces, usable as filters[sale_system]", async () => {
    const res = await world.api('GET', '/sale_systems');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.map((s: { code: string; name: string }) => [s.code, s.name]),
      [['Mercado Livre', 'Mercado Livre']],
    );
    const filtered = await world.api(
      'GET',
      `/orders?filters[sale_system]=${encodeURIComponent('Mercado Livre')}`,
    );
    assert.equal(filtered.status, 200);
  });
});
