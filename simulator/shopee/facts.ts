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
  /**
   * [2nd: integrators' handlers; fidelity S7, L] the gateway's own refusals (sign, token, partner
   * and shop) may come with HTTP 403 instead of an HTTP-200 envelope: 403 here, so a client that
   * reads the status instead of `error` is caught. Business failures stay HTTP 200.
   */
  wrongSign: { error: 'error_sign', message: 'Wrong sign.', status: 403 },
  noToken: { error: 'error_param', message: 'There is no access_token in query.' },
  noShop: { error: 'error_param', message: 'There is no shop_id in query.' },
  badToken: { error: 'invalid_acceess_token', message: 'Invalid access_token.', status: 403 },
  wrongShop: { error: 'error_auth', message: 'Invalid partner_id or shopid.', status: 403 },
  /** [doc get_access_token error_list] (fidelity S7) a spent, expired or unknown code. */
  badCode: {
    error: 'invalid_code',
    message: 'The code is expired or used or invalid, please check the code.',
  },
  /** [doc get_access_token] a main account's code traded for the wrong main_account_id. */
  badMainAccount: {
    error: 'invalid_main_acount_id',
    message: 'The code or main_accoount_id is wrong, please check the code or the main_account_id.',
  },
  /** [doc refresh_access_token error_list] (fidelity S7) a spent or unknown refresh token. */
  badRefresh: {
    error: 'error_shop_refresh_token',
    message: 'Your refresh token is error ,please check refresh token or shopid.',
  },
  /**
   * [doc update_stock error_list] (fidelity S2, S4) business refusals Shopee sends as `error_auth`:
   * the shop is in holiday mode; a multi-warehouse shop's stock without, or with a wrong,
   * `location_id`.
   */
  belowReserved: { error: 'error_auth', message: 'Total stock must be more than reserved stock.' },
  holidayMode: {
    error: 'error_auth',
    message: 'Please wait for the holiday mode set then to edit item. Please try later.',
  },
  lackOfLocation: { error: 'error_auth', message: 'Lack of location_id, please double check.' },
  wrongLocation: {
    error: 'error_auth',
    message: "The location_id input is not matched the shop's location_id(more/wrong). Please double check.",
  },
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

/**
 * How the simulator answers the Shopee rows of shared/reference/fidelity.md it owns (S1, S3 and
 * S6, the order rows, are answered in orders.ts and logistics.ts by their own owner).
 */
export const SP_FIDELITY = {
  S2: '[doc v2.product.update_stock error_list, common_error_list] business refusals come as `error_auth`: stock below the reserved units when that is the only outcome of the call (beside a success it stays in failure_list [unverified which Shopee sends when]), holiday mode (shop `holiday_mode`), "Lack of location_id" and a foreign location_id (multi-warehouse shops), in HTTP-200 envelopes; token failures keep their own codes (invalid_acceess_token, error_auth "Invalid partner_id or shopid.").',
  S4: '[doc v2.product.update_stock request_params: seller_stock[].location_id "if seller don\'t have any warehouse, you don\'t need to upload this field"] a shop with `location_ids` refuses entries without a location_id ("Lack of location_id, please double check.") or with another one; each warehouse keeps its own stock; reads list every warehouse.',
  S5: '[doc v2.public.get_access_token request_params shop_id | main_account_id] a shop with `main_account_id` is authorised through it: the consent redirects with main_account_id (no shop_id), token/get takes main_account_id and answers shop_id_list (every shop of that main account) and merchant_id_list.',
  S7: "[doc get_access_token and refresh_access_token error_list] a spent code → `invalid_code`, a spent or foreign refresh token → `error_shop_refresh_token`, with the documents' messages; [2nd, L] the gateway's sign, token and shop refusals come with HTTP 403 (SP_ERRORS status).",
  S8: '[doc v2.product.update_price request_params: original_price "Original price for this model."] update_price sets the base price; a promotion shows its own price as current_price and locks original_price ("under promotion"). The simulator cannot tell a promo price sent as base; the contract test reads the body sent.',
  conformance:
    'spec/request-params.json holds the request_params trees of the 12 API documents (open.shopee.com, via congminh1254/shopee-sdk @ cb231e9); spec.ts walks them (required, types, nesting, "Length should be between 1 to 50.") for every product and auth request, answering error_param "Wrong parameters, detail: <field> <rule>." in an HTTP-200 envelope.',
} as const;
