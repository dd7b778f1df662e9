/**
 * Stock and price on Mercado Livre: `PUT /items/{id}` with `available_quantity` or `price`
 * [doc]. Writes are absolute, so a repeated send is harmless.
 *
 * Variations are the dangerous part: [doc] a PUT with `variations` DELETES every variation whose
 * id it leaves out. Cais never sends a partial list. To change one variation it reads the item
 * first and sends every current variation id, with the new value on the target only and nothing
 * else on the others (so a sibling's stock, changed by a sale meanwhile, is not overwritten with
 * a stale copy). The read costs one call; the gap between read and PUT is milliseconds, and the
 * only thing it could lose is a variation created in ML's panel inside that gap, which ML's
 * classic items give no version header to guard against. Sending every id from a cached copy, or
 * only the target, would delete variations far more often.
 */
import type { ChannelContext, ItemOutcome, ListingRef, PriceUpdate, StockUpdate } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import { eachItem } from '../outcomes.ts';
import type { Json, MlApi } from './api.ts';
import { mlChannelError } from './errors.ts';
import { getItem } from './items.ts';
import { pushWarehouseStock } from './multi-origin.ts';
import { syncPromotion } from './promotions.ts';
import { sellerKind } from './seller.ts';

type Operation = 'stock' | 'price';

/** M1: a multi-origin seller's stock goes to its warehouse (multi-origin.ts), never to `/items`. */
export function pushStock(api: MlApi, ctx: ChannelContext, updates: StockUpdate[]): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) => {
    if ((await sellerKind(api, ctx)).multiOrigin) await pushWarehouseStock(api, ctx, update, update.qty);
    else await putValue(api, ctx, 'stock', update, { available_quantity: update.qty });
    return 'applied';
  });
}

/**
 * The regular price goes first: ML removes a running discount when the price drops to or below
 * it, and refuses a discount that is not below the price, so the discount follows the price.
 */
export function pushPrice(api: MlApi, ctx: ChannelContext, updates: PriceUpdate[]): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) => {
    await putValue(api, ctx, 'price', update, { price: update.price });
    await syncPromotion(api, ctx, update);
    return 'applied';
  });
}

async function putValue(api: MlApi, ctx: ChannelContext, operation: Operation, ref: ListingRef, value: Json) {
  const json = ref.externalVariationId === undefined ? value : await variationsBody(api, ctx, ref, value);
  await api.call(ctx, {
    operation,
    method: 'PUT',
    path: `/items/${encodeURIComponent(ref.externalId)}`,
    json,
    // A 2xx is all Cais needs to know: the item ML answers with is dropped unread.
    ignoreSuccessBody: true,
  });
}

/** Every current variation by id; the new value on the target alone. */
async function variationsBody(api: MlApi, ctx: ChannelContext, ref: ListingRef, value: Json): Promise<Json> {
  const item = await getItem(api, ctx, ref.externalId);
  const target = item.variations.find((variation) => String(variation.id) === ref.externalVariationId);
  if (target === undefined) {
    throw mlChannelError(
      FailureClass.permanent,
      'ml.variation_not_found',
      `Variation ${ref.externalVariationId} not found in item ${item.id}`,
    );
  }
  return {
    variations: item.variations.map((variation) =>
      variation === target ? { id: variation.id, ...value } : { id: variation.id },
    ),
  };
}
