/**
 * A small ERP integration written against the client generated from /openapi.json (cais-api.ts),
 * as an ERP developer would write it: push a product, keep its stock and price current in bulk,
 * schedule the marketplace's synchronisation, ask whether the change reached the marketplace,
 * take an order from the queue and report its invoice. It prints what it saw as JSON; the test
 * (test/api/erp-client.test.ts) runs it against a live hub and checks that.
 *
 * Usage: node erp.ts <base url> <email> <api key> <connection id>
 */
import { Api } from './cais-api.ts';

const [baseUrl = '', email = '', apiKey = '', connection = ''] = process.argv.slice(2);
const connectionId = Number(connection);

const cais = new Api({
  baseUrl,
  baseApiParams: {
    headers: { 'X-User-Email': email, 'X-Api-Key': apiKey, 'X-Accountmanager-Key': 'erp-example' },
  },
});

/** An NF-e access key: 43 digits and the modulo-11 check digit (the ERP's own code, not Cais's). */
function nfeKey(first43: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = first43.length - 1; i >= 0; i--) {
    sum += Number(first43[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const remainder = sum % 11;
  return `${first43}${remainder < 2 ? 0 : 11 - remainder}`;
}

async function catalog(sku: string) {
  await cais.products.createProduct({ product: { sku, name: 'Garrafa Térmica 1 L', qty: 5, price: 89.9 } });
  await cais.products.updateProduct(sku, { product: { description: 'Aço inox, tampa rosqueável' } });
  const stocks = await cais.stocks.updateStocks([{ sku, qty: 12, sequence: 1 }]);
  const prices = await cais.prices.updatePrices([{ sku, price: 99.9, promotional_price: 79.9 }]);
  const product = (await cais.products.getProduct(sku)).data;
  return {
    stock: stocks.data.results.map((r) => r.status),
    price: prices.data.results.map((r) => r.status),
    product: { qty: product.qty, price: product.price, promotional_price: product.promotional_price },
  };
}

async function schedule() {
  const created = await cais.sync.createSchedule({
    schedule: { connections: [connectionId], resources: ['stock', 'price'], every: '15m' },
  });
  const listed = await cais.sync.listSchedules();
  return {
    every: created.data.schedule.every,
    listed: listed.data.schedules.some((s) => s.id === created.data.schedule.id),
  };
}

async function syncStatus(sku: string) {
  const status = (await cais.products.getSyncStatus(sku)).data;
  return status.listings.map((l) => ({
    connection: l.connection.id,
    flag: l.flag,
    stock_pending: l.stock.pending,
  }));
}

async function orders() {
  const created = await cais.orders.createTestOrder({
    items: [{ id: 'ERP-ITEM', qty: 1, original_price: 50 }],
    customer: { name: 'Ana Souza' },
  });
  await cais.orders.approveOrder(created.data.code, { status: 'payment_received' });
  // Take the queue until it is empty (204), acknowledging each order once stored.
  const taken: string[] = [];
  for (;;) {
    const next = await cais.queues.takeQueuedOrder();
    if (next.status === 204 || !next.data) break;
    taken.push(next.data.code);
    await cais.queues.acknowledgeQueuedOrder(next.data.code);
  }
  const invoiced = await cais.orders.invoiceOrder(created.data.code, {
    status: 'order_invoiced',
    invoice: {
      key: nfeKey('3526031234567800019955001000000123100000012'.slice(0, 43)),
      issue_date: '2026-03-01T12:30:00-03:00',
    },
  });
  return { taken, status_type: invoiced.data.status.type, code: created.data.code };
}

const sku = `ERP-${Date.now()}`;
const seen = {
  catalog: await catalog(sku),
  schedule: await schedule(),
  sync_status: await syncStatus(sku),
  orders: await orders(),
};
console.log(JSON.stringify(seen));
