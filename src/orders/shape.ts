/**
 * A marketplace's order in SkyHub's order shape (reference §2.3). The adapter reports the
 * common part (ChannelOrder); what only one marketplace's payload holds (payments, deliveries,
 * invoices) is read from its raw payload in channel-shapes.ts. `status` and `sync_status` are
 * added when an order is presented, from the row's current state.
 */
import type { ChannelAddress, ChannelOrder, WithheldReason } from '../channels/adapter.ts';
import { marketplaceDetails } from './channel-shapes.ts';
import type { StatusType } from './statuses.ts';

/** SkyHub's address; a field the marketplace did not give is null, never "" (see withheld_fields). */
export interface SkyHubAddress {
  full_name: string | null;
  street: string | null;
  number: string | null;
  detail: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  postcode: string | null;
  phone: string | null;
  secondary_phone: string | null;
  reference: string | null;
}

export interface SkyHubItem {
  id: string;
  product_id: string;
  name: string;
  qty: number;
  original_price: number;
  special_price: number;
  shipping_cost: number;
  /** Cais: whether `id` is one of the account's SKUs (false: the marketplace's SKU, unknown here). */
  matched?: boolean;
}

export interface SkyHubPayment {
  method: string;
  description: string;
  parcels: number;
  value: number;
  status: string;
  transaction_date: string | null;
}

export interface SkyHubInvoice {
  key: string;
  number: string | null;
  line: string | null;
  issue_date: string | null;
}

export interface SkyHubShipment {
  code: string;
  items: { sku: string; qty: number }[];
  tracks: { code: string; carrier: string; method: string; url: string }[];
  delivered_carrier_date: string | null;
}

/** The marketplace's side of an order, as stored in orders.data. */
export interface OrderData {
  code: string;
  channel: string;
  placed_at: string;
  updated_at: string;
  approved_date: string | null;
  shipped_date: string | null;
  delivered_date: string | null;
  total_ordered: number;
  interest: number;
  discount: number;
  shipping_cost: number;
  shipping_method: string | null;
  estimated_delivery: string | null;
  /** The date the seller must hand the package over by, where the marketplace gives one. */
  expedition_limit_date?: string | null;
  customer: {
    name: string;
    email: string | null;
    date_of_birth: string | null;
    gender: string | null;
    vat_number: string | null;
    /** Cais: a company buyer's state registration (inscrição estadual), where offered. */
    state_registration?: string | null;
    phones: string[];
  };
  /**
   * Cais: why each field an ERP needs to invoice or ship is null (`masked`, `restricted`,
   * `not_released`, `not_provided`), keyed by its path, e.g. `shipping_address.street`.
   */
  withheld_fields?: Record<string, WithheldReason>;
  shipping_address: SkyHubAddress;
  billing_address: SkyHubAddress;
  items: SkyHubItem[];
  payments: SkyHubPayment[];
  invoices: SkyHubInvoice[];
  shipments: SkyHubShipment[];
  import_info: { ss_name: string; remote_id: string; remote_code: string };
  tags: string[];
}

export interface NormalisedOrder {
  externalId: string;
  code: string;
  channelLabel: string;
  statusType: StatusType;
  marketplaceStatus: string;
  placedAt: Date;
  updatedAt: Date;
  /** The marketplace's SKU of each item, in data.items order, for matching to the catalog. */
  itemSkus: (string | null)[];
  externalItemIds: string[];
  data: OrderData;
  raw: unknown;
}

/** How a channel's orders are called in SkyHub's `channel` field and in the order code. */
const channelLabels: Record<string, string> = {
  mercadolivre: 'Mercado Livre',
  magalu: 'Magalu',
  amazon: 'Amazon',
  shopee: 'Shopee',
};

export function channelLabel(channel: string): string {
  return channelLabels[channel] ?? channel;
}

/** SkyHub's code: "<channel>-<marketplace id>", e.g. "Mercado Livre-2000001234" (spaces allowed). */
export function orderCode(label: string, marketplaceId: string): string {
  return `${label}-${marketplaceId}`;
}

export function emptyAddress(fullName: string | null = null): SkyHubAddress {
  return {
    full_name: fullName,
    street: null,
    number: null,
    detail: null,
    complement: null,
    neighborhood: null,
    city: null,
    region: null,
    country: null,
    postcode: null,
    phone: null,
    secondary_phone: null,
    reference: null,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function normaliseOrder(channel: string, order: ChannelOrder): NormalisedOrder {
  const label = channelLabel(channel);
  const details = marketplaceDetails(channel, order);
  const code = orderCode(label, details.displayId ?? order.externalId);
  const withheld: Record<string, WithheldReason> = { ...order.withheld };
  const recipient = order.recipient ?? legacyAddress(order.shippingAddress);
  const shipping = addressFrom(recipient, order.buyer.name);
  const billing = order.billingAddress
    ? addressFrom(order.billingAddress, order.buyer.name)
    : { ...shipping };
  const customer = {
    name: order.buyer.name,
    email: present(order.buyer.email),
    date_of_birth: null,
    gender: null,
    vat_number: digits(order.buyer.document),
    state_registration: present(order.buyer.stateRegistration),
    phones: [order.buyer.phone, recipient?.phone].map(present).filter((p): p is string => p !== null),
  };
  markAbsent(withheld, 'shipping_address', shipping, recipient);
  markAbsent(withheld, 'billing_address', billing, order.billingAddress ?? recipient);
  markAbsent(withheld, 'customer', customer, order.buyer);
  const items: SkyHubItem[] = order.items.map((item) => ({
    id: item.sku ?? item.externalItemId,
    product_id: item.sku ?? item.externalItemId,
    name: item.name,
    qty: item.qty,
    original_price: round2(item.originalPrice ?? item.unitPrice),
    special_price: round2(item.unitPrice),
    shipping_cost: round2(item.shippingCost ?? 0),
  }));
  const data: OrderData = {
    code,
    channel: label,
    placed_at: order.placedAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    approved_date: null,
    shipped_date: null,
    delivered_date: null,
    total_ordered: round2(order.total),
    interest: 0,
    discount: round2(order.discount ?? 0),
    shipping_cost: round2(order.freight ?? 0),
    shipping_method: order.shippingMethod ?? null,
    estimated_delivery: order.estimatedDelivery?.toISOString() ?? null,
    expedition_limit_date: order.shippingDeadline?.toISOString() ?? null,
    customer,
    shipping_address: shipping,
    billing_address: billing,
    items,
    payments: [],
    invoices: [],
    shipments: [],
    import_info: { ss_name: 'Cais', remote_id: order.externalId, remote_code: code },
    tags: [],
    ...details.data,
    withheld_fields: withheld,
  };
  return {
    externalId: order.externalId,
    code,
    channelLabel: label,
    statusType: details.statusType,
    marketplaceStatus: details.marketplaceStatus ?? order.status,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
    itemSkus: order.items.map((i) => i.sku),
    externalItemIds: order.items.map((i) => i.externalItemId),
    data,
    raw: order.raw,
  };
}

/** A marketplace's mask ("****", "C****** T****") is no data: it is withheld, not a value. */
const MASK = /\*{3,}/;

function isMasked(value: unknown): boolean {
  return typeof value === 'string' && MASK.test(value);
}

/** A value as the ERP should see it: null when absent, empty or masked, never "". */
function present(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || MASK.test(trimmed) ? null : trimmed;
}

function digits(value: string | null | undefined): string | null {
  const text = present(value);
  if (text === null) return null;
  const only = text.replace(/\D/g, '');
  return only === '' ? null : only;
}

const addressKeys: Record<keyof ChannelAddress, keyof SkyHubAddress> = {
  fullName: 'full_name',
  street: 'street',
  number: 'number',
  complement: 'complement',
  neighborhood: 'neighborhood',
  city: 'city',
  region: 'region',
  postcode: 'postcode',
  country: 'country',
  phone: 'phone',
  reference: 'reference',
};

function addressFrom(fields: ChannelAddress | undefined, buyerName: string): SkyHubAddress {
  const address = emptyAddress(present(buyerName));
  if (!fields) return address;
  for (const [from, to] of Object.entries(addressKeys) as [keyof ChannelAddress, keyof SkyHubAddress][]) {
    const value = present(fields[from]);
    if (value !== null || from === 'fullName') address[to] = value ?? address[to];
  }
  if (address.postcode !== null) address.postcode = address.postcode.replace(/\D/g, '') || null;
  return address;
}

/** The fields an ERP needs to issue the NF-e and the label: each null one gets a reason. */
const needed = {
  shipping_address: ['full_name', 'street', 'number', 'neighborhood', 'city', 'region', 'postcode', 'phone'],
  billing_address: ['full_name', 'street', 'number', 'neighborhood', 'city', 'region', 'postcode'],
  customer: ['name', 'email', 'vat_number'],
} as const;

const sourceKey: Record<string, string> = {
  full_name: 'fullName',
  vat_number: 'document',
  name: 'name',
};

function markAbsent(
  withheld: Record<string, WithheldReason>,
  section: keyof typeof needed,
  value: object,
  source: object | undefined,
): void {
  const values = value as Record<string, unknown>;
  const raw = (source ?? {}) as Record<string, unknown>;
  for (const field of needed[section]) {
    const path = `${section}.${field}`;
    if (values[field] !== null && values[field] !== '') {
      delete withheld[path];
      continue;
    }
    if (withheld[path] !== undefined) continue;
    withheld[path] = isMasked(raw[sourceKey[field] ?? field]) ? 'masked' : 'not_provided';
  }
}

/** Adapters that still report SkyHub-named flat fields (`street`, `postcode`...). */
function legacyAddress(fields: Record<string, string> | undefined): ChannelAddress | undefined {
  if (!fields) return undefined;
  return {
    fullName: fields.full_name,
    street: fields.street,
    number: fields.number,
    complement: fields.complement,
    neighborhood: fields.neighborhood,
    city: fields.city,
    region: fields.region,
    postcode: fields.postcode,
    country: fields.country,
    phone: fields.phone,
    reference: fields.reference,
  };
}
