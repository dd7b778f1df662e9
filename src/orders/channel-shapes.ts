/**
 * What each marketplace's order payload says beyond the adapter's common fields: the status in
 * SkyHub's terms, payments, invoices and shipments. Read defensively: a field a marketplace
 * leaves out becomes an empty value, never an import failure.
 */
import type { ChannelOrder } from '../channels/adapter.ts';
import type { OrderData, SkyHubInvoice, SkyHubPayment, SkyHubShipment } from './shape.ts';
import type { StatusType } from './statuses.ts';

export interface MarketplaceDetails {
  /** The id sellers know the order by, when it is not the adapter's external id (Magalu's code). */
  displayId?: string | undefined;
  statusType: StatusType;
  marketplaceStatus?: string | undefined;
  data: Partial<OrderData>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const child = (v: Json, key: string): Json => (isObject(v[key]) ? (v[key] as Json) : {});
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const number = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function marketplaceDetails(channel: string, order: ChannelOrder): MarketplaceDetails {
  const raw = isObject(order.raw) ? order.raw : {};
  if (channel === 'mercadolivre') return mercadoLivreDetails(raw);
  if (channel === 'magalu') return magaluDetails(raw);
  const table = statusTables[channel];
  return { statusType: table?.[order.status] ?? genericStatus(order.status), data: {} };
}

/**
 * [doc] Amazon OrderStatus and [2nd] Shopee order_status (reference §3, §4), in SkyHub's types.
 * [unverified] choices: a partial shipment or a cancellation request leaves the order approved
 * (the rest still ships, the cancel may be refused); Amazon's Unfulfillable ends it.
 */
const statusTables: Record<string, Record<string, StatusType>> = {
  amazon: {
    PendingAvailability: 'NEW',
    Pending: 'NEW',
    Unshipped: 'APPROVED',
    PartiallyShipped: 'APPROVED',
    Shipped: 'SHIPPED',
    InvoiceUnconfirmed: 'SHIPPED',
    Canceled: 'CANCELED',
    Unfulfillable: 'CANCELED',
    // [SPM orders_2026-01-01 FulfillmentStatus] the same states, in the 2026 API's words.
    PENDING_AVAILABILITY: 'NEW',
    PENDING: 'NEW',
    UNSHIPPED: 'APPROVED',
    PARTIALLY_SHIPPED: 'APPROVED',
    SHIPPED: 'SHIPPED',
    CANCELLED: 'CANCELED',
    UNFULFILLABLE: 'CANCELED',
  },
  shopee: {
    UNPAID: 'NEW',
    READY_TO_SHIP: 'APPROVED',
    INVOICE_PENDING: 'APPROVED',
    PROCESSED: 'APPROVED',
    RETRY_SHIP: 'APPROVED',
    IN_CANCEL: 'APPROVED',
    SHIPPED: 'SHIPPED',
    TO_CONFIRM_RECEIVE: 'SHIPPED',
    COMPLETED: 'DELIVERED',
    TO_RETURN: 'DELIVERED',
    CANCELLED: 'CANCELED',
  },
};

/** For a marketplace without a table: the common words, NEW otherwise. */
export function genericStatus(status: string): StatusType {
  const s = status.toLowerCase();
  if (/cancel/.test(s)) return 'CANCELED';
  if (/deliver|complete|finish/.test(s)) return 'DELIVERED';
  if (/unship|paid|approved|ready/.test(s)) return 'APPROVED';
  if (/ship/.test(s)) return 'SHIPPED';
  return 'NEW';
}

// [doc] ML order statuses (reference §1 Orders). Paid-like statuses are approved; a partial
// refund or a cancellation request does not undo the sale until ML cancels it.
const mlStatus: Record<string, StatusType> = {
  confirmed: 'NEW',
  payment_required: 'NEW',
  payment_in_process: 'NEW',
  partially_paid: 'NEW',
  paid: 'APPROVED',
  partially_refunded: 'APPROVED',
  pending_cancel: 'APPROVED',
  cancelled: 'CANCELED',
  invalid: 'CANCELED',
};

function mercadoLivreDetails(raw: Json): MarketplaceDetails {
  const status = text(raw.status) ?? 'unknown';
  const tags = Array.isArray(raw.tags) ? raw.tags.map(String) : [];
  let statusType = mlStatus[status] ?? 'NEW';
  // Under Mercado Envios ML itself marks the sale delivered (tag `delivered`) [doc: shipments].
  if (statusType === 'APPROVED' && tags.includes('delivered')) statusType = 'DELIVERED';
  const payments: SkyHubPayment[] = objects(raw.payments).map((p) => ({
    method: text(p.payment_type) ?? text(p.payment_method_id) ?? 'mercadopago',
    description: text(p.payment_method_id) ?? 'Mercado Pago',
    parcels: number(p.installments) ?? 1,
    value: round2(number(p.transaction_amount) ?? 0),
    status: text(p.status) ?? '',
    transaction_date: text(p.date_approved) ?? null,
  }));
  const shippingId = text(child(raw, 'shipping').id);
  return {
    statusType,
    marketplaceStatus: tags.includes('delivered') ? `${status}:delivered` : status,
    data: {
      approved_date: statusType === 'NEW' ? null : (text(raw.date_closed) ?? null),
      payments,
      shipping_method: shippingId ? 'Mercado Envios' : null,
    },
  };
}

// [doc] Magalu delivery statuses; an approved order is as far along as its least advanced package.
const mgDeliveryStatus: Record<string, StatusType> = {
  new: 'NEW',
  approved: 'APPROVED',
  frozen: 'APPROVED',
  invoiced: 'INVOICED',
  shipped: 'SHIPPED',
  delivered: 'DELIVERED',
};
const mgProgress: StatusType[] = ['NEW', 'APPROVED', 'INVOICED', 'SHIPPED', 'DELIVERED'];

function magaluStatus(raw: Json, deliveries: Json[]): StatusType {
  const status = text(raw.status) ?? 'new';
  if (status === 'cancelled') return 'CANCELED';
  if (status === 'finished') return 'DELIVERED';
  if (status === 'new') return 'NEW';
  const open = deliveries.map((d) => text(d.status) ?? 'approved').filter((s) => s !== 'cancelled');
  if (open.length === 0) return deliveries.length > 0 ? 'CANCELED' : 'APPROVED';
  const least = Math.min(...open.map((s) => mgProgress.indexOf(mgDeliveryStatus[s] ?? 'APPROVED')));
  return mgProgress[least] ?? 'APPROVED';
}

function magaluDetails(raw: Json): MarketplaceDetails {
  const deliveries = objects(raw.deliveries);
  const amounts = child(raw, 'amounts');
  const normalizer = number(amounts.normalizer) ?? 100;
  const money = (v: unknown, n = normalizer) => round2((number(v) ?? 0) / (n || 100));
  const payments: SkyHubPayment[] = objects(raw.payments).map((p) => ({
    method: text(p.method) ?? '',
    description: text(p.description) ?? text(p.method) ?? '',
    parcels: number(p.installments) ?? 1,
    value: money(p.amount, number(p.normalizer) ?? normalizer),
    status: text(p.status) ?? '',
    transaction_date: null,
  }));
  const invoices: SkyHubInvoice[] = deliveries.flatMap((d) =>
    objects(d.invoices)
      .filter((i) => text(i.status) !== 'invalid')
      .map((i) => ({
        key: text(i.key) ?? '',
        number: null,
        line: null,
        issue_date: text(i.issued_at) ?? null,
      })),
  );
  const shipments: SkyHubShipment[] = deliveries
    .filter((d) => text(child(child(d, 'shipping'), 'tracking').code))
    .map((d) => magaluShipment(d));
  const status = text(raw.status) ?? 'unknown';
  const open = deliveries.map((d) => text(d.status)).filter(Boolean);
  return {
    displayId: text(raw.code),
    statusType: magaluStatus(raw, deliveries),
    marketplaceStatus: status === 'approved' && open.length > 0 ? `${status}:${open.join(',')}` : status,
    data: {
      approved_date: text(raw.approved_at) ?? null,
      payments,
      invoices,
      shipments,
    },
  };
}

function magaluShipment(delivery: Json): SkyHubShipment {
  const shipping = child(delivery, 'shipping');
  const tracking = child(shipping, 'tracking');
  return {
    code: text(delivery.code) ?? text(delivery.id) ?? '',
    items: objects(delivery.items).map((i) => ({
      sku: text(child(i, 'info').sku) ?? '',
      qty: number(i.quantity) ?? 0,
    })),
    tracks: [
      {
        code: text(tracking.code) ?? '',
        carrier: text(child(shipping, 'carrier').name) ?? '',
        method: '',
        url: text(tracking.url) ?? '',
      },
    ],
    delivered_carrier_date: null,
  };
}
