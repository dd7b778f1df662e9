import type { Bucket, BucketHolder } from '../core/rate-limit.ts';
import { ML_SITE } from './facts.ts';

/** An application registered on ML's developer portal. Its `client_id` is also its app id. */
export interface MlApp extends BucketHolder {
  readonly clientId: string;
  secret: string;
  /** Empty: any redirect_uri is accepted (sandbox convenience); else it must match one exactly. */
  redirectUris: string[];
  /** Where notifications are POSTed; null: none are sent. */
  callbackUrl: string | null;
  topics: Set<string>;
  /** PKCE required on the consent call. */
  pkce: boolean;
}

/** A warehouse of a multi-origin seller (M1). */
export interface MlStoreLocation {
  readonly id: string;
  readonly network_node_id: string;
}

export interface MlSeller {
  readonly id: number;
  nickname: string;
  tags: string[];
  /** Warehouses (`GET /users/{id}/stores/search?tags=stock_location`); multi-origin sellers only. */
  stores: MlStoreLocation[];
}

/** One location of a User Product's stock, as `GET /user-products/{id}/stock` lists it. */
export interface MlStockLocation {
  type: 'seller_warehouse' | 'selling_address' | 'meli_facility';
  store_id?: string;
  network_node_id?: string;
  quantity: number;
}

/** A User Product's distributed stock (M1); `version` is the `x-version` header. */
export interface MlUserProductStock {
  readonly id: string;
  readonly sellerId: number;
  version: number;
  locations: MlStockLocation[];
}

export interface MlAttribute {
  id: string;
  name: string;
  value_id: string | null;
  value_name: string | null;
}

export interface MlVariation {
  id: number;
  price: number;
  available_quantity: number;
  sold_quantity: number;
  attribute_combinations: MlAttribute[];
  attributes: MlAttribute[];
  seller_custom_field: string | null;
  picture_ids: string[];
  user_product_id: string | null;
}

/** An item exactly as `GET /items/{id}` returns it: served as is, so no internal fields here. */
export interface MlItem {
  id: string;
  site_id: string;
  title: string;
  seller_id: number;
  category_id: string;
  price: number;
  base_price: number;
  original_price: number | null;
  currency_id: string;
  initial_quantity: number;
  available_quantity: number;
  sold_quantity: number;
  buying_mode: string;
  listing_type_id: string;
  condition: string;
  permalink: string;
  thumbnail: string;
  pictures: unknown[];
  status: string;
  sub_status: string[];
  tags: string[];
  seller_custom_field: string | null;
  attributes: MlAttribute[];
  variations: MlVariation[];
  shipping: { mode: string; logistic_type: string; free_shipping: boolean };
  user_product_id: string | null;
  inventory_id: string | null;
  /** M2: what groups the items of one product of a User Products seller; null otherwise. */
  family_name: string | null;
  date_created: string;
  last_updated: string;
}

export interface MlPromotion {
  readonly dealPrice: number;
  readonly topDealPrice: number | null;
  readonly startMs: number;
  readonly finishMs: number;
  readonly id: string;
}

export interface MlOrderItem {
  item: {
    id: string;
    title: string;
    variation_id: number | null;
    seller_sku: string | null;
    category_id: string;
  };
  quantity: number;
  unit_price: number;
  full_unit_price: number;
  currency_id: string;
}

export interface MlOrder {
  id: number;
  status: string;
  status_detail: string | null;
  date_created: string;
  date_closed: string | null;
  last_updated: string;
  date_last_updated: string;
  pack_id: number | null;
  order_items: MlOrderItem[];
  total_amount: number;
  paid_amount: number;
  currency_id: string;
  buyer: { id: number; nickname: string };
  seller: { id: number };
  payments: Array<{ id: number; status: string; transaction_amount: number; currency_id: string }>;
  shipping: { id: number | null };
  tags: string[];
}

export interface MlShipment {
  id: number;
  order_id: number;
  seller_id: number;
  status: string;
  substatus: string | null;
  logistic_type: string;
  tracking_number: string | null;
  tracking_method: string | null;
  invoice: Record<string, unknown> | null;
  date_created: string;
  last_updated: string;
}

export function newApp(clientId: string, secret: string): MlApp {
  return {
    clientId,
    secret,
    redirectUris: [],
    callbackUrl: null,
    topics: new Set(['orders_v2', 'items', 'shipments']),
    pkce: false,
    buckets: new Map<string, Bucket>(),
  };
}

let lastDateMs = Number.NaN;
let lastDate = '';

/**
 * ML shows local Brazilian time with its offset: `2026-05-01T10:00:00.000-03:00`. Memoised on
 * the millisecond: a write burst formats the same instant thousands of times.
 */
export function mlDate(ms: number): string {
  if (ms !== lastDateMs) {
    lastDateMs = ms;
    lastDate = `${new Date(ms + ML_SITE.offsetMs).toISOString().slice(0, -1)}${ML_SITE.utcOffset}`;
  }
  return lastDate;
}

export function sellerSkuAttribute(sku: string): MlAttribute {
  return { id: 'SELLER_SKU', name: 'SKU', value_id: null, value_name: sku };
}

export function skuOf(attributes: readonly MlAttribute[], customField: string | null): string | null {
  const attribute = attributes.find((entry) => entry.id === 'SELLER_SKU');
  return attribute?.value_name ?? customField;
}

/** Items with variations show the sum of their stock and their lowest price [unverified]. */
export function rollUpVariations(item: MlItem): void {
  if (item.variations.length === 0) return;
  let stock = 0;
  let price = Number.POSITIVE_INFINITY;
  for (const variation of item.variations) {
    stock += variation.available_quantity;
    if (variation.price < price) price = variation.price;
  }
  item.available_quantity = stock;
  item.price = price;
  item.base_price = price;
}
