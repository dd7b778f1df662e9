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
import { isChannelError } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, num, str } from '../json.ts';
import type { MgApi } from './api.ts';
import { channelIdOf, fromAmount, skuPath } from './api.ts';
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
 * Creates each SKU, then sets its price and stock (Magalu keeps them apart). A SKU that already
 * exists (409: a retried publish, or a SKU created in Magalu's panel) is taken over as it is.
 */
export async function publish(
  api: MgApi,
  ctx: ChannelContext,
  product: ProductForChannel,
): Promise<PublishResult> {
  const channelId = channelIdOf(await ctx.credentials.current());
  const statuses: string[] = [];
  const variations: Record<string, ListingRef> = {};
  for (const entry of skusOf(product)) {
    statuses.push(await createSku(api, ctx, product, entry, channelId));
    const ref = { listingId: 0, externalId: entry.sku, sku: entry.sku };
    await failOnError(
      pushPrice(api, ctx, [{ ...ref, price: entry.price, promotionalPrice: product.promotionalPrice }]),
    );
    await failOnError(pushStock(api, ctx, [{ ...ref, qty: entry.qty }]));
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
    description: product.description ?? '',
    brand: product.brand ?? '',
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
 * [unverified] The Open API pages collected show no call that takes a SKU off sale; stock 0 is
 * what keeps buyers from ordering it, and a later stock sync puts it back on sale.
 */
export async function unpublish(api: MgApi, ctx: ChannelContext, ref: ListingRef): Promise<void> {
  const [outcome] = await pushStock(api, ctx, [
    { listingId: 0, externalId: ref.externalId, sku: ref.sku, qty: 0 },
  ]);
  if (
    outcome !== undefined &&
    !outcome.ok &&
    !(isChannelError(outcome.error) && outcome.error.httpStatus === 404)
  ) {
    throw outcome.error;
  }
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
    status: str(sku.status) ?? 'unknown',
  };
}
