/**
 * What the Amazon adapter assumes about the Selling Partner API, each with its provenance from
 * shared/reference/marketplaces.md §3: [SPM] the published models
 * (amzn/selling-partner-api-models), [doc] developer-docs.amazon.com, [2nd] integrators quoting
 * the docs, [unverified] Cais's own choice. Correct a fact here and the adapter follows.
 */
import type { Operation, Rate } from '../adapter.ts';

export const AM_HOSTS = {
  /** [SPM] Brazil is served by the North America region. */
  api: 'https://sellingpartnerapi-na.amazon.com',
  /** [doc] Login with Amazon's token endpoint (EU: api.amazon.co.uk, FE: api.amazon.co.jp). */
  lwa: 'https://api.amazon.com',
  /** [doc] the seller's consent page (website authorisation workflow) for Amazon.com.br. */
  sellerCentral: 'https://sellercentral.amazon.com.br',
} as const;

/** [doc] Amazon.com.br, in BRL: the marketplace a connection sells on unless `extra.marketplaceId` says otherwise. */
export const AM_MARKETPLACE = { id: 'A2Q3Y263D00KWC', currency: 'BRL', language: 'pt_BR' } as const;

/**
 * [unverified] The productType a PATCH or feed message names when the connection sets none
 * (`extra.productType`): Amazon's offer-only updates (quantity, price) accept the generic
 * `PRODUCT`; a seller whose listings need their own type sets it on the connection.
 */
export const AM_PRODUCT_TYPE = 'PRODUCT';

/**
 * [doc: developer-docs "include a User-Agent header"] Every SP-API request carries one, in the
 * `AppName/Version (Language=…; Platform=…)` form Amazon's guide shows, so Amazon's support can
 * tell Cais's calls apart.
 */
export const AM_USER_AGENT = 'Cais/0.1 (Language=TypeScript; Platform=Node.js)';

/** [SPM] The SP-API operations Cais calls, each with its own token bucket at Amazon. */
export type SpOperation =
  | 'tokens.create_rdt'
  | 'orders.address'
  | 'orders.buyer_info'
  | 'listings.get'
  | 'listings.patch'
  | 'feeds.create_document'
  | 'feeds.create'
  | 'feeds.json_listings'
  | 'feeds.get'
  | 'feeds.get_document'
  | 'orders.search'
  | 'orders.get_2026'
  | 'orders.list'
  | 'orders.get'
  | 'orders.items'
  | 'orders.confirm_shipment'
  | 'sellers.participations';

/**
 * [SPM/doc] Default rate (requests per second) and burst per operation, per selling partner and
 * app. A JSON_LISTINGS_FEED waits in two buckets: createFeed's own [SPM feeds_2021-06-30]
 * 0.0083/s burst 15, and the feed type's [doc changelog 2025-05-06, feeds-api-rate-limits]
 * 5 submissions per 5 minutes per region (`feeds.json_listings`, taken before createFeed).
 */
export const AM_OPERATION_RATES: Record<SpOperation, Rate> = {
  'listings.get': { perSecond: 5, burst: 10 },
  'listings.patch': { perSecond: 5, burst: 5 },
  'feeds.create_document': { perSecond: 0.5, burst: 15 },
  'feeds.create': { perSecond: 0.0083, burst: 15 },
  'feeds.json_listings': { perSecond: 5 / 300, burst: 5 },
  'feeds.get': { perSecond: 2, burst: 15 },
  'feeds.get_document': { perSecond: 0.0222, burst: 10 },
  // [SPM orders_2026-01-01] searchOrders 0.0056/20 (a page every 3 minutes, steady), getOrder 0.5/30.
  'orders.search': { perSecond: 0.0056, burst: 20 },
  'orders.get_2026': { perSecond: 0.5, burst: 30 },
  'orders.list': { perSecond: 0.0167, burst: 20 },
  'orders.get': { perSecond: 0.5, burst: 30 },
  'orders.items': { perSecond: 0.5, burst: 30 },
  'orders.confirm_shipment': { perSecond: 2, burst: 10 },
  // [SPM tokens_2021-03-01; ordersV0 getOrderAddress, getOrderBuyerInfo]
  'tokens.create_rdt': { perSecond: 1, burst: 10 },
  'orders.address': { perSecond: 0.5, burst: 30 },
  'orders.buyer_info': { perSecond: 0.5, burst: 30 },
  'sellers.participations': { perSecond: 0.016, burst: 15 },
};

/**
 * The same limits by Cais operation, for `capabilities.rates` (what a run plans with). Stock and
 * price share Amazon's one listings PATCH bucket; `publish` goes through feeds.
 */
export const AM_RATES: Record<Operation, Rate> = {
  auth: { perSecond: 1, burst: 5 },
  stock: AM_OPERATION_RATES['listings.patch'],
  price: AM_OPERATION_RATES['listings.patch'],
  read: AM_OPERATION_RATES['listings.get'],
  // A run plans with the narrower of a feed's two buckets.
  publish: AM_OPERATION_RATES['feeds.json_listings'],
  orders: AM_OPERATION_RATES['orders.list'],
  order_status: AM_OPERATION_RATES['orders.confirm_shipment'],
};

export const AM_FEEDS = {
  /**
   * [unverified] choice: up to this many items a push sends one listings PATCH each (5/s: ten
   * seconds at most, and the value shows within minutes); more go in one JSON_LISTINGS_FEED,
   * which costs one of five submissions per five minutes and takes Amazon minutes to process.
   */
  patchMax: 50,
  /**
   * Items Cais hands one push (`stockBatchSize`/`priceBatchSize`): [SPM] a feed holds up to
   * 25 000 messages, and Amazon allows 5 feeds per 5 minutes, so fuller feeds go further. A push
   * whose document would pass `maxDocumentBytes` is split into feeds sent side by side.
   */
  batchSize: 25_000,
  maxMessages: 25_000,
  /** [doc: feeds-api-best-practices] keep a document under 10 MiB; Cais keeps a margin. */
  maxDocumentBytes: 9 * 1024 * 1024,
  /** [SPM] the feed type for listings, and its document's content type. */
  feedType: 'JSON_LISTINGS_FEED',
  contentType: 'application/json; charset=UTF-8',
  /** [SPM] the JSON_LISTINGS_FEED header version. */
  version: '2.0',
  /**
   * How a push waits for its feed (see feeds.ts): getFeed polled from `firstPollMs`, each wait
   * 1.5× the last up to `maxPollMs` (getFeed allows 2/s), for at most `deadlineMs`. [unverified]
   * Amazon processes a listings feed in a few minutes; past the deadline the items are reported
   * sent but unconfirmed.
   */
  wait: { firstPollMs: 1_000, maxPollMs: 15_000, deadlineMs: 5 * 60_000 },
} as const;

/** [SPM] The issue severity that blocks a submission; WARNING and INFO do not. */
export const AM_BLOCKING_SEVERITY = 'ERROR';

/**
 * [unverified] A sale price needs a window at Amazon (`discounted_price.schedule` with
 * `start_at` and `end_at`); a Cais promotional price without an end runs this long, and the
 * next price sync renews it.
 */
export const AM_DISCOUNT_DEFAULT_DAYS = 365;

export const AM_ORDERS = {
  /**
   * [SPM orders_2026-01-01 maxResultsPerPage] 1–100. A searchOrders page carries its orders'
   * items (no call per order, as v0's getOrderItems was), and searchOrders allows a page every
   * 3 minutes in steady state (0.0056/s, burst 20): full pages.
   */
  pageSize: 100,
  /**
   * [SPM includedData; doc: orders-api-migration-guide] the data sets an import asks for: the
   * buyer and delivery address (issue 13's recipient; PII by the app's roles), the proceeds (the
   * order's total), the fulfilment status (Cais's status) and the tax registrations (CPF/CNPJ).
   */
  includedData: ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT', 'TAX'],
  /**
   * [SPM ordersV0] the v0 fallback: getOrders pages up to 100, but each order's items cost a
   * getOrderItems call (0.5/s, burst 30). [unverified] choice: 30 per page keeps one page within
   * the items burst.
   */
  v0PageSize: 30,
  /** [SPM] `LastUpdatedBefore` must be at least 2 minutes before now; Cais leaves it out (Amazon then uses now − 2 min). */
  lagMs: 2 * 60_000,
  /** [unverified] the carrier code sent when the ERP names none. */
  defaultCarrier: 'Other',
} as const;

/** Calls in flight at once within one run; Amazon's buckets still apply. [unverified] choice. */
export const AM_CONCURRENCY = 2;

/**
 * Types from the source (issue 11, item 3): the Listings PATCH body and answer
 * (`ListingsItemPatchRequest`, `PatchOperation`, `ListingsItemSubmissionResponse`) and the feed
 * bodies (`CreateFeedDocumentSpecification`, `CreateFeedSpecification`, `FeedDocument`) are typed
 * with `@sp-api-sdk/listings-items-api-2021-08-01` and `@sp-api-sdk/feeds-api-2021-06-30`, the
 * 2026 orders (`SearchOrdersResponse`, `GetOrderResponse`, `Order`) with
 * `@sp-api-sdk/orders-api-2026-01-01` (all generated from amzn/selling-partner-api-models; pure JS, no install scripts), so a wrong field
 * fails `tsc`. Types only (`import type`, erased at run time; devDependencies): their axios client
 * is not used, because Cais's call path (per-operation token buckets, the shared keep-alive agent,
 * retries within the policy, one LWA refresh on a refused token, ChannelError classification) is
 * what keeps the run's guarantees. The JSON_LISTINGS_FEED document has no SDK type: FeedMessage in
 * feeds.ts follows schemas/feeds/listings-feed-schema-v2.json.
 */
export const AM_TYPES_FROM = [
  '@sp-api-sdk/listings-items-api-2021-08-01',
  '@sp-api-sdk/feeds-api-2021-06-30',
  '@sp-api-sdk/orders-api-2026-01-01',
] as const;

/**
 * [unverified: a subset] Amazon's carrier codes (the list the ordersV0 `CarrierCode` description
 * points to) that Brazilian sellers ship with; any other carrier is sent as `Other` + carrierName.
 */
export const AM_CARRIER_CODES: readonly string[] = [
  'Correios',
  'Jadlog',
  'Total Express',
  'Azul Cargo',
  'Loggi',
  'DHL',
  'FedEx',
  'UPS',
  'TNT',
];
