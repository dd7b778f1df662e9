/**
 * The examples /openapi.json shows beside the order bodies, typed by their schemas (so one that
 * no longer fits its body fails tsc). A pure module, like the schemas.
 */
import type { Static } from 'typebox';
import type {
  Order,
  OrderAfterAction,
  OrderDetail,
  OrderHistory,
  OrderList,
  OrderRaw,
  OrderSettings,
  QueueDepth,
} from './orders.ts';

const address = {
  full_name: 'Maria da Silva',
  street: 'Rua Augusta',
  number: '1200',
  detail: null,
  complement: 'Apto 12',
  neighborhood: 'Consolação',
  city: 'São Paulo',
  region: 'SP',
  country: 'BR',
  postcode: '01304001',
  phone: '11987654321',
  secondary_phone: null,
  reference: null,
};

export const orderExample: Static<typeof Order> = {
  code: 'Mercado Livre-2000001234',
  channel: 'Mercado Livre',
  placed_at: '2026-03-02T14:05:00.000Z',
  updated_at: '2026-03-02T14:06:10.000Z',
  approved_date: '2026-03-02T11:05:40.000-03:00',
  shipped_date: null,
  delivered_date: null,
  total_ordered: 99.8,
  interest: 0,
  discount: 0,
  shipping_cost: 0,
  shipping_method: 'Mercado Envios',
  estimated_delivery: null,
  expedition_limit_date: '2026-03-04T02:59:59.000Z',
  customer: {
    name: 'Maria da Silva',
    email: null,
    date_of_birth: null,
    gender: null,
    vat_number: '12345678909',
    state_registration: null,
    phones: ['11987654321'],
  },
  withheld_fields: { 'customer.email': 'masked' },
  shipping_address: address,
  billing_address: address,
  items: [
    {
      id: 'CAM-01',
      product_id: 'CAM-01',
      name: 'Camiseta básica',
      qty: 2,
      original_price: 49.9,
      special_price: 49.9,
      shipping_cost: 0,
      matched: true,
    },
  ],
  payments: [
    {
      method: 'credit_card',
      description: 'visa',
      parcels: 1,
      value: 99.8,
      status: 'approved',
      transaction_date: '2026-03-02T11:05:40.000-03:00',
    },
  ],
  invoices: [],
  shipments: [],
  shipment_exception: null,
  import_info: { ss_name: 'Cais', remote_id: '2000001234', remote_code: 'Mercado Livre-2000001234' },
  tags: [],
  status: { code: 'payment_received', label: 'Aprovado (SkyHub)', type: 'APPROVED' },
  imported_at: '2026-03-02T14:06:12.000Z',
  sync_status: 'NOT_SYNCED',
  available_to_sync: true,
  cais: {
    id: 42,
    connection_id: 7,
    marketplace_order_id: '2000001234',
    marketplace_status: 'paid',
    unknown_skus: [],
    queue_deliveries: 1,
    acknowledged_at: null,
    sync_errors: [],
  },
};

export const orderDetailExample: Static<typeof OrderDetail> = {
  ...orderExample,
  cais: {
    ...orderExample.cais,
    reservations: [{ sku: 'CAM-01', qty: 2, status: 'active', acked_at: null, ended_at: null }],
  },
};

export const invoicedOrderExample: Static<typeof OrderAfterAction> = {
  ...orderExample,
  status: { code: 'order_invoiced', label: 'Pagamento Faturado (SkyHub)', type: 'INVOICED' },
  invoices: [
    {
      key: '35260312345678000199550010000012341000012348',
      number: '1234',
      line: '1',
      issue_date: '2026-03-02T18:30:00.000Z',
    },
  ],
  cais: {
    ...orderExample.cais,
    relay: { relayed: true, state: 'queued', reason: null, note: null, note_pt: null },
  },
};

export const orderListExample: Static<typeof OrderList> = { total: 1, orders: [orderExample] };

export const orderHistoryExample: Static<typeof OrderHistory> = {
  code: orderExample.code,
  history: [
    {
      status_code: 'payment_received',
      status_type: 'APPROVED',
      marketplace_status: 'paid',
      source: 'marketplace',
      detail: null,
      at: '2026-03-02T14:06:12.000Z',
    },
    {
      status_code: 'order_invoiced',
      status_type: 'INVOICED',
      marketplace_status: null,
      source: 'erp',
      detail: { action: 'invoice', invoice: { key: '35260312345678000199550010000012341000012348' } },
      at: '2026-03-02T18:31:02.000Z',
    },
  ],
};

export const orderRawExample: Static<typeof OrderRaw> = {
  code: orderExample.code,
  channel: 'mercadolivre',
  raw: { id: 2000001234, status: 'paid', date_created: '2026-03-02T11:05:00.000-03:00' },
};

export const queueDepthExample: Static<typeof QueueDepth> = { queued: 3, visible: 2 };

export const orderSettingsExample: Static<typeof OrderSettings> = {
  reservations: true,
  queue_visibility_seconds: 300,
};

/** A test order as POST /orders creates it (from the body in testOrderBodyExample). */
export const sandboxOrderExample: Static<typeof Order> = {
  ...orderExample,
  code: 'Sandbox-1772460300000123',
  channel: 'Sandbox',
  approved_date: null,
  expedition_limit_date: null,
  total_ordered: 112.3,
  shipping_cost: 12.5,
  shipping_method: 'Transportadora',
  shipping_calculation_type: null,
  calculation_type: null,
  estimated_delivery: '2026-03-10',
  customer: {
    name: 'Maria da Silva',
    email: 'maria@example.com',
    date_of_birth: null,
    gender: null,
    vat_number: '12345678909',
    phones: [],
  },
  withheld_fields: {},
  shipping_address: { ...address, phone: null },
  payments: [
    {
      method: 'credit_card',
      description: 'credit_card',
      parcels: 1,
      value: 112.3,
      status: 'pending',
      transaction_date: null,
    },
  ],
  import_info: {
    ss_name: 'Cais sandbox',
    remote_id: '1772460300000123',
    remote_code: 'Sandbox-1772460300000123',
  },
  status: { code: 'book_product', label: 'Pagamento Pendente (SkyHub)', type: 'NEW' },
  cais: {
    ...orderExample.cais,
    connection_id: null,
    marketplace_order_id: '1772460300000123',
    marketplace_status: 'new',
    queue_deliveries: 0,
  },
};

const shipment = {
  code: 'PKG-1',
  items: [{ sku: 'CAM-01', qty: 2 }],
  tracks: [
    {
      code: 'BR123456789BR',
      carrier: 'Correios',
      method: 'PAC',
      url: 'https://rastreamento.correios.com.br/',
    },
  ],
  delivered_carrier_date: null,
};
const recordedOnly = {
  relayed: false,
  state: 'no',
  reason: 'marketplace_ships',
  note: 'The marketplace moves this shipment itself (Mercado Envios): recorded in Cais, not sent to the marketplace.',
  note_pt:
    'O próprio marketplace movimenta este envio (Mercado Envios): registrado no Cais, não enviado ao marketplace.',
} as const;

function afterAction(
  status: Static<typeof Order>['status'],
  changes: Partial<Static<typeof Order>>,
  relay: Static<typeof OrderAfterAction>['cais']['relay'] = invoicedOrderExample.cais.relay,
): Static<typeof OrderAfterAction> {
  return { ...invoicedOrderExample, ...changes, status, cais: { ...invoicedOrderExample.cais, relay } };
}

/** The order each action answers, by the action's path segment. */
export const afterActionExamples = {
  invoice: invoicedOrderExample,
  shipments: afterAction(
    { code: 'order_shipped', label: 'Pedido Enviado (SkyHub)', type: 'SHIPPED' },
    { shipped_date: '2026-03-03T12:00:00.000Z', shipments: [shipment] },
    recordedOnly,
  ),
  delivery: afterAction(
    { code: 'complete', label: 'Completo (entregue) (SkyHub)', type: 'DELIVERED' },
    {
      shipped_date: '2026-03-03T12:00:00.000Z',
      delivered_date: '2026-03-06T03:00:00.000Z',
      shipments: [shipment],
    },
    recordedOnly,
  ),
  cancel: afterAction(
    { code: 'order_canceled', label: 'Cancelado (SkyHub)', type: 'CANCELED' },
    { invoices: [] },
  ),
  shipment_exception: afterAction(
    { code: 'shipment_exception', label: 'Exceção de Entrega (SkyHub)', type: 'SHIPMENT_EXCEPTION' },
    {
      shipped_date: '2026-03-03T12:00:00.000Z',
      shipments: [shipment],
      shipment_exception: {
        occurrence_date: '2026-03-05T13:00:00.000Z',
        observation: 'Destinatário ausente',
      },
    },
    { relayed: false, state: 'no', reason: null, note: null, note_pt: null },
  ),
  approval: {
    ...sandboxOrderExample,
    status: { code: 'payment_received', label: 'Aprovado (SkyHub)', type: 'APPROVED' },
    cais: {
      ...sandboxOrderExample.cais,
      relay: { relayed: false, state: 'no', reason: null, note: null, note_pt: null },
    },
  },
} satisfies Record<string, Static<typeof OrderAfterAction>>;
