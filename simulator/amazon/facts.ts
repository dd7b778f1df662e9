/**
 * Amazon Selling Partner API facts the simulator depends on, with provenance from
 * shared/reference/marketplaces.md §3. [SPM] the published models (amzn/selling-partner-api-models);
 * [doc] developer-docs.amazon.com; [2nd] integrators quoting docs or observed bodies;
 * [unverified] a simulator choice. Correct them here.
 */
import type { LimitTable } from '../core/rate-limit.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const AM_AUTH = {
  /** [doc] LWA access tokens expire 1 h after issue. */
  accessTtlMs: HOUR_MS,
  /**
   * [2nd] SP-API refresh tokens do not expire and are not rotated: a refresh answers the same
   * refresh token. They die when the seller deauthorises the app. One year here, a simulator bound.
   */
  refreshTtlMs: 365 * DAY_MS,
  /** [doc via 2nd] `spapi_oauth_code` from the website authorisation workflow lives 5 minutes. */
  codeTtlMs: 5 * MINUTE_MS,
  /** [2nd] LWA error bodies are RFC 6749 `{error_description, error}`. */
  invalidGrantDescription: 'The request has an invalid grant parameter : refresh_token',
  invalidCodeDescription: 'The request has an invalid grant parameter : code',
  invalidClientDescription: 'Client authentication failed',
  /** [2nd: amzn/selling-partner-api-models issue #826 and others] a refused token is 403 Unauthorized. */
  deniedMessage: 'Access to requested resource is denied.',
  missingTokenDetails: 'Access token is missing in the request header.',
  expiredTokenDetails: 'The access token you provided has expired.',
  invalidTokenDetails: 'The access token you provided is revoked, malformed or invalid.',
} as const;

/** [2nd] The 429 body: code `QuotaExceeded` [unverified in the reference], no Retry-After documented. */
export const AM_QUOTA_EXCEEDED = {
  code: 'QuotaExceeded',
  message: 'You exceeded your quota for the requested resource.',
} as const;

export interface Marketplace {
  readonly id: string;
  readonly countryCode: string;
  readonly name: string;
  readonly currency: string;
  readonly language: string;
  readonly domain: string;
}

/** [doc] Marketplace ids; Brazil is the default marketplace of every simulated seller. */
export const AM_MARKETPLACES: Readonly<Record<string, Marketplace>> = {
  A2Q3Y263D00KWC: {
    id: 'A2Q3Y263D00KWC',
    countryCode: 'BR',
    name: 'Amazon.com.br',
    currency: 'BRL',
    language: 'pt_BR',
    domain: 'www.amazon.com.br',
  },
  ATVPDKIKX0DER: {
    id: 'ATVPDKIKX0DER',
    countryCode: 'US',
    name: 'Amazon.com',
    currency: 'USD',
    language: 'en_US',
    domain: 'www.amazon.com',
  },
  A1AM78C64UM0Y8: {
    id: 'A1AM78C64UM0Y8',
    countryCode: 'MX',
    name: 'Amazon.com.mx',
    currency: 'MXN',
    language: 'es_MX',
    domain: 'www.amazon.com.mx',
  },
};

export const AM_BRAZIL = 'A2Q3Y263D00KWC';

export const AM_LISTINGS = {
  /** [SPM] `includedData` of GET; `summaries` when absent. */
  includedData: [
    'summaries',
    'attributes',
    'issues',
    'offers',
    'fulfillmentAvailability',
    'procurement',
    'relationships',
    'productTypes',
  ],
  defaultIncludedData: ['summaries'],
  /** [SPM] the patch operations. `merge` was added in June 2025 [doc changelog]. */
  patchOps: ['add', 'replace', 'merge', 'delete'],
  /** [doc] only top-level attributes can be patched. */
  pathPattern: /^\/attributes\/([a-z0-9_]+)$/,
  /**
   * [SPM listingsItems_2021-08-01: the patch responses are 200/400/403/413/415/429/500/503, no
   * 404; Amazon staff in amzn/selling-partner-api-docs#3748] (fidelity A4) a PATCH of a SKU the
   * seller does not have is ACCEPTED and creates an incomplete offer, which carries these
   * missing-attribute issues [unverified: the list] and is not buyable. GET and DELETE answer 404.
   */
  incompleteOfferAttributes: ['item_name', 'brand', 'condition_type'],
  /**
   * [SPM listings-feed-schema-v2 `requirements`] (fidelity A10) a `LISTING` UPDATE carries the
   * product type's facts: these two here [unverified: each real product type lists its own], and
   * the generic `PRODUCT` type has none to give [unverified].
   */
  listingFacts: ['item_name', 'brand'],
  factlessProductType: 'PRODUCT',
  /**
   * [2nd: amzn/selling-partner-api-models #4429] (fidelity A7) a SKU holding `/` or `#` is
   * answered 403 Unauthorized on the Listings Items paths, encoded or not.
   */
  refusedSkuCharacters: /[/#]/,
  refusedSkuDetails: 'The SKU holds a character this operation does not accept in its path.',
  /** Simulator choice: how long an ACCEPTED patch takes to show. Real listings take minutes. */
  applyDelayMs: 1000,
} as const;

/**
 * [unverified] Issue codes. Amazon's are numeric strings; 90220 ("required but not supplied") and
 * 99022 ("not enough values") appear in the SPM processing-report example, the rest are picks.
 */
export const AM_ISSUES = {
  missing: { code: '90220', category: 'MISSING_ATTRIBUTE' },
  notEnoughValues: { code: '99022', category: 'MISSING_ATTRIBUTE' },
  invalidValue: { code: '90244', category: 'INVALID_ATTRIBUTE' },
  invalidPrice: { code: '90111', category: 'INVALID_PRICE' },
  unsupportedPath: { code: '90003', category: 'INVALID_ATTRIBUTE' },
  skuNotFound: { code: '4000001', category: 'INVALID_ATTRIBUTE' },
  /** Rejected after ACCEPTED (the `partial_failure_rate` fault): an asynchronous validation. */
  rejectedLater: { code: '8541', category: 'CONFLICTING_INFORMATION' },
} as const;

export const AM_FEEDS = {
  /** [SPM schemas/feeds/listings-feed-schema-v2.json] `maxItems: 25000` (older copies said 10 000). */
  maxMessages: 25_000,
  /** [SPM] `createFeed.marketplaceIds` holds 1–25 ids. */
  maxMarketplaces: 25,
  /** [doc] presigned upload and download URLs expire after 5 minutes. */
  urlTtlMs: 5 * MINUTE_MS,
  /** [doc: feeds-api-best-practices] keep documents under 10 MiB; accepted up to this here. */
  maxDocumentBytes: 10 * 1024 * 1024,
  /** Feed types the simulator processes; others are refused at createFeed [unverified]. */
  feedTypes: ['JSON_LISTINGS_FEED'],
  /** Simulator choices: how long a feed stays IN_QUEUE, then IN_PROGRESS. Real ones take minutes. */
  queueMs: 1000,
  processingMs: 2000,
  /** [doc] getFeeds default and largest page. */
  listDefaultPageSize: 10,
  listMaxPageSize: 100,
} as const;

export const AM_ORDERS = {
  /** [SPM] `…Before` must be at least 2 minutes before the request; omitted, it is now − 2 min. */
  lagMs: 2 * MINUTE_MS,
  /** [SPM] `MaxResultsPerPage` 1–100, default 100. */
  maxPageSize: 100,
  /** [unverified] order ids in `3-7-7` digits; Brazil's start with 701. */
  idPrefix: '701',
  /** [unverified] ship window after purchase. */
  earliestShipMs: DAY_MS,
  latestShipMs: 2 * DAY_MS,
} as const;

/** [SPM orders_2026-01-01; doc: orders-api-migration-guide] The 2026 Orders API's own facts. */
export const AM_ORDERS_2026 = {
  /** [doc: orders-api-migration-guide] "Token handling with 24-hour expiration". */
  paginationTokenTtlMs: DAY_MS,
  /** [SPM SalesChannel.marketplaceName] Brazil's [unverified: the exact name]. */
  marketplaceName: 'Amazon.com.br',
  /** [SPM FulfillmentStatus] v0 OrderStatus → the 2026 enum (InvoiceUnconfirmed is v0's only). */
  statusOfV0: {
    PendingAvailability: 'PENDING_AVAILABILITY',
    Pending: 'PENDING',
    Unshipped: 'UNSHIPPED',
    PartiallyShipped: 'PARTIALLY_SHIPPED',
    Shipped: 'SHIPPED',
    InvoiceUnconfirmed: 'SHIPPED',
    Canceled: 'CANCELLED',
    Unfulfillable: 'UNFULFILLABLE',
  } as Record<string, string>,
} as const;

/** [SPM] OrderStatus values. */
export const AM_ORDER_STATUSES = [
  'PendingAvailability',
  'Pending',
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'InvoiceUnconfirmed',
  'Canceled',
  'Unfulfillable',
] as const;

/** [unverified] Which status may follow which; Amazon moves orders itself, the control API drives them here. */
export const AM_ORDER_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  PendingAvailability: ['Pending', 'Canceled'],
  Pending: ['Unshipped', 'Canceled', 'Unfulfillable'],
  Unshipped: ['PartiallyShipped', 'Shipped', 'Canceled', 'Unfulfillable'],
  PartiallyShipped: ['Shipped', 'Canceled'],
  Shipped: ['InvoiceUnconfirmed'],
  InvoiceUnconfirmed: ['Shipped'],
  Canceled: [],
  Unfulfillable: [],
};

/** [SPM] confirmShipment is for seller-fulfilled orders in these statuses [unverified: the list]. */
export const AM_SHIPPABLE_STATUSES: readonly string[] = ['Unshipped', 'PartiallyShipped'];

/**
 * [SPM/doc] rate (requests per second) and burst per operation, per selling partner + app.
 * The token endpoint has no published limit: 10/s, burst 50 per app [unverified].
 */
export const AM_DEFAULT_LIMITS: LimitTable = {
  '*': { rate: 5, burst: 10 },
  'lwa.token': { rate: 10, burst: 50 },
  /** [SPM ordersV0 getOrderAddress, getOrderBuyerInfo; tokens_2021-03-01 createRestrictedDataToken] */
  'orders.address': { rate: 0.5, burst: 30 },
  'orders.buyer_info': { rate: 0.5, burst: 30 },
  'tokens.create_rdt': { rate: 1, burst: 10 },
  'listings.get': { rate: 5, burst: 10 },
  'listings.patch': { rate: 5, burst: 5 },
  'listings.delete': { rate: 5, burst: 5 },
  'feeds.create_document': { rate: 0.5, burst: 15 },
  'feeds.create': { rate: 0.0083, burst: 15 },
  /** [doc changelog 2025-05-06] JSON_LISTINGS_FEED: 5 submissions per 5 minutes (per region). */
  'feeds.json_listings': { rate: 5 / 300, burst: 5 },
  'feeds.get': { rate: 2, burst: 15 },
  'feeds.list': { rate: 0.0222, burst: 10 },
  'feeds.cancel': { rate: 2, burst: 15 },
  'feeds.get_document': { rate: 0.0222, burst: 10 },
  'orders.list': { rate: 0.0167, burst: 20 },
  'orders.get': { rate: 0.5, burst: 30 },
  'orders.items': { rate: 0.5, burst: 30 },
  'orders.confirm_shipment': { rate: 2, burst: 10 },
  /** [SPM orders_2026-01-01] searchOrders 0.0056/20, getOrder 0.5/30. */
  'orders2026.search': { rate: 0.0056, burst: 20 },
  'orders2026.get': { rate: 0.5, burst: 30 },
  /** [doc] getMarketplaceParticipations 0.016/15. */
  'sellers.participations': { rate: 0.016, burst: 15 },
};

/**
 * How the simulator answers the Amazon rows of shared/reference/fidelity.md it owns (A1–A3 and
 * A11, the order rows, are answered in orders.ts by their own owner). Each names its source.
 */
export const AM_FIDELITY = {
  A4: '[SPM listingsItems_2021-08-01: patch responses 200/400/403/413/415/429/500/503; Amazon staff in amzn/selling-partner-api-docs#3748] PATCH of an unknown SKU → 200 ACCEPTED, an incomplete offer with missing-attribute issues, not buyable (listings.ts incompleteOffer); GET/DELETE → 404.',
  A5: '[developer-docs "Manage purchasable offer"; models issues #5235, #4134, #4349, #5231] the shape that removes only a sale price is undocumented: a `delete` of purchasable_offer with `discounted_price` drops that key of the marketplace\'s offer here [unverified]; the adapter sends it only when a sale is live.',
  A6: '[developer-docs "include a User-Agent header"] every SP-API request without a User-Agent is recorded as a conformance violation (spec.ts headerIssues); not refused, since Amazon documents no refusal.',
  A7: '[2nd: amzn/selling-partner-api-models #4429] a SKU holding / or # → 403 Unauthorized on every Listings Items path, encoded or not (AM_LISTINGS.refusedSkuCharacters).',
  A8: '[SPM FeedDocument.compressionAlgorithm, getFeedDocument.enableContentEncodingUrlHeader] `compress_reports` (setting or option) stores reports as GZIP: getFeedDocument says compressionAlgorithm GZIP, the URL serves the .gz bytes, with Content-Encoding: gzip only when asked.',
  A9: '[SPM feeds_2021-06-30 createFeed 0.0083/15; doc changelog 2025-05-06 / feeds-api-rate-limits] two buckets: feeds.create 0.0083/s burst 15 and feeds.json_listings 5 per 5 min (AM_DEFAULT_LIMITS).',
  A10: "[SPM schemas/feeds/listings-feed-schema-v2.json `requirements`] every feed document is checked against the schema; an UPDATE with LISTING (the default) needs item_name and brand under a real product type (PRODUCT is refused), one with LISTING_OFFER_ONLY needs merchant_suggested_asin or an identifier to match (every EAN matches here) [unverified: the facts each product type lists; the catalog match]. The processing report lists the items when header.report.includedData asks (A5's proof).",
  conformance:
    'spec/ holds cuts of the listings-items and feeds models (definitions, parameters) and the JSON_LISTINGS_FEED schema, amzn/selling-partner-api-models @ 34dc93fe, Apache-2.0; spec.ts validates query, body, User-Agent and the description-only rules of every listings, feeds and sellers request, and each feed document, into the conformance ledger.',
} as const;
