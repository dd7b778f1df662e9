import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import type { SpDeps } from './deps.ts';
import { paramError, sendFailure, sendOk } from './errors.ts';
import { SP_PRODUCTS } from './facts.ts';
import type { SpItem, SpModel } from './model.ts';
import { hasModels } from './model.ts';
import { judgeSp } from './spec.ts';

type Query = Record<string, string | undefined>;

/** The price a buyer pays now: the promotion's while one runs [doc mirror]. */
export function currentPrice(model: SpModel): number {
  return model.promotionId !== null && model.promotionPrice !== null ? model.promotionPrice : model.price;
}

function priceInfo(model: SpModel) {
  return [
    { currency: SP_PRODUCTS.currency, original_price: model.price, current_price: currentPrice(model) },
  ];
}

/** [doc] `stock_info_v2`: seller_stock is what the seller writes; available = stock − reserved. */
function stockInfo(model: SpModel) {
  const byLocation = Object.entries(model.stockByLocation);
  return {
    summary_info: {
      total_reserved_stock: model.reserved,
      total_available_stock: model.stock - model.reserved,
    },
    // A multi-warehouse shop shows each warehouse (S4); one warehouse is the region's default.
    seller_stock:
      byLocation.length === 0
        ? [{ location_id: `${SP_PRODUCTS.region}Z`, stock: model.stock }]
        : byLocation.map(([location_id, stock]) => ({ location_id, stock })),
    shopee_stock: [],
  };
}

/** [doc] get_item_base_info: price and stock only for items without models. */
export function baseInfo(item: SpItem) {
  const body: Record<string, unknown> = {
    item_id: item.item_id,
    category_id: item.category_id,
    item_name: item.item_name,
    item_sku: item.item_sku,
    create_time: item.create_time,
    update_time: item.update_time,
    item_status: item.item_status,
    has_model: hasModels(item),
  };
  const single = item.models[0];
  if (!hasModels(item) && single !== undefined) {
    body.price_info = priceInfo(single);
    body.stock_info_v2 = stockInfo(single);
    if (single.promotionId !== null) body.promotion_id = single.promotionId;
  }
  return body;
}

/** [doc] get_model_list: one tier named after the model names (a simulator simplification). */
export function modelList(item: SpItem) {
  if (!hasModels(item)) return { tier_variation: [], model: [] };
  return {
    tier_variation: [
      { name: 'Variação', option_list: item.models.map((model) => ({ option: model.model_name })) },
    ],
    model: item.models.map((model) => ({
      model_id: model.model_id,
      model_sku: model.model_sku,
      model_name: model.model_name,
      tier_index: model.tier_index,
      price_info: priceInfo(model),
      stock_info_v2: stockInfo(model),
      promotion_id: model.promotionId ?? 0,
    })),
  };
}

function ids(value: string | undefined): number[] | null {
  if (value === undefined || value === '') return null;
  const parts = value.split(',');
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : null;
}

function getBaseInfo(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const invalid = judgeSp(
    deps.conformance,
    request,
    'product.get_item_base_info',
    'v2.product.get_item_base_info',
  );
  if (invalid !== null) return sendFailure(reply, deps.requestId(), invalid);
  const list = ids((request.query as Query).item_id_list);
  if (list === null) return sendFailure(reply, deps.requestId(), paramError('The item_id_list is required'));
  if (list.length > SP_PRODUCTS.maxItemIds) {
    return sendFailure(
      reply,
      deps.requestId(),
      paramError('Request items over limit, should be less than 50'),
    );
  }
  const shop = Number(callerOf(request).sellerId);
  const found = list.map((id) => deps.store.item(shop, id)).filter((item) => item !== undefined);
  return sendOk(reply, deps.requestId(), { item_list: found.map(baseInfo) });
}

function getModelList(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const invalid = judgeSp(deps.conformance, request, 'product.get_model_list', 'v2.product.get_model_list');
  if (invalid !== null) return sendFailure(reply, deps.requestId(), invalid);
  const itemId = ids((request.query as Query).item_id);
  const item =
    itemId?.length === 1 ? deps.store.item(Number(callerOf(request).sellerId), itemId[0]!) : undefined;
  if (item === undefined)
    return sendFailure(reply, deps.requestId(), {
      error: 'error_item_not_found',
      message: 'Item_id is not found.',
    });
  return sendOk(reply, deps.requestId(), modelList(item));
}

/** [doc] get_item_list: `offset`, `page_size` ≤ 100, `item_status`, optional update-time window. */
function getItemList(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const invalid = judgeSp(deps.conformance, request, 'product.get_item_list', 'v2.product.get_item_list');
  if (invalid !== null) return sendFailure(reply, deps.requestId(), invalid);
  const query = request.query as Query;
  const offset = Number(query.offset ?? '0');
  const pageSize = Number(query.page_size ?? '');
  if (
    !Number.isInteger(offset) ||
    offset < 0 ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > SP_PRODUCTS.maxPageSize
  ) {
    return sendFailure(reply, deps.requestId(), paramError('page_size must be 1-100 and offset ≥ 0.'));
  }
  const statuses = (query.item_status ?? '').split(',').filter((status) => status !== '');
  const from = query.update_time_from === undefined ? 0 : Number(query.update_time_from);
  const to = query.update_time_to === undefined ? Number.POSITIVE_INFINITY : Number(query.update_time_to);
  const items = deps.store
    .itemsOf(Number(callerOf(request).sellerId))
    .filter((item) => statuses.length === 0 || statuses.includes(item.item_status))
    .filter((item) => item.update_time >= from && item.update_time <= to);
  const page = items.slice(offset, offset + pageSize);
  const more = offset + page.length < items.length;
  return sendOk(reply, deps.requestId(), {
    item: page.map((item) => ({
      item_id: item.item_id,
      item_status: item.item_status,
      update_time: item.update_time,
    })),
    total_count: items.length,
    has_next_page: more,
    next_offset: more ? offset + page.length : 0,
  });
}

function getItemLimit(deps: SpDeps, reply: FastifyReply) {
  return sendOk(reply, deps.requestId(), {
    price_limit: SP_PRODUCTS.priceLimit,
    stock_limit: SP_PRODUCTS.stockLimit,
    item_name_length_limit: { min_limit: 1, max_limit: 120 },
  });
}

export function registerSpProductReads(scope: FastifyInstance, deps: SpDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get('/api/v2/product/get_item_base_info', route('product.get_item_base_info'), (request, reply) =>
    getBaseInfo(deps, request, reply),
  );
  scope.get('/api/v2/product/get_model_list', route('product.get_model_list'), (request, reply) =>
    getModelList(deps, request, reply),
  );
  scope.get('/api/v2/product/get_item_list', route('product.get_item_list'), (request, reply) =>
    getItemList(deps, request, reply),
  );
  scope.get('/api/v2/product/get_item_limit', route('product.get_item_limit'), (_request, reply) =>
    getItemLimit(deps, reply),
  );
}
