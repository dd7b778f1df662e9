/**
 * Shopee Open Platform v2 facts the simulator depends on, with provenance from
 * shared/reference/marketplaces.md §4. [doc] open.shopee.com; [2nd] SDKs and integrators quoting
 * the docs or observed bodies; [unverified] a simulator choice. Correct them here.
 */
import type { LimitTable } from '../core/rate-limit.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const SP_AUTH = {
  /** [doc] access tokens: `expire_in: 14400` (4 h). */
  accessTtlMs: 4 * HOUR_MS,
  /** [2nd] refresh tokens live 30 days and rotate on every refresh (single use here). */
  refreshTtlMs: 30 * DAY_MS,
  /** [unverified] how long the `code` of the shop authorisation redirect can be exchanged. */
  codeTtlMs: 10 * MINUTE_MS,
  /** [2nd: several SDKs, an ithome tutorial] a signed timestamp is valid for 5 minutes. */
  timestampWindowS: 300,
} as const;

/**
 * Error codes and messages [2nd: the generated error list of an SDK (goshopee) and integrators'
 * handlers]. `invalid_acceess_token` (sic) is what integrators match for a bad or expired token.
 * The reference says business calls answer a bad *sign* as `error_auth`; the SDK lists name it
 * `error_sign` "Wrong sign." — the latter is used here [unverified which is current].
 */
export const SP_ERRORS = {
  noPartner: { error: 'error_param', message: 'There is no partner_id in query.' },
  badPartner: { error: 'error_param', message: 'Invalid partner_id.' },
  noTimestamp: { error: 'error_param', message: 'no timestamp' },
  badTimestamp: { error: 'error_param', message: 'Invalid timestamp' },
  noSign: { error: 'error_param', message: 'There is no sign in query.' },
  wrongSign: { error: 'error_sign', message: 'Wrong sign.' },
  noToken: { error: 'error_param', message: 'There is no access_token in query.' },
  noShop: { error: 'error_param', message: 'There is no shop_id in query.' },
  badToken: { error: 'invalid_acceess_token', message: 'Invalid access_token.' },
  wrongShop: { error: 'error_auth', message: 'Invalid partner_id or shopid.' },
  /** [reference] `error_auth` is the invalid-token answer of the auth endpoints. */
  badCode: { error: 'error_auth', message: 'Invalid code.' },
  badRefresh: { error: 'error_auth', message: 'Invalid refresh_token.' },
  rateLimit: { error: 'error_rate_limit', message: 'Too many requests, please try again later.' },
  dailyLimit: { error: 'error_limit', message: 'You have reached the daily API call limit.' },
  server: { error: 'error_server', message: 'Something wrong. Please try later.' },
  notFound: { error: 'error_not_found', message: 'Invalid API path.' },
} as const;

/**
 * [2nd] Failures come back as HTTP 200 with `error` set; clients must classify on `error`.
 * Only an unknown path and server faults get another status here [unverified].
 */
export const SP_HTTP_STATUS: Readonly<Record<string, number>> = {
  error_not_found: 404,
};

/** [unverified] Shopee publishes no numbers: 10/s, burst 20 per (partner, shop, API). */
export const SP_DEFAULT_LIMITS: LimitTable = {
  '*': { rate: 10, burst: 20 },
  'auth.token': { rate: 1, burst: 10 },
};

export const SP_QUOTA = {
  /** [2nd] `error_limit` is a daily quota that resets at 00:00 UTC+8. Off (null) unless set. */
  dailyCallLimit: null as number | null,
  resetOffsetMs: 8 * HOUR_MS,
} as const;

export const SP_PRODUCTS = {
  /** [doc] update_stock / update_price take one item_id per call; [2nd] ≤ 50 models. */
  maxModelsPerCall: 50,
  /** [doc] get_item_base_info takes ≤ 50 ids; get_item_list pages ≤ 100. */
  maxItemIds: 50,
  maxPageSize: 100,
  /** [unverified] the ranges `get_item_limit` answers (BR). */
  stockLimit: { min_limit: 0, max_limit: 999_999 },
  priceLimit: { min_limit: 0.01, max_limit: 1_000_000 },
  /** [doc mirror] in BR the max/min model price ratio is at most 4. */
  maxPriceRatio: 4,
  /**
   * [doc] a partial stock failure answers `error_busi_update_stock_failed` with the failure_list.
   * One integrator saw the sandbox answer `error: ""` instead: flip here if that holds.
   */
  stockPartialError: 'error_busi_update_stock_failed',
  stockPartialMessage: 'Update stock failed, please check failure_list for detailed reason',
  /** [unverified] update_price's partial failure: failure_list with an empty `error`. */
  pricePartialError: '',
  /** [2nd: SDK list] the reason a model in a promotion gives for a refused price. */
  promotionLocked: 'Original_price cannot be edited when item is under promotion.',
  currency: 'BRL',
  region: 'BR',
} as const;

export const SP_ORDERS = {
  /** [2nd] get_order_list: the window is ≤ 15 days; page_size 1–100. */
  maxWindowS: 15 * 24 * 3600,
  maxPageSize: 100,
  /** [2nd] get_order_detail: 1–50 order_sn. */
  maxDetail: 50,
  /** [unverified] days a seller has to ship. */
  daysToShip: 2,
} as const;

/** [doc] order statuses; RETRY_SHIP, TO_CONFIRM_RECEIVE and TO_RETURN are [unverified]. */
export const SP_ORDER_STATUSES = [
  'UNPAID',
  'READY_TO_SHIP',
  'PROCESSED',
  'RETRY_SHIP',
  'SHIPPED',
  'TO_CONFIRM_RECEIVE',
  'COMPLETED',
  'IN_CANCEL',
  'CANCELLED',
  'TO_RETURN',
  'INVOICE_PENDING',
] as const;

/**
 * [2nd/unverified] READY_TO_SHIP → PROCESSED (ship_order) → SHIPPED → COMPLETED; in Brazil a CNPJ
 * seller's paid order waits in INVOICE_PENDING until the NF-e is uploaded.
 */
export const SP_ORDER_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  UNPAID: ['READY_TO_SHIP', 'INVOICE_PENDING', 'CANCELLED'],
  INVOICE_PENDING: ['READY_TO_SHIP', 'IN_CANCEL', 'CANCELLED'],
  READY_TO_SHIP: ['PROCESSED', 'IN_CANCEL', 'CANCELLED'],
  PROCESSED: ['SHIPPED', 'RETRY_SHIP', 'IN_CANCEL', 'CANCELLED'],
  RETRY_SHIP: ['PROCESSED', 'CANCELLED'],
  SHIPPED: ['TO_CONFIRM_RECEIVE', 'COMPLETED', 'TO_RETURN'],
  TO_CONFIRM_RECEIVE: ['COMPLETED', 'TO_RETURN'],
  IN_CANCEL: ['CANCELLED', 'READY_TO_SHIP'],
  TO_RETURN: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const SP_LOGISTICS = {
  /** [2nd] ship_order on an order still waiting for its NF-e. */
  lackOfInvoice: {
    error: 'lack_of_invoice_data',
    message: 'Pending invoice data, can not arrange shipment.',
  },
  /** [unverified] ship_order in any other status that cannot ship. */
  cannotShip: 'logistics.package_can_not_ship',
  /** [2nd] the NF-e is uploaded with `file_type=4` (XML) while INVOICE_PENDING. */
  nfeFileType: 4,
  /** Simulator choice: how long after ship_order a tracking number shows ([2nd] it may be empty at first). */
  trackingDelayMs: 0,
} as const;
