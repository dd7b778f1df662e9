/** The catalog as the connectors need it: a product with its variations, by SKU, for publishing. */
import type { Queryable } from '../db/db.ts';
import { productNotFound } from './products.ts';
import { findLiveProduct, findVariations, type ProductRow } from './queries.ts';

export interface CatalogItem {
  row: ProductRow;
  variations: ProductRow[];
}

export async function catalogItem(db: Queryable, accountId: number, sku: string): Promise<CatalogItem> {
  const row = await findLiveProduct(db, accountId, sku);
  if (!row) throw productNotFound(sku);
  return { row, variations: row.parent_id === null ? await findVariations(db, [row.id]) : [] };
}

export type { ProductRow };
