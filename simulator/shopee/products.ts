import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import type { SpDeps } from './deps.ts';
import { logSpWrite, nowSeconds } from './deps.ts';
import type { SpFailure } from './errors.ts';
import { paramError, sendFailure, sendOk, spFailure } from './errors.ts';
import { SP_ERRORS, SP_PRODUCTS } from './facts.ts';
import type { SpItem, SpModel } from './model.ts';
import { hasModels } from './model.ts';
import { judgeSp } from './spec.ts';

interface Failed {
  model_id: number;
  failed_reason: string;
}

/** The item of a one-item write: `item_id` is a single integer [doc]. */
function writableItem(
  deps: SpDeps,
  shopId: number,
  body: Record<string, unknown>,
  list: string,
): SpItem | SpFailure {
  if (Array.isArray(body.item_id)) return paramError('Only one item_id per call.');
  if (typeof body.item_id !== 'number' || !Number.isInteger(body.item_id))
    return paramError('item_id is required.');
  const item = deps.store.item(shopId, body.item_id);
  if (item === undefined) return spFailure('error_item_not_found', 'Item_id is not found.');
  const entries = body[list];
  if (!Array.isArray(entries) || entries.length === 0) return paramError(`${list} is required.`);
  if (entries.length > SP_PRODUCTS.maxModelsPerCall) {
    return paramError(
      `The number of ${list} should be less than or equal to ${SP_PRODUCTS.maxModelsPerCall}.`,
    );
  }
  return item;
}

/** The model_id an entry names, for success_list/failure_list (0 when absent or malformed). */
function modelIdOf(entry: Record<string, unknown>): number {
  return typeof entry.model_id === 'number' ? entry.model_id : 0;
}

/** The model an entry names; items without variations take model_id 0 (or none) [2nd]. */
function entryModel(deps: SpDeps, item: SpItem, entry: Record<string, unknown>): SpModel | string {
  const modelId = entry.model_id ?? 0;
  if (typeof modelId !== 'number') return 'Wrong model_id.';
  if (modelId === 0 && hasModels(item))
    return "Can't edit item stock or price directly while item has models.";
  return deps.store.model(item, modelId) ?? 'Wrong model_id.';
}

type WriteRequest = FastifyRequest<{ Body: Record<string, unknown> }>;

function readBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** `POST /api/v2/product/update_stock` [doc]: one item, ≤ 50 models, `seller_stock` only. */
function updateStock(deps: SpDeps, request: WriteRequest, reply: FastifyReply) {
  const shop = callerOf(request).sellerId;
  const body = readBody(request);
  logSpWrite(deps, 'product.update_stock', shop, String(body.item_id ?? ''), 200, body);
  const invalid = judgeSp(deps.conformance, request, 'product.update_stock', 'v2.product.update_stock');
  const item = invalid ?? writableItem(deps, Number(shop), body, 'stock_list');
  if ('error' in item) return sendFailure(reply, deps.requestId(), item);
  const shopRefusal = editRefusal(deps, Number(shop)) ?? locationRefusal(deps, Number(shop), body);
  if (shopRefusal !== null) return sendFailure(reply, deps.requestId(), shopRefusal);
  const success: Array<{ model_id: number; stock: number }> = [];
  const failure: Failed[] = [];
  for (const entry of body.stock_list as Array<Record<string, unknown>>) {
    const model = entryModel(deps, item, entry);
    const stock = sellerStock(entry);
    const modelId = modelIdOf(entry);
    const refusal =
      typeof model === 'string'
        ? model
        : typeof stock === 'string'
          ? stock
          : stockRefusal(deps, model, stock);
    if (refusal !== null) failure.push({ model_id: modelId, failed_reason: refusal });
    else {
      writeStock(model as SpModel, entry);
      success.push({ model_id: modelId, stock: (model as SpModel).stock });
    }
  }
  if (success.length > 0) item.update_time = nowSeconds(deps);
  const response = { success_list: success, failure_list: failure };
  if (failure.length === 0) return sendOk(reply, deps.requestId(), response);
  // [doc update_stock error_list] (S2) the reserved-stock refusal is also listed as `error_auth`:
  // answered so when it is the call's only outcome [unverified which Shopee sends when].
  if (
    success.length === 0 &&
    failure.every((entry) => entry.failed_reason === SP_ERRORS.belowReserved.message)
  ) {
    return sendFailure(reply, deps.requestId(), SP_ERRORS.belowReserved);
  }
  const partial = spFailure(SP_PRODUCTS.stockPartialError, SP_PRODUCTS.stockPartialMessage);
  return partial.error === ''
    ? sendOk(reply, deps.requestId(), response)
    : sendFailure(reply, deps.requestId(), partial, response);
}

/**
 * A multi-warehouse shop's write names its warehouses: the locations given take their stock, the
 * others keep theirs. A one-warehouse shop's stock is the sum of the entries.
 */
function writeStock(model: SpModel, entry: Record<string, unknown>): void {
  const locations = entry.seller_stock as Array<{ location_id?: string; stock: number }>;
  if (
    Object.keys(model.stockByLocation).length === 0 ||
    locations.every((l) => l.location_id === undefined)
  ) {
    model.stock = locations.reduce((sum, location) => sum + location.stock, 0);
    return;
  }
  for (const location of locations) model.stockByLocation[location.location_id!] = location.stock;
  model.stock = Object.values(model.stockByLocation).reduce((sum, value) => sum + value, 0);
}

/** [doc update_stock error_list] holiday mode refuses every edit of the shop's items. */
function editRefusal(deps: SpDeps, shopId: number): SpFailure | null {
  return deps.store.shops.get(shopId)?.holidayMode === true ? SP_ERRORS.holidayMode : null;
}

/** [doc update_stock] (S4) a multi-warehouse shop needs `location_id`, one of its own, in every entry. */
function locationRefusal(deps: SpDeps, shopId: number, body: Record<string, unknown>): SpFailure | null {
  const locations = deps.store.shops.get(shopId)?.locations ?? [];
  if (locations.length === 0) return null;
  for (const entry of body.stock_list as Array<{ seller_stock?: Array<{ location_id?: unknown }> }>) {
    for (const stock of entry.seller_stock ?? []) {
      if (stock.location_id === undefined || stock.location_id === '') return SP_ERRORS.lackOfLocation;
      if (!locations.includes(String(stock.location_id))) return SP_ERRORS.wrongLocation;
    }
  }
  return null;
}

/** `seller_stock: [{location_id?, stock}]`; several locations add up. */
function sellerStock(entry: Record<string, unknown>): number | string {
  if (entry.normal_stock !== undefined && entry.seller_stock === undefined) {
    return 'normal_stock is no longer supported, please use seller_stock.';
  }
  const locations = entry.seller_stock;
  if (!Array.isArray(locations) || locations.length === 0) return 'seller_stock is required.';
  let total = 0;
  for (const location of locations as Array<{ stock?: unknown }>) {
    if (typeof location.stock !== 'number' || !Number.isInteger(location.stock)) return 'Invalid stock.';
    total += location.stock;
  }
  return total;
}

function stockRefusal(deps: SpDeps, model: SpModel, stock: number): string | null {
  const { min_limit, max_limit } = SP_PRODUCTS.stockLimit;
  if (stock < min_limit) return 'Normal_stock/ seller_stock is less than min limit.';
  if (stock > max_limit) return 'Normal_stock/ seller_stock is bigger than max limit.';
  // [2nd] seller_stock counts the units reserved by open orders: it may not go below them.
  if (stock < model.reserved) return SP_ERRORS.belowReserved.message;
  if (deps.faults.active && deps.faults.entryFails('product.update_stock'))
    return 'Update stock failed, please try later.';
  return null;
}

/** `POST /api/v2/product/update_price` [doc]: one item; a model in a promotion keeps its price. */
function updatePrice(deps: SpDeps, request: WriteRequest, reply: FastifyReply) {
  const shop = callerOf(request).sellerId;
  const body = readBody(request);
  logSpWrite(deps, 'product.update_price', shop, String(body.item_id ?? ''), 200, body);
  const invalid = judgeSp(deps.conformance, request, 'product.update_price', 'v2.product.update_price');
  const item = invalid ?? writableItem(deps, Number(shop), body, 'price_list');
  if ('error' in item) return sendFailure(reply, deps.requestId(), item);
  const shopRefusal = editRefusal(deps, Number(shop));
  if (shopRefusal !== null) return sendFailure(reply, deps.requestId(), shopRefusal);
  const accepted: Array<{ model: SpModel; price: number }> = [];
  const failure: Failed[] = [];
  for (const entry of body.price_list as Array<Record<string, unknown>>) {
    const model = entryModel(deps, item, entry);
    const refusal = typeof model === 'string' ? model : priceRefusal(deps, model, entry.original_price);
    if (refusal !== null) failure.push({ model_id: modelIdOf(entry), failed_reason: refusal });
    else accepted.push({ model: model as SpModel, price: entry.original_price as number });
  }
  const ratio = priceRatio(item, accepted);
  if (ratio > SP_PRODUCTS.maxPriceRatio) {
    const message = `The max price of the models is more than ${SP_PRODUCTS.maxPriceRatio} times the min price.`;
    return sendFailure(reply, deps.requestId(), spFailure('error_price_agp_too_large', message));
  }
  for (const { model, price } of accepted) model.price = price;
  if (accepted.length > 0) item.update_time = nowSeconds(deps);
  const success = accepted.map(({ model, price }) => ({ model_id: model.model_id, original_price: price }));
  const response = { success_list: success, failure_list: failure };
  if (failure.length === 0 || SP_PRODUCTS.pricePartialError === '')
    return sendOk(reply, deps.requestId(), response);
  return sendFailure(
    reply,
    deps.requestId(),
    spFailure(SP_PRODUCTS.pricePartialError, 'Update price failed.'),
    response,
  );
}

function priceRefusal(deps: SpDeps, model: SpModel, price: unknown): string | null {
  if (typeof price !== 'number' || !Number.isFinite(price))
    return 'Invalid price, please use the correct format';
  if (price < SP_PRODUCTS.priceLimit.min_limit) return 'Original_price is less than min price limit.';
  if (price > SP_PRODUCTS.priceLimit.max_limit) return 'Original_price is bigger than max price limit.';
  if (model.promotionId !== null) return SP_PRODUCTS.promotionLocked;
  if (deps.faults.active && deps.faults.entryFails('product.update_price'))
    return 'Update price failed, please try later.';
  return null;
}

/** The max/min original price across the item's models once the accepted prices apply. */
function priceRatio(item: SpItem, accepted: ReadonlyArray<{ model: SpModel; price: number }>): number {
  const prices = item.models.map(
    (model) => accepted.find((entry) => entry.model === model)?.price ?? model.price,
  );
  return Math.max(...prices) / Math.min(...prices);
}

export function registerSpProducts(scope: FastifyInstance, deps: SpDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.post('/api/v2/product/update_stock', route('product.update_stock'), (request, reply) =>
    updateStock(deps, request as WriteRequest, reply),
  );
  scope.post('/api/v2/product/update_price', route('product.update_price'), (request, reply) =>
    updatePrice(deps, request as WriteRequest, reply),
  );
}
