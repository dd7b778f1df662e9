/**
 * The order bodies of the seller API (reference §2.3–2.5): SkyHub's order shape with Cais's
 * extras under `cais`, its status history, the queue's depth, the order settings and the
 * marketplace callback's answer. A pure module (TypeBox only) so the console derives its types
 * from it with `Static<typeof …>`.
 *
 * Timestamps Cais writes itself are `date-time`; dates a marketplace or the ERP gave as text
 * (`approved_date`, a payment's `transaction_date`, a test order's `estimated_delivery`) are
 * plain strings, passed on as given.
 */
import { type TSchema, Type } from 'typebox';
import { StatusTypeCode } from './catalog.ts';
import { OrderSyncError } from './sync-errors.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const GivenDate = (description: string) => Type.String({ description });

export const StatusType = StatusTypeCode;

export const OrderStatus = Type.Object({
  code: Type.String({ description: 'A status code of the account (GET /statuses)' }),
  label: Type.String(),
  type: StatusType,
});

export const Address = Type.Object({
  full_name: Nullable(Type.String()),
  street: Nullable(Type.String()),
  number: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  complement: Nullable(Type.String()),
  neighborhood: Nullable(Type.String()),
  city: Nullable(Type.String()),
  region: Nullable(Type.String()),
  country: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  secondary_phone: Nullable(Type.String()),
  reference: Nullable(Type.String()),
});

export const OrderItem = Type.Object({
  id: Type.String({ description: 'The SKU (or the marketplace item id when no SKU matched)' }),
  product_id: Type.String(),
  name: Type.String(),
  qty: Type.Number(),
  original_price: Type.Number(),
  special_price: Type.Number(),
  shipping_cost: Type.Number(),
  matched: Type.Optional(Type.Boolean({ description: "Cais: whether `id` is one of the account's SKUs" })),
});

export const Payment = Type.Object({
  method: Type.String(),
  description: Type.String(),
  parcels: Type.Number(),
  value: Type.Number(),
  status: Type.String(),
  transaction_date: Nullable(GivenDate('As the marketplace gave it')),
});

export const Invoice = Type.Object({
  key: Type.String({ description: 'The NF-e access key (44 digits)' }),
  number: Nullable(Type.String()),
  line: Nullable(Type.String()),
  issue_date: Nullable(GivenDate('ISO 8601')),
});

export const Shipment = Type.Object({
  code: Type.String(),
  items: Type.Array(Type.Object({ sku: Type.String(), qty: Type.Number() })),
  tracks: Type.Array(
    Type.Object({ code: Type.String(), carrier: Type.String(), method: Type.String(), url: Type.String() }),
  ),
  delivered_carrier_date: Nullable(GivenDate('ISO 8601')),
});

export const Customer = Type.Object({
  name: Type.String(),
  email: Nullable(Type.String()),
  date_of_birth: Nullable(Type.String()),
  gender: Nullable(Type.String()),
  vat_number: Nullable(Type.String({ description: 'CPF or CNPJ, digits only' })),
  state_registration: Type.Optional(
    Nullable(Type.String({ description: "Cais: a company buyer's inscrição estadual, where offered" })),
  ),
  phones: Type.Array(Type.String()),
});

export const WithheldReason = Type.Union([
  Type.Literal('masked'),
  Type.Literal('restricted'),
  Type.Literal('not_released'),
  Type.Literal('not_provided'),
]);

/** An order sync error, as GET /sync_errors/orders and an order's `cais.sync_errors` show it. */
export { OrderSyncError };

export const Reservation = Type.Object({
  sku: Type.String(),
  qty: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('ended')]),
  acked_at: Nullable(DateTime()),
  ended_at: Nullable(DateTime()),
});

/** What the ERP's action became: relayed to the marketplace, or recorded in Cais only, and why. */
export const RelayNote = Type.Object({
  relayed: Type.Boolean(),
  state: Type.Union([
    Type.Literal('queued'),
    Type.Literal('again'),
    Type.Literal('no'),
    Type.Literal('unchanged'),
  ]),
  reason: Nullable(
    Type.String({
      description: '`marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted`',
    }),
  ),
  note: Nullable(Type.String()),
  note_pt: Nullable(Type.String()),
});

const caisProperties = {
  id: Type.Integer(),
  connection_id: Nullable(Type.Integer({ description: 'null for test orders and deleted connections' })),
  marketplace_order_id: Type.String(),
  marketplace_status: Type.String(),
  unknown_skus: Type.Array(Type.String()),
  queue_deliveries: Type.Integer({ description: 'How many times the queue handed the order out' }),
  acknowledged_at: Nullable(DateTime()),
  sync_errors: Type.Array(OrderSyncError),
};

const orderProperties = {
  code: Type.String({ description: 'SkyHub\'s code: "<channel>-<marketplace id>"' }),
  channel: Type.String(),
  placed_at: DateTime(),
  updated_at: DateTime(),
  approved_date: Nullable(GivenDate('As the marketplace gave it')),
  shipped_date: Nullable(Type.String()),
  delivered_date: Nullable(Type.String()),
  total_ordered: Type.Number(),
  interest: Type.Number(),
  discount: Type.Number(),
  shipping_cost: Type.Number(),
  shipping_method: Nullable(Type.String()),
  shipping_calculation_type: Type.Optional(Nullable(Type.String({ description: 'Test orders' }))),
  calculation_type: Type.Optional(Nullable(Type.String({ description: 'Test orders' }))),
  estimated_delivery: Nullable(GivenDate('ISO 8601 date or date-time')),
  expedition_limit_date: Type.Optional(
    Nullable(DateTime('The date the seller must hand the package over by, where the marketplace gives one')),
  ),
  customer: Customer,
  withheld_fields: Type.Optional(
    Type.Record(Type.String(), WithheldReason, {
      description: 'Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`)',
    }),
  ),
  shipping_address: Address,
  billing_address: Address,
  items: Type.Array(OrderItem),
  payments: Type.Array(Payment),
  invoices: Type.Array(Invoice),
  shipments: Type.Array(Shipment),
  shipment_exception: Nullable(Type.Object({ occurrence_date: Type.String(), observation: Type.String() })),
  import_info: Type.Object({ ss_name: Type.String(), remote_id: Type.String(), remote_code: Type.String() }),
  tags: Type.Array(Type.String()),
  status: OrderStatus,
  imported_at: DateTime(),
  sync_status: Type.Union([Type.Literal('SYNCED'), Type.Literal('NOT_SYNCED')]),
  available_to_sync: Type.Boolean(),
};

/** An order as the ERP reads it (queue, GET /orders, webhooks, a created test order). */
export const Order = Type.Object({ ...orderProperties, cais: Type.Object(caisProperties) });

/** One order (GET /orders/{code}): with the units it holds back from stock. */
export const OrderDetail = Type.Object({
  ...orderProperties,
  cais: Type.Object({ ...caisProperties, reservations: Type.Array(Reservation) }),
});

/** The order after an ERP action (invoice, shipment…): with what became of the action. */
export const OrderAfterAction = Type.Object({
  ...orderProperties,
  cais: Type.Object({ ...caisProperties, relay: RelayNote }),
});

export const OrderList = Type.Object({ total: Type.Integer(), orders: Type.Array(Order) });

export const OrderHistoryEntry = Type.Object({
  status_code: Type.String(),
  status_type: Type.String(),
  marketplace_status: Nullable(Type.String()),
  source: Type.Union([Type.Literal('marketplace'), Type.Literal('erp')]),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  at: DateTime(),
});

export const OrderHistory = Type.Object({ code: Type.String(), history: Type.Array(OrderHistoryEntry) });

export const OrderRaw = Type.Object({
  code: Type.String(),
  channel: Type.String({ description: 'mercadolivre, magalu, amazon, shopee or sandbox' }),
  raw: Type.Unknown({ description: "The marketplace's payload, as it wrote it" }),
});

export const QueueDepth = Type.Object({
  queued: Type.Integer({ description: 'Orders not yet acknowledged' }),
  visible: Type.Integer({ description: 'Of those, the ones the queue would hand out now' }),
});

export const OrderSettings = Type.Object({
  reservations: Type.Boolean({
    description: 'Whether unacknowledged orders hold their units back from stock',
  }),
  queue_visibility_seconds: Type.Integer({ description: 'How long a handed-out order stays hidden' }),
});

export const NotificationReceived = Type.Object({ received: Type.Literal(true) });
