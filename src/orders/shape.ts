/**
 * A marketplace's order in SkyHub's order shape (reference §2.3). The adapter reports the
 * common part (ChannelOrder); what only one marketplace's payload holds (payments, deliveries,
 * invoices) is read from its raw payload in channel-shapes.ts. `status` and `sync_status` are
 * added when an order is presented, from the row's current state.
 */
import type { ChannelOrder } from '../channels/adapter.ts';
import { marketplaceDetails } from './channel-shapes.ts';
import type { StatusType } from './statuses.ts';

export interface SkyHubAddress {
  full_name: string;
  street: string;
  number: string;
  detail: string;
  complement: string;
  neighborhood: string;
  city: string;
  region: string;
  country: string;
  postcode: string;
  phone: string;
  secondary_phone: string;
  reference: string;
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
  customer: {
    name: string;
    email: string;
    date_of_birth: string | null;
    gender: string | null;
    vat_number: string;
    phones: string[];
  };
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

export function emptyAddress(fullName = ''): SkyHubAddress {
  return {
    full_name: fullName,
    street: '',
    number: '',
    detail: '',
    complement: '',
    neighborhood: '',
    city: '',
    region: '',
    country: 'BR',
    postcode: '',
    phone: '',
    secondary_phone: '',
    reference: '',
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function normaliseOrder(channel: string, order: ChannelOrder): NormalisedOrder {
  const label = channelLabel(channel);
  const details = marketplaceDetails(channel, order);
  const code = orderCode(label, details.displayId ?? order.externalId);
  const address = order.shippingAddress ? addressFrom(order.shippingAddress, order.buyer.name) : undefined;
  const items: SkyHubItem[] = order.items.map((item) => ({
    id: item.sku ?? item.externalItemId,
    product_id: item.sku ?? item.externalItemId,
    name: item.name,
    qty: item.qty,
    original_price: round2(item.unitPrice),
    special_price: round2(item.unitPrice),
    shipping_cost: 0,
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
    discount: 0,
    shipping_cost: 0,
    shipping_method: null,
    estimated_delivery: null,
    customer: {
      name: order.buyer.name,
      email: order.buyer.email ?? '',
      date_of_birth: null,
      gender: null,
      vat_number: order.buyer.document ?? '',
      phones: [],
    },
    shipping_address: address ?? emptyAddress(order.buyer.name),
    billing_address: address ?? emptyAddress(order.buyer.name),
    items,
    payments: [],
    invoices: [],
    shipments: [],
    import_info: { ss_name: 'Cais', remote_id: order.externalId, remote_code: code },
    tags: [],
    ...details.data,
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

function addressFrom(fields: Record<string, string>, name: string): SkyHubAddress {
  const base = emptyAddress(name);
  for (const key of Object.keys(base) as (keyof SkyHubAddress)[]) {
    const value = fields[key];
    if (typeof value === 'string') base[key] = value;
  }
  return base;
}
