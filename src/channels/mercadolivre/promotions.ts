/**
 * The promotional price on Mercado Livre is a seller discount (`PRICE_DISCOUNT`) with a window,
 * through the seller-promotions API [2nd]: read with GET, create with POST, change with PUT,
 * remove with DELETE, every call with `app_version=v2`. At most 14 days long; a longer window
 * from Cais's rules is cut to 14 days from its start, and the next price sync after that
 * extends it again.
 *
 * A discount belongs to the whole item, so Cais sets none from a single variation's price: two
 * variations with different sale prices would overwrite each other.
 */
import type { ChannelContext, PriceUpdate } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, str } from './api.ts';
import { mlChannelError } from './errors.ts';
import { ML_PROMOTIONS } from './facts.ts';

const DAY_MS = 86_400_000;

interface Discount {
  dealPrice: number;
  start: Date;
  finish: Date;
}

/** The discount buyers should see, or null when there is none (no sale price, window over). */
export function wantedDiscount(update: PriceUpdate, now = Date.now()): Discount | null {
  const deal = update.promotionalPrice;
  if (deal === null || deal >= update.price) return null;
  if (update.promotionEndsAt !== undefined && update.promotionEndsAt.getTime() <= now) return null;
  const startMs = Math.max(now, update.promotionStartsAt?.getTime() ?? now);
  const longest = startMs + ML_PROMOTIONS.maxDays * DAY_MS;
  const finishMs = Math.min(update.promotionEndsAt?.getTime() ?? longest, longest);
  return { dealPrice: deal, start: new Date(startMs), finish: new Date(finishMs) };
}

export async function syncPromotion(api: MlApi, ctx: ChannelContext, update: PriceUpdate): Promise<void> {
  const wanted = wantedDiscount(update);
  if (update.externalVariationId !== undefined) {
    if (wanted === null) return;
    throw mlChannelError(
      FailureClass.permanent,
      'ml.promotion.variation_unsupported',
      'Mercado Livre discounts apply to the whole item, not to one variation',
    );
  }
  const path = `/seller-promotions/items/${encodeURIComponent(update.externalId)}`;
  const current = await currentDiscount(api, ctx, path);
  if (wanted === null) {
    if (current === 'running') {
      const query = { promotion_type: ML_PROMOTIONS.type, app_version: ML_PROMOTIONS.appVersion };
      await api.call(ctx, { operation: 'price', method: 'DELETE', path, query });
    }
    return;
  }
  await api.call(ctx, {
    operation: 'price',
    // A finished discount still occupies the item's slot: it is replaced, not created again.
    method: current === 'none' ? 'POST' : 'PUT',
    path,
    query: { app_version: ML_PROMOTIONS.appVersion },
    json: discountBody(wanted),
  });
}

async function currentDiscount(
  api: MlApi,
  ctx: ChannelContext,
  path: string,
): Promise<'none' | 'running' | 'finished'> {
  const body = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path,
    query: { app_version: ML_PROMOTIONS.appVersion },
  });
  const discount = asArray(body)
    .map((entry) => asObject(entry, 'promotion'))
    .find((promotion) => str(promotion.type) === ML_PROMOTIONS.type);
  if (discount === undefined) return 'none';
  return str(discount.status) === 'finished' ? 'finished' : 'running';
}

/** [unverified] ML's examples show local times without an offset; Cais sends UTC with `Z`. */
function discountBody(discount: Discount): Json {
  return {
    promotion_type: ML_PROMOTIONS.type,
    deal_price: discount.dealPrice,
    start_date: discount.start.toISOString(),
    finish_date: discount.finish.toISOString(),
  };
}
