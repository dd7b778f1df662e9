/**
 * What the Magalu adapter assumes about the Magalu Open API, each with its provenance from
 * shared/reference/marketplaces.md §2a: [doc] official page, [2nd] integrators quoting the docs
 * or the published OpenAPI specs, [unverified] Cais's own choice. Correct a fact here and the
 * adapter follows.
 */
import type { Operation, Rate } from '../adapter.ts';

export const MG_HOSTS = {
  /** [doc] the API (sandbox: https://api-sandbox.magalu.com). */
  api: 'https://api.magalu.com',
  /** [doc] ID Magalu: consent at `/login`, tokens at `/oauth/token`. */
  id: 'https://id.magalu.com',
} as const;

/**
 * [doc/2nd] the scopes Cais asks for at consent. G4 [doc: authentication page] they must equal
 * the scopes registered for the app (ID Magalu refuses a consent asking for others), so the app
 * must be registered with exactly these. Invoices are read with `open:order-delivery-seller:read`
 * [doc: get_invoice]; there is no `open:order-invoice-seller:read`.
 */
export const MG_SCOPES = [
  'open:portfolio-skus-seller:read',
  'open:portfolio-skus-seller:write',
  'open:portfolio-prices-seller:read',
  'open:portfolio-prices-seller:write',
  'open:portfolio-stocks-seller:read',
  'open:portfolio-stocks-seller:write',
  'open:order-order-seller:read',
  'open:order-delivery-seller:read',
  'open:order-delivery-seller:write',
] as const;

/**
 * G1 [doc: seller-produtos post_skus] fields a new SKU must carry with at least 1 character;
 * a product without them is refused before any call.
 */
export const MG_SKU_REQUIRED = ['description', 'brand'] as const;

/** [doc] integer amounts with `normalizer: 100` (9980 is R$ 99,80) in BRL. */
export const MG_MONEY = { currency: 'BRL', normalizer: 100 } as const;

/**
 * [doc/2nd] `X-Channel-Id` of the Magalu marketplace, sent on an order's detail and on
 * deliveries; a connection selling elsewhere (or the sandbox, `5f62650a-…`) sets
 * `credentials.extra.channelId`.
 */
export const MG_DEFAULT_CHANNEL = '9fe0d853-732b-4e4a-a0b0-cff988ed043d';

/**
 * Per-connection rates. [2nd: an integrator's table of the published limits, per seller and
 * minute] stocks 650/min to write, prices 650/min to write and 550/min to read, orders 850/min,
 * SKUs 650/min to create. Cais stays under them with a second's worth of burst rather than a
 * minute's, so one run cannot empty the seller's allowance for their other tools.
 */
export const MG_RATES: Record<Operation, Rate> = {
  auth: { perSecond: 1, burst: 5 },
  stock: { perSecond: 10, burst: 20 },
  price: { perSecond: 10, burst: 20 },
  read: { perSecond: 8, burst: 16 },
  publish: { perSecond: 5, burst: 10 },
  orders: { perSecond: 12, burst: 24 },
  order_status: { perSecond: 10, burst: 20 },
};

/** Calls in flight at once within one run; the rates above still apply. [unverified] choice. */
export const MG_CONCURRENCY = 4;

/** [doc] `_limit` up to `meta.page.max_limit`, 100. */
export const MG_PAGE_SIZE = 100;

/**
 * [unverified] The estimated delivery date a shipment notice must carry when the ERP gives none:
 * Magalu's `/shippings` requires one [2nd], SkyHub's shipment has no such field.
 */
export const MG_DEFAULT_DELIVERY_DAYS = 7;

/** [unverified] who the token belongs to: ID Magalu's JWTs are tenant-bound [2nd]; claim names assumed. */
export const MG_TENANT_CLAIMS = ['tenant', 'sub'] as const;
