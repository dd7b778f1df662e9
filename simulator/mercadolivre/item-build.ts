import { ML_SITE, ML_USER_PRODUCTS } from './facts.ts';
import type { MlAttribute, MlItem, MlVariation } from './model.ts';
import { mlDate, rollUpVariations, sellerSkuAttribute } from './model.ts';
import type { MlStore } from './store.ts';

export interface AttributeInput {
  readonly id: string;
  readonly name?: string;
  readonly value_id?: string | null;
  readonly value_name?: string | null;
}

export interface VariationInput {
  readonly price?: number;
  readonly available_quantity?: number;
  readonly attribute_combinations?: readonly AttributeInput[];
  readonly attributes?: readonly AttributeInput[];
  readonly seller_custom_field?: string | null;
  readonly picture_ids?: readonly string[];
}

export interface ItemInput {
  readonly title?: string;
  readonly family_name?: string;
  readonly category_id?: string;
  readonly price?: number;
  readonly currency_id?: string;
  readonly available_quantity?: number;
  readonly buying_mode?: string;
  readonly listing_type_id?: string;
  readonly condition?: string;
  readonly pictures?: readonly unknown[];
  readonly attributes?: readonly AttributeInput[];
  readonly seller_custom_field?: string | null;
  readonly variations?: readonly VariationInput[];
  readonly status?: string;
  readonly logistic_type?: string;
}

export function toAttribute(input: AttributeInput): MlAttribute {
  return {
    id: input.id,
    name: input.name ?? input.id,
    value_id: input.value_id ?? null,
    value_name: input.value_name ?? null,
  };
}

export function buildVariation(store: MlStore, input: VariationInput, fallbackPrice: number): MlVariation {
  return {
    id: store.nextId('variation'),
    price: input.price ?? fallbackPrice,
    available_quantity: input.available_quantity ?? 0,
    sold_quantity: 0,
    attribute_combinations: (input.attribute_combinations ?? []).map(toAttribute),
    attributes: (input.attributes ?? []).map(toAttribute),
    seller_custom_field: input.seller_custom_field ?? null,
    picture_ids: [...(input.picture_ids ?? [])],
    user_product_id: newUserProductId(store),
  };
}

/** `MLBU…`: every item (or variation) is a User Product of its own here [unverified]. */
export function newUserProductId(store: MlStore): string {
  return `${ML_USER_PRODUCTS.idPrefix}${store.nextId('userProduct')}`;
}

function slug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .slice(0, 60);
}

/** A new item as ML stores it after `POST /items`. */
export function buildItem(store: MlStore, sellerId: number, input: ItemInput, now: number): MlItem {
  const number = store.nextId('item');
  const id = `${ML_SITE.siteId}${number}`;
  const price = input.price ?? input.variations?.[0]?.price ?? 0;
  const created = mlDate(now);
  // M2: ML builds a User Products seller's title from the family name and the attributes.
  const title = input.title ?? titleOf(input.family_name ?? '', input.attributes ?? []);
  const item: MlItem = {
    id,
    site_id: ML_SITE.siteId,
    title,
    seller_id: sellerId,
    category_id: input.category_id ?? 'MLB1055',
    price,
    base_price: price,
    original_price: null,
    currency_id: input.currency_id ?? ML_SITE.currency,
    initial_quantity: input.available_quantity ?? 0,
    available_quantity: input.available_quantity ?? 0,
    sold_quantity: 0,
    buying_mode: input.buying_mode ?? 'buy_it_now',
    listing_type_id: input.listing_type_id ?? 'gold_special',
    condition: input.condition ?? 'new',
    permalink: `https://produto.mercadolivre.com.br/${ML_SITE.siteId}-${number}-${slug(title)}-_JM`,
    thumbnail: '',
    pictures: [...(input.pictures ?? [])],
    status: input.status ?? 'active',
    sub_status: [],
    tags: [],
    seller_custom_field: input.seller_custom_field ?? null,
    attributes: (input.attributes ?? []).map(toAttribute),
    variations: (input.variations ?? []).map((variation) => buildVariation(store, variation, price)),
    shipping: { mode: 'me2', logistic_type: input.logistic_type ?? 'drop_off', free_shipping: false },
    user_product_id: (input.variations ?? []).length === 0 ? newUserProductId(store) : null,
    inventory_id: null,
    family_name: input.family_name ?? null,
    date_created: created,
    last_updated: created,
  };
  rollUpVariations(item);
  item.initial_quantity = item.available_quantity;
  return item;
}

/** [unverified] the family name followed by the values of the attributes that tell variations apart. */
function titleOf(familyName: string, attributes: readonly AttributeInput[]): string {
  const values = attributes
    .filter((attribute) => !['SELLER_SKU', 'GTIN', 'BRAND'].includes(attribute.id))
    .map((attribute) => attribute.value_name)
    .filter((value): value is string => typeof value === 'string' && value !== '');
  return [familyName, ...values].join(' ').trim();
}

/** Convenience for the control API: `sku` becomes the SELLER_SKU attribute. */
export function withSku(
  attributes: readonly AttributeInput[] | undefined,
  sku: string | undefined,
): AttributeInput[] {
  const list = [...(attributes ?? [])].filter(
    (attribute) => sku === undefined || attribute.id !== 'SELLER_SKU',
  );
  if (sku !== undefined) list.push(sellerSkuAttribute(sku));
  return list;
}
