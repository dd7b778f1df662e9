import { ourPriceOf, quantityOf } from './attributes.ts';
import { formatRate } from './errors.ts';
import { AM_MARKETPLACES } from './facts.ts';
import type { AmListing, AttributeValue } from './model.ts';

/** [doc] BUYABLE needs a price and stock and no blocking issue; DISCOVERABLE otherwise. */
export function listingStatus(listing: AmListing, marketplaceId: string): string[] {
  const buyable =
    ourPriceOf(listing.attributes, marketplaceId) !== null &&
    quantityOf(listing.attributes) > 0 &&
    !listing.issues.some((entry) => entry.severity === 'ERROR');
  return buyable ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'];
}

export function itemName(listing: AmListing): string {
  const value = listing.attributes.item_name?.[0]?.value;
  return typeof value === 'string' ? value : listing.sku;
}

function summary(listing: AmListing, marketplaceId: string) {
  return {
    marketplaceId,
    asin: listing.asin,
    productType: listing.productType,
    conditionType: 'new_new',
    status: listingStatus(listing, marketplaceId),
    itemName: itemName(listing),
    createdDate: listing.createdAt,
    lastUpdatedDate: listing.updatedAt,
  };
}

/** [SPM example] `offers[].price` is `{currencyCode, amount}` with a decimal string; our_price here [unverified]. */
function offer(listing: AmListing, marketplaceId: string) {
  const price = ourPriceOf(listing.attributes, marketplaceId);
  if (price === null) return null;
  return {
    marketplaceId,
    offerType: 'B2C',
    price: { currencyCode: AM_MARKETPLACES[marketplaceId]?.currency ?? 'BRL', amount: formatRate(price) },
    audience: { value: 'ALL', displayName: 'Sell on Amazon' },
  };
}

function availability(value: AttributeValue) {
  const entry: Record<string, unknown> = { fulfillmentChannelCode: value.fulfillment_channel_code };
  if (typeof value.quantity === 'number') entry.quantity = value.quantity;
  return entry;
}

/** The body of `GET /listings/2021-08-01/items/{sellerId}/{sku}`, with only the `includedData` asked. */
export function itemBody(listing: AmListing, included: readonly string[], marketplaceIds: readonly string[]) {
  const markets = marketplaceIds.filter((id) => listing.marketplaceIds.includes(id));
  const body: Record<string, unknown> = { sku: listing.sku };
  for (const part of included) {
    if (part === 'summaries') body.summaries = markets.map((id) => summary(listing, id));
    else if (part === 'attributes') body.attributes = listing.attributes;
    else if (part === 'issues') body.issues = listing.issues;
    else if (part === 'offers')
      body.offers = markets.map((id) => offer(listing, id)).filter((entry) => entry !== null);
    else if (part === 'fulfillmentAvailability')
      body.fulfillmentAvailability = (listing.attributes.fulfillment_availability ?? []).map(availability);
    else if (part === 'procurement') body.procurement = [];
    else if (part === 'relationships')
      body.relationships = markets.map((id) => ({ marketplaceId: id, relationships: [] }));
    else if (part === 'productTypes')
      body.productTypes = markets.map((id) => ({ marketplaceId: id, productType: listing.productType }));
  }
  return body;
}
