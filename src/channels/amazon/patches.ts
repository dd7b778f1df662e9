/**
 * The JSON patches that set a listing's stock and price, the same in a Listings PATCH and in a
 * JSON_LISTINGS_FEED message [SPM listings-feed-schema-v2].
 *
 * Stock is `fulfillment_availability` for the merchant-fulfilled channel (`DEFAULT`), written
 * with `merge` [doc changelog 2025-06]: the quantity changes, the handling time and restock date
 * the seller set in Seller Central stay.
 *
 * Price is `purchasable_offer` of the connection's marketplace: `our_price` is the regular price,
 * `discounted_price` the sale price with its own window, so a promotion that starts tomorrow is
 * sent today and Amazon switches it on and off. `merge` keeps the offer's other values (minimum
 * and maximum prices of automated pricing). Without a promotional price, the sale price is
 * deleted only when the listing shows one (fidelity A5 [unverified]: the shape that removes only a
 * sale price is undocumented, and variants are reported INVALID or silently ignored, so Cais never
 * sends it blindly on every push, and checks afterwards that the sale price is gone: see
 * stock-price.ts).
 */
import type { PatchOperation } from '@sp-api-sdk/listings-items-api-2021-08-01';
import type { PriceUpdate } from '../adapter.ts';
import type { Json } from '../json.ts';
import type { Seller } from './api.ts';
import { money } from './api.ts';
import { AM_DISCOUNT_DEFAULT_DAYS } from './facts.ts';

/** [SPM] `PatchOperation`, typed from the models (see facts.ts `AM_TYPES_FROM`). */
export interface Patch extends PatchOperation {
  value: Json[];
}

const DAY_MS = 86_400_000;

export function stockPatches(qty: number): Patch[] {
  return [
    {
      op: 'merge',
      path: '/attributes/fulfillment_availability',
      value: [{ fulfillment_channel_code: 'DEFAULT', quantity: Math.max(0, Math.trunc(qty)) }],
    },
  ];
}

/** Whether the offer of this marketplace carries a sale price (`discounted_price`), live or scheduled. */
export function hasSalePrice(attributes: Json | undefined, marketplaceId: string): boolean {
  const offers = Array.isArray(attributes?.purchasable_offer) ? (attributes.purchasable_offer as Json[]) : [];
  const offer = offers.find((entry) => entry?.marketplace_id === marketplaceId) ?? offers[0];
  return Array.isArray(offer?.discounted_price) && offer.discounted_price.length > 0;
}

/** Whether the update carries a sale whose window is still open or ahead. */
export function hasSale(update: PriceUpdate, now = Date.now()): boolean {
  return saleWindow(update, now) !== undefined;
}

/** The patch that removes the sale price of the connection's marketplace (A5 [unverified]). */
export function saleDeletePatch(seller: Seller): Patch {
  return {
    op: 'delete',
    path: '/attributes/purchasable_offer',
    value: [{ marketplace_id: seller.marketplaceId, discounted_price: [] }],
  };
}

/** `saleLive`: the listing shows a sale price now, so one the ERP no longer has is deleted. */
export function pricePatches(
  seller: Seller,
  update: PriceUpdate,
  now = Date.now(),
  saleLive = false,
): Patch[] {
  const offer: Json = {
    marketplace_id: seller.marketplaceId,
    our_price: [{ schedule: [{ value_with_tax: money(update.price) }] }],
  };
  if (seller.currency !== undefined) offer.currency = seller.currency;
  const window = saleWindow(update, now);
  if (window !== undefined) {
    offer.discounted_price = [
      {
        schedule: [
          {
            start_at: window.start.toISOString(),
            end_at: window.end.toISOString(),
            value_with_tax: money(update.promotionalPrice ?? 0),
          },
        ],
      },
    ];
  }
  const patches: Patch[] = [{ op: 'merge', path: '/attributes/purchasable_offer', value: [offer] }];
  if (window === undefined && saleLive) patches.push(saleDeletePatch(seller));
  return patches;
}

/** The sale's window, or undefined when there is no sale (or its window is already over). */
function saleWindow(update: PriceUpdate, now: number): { start: Date; end: Date } | undefined {
  if (update.promotionalPrice === null) return undefined;
  const end = update.promotionEndsAt ?? new Date(now + AM_DISCOUNT_DEFAULT_DAYS * DAY_MS);
  if (end.getTime() <= now) return undefined;
  return { start: update.promotionStartsAt ?? new Date(now), end };
}
