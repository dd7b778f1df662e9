/** Reading the catalog: SkyHub's product list (page or cursor) and a SKU's change history. */
import type { Queryable } from '../db/db.ts';
import { invalid } from '../errors.ts';
import { presentProduct } from './present.ts';
import { productNotFound } from './products.ts';
import {
  countProducts,
  findLiveProduct,
  findVariations,
  listChanges,
  listProductPage,
  type ProductFilter,
} from './queries.ts';
import type { ProductOutput } from './schemas.ts';

export const MAX_PER_PAGE = 100;
// SkyHub refuses offset paging past 10,000 entries; the cursor has no such limit.
export const MAX_OFFSET = 10_000;

export interface ProductPage {
  products: ProductOutput[];
  total: number;
  /** The cursor of the next page, when there is one. */
  nextCursor: string | undefined;
}

export async function listProducts(
  db: Queryable,
  filter: ProductFilter,
  paging: { page?: number | undefined; perPage?: number | undefined; cursor?: string | undefined },
): Promise<ProductPage> {
  const limit = Math.min(paging.perPage ?? MAX_PER_PAGE, MAX_PER_PAGE);
  const afterId = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor);
  const offset = afterId === undefined ? ((paging.page ?? 1) - 1) * limit : 0;
  if (offset + limit > MAX_OFFSET) {
    throw invalid(
      `page: paging past ${MAX_OFFSET} products is not supported; follow the "next" cursor instead`,
    );
  }
  const [rows, total] = await Promise.all([
    listProductPage(db, filter, { afterId, offset, limit: limit + 1 }),
    countProducts(db, filter),
  ]);
  const pageRows = rows.slice(0, limit);
  const variations = await findVariations(
    db,
    pageRows.map((r) => r.id),
  );
  const byParent = Map.groupBy(variations, (v) => v.parent_id);
  const last = pageRows.at(-1);
  return {
    products: pageRows.map((r) => presentProduct(r, byParent.get(r.id) ?? [])),
    total,
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : undefined,
  };
}

function encodeCursor(id: number): string {
  return Buffer.from(`p:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^p:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalid('cursor: is not a cursor this server issued; use the "next" link as given');
  return Number(match[1]);
}

export async function productHistory(
  db: Queryable,
  accountId: number,
  sku: string,
  options: { resource?: string | undefined; before?: number | undefined; limit: number },
) {
  const row = await findLiveProduct(db, accountId, sku);
  if (!row) throw productNotFound(sku);
  const changes = await listChanges(db, row.id, {
    resource: options.resource,
    beforeId: options.before,
    limit: options.limit,
  });
  return {
    sku,
    stock_version: row.stock_version,
    price_version: row.price_version,
    changes: changes.map((c) => ({
      id: c.id,
      resource: c.resource,
      version: c.version,
      old: c.old_value,
      new: c.new_value,
      actor: c.actor,
      changed_at: c.changed_at.toISOString(),
    })),
  };
}
