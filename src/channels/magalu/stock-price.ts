/**
 * Stock and price on Magalu: one `PATCH` per SKU [2nd], answered 202 when accepted and applied
 * a little later, so the outcome is `pending` until a read shows the value. Each variation is
 * a SKU of its own, addressed by `externalId`. Writes are absolute: repeating one is harmless.
 *
 * Prices [2nd]: `list_price` is the regular (strike-through) price and `price` what the buyer
 * pays, in integer cents with `normalizer: 100`. Magalu has no sale window of its own, so Cais
 * sends the sale price only while its window is open; the run after the window closes (a rule
 * change makes the listing pending) sends the regular price again.
 */
import type { ChannelContext, ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import type { HttpResponse } from '../http-client.ts';
import { eachItem } from '../outcomes.ts';
import type { MgApi } from './api.ts';
import { skuPath, toCents } from './api.ts';
import { MG_MONEY } from './facts.ts';

function applied(response: HttpResponse): 'applied' | 'pending' {
  return response.status === 202 ? 'pending' : 'applied';
}

export function pushStock(api: MgApi, ctx: ChannelContext, updates: StockUpdate[]): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) =>
    applied(
      await api.call(ctx, {
        operation: 'stock',
        method: 'PATCH',
        path: skuPath('stocks', update.externalId),
        json: { quantity: update.qty, type: 'AVAILABLE' },
      }),
    ),
  );
}

export function pushPrice(api: MgApi, ctx: ChannelContext, updates: PriceUpdate[]): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) =>
    applied(
      await api.call(ctx, {
        operation: 'price',
        method: 'PATCH',
        path: skuPath('prices', update.externalId),
        json: priceBody(update),
      }),
    ),
  );
}

export function salePrice(update: PriceUpdate, now = Date.now()): number {
  const { promotionalPrice, promotionStartsAt, promotionEndsAt } = update;
  if (promotionalPrice === null) return update.price;
  if (promotionStartsAt !== undefined && promotionStartsAt.getTime() > now) return update.price;
  if (promotionEndsAt !== undefined && promotionEndsAt.getTime() <= now) return update.price;
  return promotionalPrice;
}

function priceBody(update: PriceUpdate) {
  return {
    price: toCents(salePrice(update)),
    list_price: toCents(update.price),
    currency: MG_MONEY.currency,
    normalizer: MG_MONEY.normalizer,
  };
}
