/**
 * What the Shopee adapter assumes about Shopee Open Platform v2, each with its provenance from
 * shared/reference/marketplaces.md §4: [doc] open.shopee.com, [2nd] SDKs and integrators quoting
 * the docs, [unverified] Cais's own choice. Correct a fact here and the adapter follows.
 */
import type { Operation, Rate } from '../adapter.ts';

/** [2nd] Brazil's live host; elsewhere `https://partner.shopeemobile.com` (test: partner.test-stable…). */
export const SP_HOST = 'https://openplatform.shopee.com.br';

export const SP_AUTH = {
  /** [2nd] a signed timestamp is accepted for 5 minutes: Cais signs each attempt afresh. */
  timestampWindowS: 300,
  /** [2nd] consent: `/api/v2/shop/auth_partner`, redirecting with `code` and `shop_id`. */
  consentPath: '/api/v2/shop/auth_partner',
  /** [2nd] the code exchange and the refresh; access 4 h (`expire_in: 14400`), refresh rotated. */
  tokenPath: '/api/v2/auth/token/get',
  refreshPath: '/api/v2/auth/access_token/get',
} as const;

/**
 * Shopee publishes no rate. [unverified] 10 calls a second, 20 at once, per shop and API path:
 * the simulator's default, and what integrators report running without `error_rate_limit`.
 * Each API path has its own bucket (see api.ts); these are Cais's operations for planning.
 */
export const SP_PATH_RATE: Rate = { perSecond: 10, burst: 20 };

export const SP_RATES: Record<Operation, Rate> = {
  auth: { perSecond: 1, burst: 5 },
  stock: SP_PATH_RATE,
  price: SP_PATH_RATE,
  read: SP_PATH_RATE,
  publish: SP_PATH_RATE,
  orders: SP_PATH_RATE,
  order_status: SP_PATH_RATE,
};

/** Calls in flight at once within one run; the buckets still apply. [unverified] choice. */
export const SP_CONCURRENCY = 4;

export const SP_PRODUCTS = {
  /** [doc] update_stock / update_price take one item_id per call; [2nd] up to 50 models. */
  maxModelsPerCall: 50,
  /** [doc] get_item_base_info takes up to 50 ids; get_item_list pages up to 100. */
  maxItemIds: 50,
  pageSize: 100,
  /** [unverified] how far findBySku reads the shop's items before giving up (Shopee has no SKU search). */
  scanLimit: 2_000,
  /** [2nd] items without variations have one model, id 0. */
  noModel: 0,
} as const;

/**
 * [2nd: an SDK's generated error list] `failed_reason` texts Cais recognises: a promotion locks
 * the price; stock cannot go below the units open orders reserve; "try later" is passing.
 */
export const SP_REASONS = {
  promotionLocked: /under promotion/i,
  belowReserved: /reserved stock/i,
  passing: /try (again )?later|try again/i,
} as const;

/**
 * [doc: update_stock error_list, common_error_list] (fidelity S2) `error_auth` is Shopee's code
 * for token and partner failures AND for business refusals of one write: "Total stock must be
 * more than reserved stock.", "Lack of location_id, please double check.", holiday mode, "cnsc
 * shop not upgraded", "normal stock must be equal to 0". Only the messages below are the
 * connection's (token, partner, shop link, app permissions): they pause it. Any other
 * `error_auth` is that listing's sync error, so one refused item never stops the shop's sync
 * ("System error" is passing). [unverified] the wording Shopee sends may drift: an unknown message
 * costs a per-listing error, never a paused connection.
 */
export const SP_AUTH_ERROR_MESSAGES = {
  connection: [
    /access[_ ]?token/i,
    /partner_?id/i,
    /shop_?id/i,
    /app is deleted/i,
    /permissions? for authori[sz]ations/i,
    /no permission to current api/i,
    /sign/i,
  ],
  passing: [/system error/i],
  holidayMode: /holiday mode/i,
  missingLocation: /lack of location_id/i,
  wrongLocation: /location_id/i,
  belowReserved: /reserved stock/i,
} as const;

/** [2nd] Error codes by class; a module prefix (`product.error_param`) is dropped before lookup. */
export const SP_ERROR_CLASSES = {
  auth: [
    'error_auth',
    'error_sign',
    /** [doc get_access_token] a spent, expired or unknown authorisation code. */
    'invalid_code',
    'invalid_shop_id',
    'invalid_main_acount_id',
    'invalid_acceess_token',
    'invalid_access_token',
    'refresh_token_expired',
    'shop_access_expired',
    'shop_no_linked',
    'shop_banned',
    'error_shop_refresh_token',
    'error_permission',
  ],
  /** The access token itself was refused: one refresh may help. */
  refusedToken: ['invalid_acceess_token', 'invalid_access_token'],
  rateLimited: ['error_rate_limit', 'error_limit'],
  transient: ['error_server', 'error_network', 'error_inner', 'error_busy', 'error_system_busy'],
} as const;

/** [2nd] the daily quota (`error_limit`) resets at 00:00 UTC+8. */
export const SP_DAILY_RESET_OFFSET_MS = 8 * 3_600_000;

export const SP_ORDERS = {
  /** [2nd] get_order_list: windows of at most 15 days; get_order_detail: at most 50 order_sn. */
  maxWindowS: 15 * 86_400,
  pageSize: 50,
  /** [2nd] the detail fields Cais reads. */
  detailFields:
    'buyer_username,item_list,total_amount,pay_time,package_list,recipient_address,buyer_cpf_id,estimated_shipping_fee,shipping_carrier,invoice_data',
} as const;

export const SP_LOGISTICS = {
  /** [2nd] the NF-e XML is uploaded with `file_type=4` while the order is INVOICE_PENDING. */
  nfeFileType: 4,
  /** [unverified] statuses past the shipment: ship_order is not safe to repeat [2nd], so Cais checks. */
  shipped: ['PROCESSED', 'SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED'] as readonly string[],
} as const;

/** Brazil's states by name, as Shopee BR's `recipient_address.state` spells them, to their UF. */
export const BR_STATES: Readonly<Record<string, string>> = {
  Acre: 'AC',
  Alagoas: 'AL',
  Amapá: 'AP',
  Amazonas: 'AM',
  Bahia: 'BA',
  Ceará: 'CE',
  'Distrito Federal': 'DF',
  'Espírito Santo': 'ES',
  Goiás: 'GO',
  Maranhão: 'MA',
  'Mato Grosso': 'MT',
  'Mato Grosso do Sul': 'MS',
  'Minas Gerais': 'MG',
  Pará: 'PA',
  Paraíba: 'PB',
  Paraná: 'PR',
  Pernambuco: 'PE',
  Piauí: 'PI',
  'Rio de Janeiro': 'RJ',
  'Rio Grande do Norte': 'RN',
  'Rio Grande do Sul': 'RS',
  Rondônia: 'RO',
  Roraima: 'RR',
  'Santa Catarina': 'SC',
  'São Paulo': 'SP',
  Sergipe: 'SE',
  Tocantins: 'TO',
};
