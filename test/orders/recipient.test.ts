/**
 * An order an ERP can invoice and ship, from each of the four simulated marketplaces: bought
 * there, imported, and handed over by `GET /queues/orders` with the recipient, the full address,
 * the phone and the buyer's document the marketplace holds, each read from where the
 * marketplace keeps it. Nothing withheld is an empty string: it is null with a reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorld, type World } from '../sync/world.ts';
import { importOrders } from './helpers.ts';

const MAGALU = { id: 'magalu-sim-client', secret: 'magalu-sim-secret' };
const AMAZON = {
  id: 'amzn1.application-oa2-client.caissim00000000000000000001',
  secret: 'amzn-sim-secret',
  applicationId: 'amzn1.sp.solution.cais-sim-0000-0000-0000-000000000001',
};
const SHOPEE = { partnerId: '2001887', partnerKey: 'shpk-cais-sim-partner-key' };

type Channel = 'mercadolivre' | 'magalu' | 'amazon' | 'shopee';

let world: World;
const connections = {} as Record<Channel, number>;
const external = {} as Record<Channel, string>;

async function connect(body: Record<string, unknown>): Promise<number> {
  const created = await world.api('POST', '/connections', { connection: body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const page = await fetch(created.body.authorize_url, { redirect: 'manual' });
  const back = new URL(page.headers.get('location') ?? '');
  const callback = await world.t.app.inject({ method: 'GET', url: `/oauth/callback${back.search}` });
  assert.equal(JSON.parse(callback.body).connection.status, 'active', callback.body);
  return created.body.connection.id;
}

before(async () => {
  world = await createWorld({ simulator: { magalu: { applyDelayMs: 0 } } });
  connections.mercadolivre = world.connectionId;
  connections.magalu = await connect({
    channel: 'magalu',
    name: 'Magalu',
    base_url: world.sim.baseUrl('magalu'),
    client_id: MAGALU.id,
    client_secret: MAGALU.secret,
  });
  connections.amazon = await connect({
    channel: 'amazon',
    name: 'Amazon',
    base_url: world.sim.baseUrl('amazon'),
    client_id: AMAZON.id,
    client_secret: AMAZON.secret,
    credentials: { extra: { applicationId: AMAZON.applicationId } },
  });
  connections.shopee = await connect({
    channel: 'shopee',
    name: 'Shopee',
    base_url: world.sim.baseUrl('shopee'),
    client_id: SHOPEE.partnerId,
    client_secret: SHOPEE.partnerKey,
  });
  const ml = await world.control('POST', '/mercadolivre/listings', {
    sku: 'END-1',
    price: 80,
    available_quantity: 9,
  });
  const mg = await world.control('POST', '/magalu/listings', { sku: 'END-1', price: 8000, stock: 9 });
  const am = await world.control('POST', '/amazon/listings', { sku: 'END-1', price: 80, quantity: 9 });
  const sp = await world.control('POST', '/shopee/listings', { sku: 'END-1', price: 80, stock: 9 });
  Object.assign(external, { mercadolivre: ml.id, magalu: mg.id, amazon: am.id, shopee: sp.id });
});
after(() => world.close());

/** The order the queue hands out with this code (others are acknowledged on the way). */
async function fromQueue(code: string) {
  for (let i = 0; i < 50; i++) {
    const got = await world.api('GET', '/queues/orders');
    assert.notEqual(got.status, 204, `order ${code} never reached the queue`);
    await world.api('DELETE', `/queues/orders/${encodeURIComponent(got.body.code)}`);
    if (got.body.code === code) return got.body;
  }
  throw new Error(`order ${code} not in the queue`);
}

interface Expected {
  name: string;
  street: string;
  number: string;
  neighborhood: string;
  city: string;
  region: string;
  postcode: string;
  phone: string;
  document: string;
}

function assertShippable(order: any, expected: Expected): void {
  const address = order.shipping_address;
  assert.equal(address.full_name, expected.name);
  assert.equal(address.street, expected.street);
  assert.equal(address.number, expected.number);
  assert.equal(address.neighborhood, expected.neighborhood);
  assert.equal(address.city, expected.city);
  assert.equal(address.region, expected.region);
  assert.equal(address.postcode, expected.postcode.replace(/\D/g, ''));
  assert.equal(address.phone, expected.phone, 'a phone to reach the recipient');
  assert.equal(order.customer.vat_number, expected.document);
  assert.ok(/^\d{11}$|^\d{14}$/.test(order.customer.vat_number), 'a CPF or CNPJ');
  for (const [path, value] of Object.entries({ ...address, ...order.customer })) {
    assert.notEqual(value, '', `${path} is never an empty string`);
  }
  for (const path of Object.keys(order.withheld_fields ?? {})) {
    const [section, field] = path.split('.');
    assert.equal(order[section!][field!], null, `${path} is withheld, so null`);
  }
}

describe('orders an ERP can invoice and ship', () => {
  it('Mercado Livre: the address from the shipment, the CPF/CNPJ from billing_info', async () => {
    const bought = await world.control('POST', '/mercadolivre/orders', {
      items: [{ item_id: external.mercadolivre, quantity: 1 }],
    });
    await importOrders(world);
    const order = await fromQueue(`Mercado Livre-${bought.id}`);
    const held = await world.control('GET', `/mercadolivre/orders/${bought.id}`);
    const dest = held.shipment.destination;
    const a = dest.shipping_address;
    assertShippable(order, {
      name: dest.receiver_name,
      street: a.street_name,
      number: a.street_number,
      neighborhood: a.neighborhood.name,
      city: a.city.name,
      region: a.state.id.slice(3),
      postcode: a.zip_code,
      phone: dest.receiver_phone,
      document: held.billing_info.doc_number,
    });
    assert.equal(order.shipping_address.phone, dest.receiver_phone);
    assert.equal(order.withheld_fields['customer.email'], 'masked', 'ML does not show buyers’ e-mail');
    assert.equal(order.customer.email, null);
  });

  it('Magalu: the buyer from the order, the address from its delivery', async () => {
    const bought = await world.control('POST', '/magalu/orders', {
      items: [{ sku: 'END-1', quantity: 1 }],
      freight: 1500,
    });
    await importOrders(world, {}, connections.magalu);
    const order = await fromQueue(`Magalu-${bought.code}`);
    const held = (await world.control('GET', `/magalu/orders/${bought.id}`)).order ?? bought;
    const recipient = held.deliveries[0].shipping.recipient;
    const a = recipient.address;
    assertShippable(order, {
      name: recipient.name,
      street: a.street,
      number: a.number,
      neighborhood: a.district,
      city: a.city,
      region: a.state,
      postcode: a.zipcode,
      phone: `${recipient.phones[0].area_code}${recipient.phones[0].number}`,
      document: held.customer.document_number,
    });
    assert.equal(order.customer.email, held.customer.email);
    assert.equal(order.shipping_cost, held.amounts.freight / 100);
    assert.ok(order.expedition_limit_date, 'the date to ship by');
  });

  it('Shopee: recipient_address (street and number from full_address) and buyer_cpf_id', async () => {
    const bought = await world.control('POST', '/shopee/orders', {
      items: [{ item_id: Number(external.shopee), quantity: 1 }],
      status: 'READY_TO_SHIP',
    });
    await importOrders(world, {}, connections.shopee);
    const order = await fromQueue(`Shopee-${bought.order_sn}`);
    const held = await world.control('GET', `/shopee/orders/${bought.order_sn}`);
    const r = held.recipient_address;
    const [street, number] = r.full_address.split(', ');
    assertShippable(order, {
      name: r.name,
      street,
      number,
      neighborhood: r.district,
      city: r.city,
      region: r.full_address.match(/ - ([A-Z]{2}),/)[1],
      postcode: r.zipcode,
      phone: r.phone.slice(2),
      document: order.customer.vat_number,
    });
    assert.ok(order.customer.vat_number, 'buyer_cpf_id');
  });

  it('Shopee: an unpaid order’s masked recipient is null with the reason, never "****" or ""', async () => {
    const bought = await world.control('POST', '/shopee/orders', {
      items: [{ item_id: Number(external.shopee), quantity: 1 }],
      status: 'UNPAID',
    });
    await importOrders(world, {}, connections.shopee);
    const order = await fromQueue(`Shopee-${bought.order_sn}`);
    assert.equal(order.shipping_address.street, null);
    assert.equal(order.shipping_address.postcode, null);
    assert.equal(order.withheld_fields['shipping_address.street'], 'masked');
    assert.equal(order.withheld_fields['shipping_address.postcode'], 'masked');
    assert.equal(order.customer.vat_number, null);
  });

  it('Amazon: the address and the CPF/CNPJ from the 2026 Orders API, no Restricted Data Token (A3, A11)', async () => {
    const placed = await world.control('POST', '/amazon/orders', {
      items: [{ sku: 'END-1', quantity: 1 }],
    });
    // Amazon lists an order only 2 minutes after its last change: the simulator's clock moves on.
    await world.control('POST', '/clock', { advance_ms: 2 * 60_000 + 1_000 });
    await importOrders(world, {}, connections.amazon);
    const order = await fromQueue(`Amazon-${placed.AmazonOrderId}`);
    const held = await world.control('GET', `/amazon/orders/${placed.AmazonOrderId}`);
    const b = held.buyer;
    assertShippable(order, {
      name: `${b.firstName} ${b.lastName}`,
      street: b.address.street,
      number: b.address.number,
      neighborhood: b.address.neighborhood,
      city: b.address.city,
      region: b.address.state,
      postcode: b.address.zipcode,
      phone: b.phone,
      document: b.document,
    });
    assert.match(order.customer.email, /@marketplace\.amazon\.com\.br$/);
    const report = await world.control('GET', '/conformance?channel=amazon&operation=orders2026.search');
    assert.ok(report.counts[0].valid >= 1, 'the searchOrders request fitted the Orders 2026-01-01 model');
    assert.equal(report.counts[0].invalid ?? 0, 0);
  });
});
