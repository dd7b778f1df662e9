/**
 * How the Mercado Livre adapter calls ML: its profile (rates, retry policy, bearer header, error
 * classification) and a few small typed readers of ML's JSON.
 */
import type { ChannelContext, Operation, Rate } from '../adapter.ts';
import type { ApiCall, ApiProfile } from '../call.ts';
import { callApi } from '../call.ts';
import { FailureClass } from '../errors.ts';
import type { HttpResponse } from '../http-client.ts';
import type { Json } from '../json.ts';
import { isObject, str } from '../json.ts';
import type { RetryPolicy } from '../retry.ts';
import { defaultRetry } from '../retry.ts';
import { classifyMl, mlChannelError } from './errors.ts';
import { ML_RATES } from './facts.ts';

export interface MlOptions {
  /** Per-operation rates per connection (default ML_RATES). */
  rates?: Partial<Record<Operation, Rate>> | undefined;
  /** Retry policy when the context gives none. */
  retry?: RetryPolicy | undefined;
  /** Orders per `/orders/search` page (default 50). */
  ordersPageSize?: number | undefined;
}

export interface MlApi {
  readonly profile: ApiProfile;
  readonly ordersPageSize: number;
  /** An authenticated call; resolves with the parsed JSON body. */
  call(ctx: ChannelContext, call: ApiCall): Promise<unknown>;
  /** The same, with the status and headers (the `x-version` of a User Product's stock). */
  response(ctx: ChannelContext, call: ApiCall): Promise<HttpResponse>;
  /** What this process last learnt per connection and per category (see seller.ts, categories.ts). */
  readonly memo: MlMemo;
}

/** Small per-process caches: a seller's kind and a category's attributes change rarely. */
export interface MlMemo {
  readonly sellers: Map<number, { tags: readonly string[]; at: number }>;
  readonly categories: Map<string, { attributes: readonly MlCategoryAttribute[]; at: number }>;
}

export interface MlCategoryAttribute {
  id: string;
  name: string;
  variation: boolean;
}

export function mlApi(options: MlOptions, ordersPageSize: number): MlApi {
  const profile: ApiProfile = {
    rates: { ...ML_RATES, ...options.rates },
    retry: options.retry ?? defaultRetry,
    authHeaders: (credentials) => ({ authorization: `Bearer ${credentials.accessToken}` }),
    classify: classifyMl,
  };
  return {
    profile,
    ordersPageSize,
    call: async (ctx, call) => (await callApi(ctx, profile, call)).body,
    response: (ctx, call) => callApi(ctx, profile, call),
    memo: { sellers: new Map(), categories: new Map() },
  };
}

export type { Json } from '../json.ts';
export { asArray, num, str } from '../json.ts';

/** An object from ML's JSON, or a transient error: a body of the wrong shape is ML misbehaving. */
export function asObject(value: unknown, what: string): Json {
  if (isObject(value)) return value;
  throw mlChannelError(
    FailureClass.transient,
    'ml.unexpected_body',
    `${what}: unexpected answer from Mercado Livre`,
  );
}

/** Where the seller's id comes from: the token response's `user_id`, else `GET /users/me`. */
export async function sellerIdOf(api: MlApi, ctx: ChannelContext): Promise<string> {
  const known = (await ctx.credentials.current()).sellerId;
  if (known !== undefined) return known;
  const me = asObject(
    await api.call(ctx, { operation: 'read', method: 'GET', path: '/users/me' }),
    'users/me',
  );
  const id = str(me.id);
  if (id === undefined)
    throw mlChannelError(FailureClass.transient, 'ml.unexpected_body', 'users/me has no id');
  return id;
}
