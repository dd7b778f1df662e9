/**
 * Calls exercising the operations of the order queue, orders, order settings, order status actions, marketplace order notifications: see harness.ts.
 */
import { buyOnMercadoLivre, importOrders, nfeKey } from '../../orders/helpers.ts';
import { connectedProduct } from '../../sync/world.ts';
import type { Answer, ContractCall, Hub } from './harness.ts';

const orderPath = (code: string, rest = '') => `/orders/${encodeURIComponent(code)}${rest}`;

/** A test order (POST /orders, sandbox): its code. */
async function testOrder(hub: Hub): Promise<string> {
  const sku = hub.unique('ORD');
  const res = await hub.request('POST', '/orders', {
    order: { items: [{ id: sku, qty: 1, original_price: 10 }] },
  });
  if (res.status !== 201) throw new Error(`test order: ${res.status} ${res.text}`);
  return (res.body as { code: string }).code;
}

/**
 * An order bought on simulated Mercado Livre and imported: its code. The import is run in-process
 * (as the order tests do): the API only queues it for a worker, which the hub does not run.
 */
async function mercadoLivreOrder(hub: Hub): Promise<string> {
  const { external_id } = await connectedProduct(hub.world, hub.unique('ORDML'), 10, 49.9);
  const bought = await buyOnMercadoLivre(hub.world, [{ item_id: external_id, quantity: 2 }]);
  await importOrders(hub.world);
  return `Mercado Livre-${bought.id}`;
}

/** Moves a test order along with the actions given, in turn; the last answer. */
async function act(hub: Hub, code: string, ...steps: [string, unknown?][]): Promise<Answer> {
  for (const [action, body] of steps.slice(0, -1)) {
    const answer = await hub.request('POST', orderPath(code, `/${action}`), body);
    if (answer.status !== 200) throw new Error(`${action} ${code}: ${answer.status} ${answer.text}`);
  }
  const [action, body] = steps.at(-1)!;
  return hub.request('POST', orderPath(code, `/${action}`), body);
}

const approval: [string, unknown] = ['approval', {}];
const invoice = (code: string): [string, unknown] => ['invoice', { invoice: { key: nfeKey(code) } }];
const shipment: [string, unknown] = [
  'shipments',
  { shipment: { track: { code: 'BR1', carrier: 'Correios' } } },
];

/** A test order moved along: approved, then invoiced, then shipped (as far as `upTo` says). */
async function orderAt(hub: Hub, upTo: 'NEW' | 'APPROVED' | 'INVOICED' | 'SHIPPED'): Promise<string> {
  const code = await testOrder(hub);
  const steps: [string, unknown?][] = [approval, invoice(code), shipment];
  const count = ['NEW', 'APPROVED', 'INVOICED', 'SHIPPED'].indexOf(upTo);
  if (count > 0) await act(hub, code, ...steps.slice(0, count));
  return code;
}

const notify = (hub: Hub, body: unknown, headers: Record<string, string> = {}) =>
  hub.request('POST', '/notifications/mercadolivre', body, headers);

export const calls: ContractCall[] = [
  // The queue: a fresh test order is queued, so the queue has one to hand out.
  {
    operation: 'takeQueuedOrder',
    name: 'the oldest queued order',
    status: 200,
    send: async (hub) => {
      await testOrder(hub);
      return hub.request('GET', '/queues/orders');
    },
  },
  {
    operation: 'takeQueuedOrder',
    name: 'an empty queue (after acknowledging what it hands out)',
    status: 204,
    send: async (hub) => {
      for (let i = 0; i < 100; i++) {
        const next = await hub.request('GET', '/queues/orders');
        if (next.status !== 200) return next;
        await hub.request('DELETE', `/queues${orderPath((next.body as { code: string }).code)}`);
      }
      throw new Error('the queue did not empty');
    },
  },
  {
    operation: 'acknowledgeQueuedOrder',
    name: 'a test order',
    status: 204,
    send: async (hub) => hub.request('DELETE', `/queues${orderPath(await testOrder(hub))}`),
  },
  {
    operation: 'acknowledgeQueuedOrder',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('DELETE', `/queues${orderPath('Sandbox-0')}`),
  },
  {
    operation: 'getOrderQueueDepth',
    name: 'the depth',
    status: 200,
    send: (hub) => hub.request('GET', '/queues/orders/depth'),
  },
  // Orders.
  {
    operation: 'listOrders',
    name: 'the first page',
    status: 200,
    send: async (hub) => {
      await testOrder(hub);
      return hub.request('GET', '/orders?per_page=5');
    },
  },
  {
    operation: 'listOrders',
    name: 'an unknown filter',
    status: 400,
    send: (hub) => hub.request('GET', '/orders?filters[colour]=red'),
  },
  {
    operation: 'createTestOrder',
    name: "SkyHub's documented body",
    status: 201,
    send: (hub) =>
      hub.request('POST', '/orders', {
        order: {
          channel: 'Marketplace',
          items: [{ id: hub.unique('ORD'), qty: 2, original_price: 9.9, special_price: 8.45 }],
          customer: { name: 'Nome do Comprador', email: 'comprador@exemplo.com.br', phones: ['8899999999'] },
          shipping_address: { street: 'Rua de teste', number: '1234', city: 'Cidade', postcode: '90000000' },
          payments: [{ method: 'skyhub_payment', description: 'Skyhub', parcels: 1, value: 8.45 }],
          shipping_method: 'Transportadora',
          estimated_delivery: '2026-12-20',
          shipping_calculation_type: 'Método do Cálculo',
          shipping_cost: 12.5,
        },
      }),
  },
  {
    operation: 'createTestOrder',
    name: 'no items',
    status: 400,
    send: (hub) => hub.request('POST', '/orders', { order: { items: [] } }),
  },
  {
    operation: 'getOrder',
    name: 'a test order',
    status: 200,
    send: async (hub) => hub.request('GET', orderPath(await testOrder(hub))),
  },
  {
    operation: 'getOrder',
    name: 'a Mercado Livre order (payments, withheld fields, reservations)',
    status: 200,
    send: async (hub) => hub.request('GET', orderPath(await mercadoLivreOrder(hub))),
  },
  {
    operation: 'getOrder',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('GET', orderPath('Sandbox-0')),
  },
  {
    operation: 'getOrderHistory',
    name: 'a test order',
    status: 200,
    send: async (hub) => hub.request('GET', orderPath(await testOrder(hub), '/history')),
  },
  {
    operation: 'getOrderHistory',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('GET', orderPath('Sandbox-0', '/history')),
  },
  {
    operation: 'getOrderRaw',
    name: 'a test order',
    status: 200,
    send: async (hub) => hub.request('GET', orderPath(await testOrder(hub), '/raw')),
  },
  {
    operation: 'getOrderRaw',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('GET', orderPath('Sandbox-0', '/raw')),
  },
  {
    operation: 'markOrderExported',
    name: 'a test order',
    status: 204,
    send: async (hub) => hub.request('PUT', orderPath(await testOrder(hub), '/exported'), { exported: true }),
  },
  {
    operation: 'markOrderExported',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('PUT', orderPath('Sandbox-0', '/exported'), { exported: true }),
  },
  // Settings: reservations stay on (the default), so the other calls see the usual stock.
  {
    operation: 'getOrderSettings',
    name: 'the settings',
    status: 200,
    send: (hub) => hub.request('GET', '/settings/orders'),
  },
  {
    operation: 'updateOrderSettings',
    name: 'reservations on',
    status: 200,
    send: (hub) => hub.request('PUT', '/settings/orders', { settings: { reservations: true } }),
  },
  {
    operation: 'updateOrderSettings',
    name: 'reservations not a boolean',
    status: 400,
    send: (hub) => hub.request('PUT', '/settings/orders', { settings: { reservations: 'yes' } }),
  },
  // The ERP's actions: each on a test order where it is legal, then where it is not.
  {
    operation: 'approveOrder',
    name: 'a new test order',
    status: 200,
    send: async (hub) => act(hub, await orderAt(hub, 'NEW'), ['approval', { status: 'payment_received' }]),
  },
  {
    operation: 'approveOrder',
    name: "a marketplace's order (approved by the marketplace only)",
    status: 422,
    send: async (hub) => act(hub, await mercadoLivreOrder(hub), approval),
  },
  {
    operation: 'approveOrder',
    name: 'a cancelled order',
    status: 422,
    send: async (hub) => act(hub, await orderAt(hub, 'NEW'), ['cancel'], approval),
  },
  {
    operation: 'approveOrder',
    name: 'an unknown code',
    status: 404,
    send: (hub) => act(hub, 'Sandbox-0', approval),
  },
  {
    operation: 'approveOrder',
    name: 'a status that is not a string',
    status: 400,
    send: async (hub) => act(hub, await orderAt(hub, 'NEW'), ['approval', { status: 7 }]),
  },
  {
    operation: 'invoiceOrder',
    name: 'an approved order',
    status: 200,
    send: async (hub) => {
      const code = await orderAt(hub, 'APPROVED');
      return act(hub, code, [
        'invoice',
        { status: 'order_invoiced', invoice: { key: nfeKey(code), number: '1' } },
      ]);
    },
  },
  {
    operation: 'invoiceOrder',
    name: 'an NF-e key with a wrong check digit',
    status: 422,
    send: async (hub) => {
      const code = await orderAt(hub, 'APPROVED');
      const key = nfeKey(code);
      return act(hub, code, [
        'invoice',
        { invoice: { key: `${key.slice(0, 43)}${(Number(key[43]) + 1) % 10}` } },
      ]);
    },
  },
  {
    operation: 'invoiceOrder',
    name: 'a new order (not approved yet)',
    status: 422,
    send: async (hub) => {
      const code = await orderAt(hub, 'NEW');
      return act(hub, code, invoice(code));
    },
  },
  {
    operation: 'invoiceOrder',
    name: 'no invoice',
    status: 400,
    send: async (hub) => act(hub, await orderAt(hub, 'APPROVED'), ['invoice', { status: 'order_invoiced' }]),
  },
  {
    operation: 'invoiceOrder',
    name: 'an unknown code',
    status: 404,
    send: (hub) => act(hub, 'Sandbox-0', invoice('Sandbox-0')),
  },
  {
    operation: 'shipOrder',
    name: 'an invoiced order (items beside the shipment, as the SDK sends them)',
    status: 200,
    send: async (hub) =>
      act(hub, await orderAt(hub, 'INVOICED'), [
        'shipments',
        {
          status: 'order_shipped',
          items: [{ sku: 'X', qty: 1 }],
          shipment: {
            code: 'PKG-1',
            track: { code: 'BR2', carrier: 'Correios', method: 'PAC', url: 'https://r/BR2' },
          },
        },
      ]),
  },
  {
    operation: 'shipOrder',
    name: 'an approved order (not invoiced yet)',
    status: 422,
    send: async (hub) => act(hub, await orderAt(hub, 'APPROVED'), shipment),
  },
  {
    operation: 'shipOrder',
    name: 'an unknown status',
    status: 422,
    send: async (hub) =>
      act(hub, await orderAt(hub, 'INVOICED'), ['shipments', { status: 'no_such_status', shipment: {} }]),
  },
  {
    operation: 'shipOrder',
    name: 'no shipment',
    status: 400,
    send: async (hub) => act(hub, await orderAt(hub, 'INVOICED'), ['shipments', {}]),
  },
  {
    operation: 'deliverOrder',
    name: 'a shipped order',
    status: 200,
    send: async (hub) =>
      act(hub, await orderAt(hub, 'SHIPPED'), [
        'delivery',
        { status: 'complete', delivered_date: '2026-02-01' },
      ]),
  },
  {
    operation: 'deliverOrder',
    name: 'an invoiced order (not shipped yet)',
    status: 422,
    send: async (hub) => act(hub, await orderAt(hub, 'INVOICED'), ['delivery', {}]),
  },
  {
    operation: 'deliverOrder',
    name: 'a delivered_date that is no date',
    status: 400,
    send: async (hub) => act(hub, await orderAt(hub, 'SHIPPED'), ['delivery', { delivered_date: 'soon' }]),
  },
  {
    operation: 'cancelOrder',
    name: 'an approved order, with no body (as the SDK posts it)',
    status: 200,
    send: async (hub) => act(hub, await orderAt(hub, 'APPROVED'), ['cancel']),
  },
  {
    operation: 'cancelOrder',
    name: 'a shipped order',
    status: 422,
    send: async (hub) => act(hub, await orderAt(hub, 'SHIPPED'), ['cancel', { reason: 'late' }]),
  },
  {
    operation: 'cancelOrder',
    name: 'an unknown code',
    status: 404,
    send: (hub) => act(hub, 'Sandbox-0', ['cancel']),
  },
  {
    operation: 'reportShipmentException',
    name: 'a shipped order',
    status: 200,
    send: async (hub) =>
      act(hub, await orderAt(hub, 'SHIPPED'), [
        'shipment_exception',
        { shipment_exception: { occurrence_date: '2026-02-01T10:00:00-03:00', observation: 'Ausente' } },
      ]),
  },
  {
    operation: 'reportShipmentException',
    name: 'an invoiced order (not shipped yet)',
    status: 422,
    send: async (hub) => act(hub, await orderAt(hub, 'INVOICED'), ['shipment_exception', {}]),
  },
  // Mercado Livre's callback: 200 to anything JSON, so no topic ever counts as a failure.
  {
    operation: 'receiveMercadoLivreNotification',
    name: 'an order of a seller no account has',
    status: 200,
    send: (hub) =>
      notify(hub, { resource: '/orders/2000009999', user_id: 1, topic: 'orders_v2', attempts: 1 }),
  },
  {
    operation: 'receiveMercadoLivreNotification',
    name: 'a topic Cais does not use',
    status: 200,
    send: (hub) => notify(hub, { resource: '/questions/1', user_id: 1, topic: 'questions' }),
  },
  {
    operation: 'receiveMercadoLivreNotification',
    name: 'a body that is not JSON',
    status: 415,
    send: (hub) => notify(hub, {}, { 'content-type': 'application/xml' }),
  },
];
