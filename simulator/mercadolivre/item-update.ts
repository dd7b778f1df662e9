import type { Static } from 'typebox';
import type { SchemaIssue } from '../core/validate.ts';
import { checker, perField } from '../core/validate.ts';
import type { MlCause, MlErrorBody } from './errors.ts';
import { mlCause, mlValidation } from './errors.ts';
import { ML_BEHAVIOUR, ML_LIMITS, ML_MULTI_ORIGIN } from './facts.ts';
import { buildVariation, toAttribute } from './item-build.ts';
import type { MlItem, MlVariation } from './model.ts';
import { mlDate, rollUpVariations } from './model.ts';
import { ItemPut } from './schemas.ts';
import type { MlStore } from './store.ts';
import { isMultiOrigin } from './user-products.ts';

export type ItemPutBody = Static<typeof ItemPut>;
type VariationPutBody = NonNullable<ItemPutBody['variations']>[number];

export const checkItemPut = checker(ItemPut);
const ITEM_STATUSES: ReadonlySet<string> = new Set(['active', 'paused', 'closed']);

/** Turns schema issues into ML causes: `/price` → `item.price.invalid` (code shape [unverified]). */
export function causesFromIssues(issues: readonly SchemaIssue[], prefix = 'item'): MlCause[] {
  return perField(issues).map((issue) => {
    const field = issue.path.split('/').filter((part) => part !== '' && !/^\d+$/.test(part));
    const reference = [prefix, ...field].join('.');
    return mlCause(`${reference}.invalid`, reference, `${reference} ${issue.message}`);
  });
}

/** What a successful PUT changed: notifications and the write log read it. */
export interface ItemChange {
  readonly priceChanged: boolean;
}

/**
 * Applies `PUT /items/{id}` to an item: every check first, then every change, so a refused
 * PUT changes nothing. Returns the ML error body, or what changed.
 */
export function applyItemPut(
  store: MlStore,
  item: MlItem,
  raw: unknown,
  now: number,
): MlErrorBody | ItemChange {
  if (!checkItemPut.check(raw)) return mlValidation(causesFromIssues(checkItemPut.issues(raw)));
  const causes = refusals(store, item, raw);
  if (causes.length > 0) return mlValidation(causes);
  const priceBefore = item.price;
  if (raw.variations !== undefined) replaceVariations(store, item, raw.variations);
  if (raw.price !== undefined) setPrice(store, item, raw.price);
  if (raw.available_quantity !== undefined) item.available_quantity = raw.available_quantity;
  if (raw.title !== undefined) item.title = raw.title;
  if (raw.seller_custom_field !== undefined) item.seller_custom_field = raw.seller_custom_field;
  if (raw.status !== undefined) {
    item.status = raw.status;
    item.sub_status = [];
  }
  settleStockStatus(item, raw.status !== undefined);
  if (raw.variations !== undefined || raw.seller_custom_field !== undefined) store.indexSkus(item);
  item.last_updated = mlDate(now);
  return { priceChanged: item.price !== priceBefore };
}

function refusals(store: MlStore, item: MlItem, body: ItemPutBody): MlCause[] {
  const causes: MlCause[] = [];
  if (item.status === 'closed') {
    causes.push(
      mlCause(
        'item.status.not_modifiable',
        'item.status',
        `Item ${item.id} is closed and cannot be modified`,
      ),
    );
    return causes;
  }
  if (body.status !== undefined && !ITEM_STATUSES.has(body.status)) {
    causes.push(mlCause('item.status.invalid', 'item.status', `Invalid status: ${body.status}`));
  }
  if (body.title !== undefined && item.sold_quantity > 0) {
    causes.push(
      mlCause('item.title.not_modifiable', 'item.title', 'The title cannot be changed after a sale'),
    );
  }
  if (body.available_quantity !== undefined) stockRefusals(store, item, body, causes);
  if (
    isMultiOrigin(store.sellers.get(item.seller_id)) &&
    body.variations?.some((variation) => variation.available_quantity !== undefined)
  ) {
    causes.push(multiOriginCause(item));
  }
  if (body.price !== undefined && store.priceAutomated.has(item.id)) {
    causes.push(
      mlCause('item.price.not_modifiable', 'item.price', 'The price of this item is set by price automation'),
    );
  }
  if (body.variations !== undefined) variationRefusals(item, body.variations, causes);
  return causes;
}

function stockRefusals(store: MlStore, item: MlItem, body: ItemPutBody, causes: MlCause[]): void {
  if (isMultiOrigin(store.sellers.get(item.seller_id))) {
    causes.push(multiOriginCause(item));
  } else if (item.shipping.logistic_type === 'fulfillment') {
    const message = 'The stock of a fulfillment (Full) item is managed by Mercado Livre';
    causes.push(mlCause('item.available_quantity.not_modifiable', 'item.available_quantity', message));
  } else if (ML_BEHAVIOUR.itemStockRejectedWithVariations && item.variations.length > 0 && !body.variations) {
    const message = 'Items with variations take their stock per variation';
    causes.push(mlCause('item.available_quantity.invalid', 'item.available_quantity', message));
  }
}

/** M1 [doc] a multi-origin seller's stock is written per warehouse, not on the item. */
function multiOriginCause(item: MlItem): MlCause {
  const target = item.user_product_id ?? item.variations[0]?.user_product_id ?? '{user_product_id}';
  const message = `The seller has multi-origin stock: write it at /user-products/${target}/stock/type/${ML_MULTI_ORIGIN.writableType}`;
  return mlCause(ML_MULTI_ORIGIN.stockRefusalCode, 'item.available_quantity', message);
}

function variationRefusals(item: MlItem, variations: readonly VariationPutBody[], causes: MlCause[]): void {
  if (variations.length > ML_LIMITS.maxVariations) {
    const message = `An item can have at most ${ML_LIMITS.maxVariations} variations`;
    causes.push(mlCause('item.variations.max', 'item.variations', message));
  }
  if (
    item.shipping.logistic_type === 'fulfillment' &&
    variations.some((v) => v.available_quantity !== undefined)
  ) {
    const message = 'The stock of a fulfillment (Full) item is managed by Mercado Livre';
    causes.push(mlCause('item.variations.available_quantity.not_modifiable', 'item.variations', message));
  }
  const known = new Set(item.variations.map((variation) => variation.id));
  for (const variation of variations) {
    if (variation.id !== undefined && !known.has(variation.id)) {
      causes.push(
        mlCause('item.variations.id.invalid', 'item.variations.id', `Variation ${variation.id} not found`),
      );
    } else if (variation.id === undefined && (variation.attribute_combinations ?? []).length === 0) {
      const message = 'A new variation needs attribute_combinations';
      causes.push(mlCause('item.variations.attribute_combinations.required', 'item.variations', message));
    }
  }
}

/** [doc] Variations listed are updated, those without id created, and any left out deleted. */
function replaceVariations(store: MlStore, item: MlItem, inputs: readonly VariationPutBody[]): void {
  const current = new Map(item.variations.map((variation) => [variation.id, variation]));
  item.variations = inputs.map((input) => {
    const existing = input.id === undefined ? undefined : current.get(input.id);
    if (existing === undefined) return buildVariation(store, input, item.price);
    updateVariation(existing, input);
    return existing;
  });
  rollUpVariations(item);
}

function updateVariation(variation: MlVariation, input: VariationPutBody): void {
  if (input.price !== undefined) variation.price = input.price;
  if (input.available_quantity !== undefined) variation.available_quantity = input.available_quantity;
  if (input.attribute_combinations !== undefined) {
    variation.attribute_combinations = input.attribute_combinations.map(toAttribute);
  }
  if (input.attributes !== undefined) variation.attributes = input.attributes.map(toAttribute);
  if (input.seller_custom_field !== undefined) variation.seller_custom_field = input.seller_custom_field;
  if (input.picture_ids !== undefined) variation.picture_ids = [...input.picture_ids];
}

/** [doc] A price at or below an active seller discount removes the discount. */
function setPrice(store: MlStore, item: MlItem, price: number): void {
  if (item.variations.length > 0) {
    // [unverified] a price on an item with variations applies to every variation.
    for (const variation of item.variations) variation.price = price;
    rollUpVariations(item);
  } else {
    item.price = price;
    item.base_price = price;
  }
  const promotion = store.promotions.get(item.id);
  if (promotion !== undefined && price <= promotion.dealPrice) store.promotions.delete(item.id);
}

/** [unverified] Stock 0 pauses an active item; stock back reactivates one paused for that reason. */
export function settleStockStatus(item: MlItem, statusWasSet: boolean): void {
  if (!ML_BEHAVIOUR.zeroStockPauses) return;
  if (item.available_quantity === 0 && item.status === 'active') {
    item.status = 'paused';
    item.sub_status = ['out_of_stock'];
  } else if (!statusWasSet && item.available_quantity > 0 && item.sub_status.includes('out_of_stock')) {
    item.status = 'active';
    item.sub_status = [];
  }
}
