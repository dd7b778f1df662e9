/**
 * Mercado Livre facts the simulator depends on, with their provenance from
 * shared/reference/marketplaces.md. [doc] = official page; [2nd] = integrators quoting the docs
 * or observed bodies; [unverified] = widely known or a simulator choice. Correct them here.
 */
import type { LimitTable } from '../core/rate-limit.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const ML_AUTH = {
  /** [doc/2nd] access tokens live 6 h (`expires_in: 21600`). */
  accessTtlMs: 6 * HOUR_MS,
  /** [2nd] refresh tokens are single-use, rotated, valid 6 months. */
  refreshTtlMs: 182 * DAY_MS,
  /** [unverified] how long an authorization code can be exchanged. */
  codeTtlMs: 10 * 60_000,
  /** [doc/2nd] the scope string of the token response. */
  scope: 'offline_access read write',
  /**
   * M6 [2nd quoting the doc: marketplaces.md §1 "Token errors"] The token endpoint answers
   * `{error, error_description, status, cause}`: `error_description` where the rest of the API
   * says `message` (the simulator used to send `message`, which a client reading only
   * `error_description` would have missed).
   */
  invalidGrantMessage:
    'Error validating grant. Your authorization code or refresh token may be expired or it was already used',
  /** [2nd: GitHub issues] a bad or expired bearer answers 401 with `error: "not_found"`. */
  invalidTokenBody: { message: 'invalid_token', error: 'not_found', status: 401, cause: [] },
  /** [2nd] the token endpoint's own 429 (`local_rate_limited`). */
  tokenRateLimitedError: 'local_rate_limited',
} as const;

export const ML_LIMITS = {
  /** [2nd] multiget `GET /items?ids=` takes at most 20 ids. */
  multigetMaxIds: 20,
  /** [2nd] seller item search: default limit 50. */
  itemSearchDefaultLimit: 50,
  /** [unverified] seller item search: largest page. */
  itemSearchMaxLimit: 100,
  /** [2nd] offset + limit beyond 1000 needs `search_type=scan`. */
  itemSearchMaxOffset: 1000,
  /** [2nd] scan pages hold ≤ 100 ids and a scroll expires after 5 minutes. */
  scanMaxLimit: 100,
  scrollTtlMs: 5 * 60_000,
  /** [2nd] orders search: default limit 50. */
  orderSearchDefaultLimit: 50,
  /** [unverified] orders search: largest page. */
  orderSearchMaxLimit: 51,
  /** [2nd] one integrator saw offsets capped near 10 000. */
  orderSearchMaxOffset: 10_000,
  /** [doc] at most 100 variations per item (250 in some categories, not simulated). */
  maxVariations: 100,
  /** [2nd] seller discounts last at most 14 days. */
  promotionMaxDays: 14,
} as const;

export const ML_BEHAVIOUR = {
  /** [unverified] classic items answer a PUT with the updated item (global selling: `{}` [doc]). */
  putItemReturnsItem: true,
  /** [unverified] stock 0 pauses an active item (`sub_status: ["out_of_stock"]`); stock back reactivates it. */
  zeroStockPauses: true,
  /** [unverified] the stock of an item with variations is written per variation, not on the item. */
  itemStockRejectedWithVariations: true,
} as const;

export const ML_NOTIFICATIONS = {
  /** [doc via 2nd] answer HTTP 200 within 500 ms or the attempt counts as failed. */
  responseTimeoutMs: 500,
  /** [2nd] about 1 hour of retries, 8 attempts, exponential. 28 s doubling × 7 gaps ≈ 59 min. */
  attempts: 8,
  firstRetryMs: 28_000,
  /** [2nd] `/missed_feeds` keeps 2 days; default page 10. */
  missedRetentionMs: 2 * DAY_MS,
  missedDefaultLimit: 10,
  topics: ['orders_v2', 'items', 'shipments', 'items_prices', 'invoices', 'questions', 'messages'],
} as const;

/** [unverified] ML publishes no number (limits are per app and endpoint). A simulator choice. */
export const ML_DEFAULT_LIMITS: LimitTable = {
  '*': { rate: 25, burst: 50 },
  'oauth.token': { rate: 1, burst: 10 },
};

/** [doc] order statuses (developers.mercadolibre.com.ar manage-sales). */
export const ML_ORDER_STATUSES = [
  'confirmed',
  'payment_required',
  'payment_in_process',
  'partially_paid',
  'paid',
  'partially_refunded',
  'pending_cancel',
  'cancelled',
  'invalid',
] as const;

/** [unverified] shipment statuses. */
export const ML_SHIPMENT_STATUSES = [
  'pending',
  'handling',
  'ready_to_ship',
  'shipped',
  'delivered',
  'not_delivered',
  'cancelled',
] as const;

/** [doc: importar-nota-fiscal, 2026-06-08] logistic types for which the seller's NF-e releases the label (M3). */
export const ML_INVOICE_LOGISTICS = ['drop_off', 'cross_docking', 'xd_drop_off', 'xd_same_day'] as const;

/** The site every simulated seller sells on, and Brazil's offset for ML's local timestamps. */
export const ML_SITE = {
  siteId: 'MLB',
  currency: 'BRL',
  utcOffset: '-03:00',
  offsetMs: -3 * HOUR_MS,
} as const;

/**
 * M1 [doc: developers.mercadolivre.com.br estoque-multi-origem, estoque-distribuido; mirror of
 * the …/multi-origin-stock page, 2026-05-05] Sellers tagged `warehouse_management` on `/users`
 * keep stock per warehouse (store): `available_quantity` on `PUT /items` "will be ignored or
 * return an error" — the simulator refuses it (the safer of the two for a test double: an
 * ignored write would look delivered) [unverified: the cause code]. Stock is read at
 * `GET /user-products/{id}/stock` (header `x-version`) and written at
 * `PUT /user-products/{id}/stock/type/seller_warehouse` `{locations:[{store_id, network_node_id?,
 * quantity}]}` with that `x-version`: missing → 400 "Missing X-Version header", stale → 409
 * "Version mismatch". [unverified] locations left out of the PUT keep their quantity; the item
 * shows the sum of its UP's locations; a new item of such a seller is created at
 * `POST /items/multiwarehouse` with `stock_locations[{store_id, quantity}]`.
 */
export const ML_MULTI_ORIGIN = {
  tag: 'warehouse_management',
  versionHeader: 'x-version',
  missingVersion: 'Missing X-Version header',
  versionMismatch: 'Version mismatch',
  writableType: 'seller_warehouse',
  stockRefusalCode: 'item.available_quantity.not_modifiable_multi_origin',
} as const;

/**
 * M2 [doc: developers.mercadolivre.com.br preco-por-variacao, user-products; BR since 2025-02]
 * Sellers tagged `user_product_seller` publish no `variations[]`: each variation is an item of its
 * own, grouped by `family_name`, and `title` is not sent (ML builds it). [unverified] the
 * simulator refuses `variations` and `title` from such a seller with a validation error naming
 * the field, and requires `family_name`; every item (any seller) carries its own
 * `user_product_id` (`MLBU…`).
 */
export const ML_USER_PRODUCTS = {
  tag: 'user_product_seller',
  idPrefix: 'MLBU',
} as const;

/**
 * M5 [2nd: integrators quoting the doc "variações"] a variation's `attribute_combinations[].id` is
 * one of its category's attribute ids (`GET /categories/{id}/attributes`, those tagged
 * `allow_variations`), never a free name. [unverified] the simulator knows the categories below
 * (ids and names as ML lists them) and refuses any other id with `item.attribute_combinations.invalid`;
 * an unknown category is `item.category_id.invalid`.
 */
export const ML_CATEGORIES: Readonly<
  Record<string, { name: string; attributes: readonly { id: string; name: string; variation: boolean }[] }>
> = {
  MLB1: {
    name: 'Acessórios para Veículos',
    attributes: [
      { id: 'BRAND', name: 'Marca', variation: false },
      { id: 'COLOR', name: 'Cor', variation: true },
    ],
  },
  MLB1055: {
    name: 'Celulares e Smartphones',
    attributes: [
      { id: 'BRAND', name: 'Marca', variation: false },
      { id: 'GTIN', name: 'Código universal de produto', variation: false },
      { id: 'COLOR', name: 'Cor', variation: true },
      { id: 'INTERNAL_MEMORY', name: 'Memória interna', variation: true },
    ],
  },
  MLB31447: {
    name: 'Camisetas',
    attributes: [
      { id: 'BRAND', name: 'Marca', variation: false },
      { id: 'GTIN', name: 'Código universal de produto', variation: false },
      { id: 'COLOR', name: 'Cor', variation: true },
      { id: 'SIZE', name: 'Tamanho', variation: true },
    ],
  },
};
