import type { ProductRow } from './queries.ts';
import type { ProductOutput } from './schemas.ts';

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A variation as SkyHub shows it inside its product and at GET /variations/{sku}. */
export function presentVariation(row: ProductRow) {
  return {
    sku: row.sku,
    qty: row.qty,
    price: row.price,
    promotional_price: row.promotional_price,
    status: row.status,
    ean: asString(row.data.ean),
    images: asArray(row.data.images) as string[],
    specifications: asArray(row.data.specifications),
  };
}

/** A product in SkyHub's shape (including the `removed` and `associations` its GET carries). */
export function presentProduct(row: ProductRow, variations: readonly ProductRow[]): ProductOutput {
  const d = row.data;
  return {
    sku: row.sku,
    name: row.name,
    description: asString(d.description),
    status: row.status,
    qty: row.qty,
    price: row.price,
    promotional_price: row.promotional_price,
    cost: asNumber(d.cost),
    weight: asNumber(d.weight),
    height: asNumber(d.height),
    width: asNumber(d.width),
    length: asNumber(d.length),
    brand: asString(d.brand),
    ean: asString(d.ean),
    nbm: asString(d.nbm),
    crossdocking: asNumber(d.crossdocking),
    categories: asArray(d.categories),
    images: asArray(d.images) as string[],
    specifications: asArray(d.specifications),
    variations: variations.map(presentVariation),
    variation_attributes: asArray(d.variation_attributes) as string[],
    removed: false,
    associations: [],
  };
}
