/**
 * What kind of Mercado Livre seller a connection is, from the tags of `GET /users/me` [doc]:
 * `user_product_seller` (M2: one item per variation, grouped by `family_name`) and
 * `warehouse_management` (M1: stock per warehouse through the User Products stock API).
 *
 * A seller is moved to these models by ML at any time, so the tags are read again after
 * ML_SELLER_KIND.ttlMs; reading them before every push would double the calls of a run.
 */
import type { ChannelContext } from '../adapter.ts';
import type { MlApi } from './api.ts';
import { asArray, asObject, str } from './api.ts';
import { ML_SELLER_KIND } from './facts.ts';

export interface MlSellerKind {
  /** M2: publishes no `variations[]`; each variation is an item with `family_name`, no `title`. */
  userProducts: boolean;
  /** M1: `available_quantity` on `/items` is refused or ignored; stock goes per warehouse. */
  multiOrigin: boolean;
}

export async function sellerKind(api: MlApi, ctx: ChannelContext): Promise<MlSellerKind> {
  const tags = await sellerTags(api, ctx);
  return {
    userProducts: tags.includes(ML_SELLER_KIND.userProductsTag),
    multiOrigin: tags.includes(ML_SELLER_KIND.multiOriginTag),
  };
}

async function sellerTags(api: MlApi, ctx: ChannelContext): Promise<readonly string[]> {
  const known = api.memo.sellers.get(ctx.connectionId);
  if (known !== undefined && Date.now() - known.at < ML_SELLER_KIND.ttlMs) return known.tags;
  const me = asObject(
    await api.call(ctx, { operation: 'read', method: 'GET', path: '/users/me' }),
    'users/me',
  );
  const tags = asArray(me.tags)
    .map((tag) => str(tag))
    .filter((tag): tag is string => tag !== undefined);
  api.memo.sellers.set(ctx.connectionId, { tags, at: Date.now() });
  return tags;
}
