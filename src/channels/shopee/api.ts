/**
 * How the Shopee adapter calls Open Platform v2: every request signed in its query, failures
 * read from the envelope (HTTP 200 or not), one token bucket per API path, and the shop's
 * daily quota remembered so a spent day does not cost a call per item.
 *
 * Signing [2nd]: `sign = hex(HMAC-SHA256(partner_key, partner_id + api_path + timestamp
 * [+ access_token + shop_id]))`, `api_path` without host or query. The timestamp is taken when
 * each attempt leaves (valid 5 minutes), so a retry never carries a stale one.
 */
import { createHmac } from 'node:crypto';
import type { ChannelContext, Credentials, Operation, Rate } from '../adapter.ts';
import type { ApiCall, ApiProfile, Query } from '../call.ts';
import { callApi } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { HttpResponse } from '../http-client.ts';
import type { Json } from '../json.ts';
import { child, isObject } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { defaultRetry } from '../retry.ts';
import {
  classifyShopee,
  failureOfShopee,
  isRefusedToken,
  spChannelError,
  untilDailyReset,
} from './errors.ts';
import { SP_PATH_RATE, SP_RATES } from './facts.ts';

export interface ShopeeOptions {
  /** Per-operation rates (default SP_RATES); a given rate also replaces the per-path default. */
  rates?: Partial<Record<Operation, Rate>> | undefined;
  retry?: RetryPolicy | undefined;
  /** The clock timestamps are signed with (tests follow the simulator's clock). Default Date.now. */
  clock?: (() => number) | undefined;
  /** Orders per get_order_list page (default and maximum 50, the detail call's limit). */
  ordersPageSize?: number | undefined;
}

/** A shop call (every one but the auth endpoints'); its bucket is its API path's. */
export type SpCall = Omit<ApiCall, 'limit'>;

export interface SpApi {
  readonly profile: ApiProfile;
  readonly clock: () => number;
  readonly ordersPageSize: number;
  /** The envelope's `response`, once the call succeeded. */
  call(ctx: ChannelContext, call: SpCall): Promise<Json>;
  /** The whole envelope, for calls that report item by item (success_list / failure_list). */
  envelope(ctx: ChannelContext, call: SpCall): Promise<Json>;
}

export function sign(partnerKey: string, base: string): string {
  return createHmac('sha256', partnerKey).update(base).digest('hex');
}

/** The common query of a public (auth) call: partner_id, timestamp, sign. */
export function publicQuery(credentials: Credentials, path: string, nowMs: number): Query {
  const partnerId = credentials.clientId ?? '';
  const timestamp = Math.floor(nowMs / 1000);
  return {
    partner_id: partnerId,
    timestamp,
    sign: sign(credentials.clientSecret ?? '', `${partnerId}${path}${timestamp}`),
  };
}

/** A shop call adds the token and shop id, and signs them too. */
export function shopQuery(credentials: Credentials, path: string, nowMs: number): Query {
  const partnerId = credentials.clientId ?? '';
  const timestamp = Math.floor(nowMs / 1000);
  const token = credentials.accessToken ?? '';
  const shopId = credentials.sellerId ?? '';
  return {
    partner_id: partnerId,
    timestamp,
    access_token: token,
    shop_id: shopId,
    sign: sign(credentials.clientSecret ?? '', `${partnerId}${path}${timestamp}${token}${shopId}`),
  };
}

export function shopeeApi(options: ShopeeOptions): SpApi {
  const clock = options.clock ?? Date.now;
  const profile: ApiProfile = {
    rates: { ...SP_RATES, ...options.rates },
    retry: options.retry ?? defaultRetry,
    authHeaders: () => ({}),
    authQuery: (credentials, path) => shopQuery(credentials, path, clock()),
    classify: classifyShopee,
    // A per-model answer (failure_list beside success_list) is the caller's to read, item by item.
    failureOf: (response) => (reportsItems(response) ? undefined : failureOfShopee(response)),
    refusedToken: isRefusedToken,
  };
  // Per connection: the day's quota is spent until 00:00 UTC+8. Only saves calls; losing it is harmless.
  const quotaSpentUntil = new Map<number, number>();
  const envelope = async (ctx: ChannelContext, call: SpCall): Promise<Json> => {
    const until = quotaSpentUntil.get(ctx.connectionId) ?? 0;
    if (until > Date.now()) throw dailyQuotaSpent(until);
    const rate = options.rates?.[call.operation] ?? ctx.rates?.[call.operation] ?? SP_PATH_RATE;
    try {
      const response = await callApi(ctx, profile, { ...call, limit: { name: `shopee:${call.path}`, rate } });
      return asEnvelope(response);
    } catch (error) {
      if (isDailyLimit(error)) quotaSpentUntil.set(ctx.connectionId, Date.now() + untilDailyReset());
      throw error;
    }
  };
  return {
    profile,
    clock,
    ordersPageSize: Math.min(options.ordersPageSize ?? 50, 50),
    envelope,
    call: async (ctx, call) => child(await envelope(ctx, call), 'response'),
  };
}

function reportsItems(response: HttpResponse): boolean {
  return isObject(response.body) && Array.isArray(child(response.body, 'response').failure_list);
}

function isDailyLimit(error: unknown): boolean {
  return error instanceof Error && Reflect.get(error, 'code') === 'shopee.error_limit';
}

function dailyQuotaSpent(until: number) {
  return spChannelError(
    FailureClass.rate_limited,
    'shopee.error_limit',
    'You have reached the daily API call limit.',
    {
      hint: `Shopee's daily call quota for this shop is spent; it resets at 00:00 UTC+8 (${new Date(until).toISOString()}).`,
      retryAfterMs: until - Date.now(),
    },
  );
}

function asEnvelope(response: HttpResponse): Json {
  if (isObject(response.body)) return response.body;
  throw spChannelError(FailureClass.transient, 'shopee.unexpected_body', 'unexpected answer from Shopee');
}
