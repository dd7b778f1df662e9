/**
 * Reading Mercado Livre items: `GET /items/{id}` [doc] and the parts of it the adapter needs
 * (variations with their ids, the seller's SKU on the item or on a variation).
 */
import type { ChannelContext } from '../adapter.ts';
import type { Json, MlApi } from './api.ts';
import { asArray, asObject, num, str } from './api.ts';
import { ML_SKU_ATTRIBUTE } from './facts.ts';

export interface MlVariation {
  id: number;
  sku: string | undefined;
  price: number | undefined;
  availableQuantity: number | undefined;
  userProductId: string | undefined;
}

export interface MlItem {
  id: string;
  status: string;
  price: number | undefined;
  availableQuantity: number | undefined;
  sku: string | undefined;
  variations: MlVariation[];
  /** M1/M2: the item's User Product (`MLBU…`), where distributed stock lives. */
  userProductId: string | undefined;
  raw: Json;
}

export async function getItem(api: MlApi, ctx: ChannelContext, id: string): Promise<MlItem> {
  const body = await api.call(ctx, {
    operation: 'read',
    method: 'GET',
    path: `/items/${encodeURIComponent(id)}`,
  });
  return parseItem(asObject(body, `items/${id}`));
}

export function parseItem(raw: Json): MlItem {
  return {
    id: str(raw.id) ?? '',
    status: str(raw.status) ?? 'unknown',
    price: num(raw.price),
    availableQuantity: num(raw.available_quantity),
    sku: skuOf(raw),
    variations: asArray(raw.variations).map((entry) => parseVariation(asObject(entry, 'variation'))),
    userProductId: str(raw.user_product_id),
    raw,
  };
}

function parseVariation(raw: Json): MlVariation {
  return {
    id: num(raw.id) ?? Number(raw.id),
    sku: skuOf(raw),
    price: num(raw.price),
    availableQuantity: num(raw.available_quantity),
    userProductId: str(raw.user_product_id),
  };
}

/** [2nd] the SKU is the SELLER_SKU attribute; older listings keep it in `seller_custom_field`. */
function skuOf(raw: Json): string | undefined {
  for (const entry of asArray(raw.attributes)) {
    const attribute = asObject(entry, 'attribute');
    if (attribute.id === ML_SKU_ATTRIBUTE) return str(attribute.value_name);
  }
  return str(raw.seller_custom_field);
}
