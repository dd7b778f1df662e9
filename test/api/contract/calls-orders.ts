/**
 * Calls exercising the operations of the order queue, orders, order settings, order status actions, marketplace order notifications: see harness.ts.
 */
import type { ContractCall, Hub } from './harness.ts';

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
];

/**
 * Operations ("METHOD /path") no call exercises yet; live-responses.test.ts accepts them missing
 * an operationId or a success call only while they are listed here. To be emptied.
 */
export const pending: string[] = [
  'POST /notifications/mercadolivre',
  'POST /orders/{code}/invoice',
  'POST /orders/{code}/shipments',
  'POST /orders/{code}/delivery',
  'POST /orders/{code}/cancel',
  'POST /orders/{code}/shipment_exception',
  'POST /orders/{code}/approval',
];
