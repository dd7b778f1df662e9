import { offerValue } from './attributes.ts';
import type { AmDocument, AmListing } from './model.ts';
import { iso } from './model.ts';
import type { AmStore } from './store.ts';

/** A listing with no attributes yet (a feed UPDATE or the control API fills them). */
export function newListing(
  store: AmStore,
  sellerId: string,
  sku: string,
  marketplaceIds: readonly string[],
  now: number,
): AmListing {
  const at = iso(now);
  return {
    sellerId,
    sku,
    asin: store.nextAsin(),
    productType: 'PRODUCT',
    marketplaceIds: [...marketplaceIds],
    attributes: {},
    issues: [],
    createdAt: at,
    updatedAt: at,
    pending: 0,
  };
}

export interface ListingSeed {
  readonly title: string;
  readonly price: number;
  readonly quantity: number;
  readonly discount?: { readonly value: number; readonly startAt: string; readonly endAt: string };
}

/** The attributes of a plain offer: title, price (with an optional sale window) and stock. */
export function seedAttributes(listing: AmListing, seed: ListingSeed): void {
  const marketplaceId = listing.marketplaceIds[0]!;
  const offer = offerValue(marketplaceId, seed.price);
  if (seed.discount !== undefined) {
    const { value, startAt, endAt } = seed.discount;
    offer.discounted_price = [{ schedule: [{ start_at: startAt, end_at: endAt, value_with_tax: value }] }];
  }
  listing.attributes = {
    item_name: [{ value: seed.title, language_tag: 'pt_BR', marketplace_id: marketplaceId }],
    condition_type: [{ value: 'new_new', marketplace_id: marketplaceId }],
    purchasable_offer: [offer],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: seed.quantity }],
  };
}

/** [2nd] Feed document ids look like `amzn1.tortuga.4.na.<uuid>.<suffix>`; a counter keeps them reproducible. */
export function newDocument(store: AmStore, sellerId: string, contentType: string): AmDocument {
  const serial = store.nextId('doc').toString(16).padStart(12, '0');
  const document: AmDocument = {
    id: `amzn1.tortuga.4.sa.00000000-0000-4000-8000-${serial}.T1CAISSIM`,
    sellerId,
    contentType,
    content: null,
    compression: null,
    contentEncodingHeader: false,
    urlToken: '',
    urlExpiresAt: 0,
    usedBy: null,
  };
  store.documents.set(document.id, document);
  return document;
}
