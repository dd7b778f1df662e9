/**
 * How the Amazon adapter calls the Selling Partner API: its profile (rates, retry policy,
 * `x-amz-access-token`, error classification), one token bucket per SP-API operation, and what
 * every call needs from the connection (selling partner id, marketplace, product type).
 */
import type { ChannelContext, Credentials, Operation, Rate } from '../adapter.ts';
import type { ApiCall, ApiProfile } from '../call.ts';
import { callApi } from '../call.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { HttpResponse } from '../http-client.ts';
import type { Json } from '../json.ts';
import { isObject } from '../json.ts';
import { rateLimiter } from '../rate-limiter.ts';
import type { RetryPolicy } from '../retry.ts';
import { defaultRetry } from '../retry.ts';
import { amChannelError, classifyAmazon } from './errors.ts';
import type { SpOperation } from './facts.ts';
import {
  AM_FEEDS,
  AM_MARKETPLACE,
  AM_OPERATION_RATES,
  AM_ORDERS,
  AM_PRODUCT_TYPE,
  AM_RATES,
  AM_USER_AGENT,
} from './facts.ts';

export interface FeedWait {
  firstPollMs: number;
  maxPollMs: number;
  deadlineMs: number;
}

export interface AmazonOptions {
  /** Per-operation rates (default AM_RATES; SP-API operations keep AM_OPERATION_RATES). */
  rates?: Partial<Record<Operation, Rate>> | undefined;
  /** Retry policy when the context gives none. */
  retry?: RetryPolicy | undefined;
  /** Up to this many items a push PATCHes each; more go in one feed (default AM_FEEDS.patchMax). */
  patchMax?: number | undefined;
  /** How a push waits for its feed (default AM_FEEDS.wait). */
  feedWait?: Partial<FeedWait> | undefined;
  /** Messages per feed at most (default AM_FEEDS.maxMessages): a larger push is split. */
  feedMessages?: number | undefined;
  /** Orders per getOrders page (default AM_ORDERS.pageSize, at most 100). */
  ordersPageSize?: number | undefined;
}

/** The SP-API operation a Cais operation's rate stands for. */
const PRIMARY: Record<Operation, SpOperation | undefined> = {
  auth: undefined,
  stock: 'listings.patch',
  price: 'listings.patch',
  read: 'listings.get',
  publish: 'feeds.json_listings',
  orders: 'orders.list',
  order_status: 'orders.confirm_shipment',
};

export interface AmCall extends Omit<ApiCall, 'limit'> {
  /** The SP-API operation, whose own bucket the call waits in. */
  sp: SpOperation;
}

export interface AmApi {
  readonly profile: ApiProfile;
  readonly patchMax: number;
  readonly feedWait: FeedWait;
  readonly feedCaps: { maxMessages: number; maxBytes: number };
  readonly ordersPageSize: number;
  call(ctx: ChannelContext, call: AmCall): Promise<HttpResponse>;
  json(ctx: ChannelContext, call: AmCall, what: string): Promise<Json>;
  /** Waits for a token of an SP-API bucket that no single request stands for (a feed type's own). */
  take(ctx: ChannelContext, operation: Operation, sp: SpOperation): Promise<void>;
}

export function amazonApi(options: AmazonOptions): AmApi {
  const profile: ApiProfile = {
    rates: { ...AM_RATES, ...options.rates },
    retry: options.retry ?? defaultRetry,
    authHeaders: (credentials) => ({
      'x-amz-access-token': credentials.accessToken ?? '',
      'user-agent': AM_USER_AGENT,
    }),
    classify: classifyAmazon,
    // [2nd] Amazon refuses an expired or revoked token with 403 Unauthorized, not 401.
    refusedToken: (error) => error.httpStatus === 403 && error.code === 'amazon.unauthorized',
  };
  // A rate given for a Cais operation (a connection's granted quota) is its main SP-API
  // operation's; the others under it (createFeed under `stock`) keep Amazon's own numbers.
  const rateOf = (ctx: ChannelContext, op: Operation, sp: SpOperation) =>
    (PRIMARY[op] === sp ? (options.rates?.[op] ?? ctx.rates?.[op]) : undefined) ?? AM_OPERATION_RATES[sp];
  const call = async (ctx: ChannelContext, amCall: AmCall) => {
    const { sp, ...rest } = amCall;
    const rate = rateOf(ctx, rest.operation, sp);
    try {
      return await callApi(ctx, profile, { ...rest, limit: { name: `amazon:${sp}`, rate } });
    } catch (error) {
      throw perListingRefusal(error, rest.path);
    }
  };
  return {
    profile,
    patchMax: options.patchMax ?? AM_FEEDS.patchMax,
    feedWait: { ...AM_FEEDS.wait, ...options.feedWait },
    feedCaps: {
      maxMessages: Math.min(options.feedMessages ?? AM_FEEDS.maxMessages, AM_FEEDS.maxMessages),
      maxBytes: AM_FEEDS.maxDocumentBytes,
    },
    ordersPageSize: Math.min(options.ordersPageSize ?? AM_ORDERS.pageSize, 100),
    call,
    json: async (ctx, amCall, what) => asObject((await call(ctx, amCall)).body, what),
    take: (ctx, operation, sp) =>
      rateLimiter.take(`${ctx.connectionId}:amazon:${sp}`, rateOf(ctx, operation, sp)),
  };
}

const LISTING_ITEM_PATH = /^\/listings\/2021-08-01\/items\/[^/]+\/(.+)$/;

/**
 * [2nd: amzn/selling-partner-api-models #4429] A SKU holding `/` or `#` is answered 403
 * Unauthorized on the Listings Items paths, encoded or not, while the token is fine. That is the
 * listing's problem, not the connection's: a per-listing error, and the connection keeps syncing.
 */
function perListingRefusal(error: unknown, path: string): unknown {
  if (!isChannelError(error) || error.failure !== FailureClass.auth || error.httpStatus !== 403) return error;
  const encoded = LISTING_ITEM_PATH.exec(path)?.[1];
  if (encoded === undefined) return error;
  const sku = decodeURIComponent(encoded);
  if (!/[/#]/.test(sku)) return error;
  return amChannelError(
    FailureClass.permanent,
    'amazon.sku_path_refused',
    `SKU '${sku}': ${error.marketplaceMessage}`,
    {
      httpStatus: 403,
      marketplaceCode: error.marketplaceCode,
    },
  );
}

export function asObject(value: unknown, what: string): Json {
  if (isObject(value)) return value;
  throw amChannelError(
    FailureClass.transient,
    'amazon.unexpected_body',
    `${what}: unexpected answer from Amazon`,
  );
}

/** What every listing call names: the seller, the marketplace, the product type. */
export interface Seller {
  sellerId: string;
  marketplaceId: string;
  productType: string;
  /** The marketplace's currency; left out of offers when unknown (Amazon takes the marketplace's). */
  currency: string | undefined;
}

export function sellerOf(credentials: Credentials): Seller {
  if (credentials.sellerId === undefined || credentials.sellerId === '') {
    throw amChannelError(
      FailureClass.auth,
      'amazon.no_seller_id',
      'the connection has no Amazon selling partner id',
    );
  }
  const marketplaceId = credentials.extra?.marketplaceId ?? AM_MARKETPLACE.id;
  return {
    sellerId: credentials.sellerId,
    marketplaceId,
    productType: credentials.extra?.productType ?? AM_PRODUCT_TYPE,
    currency:
      credentials.extra?.currency ??
      (marketplaceId === AM_MARKETPLACE.id ? AM_MARKETPLACE.currency : undefined),
  };
}

export async function sellerFor(ctx: ChannelContext): Promise<Seller> {
  return sellerOf(await ctx.credentials.current());
}

export function itemPath(seller: Seller, sku: string): string {
  return `/listings/2021-08-01/items/${encodeURIComponent(seller.sellerId)}/${encodeURIComponent(sku)}`;
}

/** Money with two decimals, as Amazon's `value_with_tax` carries it. */
export function money(amount: number): number {
  return Math.round(amount * 100) / 100;
}
