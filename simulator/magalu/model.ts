import type { BucketHolder } from '../core/rate-limit.ts';

export interface MgApp extends BucketHolder {
  readonly clientId: string;
  secret: string;
  /** Empty: any redirect_uri is accepted (sandbox convenience). */
  redirectUris: string[];
  /** The app's registered scopes: a consent must ask for exactly these (G4). */
  defaultScopes: string[];
}

/** A seller is a tenant: the token is bound to it, no tenant header. */
export interface MgSeller {
  readonly id: string;
  name: string;
  channelIds: string[];
}

/** A SKU as `GET /seller/v1/portfolios/skus` lists it [doc]; price and stock are sub-resources. */
export interface MgSku {
  sku: string;
  title: string;
  description: string;
  brand: string;
  group: { id: string; main_variation: boolean } | null;
  channels: Array<{ id: string }>;
  identifiers: Array<{ type: string; value: string }>;
  status: string;
  /** G3 [2nd] false once `PATCH /skus/{sku}` sent `active: false`: off sale, still in the portfolio. */
  active: boolean;
  url_marketplace: Array<{ channel: string; url: string }>;
  created_at: string;
  updated_at: string;
}

/** What a listing currently shows, in cents; PATCHes land here after the async delay. */
export interface MgListing {
  readonly sellerId: string;
  readonly native: MgSku;
  price: number;
  listPrice: number;
  priceUpdatedAt: string;
  stock: number;
  stockUpdatedAt: string;
  /** PATCHes accepted (202) but not applied yet. */
  pending: number;
  /** G3: whether the price and stock entries were created (POST); until then PATCH is a 404. */
  priceCreated: boolean;
  stockCreated: boolean;
}

export interface MgMoney {
  value: number;
  currency: string;
  normalizer: number;
}

export interface MgDeliveryItem {
  info: { sku: string; name: string };
  quantity: number;
  unit_price: MgMoney;
}

export interface MgInvoice {
  key: string;
  issued_at: string;
  issuer: string | null;
  amount: number;
  status: string;
  channel: { id: string };
  created_at: string;
  updated_at: string;
}

export interface MgHistory {
  status: string;
  created_at: string;
}

export interface MgPhone {
  type: string;
  area_code: string;
  number: string;
}

export interface MgRecipient {
  name: string;
  document_number: string;
  customer_type: string;
  phones: MgPhone[];
  address: {
    zipcode: string;
    street: string;
    number: string;
    complement: string | null;
    district: string;
    city: string;
    state: string;
    country: string;
    reference: string | null;
  };
}

export interface MgDelivery {
  id: string;
  code: string;
  order: { id: string; code: string };
  channel: { id: string };
  status: string;
  items: MgDeliveryItem[];
  shipping: {
    tracking: { code: string | null; url: string | null };
    carrier: { name: string | null };
    /** [unverified] Who receives the package and where (seller-pedidos delivery page, G5). */
    recipient?: MgRecipient;
    /** [unverified] The date the seller must hand the package over by. */
    deadline?: { limit_date: string };
    provider?: { name: string };
  };
  invoices: MgInvoice[];
  purchased_at: string;
  created_at: string;
  updated_at: string;
}

export interface MgOrder {
  id: string;
  code: string;
  channel: { id: string; extras: Record<string, string> };
  status: string;
  created_at: string;
  updated_at: string;
  purchased_at: string;
  approved_at: string | null;
  customer: {
    name: string;
    document_number: string;
    customer_type: string;
    email?: string;
    phones?: MgPhone[];
    state_registration?: string | null;
  };
  payments: Array<{ method: string; status: string; amount: number; currency: string; normalizer: number }>;
  amounts: { total: number; freight: number; discount: number; currency: string; normalizer: number };
  deliveries: MgDelivery[];
}

let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 UTC, memoised on the millisecond: a write burst stamps the same instant many times. */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
