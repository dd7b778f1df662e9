/**
 * Magalu listings: a listing is a SKU of the seller's portfolio (`/seller/v1/portfolios/skus`
 * [doc]); price and stock are its sub-resources. A product with variations is a group of SKUs
 * (`group.id` = the product's SKU), each variation a listing of its own.
 */
import type {
  ChannelContext,
  ListingRef,
  ListingSnapshot,
  ProductForChannel,
  PublishResult,
} from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, num, str } from '../json.ts';
import type { MgApi } from './api.ts';
import { channelIdOf, fromAmount, skuPath } from './api.ts';
import { mgChannelError } from './errors.ts';
import { MG_SKU_REQUIRED } from './facts.ts';
import { pushPrice, pushStock } from './stock-price.ts';

export async function findBySku(
  api: MgApi,
  ctx: ChannelContext,
  sku: string,
): Promise<ListingRef | undefined> {
  const response = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: skuPath('skus', sku),
    accept: [404],
  });
  return response.status === 404 ? undefined : { externalId: sku, sku };
}

interface SkuToCreate {
  sku: string;
  title: string;
  ean: string | null;
  qty: number;
  price: number;
  group?: { id: string; main_variation: boolean } | undefined;
}

function skusOf(product: ProductForChannel): SkuToCreate[] {
  if (product.variations.length === 0) return [{ ...product, title: product.name }];
  return product.variations.map((variation, index) => ({
    sku: variation.sku,
    title: [product.name, ...Object.values(variation.attributes)].join(' '),
    ean: variation.ean,
    qty: variation.qty,
    price: variation.price,
    group: { id: product.sku, main_variation: index === 0 },
  }));
}

/**
 * G1 [doc: seller-produtos post_skus] Magalu refuses a SKU without `description` or `brand`
 * (at least 1 character). Sending `''` would only earn that refusal, so the product is refused
 * here, before any call, with the field the ERP must fill.
 */
export function missingSkuFields(product: ProductForChannel): string[] {
  const values: Record<(typeof MG_SKU_REQUIRED)[number], string | null> = {
    description: product.description,
    brand: product.brand,
  };
  return MG_SKU_REQUIRED.filter((field) => (values[field] ?? '').trim() === '');
}

function refuseIncomplete(product: ProductForChannel): void {
  const missing = missingSkuFields(product);
  if (missing.length === 0) return;
  const fields = missing.join(' and ');
  throw mgChannelError(
    FailureClass.permanent,
    `magalu.${missing[0]}_required`,
    `Magalu requires the product's ${fields} (at least 1 character); product ${product.sku} has none`,
  );
}

/**
 * Creates each SKU, then sets its price and stock (Magalu keeps them apart). A SKU that already
 * exists (409: a retried publish, or a SKU created in Magalu's panel) is taken over as it is.
 */
export async function publish(
  api: MgApi,
  ctx: ChannelContext,
  product: ProductForChannel,
): Promise<PublishResult> {
  refuseIncomplete(product);
  const channelId = channelIdOf(await ctx.credentials.current());
  const statuses: string[] = [];
  const variations: Record<string, ListingRef> = {};
  for (const entry of skusOf(product)) {
    statuses.push(await createSku(api, ctx, product, entry, channelId));
    const ref = { listingId: 0, externalId: entry.sku, sku: entry.sku };
    const priced = { ...ref, price: entry.price, promotionalPrice: product.promotionalPrice };
    await failOnError(pushPrice(api, ctx, [priced], 'create'));
    await failOnError(pushStock(api, ctx, [{ ...ref, qty: entry.qty }], 'create'));
    variations[entry.sku] = { externalId: entry.sku, sku: entry.sku };
  }
  return {
    ref: { externalId: product.sku, sku: product.sku },
    variations: product.variations.length > 0 ? variations : undefined,
    status: statuses.every((status) => status === 'PUBLISHED') ? 'active' : 'pending',
  };
}

async function createSku(
  api: MgApi,
  ctx: ChannelContext,
  product: ProductForChannel,
  entry: SkuToCreate,
  channelId: string,
): Promise<string> {
  const json: Json = {
    sku: entry.sku,
    title: entry.title,
    // Checked by refuseIncomplete: never the empty string Magalu refuses.
    description: product.description!,
    brand: product.brand!,
    channels: [{ id: channelId }],
    identifiers: entry.ean === null ? [] : [{ type: 'ean', value: entry.ean }],
  };
  if (entry.group !== undefined) json.group = entry.group;
  const created = await api.call(ctx, {
    operation: 'publish',
    method: 'POST',
    path: '/seller/v1/portfolios/skus',
    json,
    accept: [409],
  });
  if (created.status !== 409)
    return str(isObject(created.body) ? created.body.status : undefined) ?? 'unknown';
  return (await skuStatus(api, ctx, entry.sku)) ?? 'unknown';
}

async function failOnError(outcomes: Promise<{ ok: boolean; error?: unknown }[]>): Promise<void> {
  for (const outcome of await outcomes) if (!outcome.ok) throw outcome.error;
}

async function skuStatus(api: MgApi, ctx: ChannelContext, sku: string): Promise<string | undefined> {
  return str(
    (await api.json(ctx, { operation: 'read', method: 'GET', path: skuPath('skus', sku) }, 'sku')).status,
  );
}

/**
 * G3 [2nd: integrators quoting the doc] `PATCH /portfolios/skus/{sku}` with `active: false`
 * takes the SKU off sale and keeps it in the portfolio (stock 0 would not: the next stock sync
 * would put it back on sale). A SKU Magalu no longer has (404) is off sale already.
 */
export async function unpublish(api: MgApi, ctx: ChannelContext, ref: ListingRef): Promise<void> {
  await api.call(ctx, {
    operation: 'publish',
    method: 'PATCH',
    path: skuPath('skus', ref.externalId),
    json: { active: false },
    accept: [404],
  });
}

/** The SKU's status, price (`list_price` regular, `price` paid) and AVAILABLE stock [2nd]. */
export async function readListing(
  api: MgApi,
  ctx: ChannelContext,
  ref: ListingRef,
): Promise<ListingSnapshot> {
  const read = (kind: 'skus' | 'prices' | 'stocks') =>
    api.json(ctx, { operation: 'read', method: 'GET', path: skuPath(kind, ref.externalId) }, kind);
  const [sku, prices, stocks] = await Promise.all([read('skus'), read('prices'), read('stocks')]);
  const price = asArray(prices.results).find(isObject);
  const stock = asArray(stocks.results)
    .filter(isObject)
    .find((entry) => (str(entry.type) ?? 'AVAILABLE') === 'AVAILABLE');
  const paid = price === undefined ? null : fromAmount(price.price, price.normalizer);
  const regular = price === undefined ? null : fromAmount(price.list_price ?? price.price, price.normalizer);
  const onSale = paid !== null && regular !== null && paid < regular;
  return {
    qty: num(stock?.quantity) ?? 0,
    price: onSale ? regular : paid,
    promotionalPrice: onSale ? paid : null,
    status: sku.active === false ? 'inactive' : (str(sku.status) ?? 'unknown'),
  };
}
