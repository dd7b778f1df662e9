/**
 * Mercado Livre listings: associate by SKU, publish a classic listing, take it off sale, and
 * read back what buyers see.
 */
import type {
  ChannelContext,
  ListingRef,
  ListingSnapshot,
  ProductForChannel,
  PublishResult,
} from '../adapter.ts';
import { FailureClass, isChannelError } from '../errors.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, num, sellerIdOf, str } from './api.ts';
import { mlChannelError } from './errors.ts';
import { ML_PUBLISH, ML_SITE, ML_SKU_ATTRIBUTE } from './facts.ts';
import type { MlItem } from './items.ts';
import { getItem, parseItem } from './items.ts';

/**
 * [2nd] `GET /users/{id}/items/search?seller_sku=` finds items whose SKU is on the item or on a
 * variation; the item is then read to tell which. With several matches the first is taken
 * (ML sorts by stop time); the seller can link another one by id.
 */
export async function findBySku(
  api: MlApi,
  ctx: ChannelContext,
  sku: string,
): Promise<ListingRef | undefined> {
  const sellerId = await sellerIdOf(api, ctx);
  const body = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: `/users/${encodeURIComponent(sellerId)}/items/search`,
    query: { seller_sku: sku },
  });
  const itemId = str(asArray(asObject(body, 'items/search').results)[0]);
  if (itemId === undefined) return undefined;
  const item = await getItem(api, ctx, itemId);
  const variation = item.variations.find((entry) => entry.sku === sku);
  if (variation !== undefined) return { externalId: item.id, externalVariationId: String(variation.id), sku };
  return { externalId: item.id, sku };
}

/**
 * `POST /items` [doc]. ML needs a category; Cais takes the one mapped for the product, or the
 * connection's default (`credentials.extra.categoryId`). [unverified] variation attributes are
 * sent by name, as ML accepts custom attributes; a category with fixed attribute ids needs them
 * mapped first.
 */
export async function publish(
  api: MlApi,
  ctx: ChannelContext,
  product: ProductForChannel,
): Promise<PublishResult> {
  const categoryId = product.categoryId ?? (await ctx.credentials.current()).extra?.categoryId;
  if (categoryId === undefined) {
    throw mlChannelError(
      FailureClass.permanent,
      'ml.category_required',
      'Mercado Livre needs a category to publish',
    );
  }
  const body = await api.call(ctx, {
    operation: 'publish',
    method: 'POST',
    path: '/items',
    json: itemBody(product, categoryId),
  });
  const item = parseItem(asObject(body, 'items'));
  const variations: Record<string, ListingRef> = {};
  for (const variation of item.variations) {
    if (variation.sku !== undefined) {
      variations[variation.sku] = {
        externalId: item.id,
        externalVariationId: String(variation.id),
        sku: variation.sku,
      };
    }
  }
  return {
    ref: { externalId: item.id, sku: product.sku },
    variations: product.variations.length > 0 ? variations : undefined,
    status: item.status === 'active' ? 'active' : 'pending',
  };
}

function attribute(id: string, value: string): Json {
  return { id, value_name: value };
}

function itemBody(product: ProductForChannel, categoryId: string): Json {
  const attributes = [attribute(ML_SKU_ATTRIBUTE, product.sku)];
  if (product.brand !== null) attributes.push(attribute('BRAND', product.brand));
  if (product.ean !== null) attributes.push(attribute('GTIN', product.ean));
  const body: Json = {
    title: product.name,
    category_id: categoryId,
    price: product.price,
    currency_id: ML_SITE.currency,
    buying_mode: ML_PUBLISH.buyingMode,
    listing_type_id: ML_PUBLISH.listingType,
    condition: ML_PUBLISH.condition,
    pictures: product.images.map((source) => ({ source })),
    attributes,
  };
  if (product.description !== null) body.description = { plain_text: product.description };
  if (product.variations.length === 0) body.available_quantity = product.qty;
  else body.variations = product.variations.map(variationBody);
  return body;
}

function variationBody(variation: ProductForChannel['variations'][number]): Json {
  const attributes = [attribute(ML_SKU_ATTRIBUTE, variation.sku)];
  if (variation.ean !== null) attributes.push(attribute('GTIN', variation.ean));
  return {
    price: variation.price,
    available_quantity: variation.qty,
    attribute_combinations: Object.entries(variation.attributes).map(([name, value]) => ({
      id: name,
      name,
      value_name: value,
    })),
    attributes,
  };
}

/**
 * Pauses the item [doc]: reversible, unlike `closed`. An item already closed is off sale, so
 * ML's refusal to modify it counts as done.
 */
export async function unpublish(api: MlApi, ctx: ChannelContext, ref: ListingRef): Promise<void> {
  try {
    await api.call(ctx, {
      operation: 'publish',
      method: 'PUT',
      path: `/items/${encodeURIComponent(ref.externalId)}`,
      json: { status: 'paused' },
    });
  } catch (error) {
    if (isChannelError(error) && error.code === 'ml.item.status.not_modifiable') return;
    throw error;
  }
}

/**
 * What buyers see: the item (or the variation) and, for an item, a running discount from
 * `GET /items/{id}/sale_price` [doc] (`regular_amount` is the strike-through price while one
 * runs). Cais sets no discount on a single variation (see promotions.ts), so none is read there.
 */
export async function readListing(
  api: MlApi,
  ctx: ChannelContext,
  ref: ListingRef,
): Promise<ListingSnapshot> {
  const item = await getItem(api, ctx, ref.externalId);
  const own = ownValues(item, ref);
  const snapshot = { qty: own.qty, price: own.price, promotionalPrice: null, status: item.status };
  if (ref.externalVariationId !== undefined) return snapshot;
  const salePrice = asObject(
    await api.call(ctx, {
      operation: 'read',
      method: 'GET',
      path: `/items/${encodeURIComponent(ref.externalId)}/sale_price`,
      query: { context: 'channel_marketplace' },
    }),
    'sale_price',
  );
  const regular = num(salePrice.regular_amount);
  const amount = num(salePrice.amount);
  if (regular === undefined || amount === undefined) return snapshot;
  return { ...snapshot, price: regular, promotionalPrice: amount };
}

function ownValues(item: MlItem, ref: ListingRef): { qty: number; price: number | null } {
  if (ref.externalVariationId === undefined) {
    return { qty: item.availableQuantity ?? 0, price: item.price ?? null };
  }
  const variation = item.variations.find((entry) => String(entry.id) === ref.externalVariationId);
  if (variation === undefined) {
    throw mlChannelError(
      FailureClass.permanent,
      'ml.variation_not_found',
      `Variation ${ref.externalVariationId} not found in item ${item.id}`,
    );
  }
  return { qty: variation.availableQuantity ?? 0, price: variation.price ?? null };
}
