/**
 * Magalu Open API facts the simulator depends on, with provenance from
 * shared/reference/marketplaces.md §2a. [doc] official page; [2nd] integrators quoting the docs
 * (several quote the published OpenAPI specs); [unverified] a simulator choice. Correct them here.
 */
import type { LimitTable } from '../core/rate-limit.ts';

const DAY_MS = 86_400_000;

export const MG_AUTH = {
  /** [2nd] access tokens live ≈ 7200 s. */
  accessTtlMs: 7_200_000,
  /** [unverified] refresh-token lifetime (rotates on every use [2nd]). */
  refreshTtlMs: 30 * DAY_MS,
  /** [2nd] a code is single-use and valid 10 minutes. */
  codeTtlMs: 10 * 60_000,
  /** [2nd] ID Magalu runs Doorkeeper: token errors are RFC 6749 `{error, error_description}`. */
  invalidGrantDescription:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalidClientDescription:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  /** [2nd] the gateway's 401 carries this header with the reason. */
  authErrorHeader: 'x-authorization-error',
} as const;

/** [doc/2nd] Scopes; a token holds the app's default scopes plus those asked at consent. */
export const MG_SCOPES = {
  skusRead: 'open:portfolio-skus-seller:read',
  skusWrite: 'open:portfolio-skus-seller:write',
  pricesRead: 'open:portfolio-prices-seller:read',
  pricesWrite: 'open:portfolio-prices-seller:write',
  stocksRead: 'open:portfolio-stocks-seller:read',
  stocksWrite: 'open:portfolio-stocks-seller:write',
  ordersRead: 'open:order-order-seller:read',
  deliveriesRead: 'open:order-delivery-seller:read',
  deliveriesWrite: 'open:order-delivery-seller:write',
} as const;

/**
 * G4 [doc: authentication page; get_invoice] invoices are read with
 * `open:order-delivery-seller:read` (there is no `open:order-invoice-seller:read`), and the
 * scopes asked at consent must equal the app's registered scopes: a consent asking for more,
 * fewer or others is refused. [unverified] the refusal's shape: the consent page's 400 with
 * Magalu's error body, naming the scopes that differ.
 */
export const MG_CONSENT = { scopesMustEqualApp: true } as const;

/**
 * G1 [doc: seller-produtos post_skus] `POST /portfolios/skus` requires `description` and `brand`
 * of at least 1 character; an empty string is a 400 naming the field.
 * G3 [2nd: integrators quoting the doc] price and stock are created with `POST` and updated with
 * `PATCH` on `/portfolios/{prices|stocks}/{sku}`, each body carrying `channel: {id}`; a PATCH
 * before the POST is a 404, a second POST a 409 [unverified: the statuses]. Unpublishing is
 * `PATCH /portfolios/skus/{sku}` with `active: false` (202); the SKU stays in the portfolio.
 * [unverified] a channel id the seller does not sell on is a 400 naming `channel.id`.
 */
export const MG_PORTFOLIO = {
  skuRequired: ['description', 'brand'],
  unknownChannelStatus: 400,
} as const;

export const MG_PAGING = {
  /** [doc] `/portfolios/skus`: default 50, `meta.page.max_limit` 100. */
  skusDefaultLimit: 50,
  maxLimit: 100,
  /** [2nd] orders and deliveries default to 20 per page and cap `_offset` at 5000. */
  ordersDefaultLimit: 20,
  maxOffset: 5000,
  /** [unverified] `_limit` above the max is refused (400), not clamped. */
  rejectLimitOverMax: true,
} as const;

/** [doc] integer money: 9980 with normalizer 100 is R$ 99,80. */
export const MG_MONEY = { currency: 'BRL', normalizer: 100 } as const;

/** [doc/2nd] Channel ids: the Magalu marketplace, and the sandbox's. */
export const MG_CHANNELS = {
  magalu: '9fe0d853-732b-4e4a-a0b0-cff988ed043d',
  sandbox: '5f62650a-0039-4d65-9b96-266d498c03bd',
} as const;

export const MG_BEHAVIOUR = {
  /** Simulator choice: how long a 202 PATCH (price, stock) takes to show. */
  applyDelayMs: 200,
  /** Simulator choice: how long an invoice stays `validating`. */
  invoiceValidationMs: 200,
  /**
   * [doc/2nd] `GET /seller/v1/orders/{id}` needs `X-Channel-Id`. One integrator reading the
   * published spec in 2026 found no header parameter at all: flip this if that holds.
   */
  orderNeedsChannelHeader: true,
  /** [2nd] `GET /seller/v1/deliveries` needs `X-Channel-Id`. */
  deliveryListNeedsChannelHeader: true,
  /** [doc] the status a freshly posted invoice answers with; [2nd] GET shows `validating`. */
  invoicePostedStatus: 'awaiting_validation',
  invoiceValidatingStatus: 'validating',
} as const;

/** [doc] order statuses. The order follows its deliveries. */
export const MG_ORDER_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  new: ['approved', 'cancelled'],
  approved: ['finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

/**
 * [doc] delivery statuses; [2nd] order of use from the sandbox: new → approved → invoiced →
 * shipped → delivered, cancelled at any point, frozen in between with no defined exit.
 */
export const MG_DELIVERY_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  new: ['approved', 'cancelled', 'frozen'],
  approved: ['invoiced', 'shipped', 'cancelled', 'frozen'],
  invoiced: ['shipped', 'cancelled', 'frozen'],
  shipped: ['delivered', 'cancelled', 'frozen'],
  frozen: ['approved', 'invoiced', 'shipped', 'delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

/** [2nd] `POST /deliveries/{id}/shippings` needs the delivery `approved` (or already invoiced). */
export const MG_SHIPPING_FROM: readonly string[] = ['approved', 'invoiced'];

/**
 * [2nd: an integrator's table of the published limits] per seller, per minute. Prices are not
 * in that table: products' numbers are used [unverified]. Buckets hold a minute's allowance.
 */
function perMinute(calls: number) {
  return { rate: calls / 60, burst: calls };
}

export const MG_DEFAULT_LIMITS: LimitTable = {
  '*': perMinute(850),
  'oauth.token': { rate: 1, burst: 10 },
  'skus.list': perMinute(550),
  'skus.get': perMinute(550),
  'skus.create': perMinute(650),
  'skus.update': perMinute(650),
  'prices.get': perMinute(550),
  'prices.create': perMinute(650),
  'prices.update': perMinute(650),
  'stocks.get': perMinute(850),
  'stocks.create': perMinute(650),
  'stocks.update': perMinute(650),
  'orders.list': perMinute(850),
  'orders.get': perMinute(850),
  'deliveries.list': perMinute(850),
  'deliveries.get': perMinute(850),
  'deliveries.write': perMinute(850),
  'invoices.list': perMinute(850),
};
