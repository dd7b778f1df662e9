/**
 * The catalog domain's public surface for products and variations. A variation is a SKU of its
 * own (a products row with parent_id), so stock, price, versions and history work the same way.
 */
import type { Db, Queryable } from '../db/db.ts';
import { conflict, invalid, isCaisError, notFound, unprocessable } from '../errors.ts';
import { presentProduct, presentVariation } from './present.ts';
import {
  findLiveProduct,
  findVariations,
  insertChange,
  insertProduct,
  lockProductBySku,
  markRemoved,
  type NewProductRow,
  type ProductRow,
  reviveProduct,
  updateCatalogFields,
} from './queries.ts';
import type {
  ProductFields,
  ProductInput,
  ProductOutput,
  VariationFields,
  VariationInput,
} from './schemas.ts';
import { applyPriceUpdates, applyStockUpdates, type WriteContext, type WriteResult } from './stock-price.ts';

type Fields = ProductFields | VariationFields;

// Fields kept in the data column; the others have columns of their own.
const dataKeys = [
  'description',
  'cost',
  'brand',
  'ean',
  'nbm',
  'categories',
  'images',
  'specifications',
  'variation_attributes',
  'weight',
  'height',
  'width',
  'length',
  'crossdocking',
] as const;

function dataOf(fields: Fields): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of dataKeys) {
    const value = (fields as Record<string, unknown>)[key];
    if (value !== undefined) data[key] = value;
  }
  return data;
}

function newRow(ctx: WriteContext, input: ProductInput | VariationInput, parent?: ProductRow): NewProductRow {
  return {
    accountId: ctx.accountId,
    sku: input.sku,
    parentId: parent?.id ?? null,
    name: 'name' in input && input.name !== undefined ? input.name : (parent?.name ?? ''),
    status: input.status ?? parent?.status ?? 'enabled',
    qty: input.qty ?? 0,
    // A variation without its own price takes its parent's (SkyHub's 2025 rule), copied at creation.
    price: input.price ?? parent?.price ?? null,
    promotionalPrice:
      input.promotional_price ?? (input.price === undefined ? parent?.promotional_price : null) ?? null,
    data: dataOf(input),
  };
}

async function insertOrRevive(tx: Queryable, ctx: WriteContext, row: NewProductRow): Promise<ProductRow> {
  const existing = await lockProductBySku(tx, ctx.accountId, row.sku);
  const skuTaken = () =>
    conflict(`sku: ${row.sku} already exists`, { code: 'sku_taken', params: { sku: row.sku } });
  if (existing && !existing.removed_at) throw skuTaken();
  // The same rules as a price update (stock-price.ts): no promotional price without a price.
  if (row.promotionalPrice !== null && row.price === null) {
    throw unprocessable('price: is required when promotional_price is given', {
      code: 'price_required',
      params: { field: 'price' },
    });
  }
  if (row.promotionalPrice !== null && row.price !== null && row.promotionalPrice > row.price) {
    throw unprocessable(`promotional_price: must not be greater than price (${row.price})`, {
      code: 'promo_above_price',
      params: { field: 'promotional_price', price: row.price },
    });
  }
  // Two requests creating one SKU at once both find it free; the later insert hits the unique key.
  const saved = existing
    ? await reviveProduct(tx, existing.id, row)
    : await insertProduct(tx, row).catch((error: unknown) => {
        throw isCaisError(error) && error.code === 'duplicate' ? skuTaken() : error;
      });
  await insertChange(tx, {
    accountId: ctx.accountId,
    productId: saved.id,
    resource: 'lifecycle',
    version: null,
    oldValue: null,
    newValue: { event: existing ? 'recreated' : 'created', qty: saved.qty, price: saved.price },
    apiKeyId: ctx.apiKeyId,
    actor: ctx.actor,
  });
  return saved;
}

export async function createProduct(db: Db, ctx: WriteContext, input: ProductInput): Promise<ProductOutput> {
  assertDistinctSkus(input);
  return db.transaction(async (tx) => {
    const product = await insertOrRevive(tx, ctx, newRow(ctx, input));
    const variations: ProductRow[] = [];
    for (const v of input.variations ?? [])
      variations.push(await insertOrRevive(tx, ctx, newRow(ctx, v, product)));
    return presentProduct(product, variations);
  });
}

function assertDistinctSkus(input: ProductInput): void {
  const seen = new Set([input.sku]);
  for (const [i, v] of (input.variations ?? []).entries()) {
    if (seen.has(v.sku))
      throw invalid(`product.variations[${i}].sku: ${v.sku} appears more than once`, {
        code: 'invalid_field',
        params: { field: `product.variations[${i}].sku`, rule: 'unique' },
      });
    seen.add(v.sku);
  }
}

export async function getProduct(db: Queryable, accountId: number, sku: string): Promise<ProductOutput> {
  const row = await findLiveProduct(db, accountId, sku);
  if (!row) throw productNotFound(sku);
  if (row.parent_id !== null) {
    throw notFound(`sku: ${sku} is a variation; read it at /variations/${encodeURIComponent(sku)}`, {
      code: 'sku_is_variation',
      params: { sku },
    });
  }
  return presentProduct(row, await findVariations(db, [row.id]));
}

export function productNotFound(sku: string) {
  return notFound(`Não foi possível encontrar Product: ${sku}`, {
    code: 'product_not_found',
    params: { sku },
  });
}

const onlyStockPrice = new Set(['qty', 'price', 'promotional_price', 'updated_at', 'sequence', 'sku']);

/** A partial update: any subset of fields, applied all or nothing. */
export async function updateProduct(
  db: Db,
  ctx: WriteContext,
  sku: string,
  fields: ProductFields,
): Promise<void> {
  if (fields.sku !== undefined && fields.sku !== sku) {
    throw invalid(
      `product.sku: "${fields.sku}" differs from the SKU in the path ("${sku}"); a SKU cannot change`,
      { code: 'invalid_field', params: { field: 'product.sku', rule: 'sku_mismatch', sku } },
    );
  }
  // Exactly one of stock or price: one statement, which also answers not_found. Anything else
  // (both, catalog fields, or nothing at all) goes through the locked path, which checks the SKU.
  const keys = Object.keys(fields);
  const stockOnly =
    keys.every((k) => onlyStockPrice.has(k)) && (fields.qty !== undefined) !== hasPrice(fields);
  if (stockOnly) return applyStockPrice(db, ctx, sku, fields);
  await db.transaction(async (tx) => {
    const row = await lockProductBySku(tx, ctx.accountId, sku);
    if (!row || row.removed_at) throw productNotFound(sku);
    if (row.parent_id !== null && fields.variations !== undefined) {
      throw unprocessable(`product.variations: ${sku} is a variation; a variation cannot have variations`, {
        code: 'variation_of_variation',
        params: { field: 'product.variations', sku },
      });
    }
    await applyCatalogFields(tx, ctx, row, fields);
    await applyStockPrice(tx, ctx, sku, fields);
    for (const v of (fields as ProductFields).variations ?? []) await upsertVariation(tx, ctx, row, v);
  });
}

const hasPrice = (f: Fields) => f.price !== undefined || f.promotional_price !== undefined;

async function applyStockPrice(db: Queryable, ctx: WriteContext, sku: string, fields: Fields): Promise<void> {
  const stamps = { updated_at: fields.updated_at, sequence: fields.sequence };
  if (fields.qty !== undefined) {
    expectApplied(await applyStockUpdates(db, ctx, [{ sku, qty: fields.qty, ...stamps }]));
  }
  if (hasPrice(fields)) {
    const item = { sku, price: fields.price, promotional_price: fields.promotional_price, ...stamps };
    expectApplied(await applyPriceUpdates(db, ctx, [item]));
  }
}

function expectApplied([result]: WriteResult[]): void {
  if (!result) return;
  if (result.status === 'not_found') throw productNotFound(result.sku);
  if (result.status === 'stale') {
    throw conflict(result.error!, { code: 'stale_write', params: { sku: result.sku } });
  }
  if (result.status === 'rejected') throw priceRejected(result);
}

/** A price the write statement refused, with the code and params it gave it (priceRejection). */
function priceRejected(result: WriteResult) {
  return unprocessable(result.error!, { code: result.code, params: result.params });
}

async function applyCatalogFields(
  tx: Queryable,
  ctx: WriteContext,
  row: ProductRow,
  fields: Fields,
): Promise<void> {
  const patch = dataOf(fields);
  const name = 'name' in fields && fields.name !== undefined ? fields.name : row.name;
  const status = fields.status ?? row.status;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...patch, name, status })) {
    const old = key === 'name' ? row.name : key === 'status' ? row.status : row.data[key];
    if (canonicalJson(old ?? null) === canonicalJson(value)) continue;
    before[key] = old ?? null;
    after[key] = value;
  }
  if (Object.keys(after).length === 0) return;
  await updateCatalogFields(tx, row.id, { name, status, data: { ...row.data, ...patch } });
  await insertChange(tx, {
    accountId: ctx.accountId,
    productId: row.id,
    resource: 'catalog',
    version: null,
    oldValue: before,
    newValue: after,
    apiKeyId: ctx.apiKeyId,
    actor: ctx.actor,
  });
}

// jsonb stores object keys in an order of its own ({"name","code"} comes back {"code","name"}),
// so values are compared with their keys sorted, or an unchanged value looks like a change.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function upsertVariation(
  tx: Queryable,
  ctx: WriteContext,
  parent: ProductRow,
  v: VariationInput,
): Promise<void> {
  const existing = await lockProductBySku(tx, ctx.accountId, v.sku);
  if (!existing || existing.removed_at) {
    await insertOrRevive(tx, ctx, newRow(ctx, v, parent));
    return;
  }
  if (existing.parent_id !== parent.id) {
    throw conflict(`variations: sku ${v.sku} already exists and is not a variation of ${parent.sku}`, {
      code: 'sku_taken',
      params: { sku: v.sku },
    });
  }
  await applyCatalogFields(tx, ctx, existing, v);
  await applyStockPrice(tx, ctx, v.sku, v);
}

export async function removeProduct(db: Db, ctx: WriteContext, sku: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockProductBySku(tx, ctx.accountId, sku);
    if (!row || row.removed_at || row.parent_id !== null) throw productNotFound(sku);
    await recordRemoval(tx, ctx, await markRemoved(tx, row.id));
  });
}

async function recordRemoval(tx: Queryable, ctx: WriteContext, ids: number[]): Promise<void> {
  for (const productId of ids) {
    await insertChange(tx, {
      accountId: ctx.accountId,
      productId,
      resource: 'lifecycle',
      version: null,
      oldValue: null,
      newValue: { event: 'removed' },
      apiKeyId: ctx.apiKeyId,
      actor: ctx.actor,
    });
  }
}

export async function createVariation(
  db: Db,
  ctx: WriteContext,
  parentSku: string,
  input: VariationInput,
): Promise<ReturnType<typeof presentVariation>> {
  return db.transaction(async (tx) => {
    const parent = await lockProductBySku(tx, ctx.accountId, parentSku);
    if (!parent || parent.removed_at || parent.parent_id !== null) throw productNotFound(parentSku);
    return presentVariation(await insertOrRevive(tx, ctx, newRow(ctx, input, parent)));
  });
}

async function liveVariation(db: Queryable, accountId: number, sku: string): Promise<ProductRow> {
  const row = await findLiveProduct(db, accountId, sku);
  if (!row || row.parent_id === null) {
    throw notFound(`Não foi possível encontrar Variation: ${sku}`, {
      code: 'variation_not_found',
      params: { sku },
    });
  }
  return row;
}

export async function getVariation(db: Queryable, accountId: number, sku: string) {
  return presentVariation(await liveVariation(db, accountId, sku));
}

export async function updateVariation(
  db: Db,
  ctx: WriteContext,
  sku: string,
  fields: VariationFields,
): Promise<void> {
  if (fields.sku !== undefined && fields.sku !== sku) {
    throw invalid(
      `variation.sku: "${fields.sku}" differs from the SKU in the path ("${sku}"); a SKU cannot change`,
      { code: 'invalid_field', params: { field: 'variation.sku', rule: 'sku_mismatch', sku } },
    );
  }
  await db.transaction(async (tx) => {
    const row = await liveVariation(tx, ctx.accountId, sku);
    await applyCatalogFields(tx, ctx, row, fields);
    await applyStockPrice(tx, ctx, sku, fields);
  });
}

export async function removeVariation(db: Db, ctx: WriteContext, sku: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await liveVariation(tx, ctx.accountId, sku);
    await recordRemoval(tx, ctx, await markRemoved(tx, row.id));
  });
}
