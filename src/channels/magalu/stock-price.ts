/**
 * Stock and price on Magalu: one call per SKU [2nd], answered 202 when accepted and applied
 * a little later, so the outcome is `pending` until a read shows the value. Each variation is
 * a SKU of its own, addressed by `externalId`. Writes are absolute: repeating one is harmless.
 *
 * G3 [2nd: integrators quoting the doc] every body names the sales channel (`channel: {id}`);
 * `POST` creates the SKU's price or stock entry and `PATCH` updates it. Cais PATCHes (the entry
 * exists once the listing is published) and POSTs when Magalu says there is none yet (404: a SKU
 * created in Magalu's panel without price or stock); publishing POSTs and PATCHes on a 409.
 *
 * Prices [2nd]: `list_price` is the regular (strike-through) price and `price` what the buyer
 * pays, in integer cents with `normalizer: 100`. Magalu has no sale window of its own, so Cais
 * sends the sale price only while its window is open; the run after the window closes (a rule
 * change makes the listing pending) sends the regular price again.
 */
import type { ChannelContext, ItemOutcome, PriceUpdate, StockUpdate } from '../adapter.ts';
import { isChannelError } from '../errors.ts';
import type { HttpResponse } from '../http-client.ts';
import type { Json } from '../json.ts';
import { eachItem } from '../outcomes.ts';
import type { MgApi } from './api.ts';
import { channelIdOf, skuPath, toCents } from './api.ts';
import { MG_MONEY } from './facts.ts';

type Kind = 'prices' | 'stocks';
/** PATCH for a sync (the entry exists), POST when publishing (it does not yet). */
export type WriteMode = 'update' | 'create';

function applied(response: HttpResponse): 'applied' | 'pending' {
  return response.status === 202 ? 'pending' : 'applied';
}

export function pushStock(
  api: MgApi,
  ctx: ChannelContext,
  updates: StockUpdate[],
  mode: WriteMode = 'update',
): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) => {
    const channel = { id: channelIdOf(await ctx.credentials.current()) };
    const json = { channel, quantity: update.qty, type: 'AVAILABLE' };
    return applied(await writeEntry(api, ctx, 'stocks', update.externalId, json, mode));
  });
}

export function pushPrice(
  api: MgApi,
  ctx: ChannelContext,
  updates: PriceUpdate[],
  mode: WriteMode = 'update',
): Promise<ItemOutcome[]> {
  return eachItem(updates, async (update) => {
    const channel = { id: channelIdOf(await ctx.credentials.current()) };
    const json = { channel, ...priceBody(update) };
    return applied(await writeEntry(api, ctx, 'prices', update.externalId, json, mode));
  });
}

/** The first method, and the other one when Magalu answers that the entry is (not) there yet. */
async function writeEntry(
  api: MgApi,
  ctx: ChannelContext,
  kind: Kind,
  sku: string,
  json: Json,
  mode: WriteMode,
): Promise<HttpResponse> {
  const first = mode === 'create' ? 'POST' : 'PATCH';
  const send = (method: 'POST' | 'PATCH') =>
    api.call(ctx, {
      operation: kind === 'prices' ? 'price' : 'stock',
      method,
      path: skuPath(kind, sku),
      json,
    });
  try {
    return await send(first);
  } catch (error) {
    const other = first === 'POST' ? 409 : 404;
    if (!isChannelError(error) || error.httpStatus !== other) throw error;
    return send(first === 'POST' ? 'PATCH' : 'POST');
  }
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
