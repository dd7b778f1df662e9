/**
 * Amazon listings: a listing is the seller's SKU in one marketplace (`externalId` = the SKU at
 * Amazon, which may differ from Cais's). Read with getListingsItem [SPM]; created through a
 * JSON_LISTINGS_FEED `UPDATE` message; taken off sale by stock 0 (deleting would lose the
 * listing's history).
 *
 * [SPM listings-feed-schema-v2 `requirements`] (fidelity A10, L) an UPDATE without requirements is
 * `LISTING`: the product type's full facts. A product with an EAN is offered on the Amazon product
 * that EAN matches, `LISTING_OFFER_ONLY` (sales terms only: condition, offer, availability, and
 * the identifier for the match) under the generic `PRODUCT` type; one without an EAN is a new
 * Amazon product and needs the connection's own product type (`extra.productType`) and its facts:
 * without one Cais refuses before sending what Amazon would refuse.
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
import { asArray, child, isObject, num, str } from '../json.ts';
import type { AmApi, Seller } from './api.ts';
import { itemPath, money, sellerFor } from './api.ts';
import { amChannelError, issuesError, readIssues } from './errors.ts';
import { AM_BLOCKING_SEVERITY, AM_PRODUCT_TYPE } from './facts.ts';
import type { FeedMessage } from './feeds.ts';
import { runFeed } from './feeds.ts';
import type { Patch } from './patches.ts';
import { pricePatches, stockPatches } from './patches.ts';
import { patchOne } from './stock-price.ts';

async function getItem(api: AmApi, ctx: ChannelContext, seller: Seller, sku: string, accept404: boolean) {
  return api.call(ctx, {
    sp: 'listings.get',
    operation: 'read',
    method: 'GET',
    path: itemPath(seller, sku),
    query: {
      marketplaceIds: seller.marketplaceId,
      includedData: 'summaries,attributes,issues,fulfillmentAvailability',
    },
    accept: accept404 ? [404] : [],
  });
}

export async function findBySku(
  api: AmApi,
  ctx: ChannelContext,
  sku: string,
): Promise<ListingRef | undefined> {
  const seller = await sellerFor(ctx);
  const response = await getItem(api, ctx, seller, sku, true);
  return response.status === 404 ? undefined : { externalId: sku, sku };
}

/**
 * What buyers see: the DEFAULT quantity, `our_price`, and the sale price while its window is
 * open. `active` while Amazon reports no blocking issue (a listing without stock is still live).
 */
export async function readListing(
  api: AmApi,
  ctx: ChannelContext,
  ref: ListingRef,
): Promise<ListingSnapshot> {
  const seller = await sellerFor(ctx);
  const body = (await getItem(api, ctx, seller, ref.externalId, false)).body;
  const item: Json = isObject(body) ? body : {};
  const attributes = child(item, 'attributes');
  const offer = offerOf(attributes, seller.marketplaceId);
  const price = scheduled(offer?.our_price);
  const sale = scheduled(offer?.discounted_price, Date.now());
  const blocked = readIssues(item.issues).some((issue) => issue.severity === AM_BLOCKING_SEVERITY);
  return {
    qty: quantityOf(attributes),
    price: price ?? null,
    promotionalPrice: sale ?? null,
    status: blocked ? 'inactive' : 'active',
  };
}

function quantityOf(attributes: Json): number {
  const entry = asArray(attributes.fulfillment_availability)
    .filter(isObject)
    .find((value) => value.fulfillment_channel_code === 'DEFAULT');
  return num(entry?.quantity) ?? 0;
}

function offerOf(attributes: Json, marketplaceId: string): Json | undefined {
  const offers = asArray(attributes.purchasable_offer).filter(isObject);
  return offers.find((offer) => offer.marketplace_id === marketplaceId) ?? offers[0];
}

/** The first schedule's value; with `now`, only while its window is open. */
function scheduled(entries: unknown, now?: number): number | undefined {
  const schedule = asArray(asArray(entries).find(isObject)?.schedule).find(isObject);
  const value = num(schedule?.value_with_tax);
  if (value === undefined || now === undefined) return value;
  const start = Date.parse(str(schedule?.start_at) ?? '');
  const end = Date.parse(str(schedule?.end_at) ?? '');
  if (!Number.isNaN(start) && start > now) return undefined;
  if (!Number.isNaN(end) && end <= now) return undefined;
  return value;
}

/**
 * One `UPDATE` message per SKU (the product, or each variation as a SKU of its own). The listing
 * is `pending` (yellow) until Amazon shows it; the catalog run reads it back and turns it green.
 * [unverified] variations are listed without the parent/child relationship, which needs the
 * product type's variation theme.
 */
export async function publish(
  api: AmApi,
  ctx: ChannelContext,
  product: ProductForChannel,
): Promise<PublishResult> {
  const seller = await sellerFor(ctx);
  const entries =
    product.variations.length === 0
      ? [{ sku: product.sku, name: product.name, ean: product.ean, qty: product.qty, price: product.price }]
      : product.variations.map((v) => ({
          sku: v.sku,
          name: [product.name, ...Object.values(v.attributes)].join(' '),
          ean: v.ean,
          qty: v.qty,
          price: v.price,
        }));
  const messages = entries.map((entry, index): FeedMessage => {
    const offerOnly = entry.ean !== null;
    if (!offerOnly && seller.productType === AM_PRODUCT_TYPE) throw productTypeNeeded(entry.sku);
    return {
      messageId: index + 1,
      sku: entry.sku,
      operationType: 'UPDATE',
      productType: offerOnly ? AM_PRODUCT_TYPE : seller.productType,
      requirements: offerOnly ? 'LISTING_OFFER_ONLY' : 'LISTING',
      attributes: offerOnly
        ? offerAttributes(seller, product, entry)
        : listingAttributes(seller, product, entry),
    };
  });
  const outcome = await runFeed(api, ctx, 'publish', seller, messages);
  if (outcome.kind === 'failed') throw outcome.error;
  if (outcome.kind === 'done') {
    const refused = entries.map((_, index) => issuesError(outcome.issues.get(index + 1) ?? [])).find(Boolean);
    if (refused !== undefined) throw refused;
  }
  const variations = Object.fromEntries(entries.map((e) => [e.sku, { externalId: e.sku, sku: e.sku }]));
  return {
    ref: { externalId: product.sku, sku: product.sku },
    variations: product.variations.length > 0 ? variations : undefined,
    status: 'pending',
  };
}

interface Entry {
  sku: string;
  name: string;
  ean: string | null;
  qty: number;
  price: number;
}

function productTypeNeeded(sku: string) {
  return amChannelError(
    FailureClass.permanent,
    'amazon.product_type_needed',
    `SKU ${sku} has no EAN to match an Amazon product, and a new Amazon product needs its product type's facts`,
  );
}

/** LISTING_OFFER_ONLY: the sales terms, and the EAN that matches the Amazon product [unverified: EAN as the match]. */
function offerAttributes(seller: Seller, product: ProductForChannel, entry: Entry): Json {
  const full = listingAttributes(seller, product, entry);
  const { item_name: _name, brand: _brand, ...offer } = full;
  return offer;
}

function listingAttributes(seller: Seller, product: ProductForChannel, entry: Entry): Json {
  const market = { marketplace_id: seller.marketplaceId };
  const fromPatch = (patches: Patch[]) => patches[0]!.value;
  const attributes: Json = {
    item_name: [{ value: entry.name, language_tag: 'pt_BR', ...market }],
    condition_type: [{ value: 'new_new', ...market }],
    fulfillment_availability: fromPatch(stockPatches(entry.qty)),
    purchasable_offer: fromPatch(
      pricePatches(seller, {
        listingId: 0,
        externalId: entry.sku,
        sku: entry.sku,
        price: money(entry.price),
        promotionalPrice: product.variations.length === 0 ? product.promotionalPrice : null,
      }),
    ),
  };
  if (product.brand !== null) attributes.brand = [{ value: product.brand, ...market }];
  if (entry.ean !== null) {
    attributes.externally_assigned_product_identifier = [{ type: 'ean', value: entry.ean, ...market }];
  }
  return attributes;
}

/**
 * Stock 0: off sale at once, back on sale with the next stock sync. A listing already gone is off
 * sale. [SPM; Amazon staff in amzn/selling-partner-api-docs#3748] a PATCH of a SKU the seller
 * does not have is not a 404: it is ACCEPTED and creates an incomplete offer. So the listing is
 * looked up first (GET answers 404), and only a listing that exists is patched.
 */
export async function unpublish(api: AmApi, ctx: ChannelContext, ref: ListingRef): Promise<void> {
  const seller = await sellerFor(ctx);
  const found = await getItem(api, ctx, seller, ref.externalId, true);
  if (found.status === 404) return;
  await patchOne(api, ctx, 'publish', seller, {
    listingId: 0,
    sku: ref.externalId,
    patches: stockPatches(0),
  });
}
