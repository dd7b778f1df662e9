/**
 * What the Mercado Livre adapter assumes about the real API, each with its provenance from
 * shared/reference/marketplaces.md §1: [doc] official page, [2nd] integrators quoting the docs,
 * [unverified] widely known or Cais's own choice. Correct a fact here and the adapter follows.
 */
import type { Operation, Rate } from '../adapter.ts';

export const ML_HOSTS = {
  /** [doc] the API; also serves `POST /oauth/token`. */
  api: 'https://api.mercadolibre.com',
  /** [doc] Brazil's consent page: `/authorization?response_type=code&client_id&redirect_uri&state`. */
  auth: 'https://auth.mercadolivre.com.br',
} as const;

/**
 * Cais's own per-connection rates. [doc] ML publishes no number: limits are enforced per app
 * (client_id) and endpoint, and `GET /applications/{app_id}` shows `max_requests_per_hour`.
 * [unverified] these figures stay well under what integrators report, and several connections
 * share one app, so they are a ceiling per seller, not a promise from ML. Benchmarks against the
 * simulator's "no limits" mode pass their own rates to `createMercadoLivreAdapter`.
 */
export const ML_RATES: Record<Operation, Rate> = {
  auth: { perSecond: 1, burst: 5 },
  stock: { perSecond: 10, burst: 20 },
  price: { perSecond: 10, burst: 20 },
  read: { perSecond: 20, burst: 40 },
  publish: { perSecond: 2, burst: 5 },
  orders: { perSecond: 5, burst: 10 },
  order_status: { perSecond: 5, burst: 10 },
};

/** Calls in flight at once within one run; the rates above still apply. [unverified] choice. */
export const ML_CONCURRENCY = 4;

export const ML_ORDERS = {
  /** [2nd] `/orders/search` answers 50 per page by default. */
  pageSize: 50,
  /** [2nd] one integrator saw offsets capped near 10 000; past it Cais narrows by date_created. */
  maxOffset: 10_000,
} as const;

export const ML_PROMOTIONS = {
  /** [2nd] a seller discount (`PRICE_DISCOUNT`) lasts at most 14 days. */
  maxDays: 14,
  type: 'PRICE_DISCOUNT',
  /** [2nd] every seller-promotions call carries `app_version=v2`. */
  appVersion: 'v2',
} as const;

/** [doc: importar-nota-fiscal, 2026-06-08] logistic types whose label the seller's NF-e XML releases (`POST /shipments/{id}/invoice_data`, M3). */
export const ML_INVOICE_LOGISTICS: readonly string[] = [
  'drop_off',
  'cross_docking',
  'xd_drop_off',
  'xd_same_day',
];

/** Brazil. [doc] MLB site, BRL decimal prices. */
export const ML_SITE = { id: 'MLB', currency: 'BRL' } as const;

/** [unverified] defaults of a classic listing published by Cais: fixed price, mid exposure, new. */
export const ML_PUBLISH = {
  buyingMode: 'buy_it_now',
  listingType: 'gold_special',
  condition: 'new',
} as const;

/** [2nd] the attribute that carries the seller's SKU on an item or a variation. */
export const ML_SKU_ATTRIBUTE = 'SELLER_SKU';

/**
 * The seller's model, from the tags of `GET /users/me`.
 * M1 [doc: estoque-multi-origem] `warehouse_management`: stock per warehouse at
 * `PUT /user-products/{id}/stock/type/seller_warehouse` under the `x-version` of
 * `GET /user-products/{id}/stock` (400 "Missing X-Version header", 409 "Version mismatch": read
 * again and retry); `available_quantity` on `/items` "will be ignored or return an error".
 * M2 [doc: preco-por-variacao, user-products; BR since 2025-02] `user_product_seller`: no
 * `variations[]`, each variation an item of its own grouped by `family_name`, no `title`.
 * [unverified] ttlMs: Cais's choice, how long a process trusts the tags it read.
 */
export const ML_SELLER_KIND = {
  userProductsTag: 'user_product_seller',
  multiOriginTag: 'warehouse_management',
  ttlMs: 10 * 60_000,
} as const;

export const ML_MULTI_ORIGIN = {
  versionHeader: 'x-version',
  /** The only location type a seller writes (meli_facility is Full's; selling_address is MLA/MLC). */
  writableType: 'seller_warehouse',
  /** [unverified] reads and writes tried before a conflicting writer is reported as transient. */
  versionAttempts: 3,
} as const;

/**
 * M5 [2nd: integrators quoting the doc "variações"] a variation's `attribute_combinations[].id`
 * is an attribute id of its category (`GET /categories/{id}/attributes`, tagged
 * `allow_variations`), e.g. SIZE, COLOR: the ERP's names ("Tamanho", "cor") are mapped to them by
 * id or by ML's name, ignoring case and accents; one that matches none is refused.
 * [unverified] ttlMs: how long a process keeps a category's attributes.
 */
export const ML_CATEGORY_ATTRIBUTES = { ttlMs: 60 * 60_000 } as const;
