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
import { categoryAttributes, mapVariationAttributes } from './categories.ts';
import { mlChannelError } from './errors.ts';
import { ML_PUBLISH, ML_SITE, ML_SKU_ATTRIBUTE } from './facts.ts';
import type { MlItem } from './items.ts';
import { getItem, parseItem } from './items.ts';
import { publishStore, warehouseQty } from './multi-origin.ts';
import { sellerKind } from './seller.ts';

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
 * connection's default (`credentials.extra.categoryId`). Variation attributes are sent as the
 * category's attribute ids (M5, categories.ts). How the product is laid out depends on the
 * seller (seller.ts): a classic listing with `variations[]`, or for a User Products seller (M2)
 * one item per variation grouped by `family_name`; a multi-origin seller's items (M1) are created
 * at `/items/multiwarehouse` with the stock in a warehouse.
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
  const names = [...new Set(product.variations.flatMap((variation) => Object.keys(variation.attributes)))];
  const ids =
    names.length === 0
      ? new Map<string, string>()
      : mapVariationAttributes(categoryId, await categoryAttributes(api, ctx, categoryId), names);
  const kind = await sellerKind(api, ctx);
  const store = kind.multiOrigin ? await publishStore(api, ctx, await sellerIdOf(api, ctx)) : undefined;
  const layout: Layout = { categoryId, ids, store };
  if (kind.userProducts) return publishFamily(api, ctx, product, layout);
  const item = await createItem(api, ctx, itemBody(product, layout), layout.store);
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

/** How this seller's items are laid out: the category, its attribute ids, the warehouse (M1). */
interface Layout {
  categoryId: string;
  /** ERP attribute name → the category's attribute id (M5). */
  ids: ReadonlyMap<string, string>;
  /** A multi-origin seller's warehouse for the new item's stock; undefined otherwise. */
  store: string | undefined;
}

async function createItem(api: MlApi, ctx: ChannelContext, json: Json, store?: string): Promise<MlItem> {
  const body = await api.call(ctx, {
    operation: 'publish',
    method: 'POST',
    path: store === undefined ? '/items' : '/items/multiwarehouse',
    json,
  });
  return parseItem(asObject(body, 'items'));
}

/**
 * M2: one item per variation, each with `family_name` (the product's name) and no `title`. An
 * item already carrying the variation's SKU (a publish retried after a partial failure) is
 * taken over rather than created twice.
 */
async function publishFamily(
  api: MlApi,
  ctx: ChannelContext,
  product: ProductForChannel,
  layout: Layout,
): Promise<PublishResult> {
  const members =
    product.variations.length === 0
      ? [{ sku: product.sku, qty: product.qty, price: product.price, ean: product.ean, attributes: {} }]
      : product.variations;
  const variations: Record<string, ListingRef> = {};
  const statuses: string[] = [];
  for (const member of members) {
    const existing = product.variations.length === 0 ? undefined : await findBySku(api, ctx, member.sku);
    const item =
      existing === undefined
        ? await createItem(api, ctx, familyBody(product, member, layout), layout.store)
        : await getItem(api, ctx, existing.externalId);
    statuses.push(item.status);
    variations[member.sku] = { externalId: item.id, sku: member.sku };
  }
  const first = variations[members[0]!.sku]!;
  return {
    // The family has no id of its own to write to: the product is addressed by its first item.
    ref: { externalId: first.externalId, sku: product.sku },
    variations: product.variations.length > 0 ? variations : undefined,
    status: statuses.every((status) => status === 'active') ? 'active' : 'pending',
  };
}

function attribute(id: string, value: string): Json {
  return { id, value_name: value };
}

function commonBody(product: ProductForChannel, layout: Layout): Json {
  const body: Json = {
    category_id: layout.categoryId,
    currency_id: ML_SITE.currency,
    buying_mode: ML_PUBLISH.buyingMode,
    listing_type_id: ML_PUBLISH.listingType,
    condition: ML_PUBLISH.condition,
    pictures: product.images.map((source) => ({ source })),
  };
  if (product.description !== null) body.description = { plain_text: product.description };
  return body;
}

/** Stock of a new item: `available_quantity`, or for a multi-origin seller its warehouse's (M1). */
function stockOf(qty: number, layout: Layout): Json {
  return layout.store === undefined
    ? { available_quantity: qty }
    : { stock_locations: [{ store_id: layout.store, quantity: qty }] };
}

function itemBody(product: ProductForChannel, layout: Layout): Json {
  const attributes = [attribute(ML_SKU_ATTRIBUTE, product.sku)];
  if (product.brand !== null) attributes.push(attribute('BRAND', product.brand));
  if (product.ean !== null) attributes.push(attribute('GTIN', product.ean));
  const body: Json = {
    ...commonBody(product, layout),
    title: product.name,
    price: product.price,
    attributes,
  };
  if (product.variations.length === 0) return { ...body, ...stockOf(product.qty, layout) };
  return { ...body, variations: product.variations.map((variation) => variationBody(variation, layout)) };
}

type Member = Pick<ProductForChannel['variations'][number], 'sku' | 'qty' | 'price' | 'ean' | 'attributes'>;

function familyBody(product: ProductForChannel, member: Member, layout: Layout): Json {
  const attributes = [attribute(ML_SKU_ATTRIBUTE, member.sku)];
  if (product.brand !== null) attributes.push(attribute('BRAND', product.brand));
  if (member.ean !== null) attributes.push(attribute('GTIN', member.ean));
  for (const [name, value] of Object.entries(member.attributes)) {
    attributes.push(attribute(layout.ids.get(name)!, value));
  }
  return {
    ...commonBody(product, layout),
    family_name: product.name,
    price: member.price,
    attributes,
    ...stockOf(member.qty, layout),
  };
}

function variationBody(variation: ProductForChannel['variations'][number], layout: Layout): Json {
  const attributes = [attribute(ML_SKU_ATTRIBUTE, variation.sku)];
  if (variation.ean !== null) attributes.push(attribute('GTIN', variation.ean));
  return {
    price: variation.price,
    available_quantity: variation.qty,
    attribute_combinations: Object.entries(variation.attributes).map(([name, value]) =>
      attribute(layout.ids.get(name)!, value),
    ),
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
  // M1: what Cais wrote is one warehouse's stock; the item shows the sum of all of them.
  const qty = (await sellerKind(api, ctx)).multiOrigin ? await warehouseQty(api, ctx, ref) : own.qty;
  const snapshot = { qty, price: own.price, promotionalPrice: null, status: item.status };
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
