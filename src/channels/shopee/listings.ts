/**
 * Shopee listings: an item (`externalId` = item_id) and, for products with variations, its
 * models (`externalVariationId` = model_id). Read back with `get_item_base_info` and
 * `get_model_list` [doc]. Creating an item (`add_item`) needs Shopee's category attributes and
 * uploaded images, which Cais does not map: sellers create items in Seller Centre and link them.
 */
import type {
  ChannelContext,
  ListingRef,
  ListingSnapshot,
  ProductForChannel,
  PublishResult,
} from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, num, str } from '../json.ts';
import type { SpApi } from './api.ts';
import { spChannelError } from './errors.ts';
import { SP_PRODUCTS } from './facts.ts';
import { pushStock } from './stock-price.ts';

async function baseInfo(api: SpApi, ctx: ChannelContext, itemIds: number[]): Promise<Json[]> {
  const response = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: '/api/v2/product/get_item_base_info',
    query: { item_id_list: itemIds.join(',') },
  });
  return asArray(response.item_list).filter(isObject);
}

async function models(api: SpApi, ctx: ChannelContext, itemId: number): Promise<Json[]> {
  const response = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: '/api/v2/product/get_model_list',
    query: { item_id: itemId },
  });
  return asArray(response.model).filter(isObject);
}

function itemNotFound(itemId: string) {
  return spChannelError(
    FailureClass.permanent,
    'shopee.error_item_not_found',
    `Item ${itemId} not found in the shop`,
  );
}

/**
 * What buyers see. `seller_stock` is what Cais writes (it counts reserved units), so it is what
 * confirms a write; `current_price` below `original_price` is a Shopee promotion running.
 */
export async function readListing(
  api: SpApi,
  ctx: ChannelContext,
  ref: ListingRef,
): Promise<ListingSnapshot> {
  const itemId = Number(ref.externalId);
  if (!Number.isSafeInteger(itemId)) throw itemNotFound(ref.externalId);
  const [item] = await baseInfo(api, ctx, [itemId]);
  if (item === undefined) throw itemNotFound(ref.externalId);
  const status =
    str(item.item_status) === 'NORMAL' ? 'active' : (str(item.item_status) ?? 'unknown').toLowerCase();
  let source: Json = item;
  if (ref.externalVariationId !== undefined) {
    const model = (await models(api, ctx, itemId)).find(
      (m) => String(num(m.model_id)) === ref.externalVariationId,
    );
    if (model === undefined) {
      throw spChannelError(
        FailureClass.permanent,
        'shopee.model_not_found',
        `Model ${ref.externalVariationId} not found in item ${ref.externalId}`,
        { hint: 'The variation no longer exists in Shopee. Link the SKU again to its current model.' },
      );
    }
    source = model;
  }
  const price = asArray(source.price_info).find(isObject);
  const original = num(price?.original_price) ?? null;
  const current = num(price?.current_price) ?? null;
  const stock = child(source, 'stock_info_v2');
  const qty = asArray(stock.seller_stock)
    .filter(isObject)
    .reduce((sum, location) => sum + (num(location.stock) ?? 0), 0);
  return {
    qty,
    price: original,
    promotionalPrice: current !== null && original !== null && current < original ? current : null,
    status,
  };
}

/**
 * Shopee has no search by SKU: the shop's items are read page by page (up to SP_PRODUCTS.scanLimit)
 * and matched on `item_sku`. Models are not searched (one call per item); link variations by id.
 */
export async function findBySku(
  api: SpApi,
  ctx: ChannelContext,
  sku: string,
): Promise<ListingRef | undefined> {
  for (let offset = 0; offset < SP_PRODUCTS.scanLimit; ) {
    const page = await api.call(ctx, {
      operation: 'read',
      method: 'GET',
      path: '/api/v2/product/get_item_list',
      query: { offset, page_size: SP_PRODUCTS.pageSize, item_status: 'NORMAL' },
    });
    const ids = asArray(page.item)
      .filter(isObject)
      .flatMap((entry) => (num(entry.item_id) === undefined ? [] : [num(entry.item_id)!]));
    for (let i = 0; i < ids.length; i += SP_PRODUCTS.maxItemIds) {
      const found = (await baseInfo(api, ctx, ids.slice(i, i + SP_PRODUCTS.maxItemIds))).find(
        (item) => str(item.item_sku) === sku,
      );
      if (found !== undefined) return { externalId: String(num(found.item_id)), sku };
    }
    if (page.has_next_page !== true || ids.length === 0) return undefined;
    offset = num(page.next_offset) ?? offset + ids.length;
  }
  return undefined;
}

export function publish(
  _api: SpApi,
  _ctx: ChannelContext,
  product: ProductForChannel,
): Promise<PublishResult> {
  return Promise.reject(
    spChannelError(
      FailureClass.permanent,
      'shopee.publish_unsupported',
      `Cais does not create Shopee items (${product.sku}): create it in Shopee Seller Centre`,
      { hint: 'Create the item in Shopee Seller Centre, then link it to the product by its item id.' },
    ),
  );
}

/** [unverified] `unlist_item` is not used: stock 0 keeps buyers from ordering, a later stock sync puts it back. */
export async function unpublish(api: SpApi, ctx: ChannelContext, ref: ListingRef): Promise<void> {
  const [outcome] = await pushStock(api, ctx, [{ listingId: 0, ...ref, qty: 0 }]);
  if (outcome === undefined || outcome.ok) return;
  if (isChannelError(outcome.error) && outcome.error.code === 'shopee.error_item_not_found') return;
  throw outcome.error;
}
