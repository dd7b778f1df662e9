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

/** [2nd] logistic types whose label the seller's NF-e releases (`POST /shipments/{id}/invoice_data`). */
export const ML_INVOICE_LOGISTICS: readonly string[] = ['drop_off', 'cross_docking', 'xd_drop_off'];

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
