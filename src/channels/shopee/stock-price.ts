/**
 * Stock and price on Shopee: `update_stock` / `update_price` take one item per call, with up to
 * 50 of its models [doc/2nd]. A push groups its updates by item (`externalId` = item_id) and
 * sends each item's models together (`externalVariationId` = model_id; 0 for an item without
 * variations); the answer's `success_list` / `failure_list` say which model took its value.
 * Writes apply at once and are absolute, so a repeated one is harmless.
 *
 * Stock is `seller_stock` [doc] (Shopee's own warehouse stock cannot be written); it counts the
 * units open orders reserve, so a value below them is refused. [doc update_stock] (fidelity S4)
 * a shop with several warehouses must name the warehouse (`location_id`): the connection's
 * `extra.locationId`, or, when Shopee answers "Lack of location_id", the one location the item
 * shows (a shop with several is asked to set `extra.locationId`: Cais has one stock per SKU, and
 * guessing a warehouse would overwrite another's stock).
 * Price: [doc update_price] (fidelity S8) `original_price` is the base price, always; Shopee's sale
 * prices live in its discount module, which Cais does not drive (`promotionalPrice: 'none'`), so a
 * promotional price is never sent as the base price. A model in a Shopee promotion keeps its
 * price (refused, permanent).
 */
import type { ChannelContext, ItemOutcome, Operation, PriceUpdate, StockUpdate } from '../adapter.ts';
import type { Query } from '../call.ts';
import type { ChannelError } from '../errors.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { SpApi } from './api.ts';
import { spChannelError } from './errors.ts';
import { SP_PRODUCTS, SP_REASONS } from './facts.ts';

interface ModelWrite {
  listingId: number;
  itemId: number;
  modelId: number;
  entry: Json;
}

export async function pushStock(
  api: SpApi,
  ctx: ChannelContext,
  updates: StockUpdate[],
): Promise<ItemOutcome[]> {
  const location = (await ctx.credentials.current()).extra?.locationId;
  return pushModels(api, ctx, 'stock', updates, (u) => ({
    seller_stock: [stockEntry(Math.max(0, Math.trunc(u.qty)), location)],
  }));
}

function stockEntry(stock: number, location: string | undefined): Json {
  return location === undefined || location === '' ? { stock } : { location_id: location, stock };
}

export function pushPrice(api: SpApi, ctx: ChannelContext, updates: PriceUpdate[]): Promise<ItemOutcome[]> {
  return pushModels(api, ctx, 'price', updates, (u) => ({ original_price: u.price }));
}

async function pushModels<T extends StockUpdate | PriceUpdate>(
  api: SpApi,
  ctx: ChannelContext,
  operation: Operation,
  updates: T[],
  value: (update: T) => Json,
): Promise<ItemOutcome[]> {
  const outcomes = new Map<number, ItemOutcome>();
  const writes: ModelWrite[] = [];
  for (const update of updates) {
    const itemId = Number(update.externalId);
    const modelId = Number(update.externalVariationId ?? SP_PRODUCTS.noModel);
    if (!Number.isSafeInteger(itemId) || !Number.isSafeInteger(modelId)) {
      outcomes.set(update.listingId, {
        listingId: update.listingId,
        ok: false,
        error: badReference(update.externalId),
      });
      continue;
    }
    writes.push({
      listingId: update.listingId,
      itemId,
      modelId,
      entry: { model_id: modelId, ...value(update) },
    });
  }
  let stop: ChannelError | undefined;
  for (const call of calls(writes)) {
    const results = stop === undefined ? await pushItem(api, ctx, operation, call) : failAll(call, stop);
    for (const outcome of results) {
      outcomes.set(outcome.listingId, outcome);
      // An auth failure would fail every later call the same way: stop asking.
      if (!outcome.ok && outcome.error.failure === FailureClass.auth) stop ??= outcome.error;
    }
  }
  return updates.map((u) => outcomes.get(u.listingId)!);
}

/** One call per item, each model once and at most 50 of them. */
function calls(writes: ModelWrite[]): ModelWrite[][] {
  const result: ModelWrite[][] = [];
  const open = new Map<number, ModelWrite[]>();
  for (const write of writes) {
    const current = open.get(write.itemId);
    if (
      current === undefined ||
      current.length >= SP_PRODUCTS.maxModelsPerCall ||
      current.some((w) => w.modelId === write.modelId)
    ) {
      const fresh = [write];
      open.set(write.itemId, fresh);
      result.push(fresh);
    } else current.push(write);
  }
  return result;
}

async function pushItem(
  api: SpApi,
  ctx: ChannelContext,
  operation: Operation,
  writes: ModelWrite[],
): Promise<ItemOutcome[]> {
  const stock = operation === 'stock';
  const send = (entries: Json[]) =>
    api.envelope(ctx, {
      operation,
      method: 'POST',
      path: stock ? '/api/v2/product/update_stock' : '/api/v2/product/update_price',
      json: { item_id: writes[0]!.itemId, [stock ? 'stock_list' : 'price_list']: entries },
    });
  let envelope: Json;
  try {
    envelope = await send(writes.map((w) => w.entry));
  } catch (error) {
    const location = stock ? await locationOnLack(api, ctx, writes[0]!.itemId, error) : undefined;
    if (location === undefined) return failAll(writes, asError(error));
    try {
      envelope = await send(writes.map((w) => withLocation(w.entry, location)));
    } catch (retried) {
      return failAll(writes, asError(retried));
    }
  }
  const response = child(envelope, 'response');
  const succeeded = new Set(
    asArray(response.success_list)
      .filter(isObject)
      .map((entry) => num(entry.model_id) ?? SP_PRODUCTS.noModel),
  );
  const failed = new Map(
    asArray(response.failure_list)
      .filter(isObject)
      .map((entry) => [num(entry.model_id) ?? SP_PRODUCTS.noModel, str(entry.failed_reason) ?? ''] as const),
  );
  // The envelope's own error (error_busi_update_stock_failed) only announces the failure_list;
  // the models' reasons say what went wrong.
  const requestId = str(envelope.request_id);
  return writes.map((write): ItemOutcome => {
    const reason = failed.get(write.modelId);
    if (reason !== undefined) {
      return { listingId: write.listingId, ok: false, error: modelError(reason, requestId, envelope) };
    }
    if (succeeded.has(write.modelId)) return { listingId: write.listingId, ok: true, applied: 'applied' };
    return { listingId: write.listingId, ok: false, error: noAnswer(write, requestId) };
  });
}

/**
 * S4: Shopee asked for a warehouse the connection does not name. The item's own stock shows its
 * locations: exactly one is the answer; none or several leave the error to the seller.
 */
async function locationOnLack(
  api: SpApi,
  ctx: ChannelContext,
  itemId: number,
  error: unknown,
): Promise<string | undefined> {
  if (!isChannelError(error) || error.code !== 'shopee.location_id_missing') return undefined;
  if ((await ctx.credentials.current()).extra?.locationId) return undefined;
  const locations = await itemLocations(api, ctx, itemId).catch(() => new Set<string>());
  return locations.size === 1 ? [...locations][0] : undefined;
}

/** The location ids in an item's `stock_info_v2.seller_stock` (its models' when it has some). */
async function itemLocations(api: SpApi, ctx: ChannelContext, itemId: number): Promise<Set<string>> {
  const read = (path: string, query: Query) =>
    api.call(ctx, { operation: 'read', method: 'GET', path, query });
  const base = asArray(
    (await read('/api/v2/product/get_item_base_info', { item_id_list: String(itemId) })).item_list,
  ).filter(isObject)[0];
  const sources =
    base?.has_model === true
      ? asArray((await read('/api/v2/product/get_model_list', { item_id: itemId })).model).filter(isObject)
      : base === undefined
        ? []
        : [base];
  const locations = new Set<string>();
  for (const source of sources) {
    for (const entry of asArray(child(source, 'stock_info_v2').seller_stock).filter(isObject)) {
      const id = str(entry.location_id);
      if (id !== undefined && id !== '') locations.add(id);
    }
  }
  return locations;
}

function withLocation(entry: Json, location: string): Json {
  const stocks = asArray(entry.seller_stock).filter(isObject);
  return { ...entry, seller_stock: stocks.map((s) => ({ location_id: location, ...s })) };
}

/** A model's `failed_reason`, verbatim, classified by what it says. */
function modelError(reason: string, requestId: string | undefined, envelope: Json): ChannelError {
  const extra = { requestId, marketplaceCode: str(envelope.error) || undefined };
  if (SP_REASONS.promotionLocked.test(reason)) {
    return spChannelError(FailureClass.permanent, 'shopee.price_locked_by_promotion', reason, extra);
  }
  if (SP_REASONS.belowReserved.test(reason)) {
    return spChannelError(FailureClass.permanent, 'shopee.stock_below_reserved', reason, extra);
  }
  if (SP_REASONS.passing.test(reason)) {
    return spChannelError(FailureClass.transient, 'shopee.model_update_failed', reason, extra);
  }
  return spChannelError(FailureClass.permanent, 'shopee.model_refused', reason, extra);
}

function noAnswer(write: ModelWrite, requestId: string | undefined): ChannelError {
  return spChannelError(
    FailureClass.transient,
    'shopee.no_outcome',
    `Shopee's answer named neither success nor failure for model ${write.modelId} of item ${write.itemId}`,
    { requestId },
  );
}

function badReference(externalId: string): ChannelError {
  return spChannelError(
    FailureClass.permanent,
    'shopee.invalid_item_id',
    `"${externalId}" is not a Shopee item id`,
    { hint: 'Link the product to its Shopee item id (a number), and the variation to its model id.' },
  );
}

function failAll(writes: readonly { listingId: number }[], error: ChannelError): ItemOutcome[] {
  return writes.map((w) => ({ listingId: w.listingId, ok: false, error }));
}

function asError(error: unknown): ChannelError {
  if (isChannelError(error)) return error;
  return spChannelError(
    FailureClass.transient,
    'unexpected',
    error instanceof Error ? error.message : String(error),
  );
}
