/**
 * How the Magalu adapter calls the Open API: its profile (rates, retry policy, bearer header,
 * error classification), money in integer cents, and the channel header orders need.
 */
import type { ChannelContext, Credentials, Operation, Rate } from '../adapter.ts';
import type { ApiCall, ApiProfile } from '../call.ts';
import { callApi } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { HttpResponse } from '../http-client.ts';
import type { Json } from '../json.ts';
import { isObject, num } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { defaultRetry } from '../retry.ts';
import { classifyMagalu, mgChannelError } from './errors.ts';
import { MG_DEFAULT_CHANNEL, MG_MONEY, MG_PAGE_SIZE, MG_RATES } from './facts.ts';

export interface MagaluOptions {
  /** Per-operation rates per connection (default MG_RATES). */
  rates?: Partial<Record<Operation, Rate>> | undefined;
  /** Retry policy when the context gives none. */
  retry?: RetryPolicy | undefined;
  /** Orders per page (default and maximum 100). */
  ordersPageSize?: number | undefined;
}

export interface MgApi {
  readonly profile: ApiProfile;
  readonly ordersPageSize: number;
  call(ctx: ChannelContext, call: ApiCall): Promise<HttpResponse>;
  json(ctx: ChannelContext, call: ApiCall, what: string): Promise<Json>;
}

export function magaluApi(options: MagaluOptions): MgApi {
  const profile: ApiProfile = {
    rates: { ...MG_RATES, ...options.rates },
    retry: options.retry ?? defaultRetry,
    authHeaders: (credentials) => ({ authorization: `Bearer ${credentials.accessToken}` }),
    classify: classifyMagalu,
  };
  return {
    profile,
    ordersPageSize: Math.min(options.ordersPageSize ?? MG_PAGE_SIZE, MG_PAGE_SIZE),
    call: (ctx, call) => callApi(ctx, profile, call),
    json: async (ctx, call, what) => asObject((await callApi(ctx, profile, call)).body, what),
  };
}

export function asObject(value: unknown, what: string): Json {
  if (isObject(value)) return value;
  throw mgChannelError(
    FailureClass.transient,
    'magalu.unexpected_body',
    `${what}: unexpected answer from Magalu`,
  );
}

/** Reais → integer cents; rounding absorbs float noise (19.9 * 100 = 1989.9999…). */
export function toCents(amount: number): number {
  return Math.round(amount * MG_MONEY.normalizer);
}

/** An amount as Magalu writes it (`value` or a bare integer, with its normalizer) → reais. */
export function fromAmount(amount: unknown, normalizer?: unknown): number {
  if (isObject(amount)) return fromAmount(amount.value, amount.normalizer);
  const value = num(amount) ?? 0;
  return value / (num(normalizer) ?? MG_MONEY.normalizer);
}

export function channelIdOf(credentials: Credentials): string {
  return credentials.extra?.channelId ?? MG_DEFAULT_CHANNEL;
}

export function skuPath(kind: 'skus' | 'prices' | 'stocks', sku: string): string {
  return `/seller/v1/portfolios/${kind}/${encodeURIComponent(sku)}`;
}
