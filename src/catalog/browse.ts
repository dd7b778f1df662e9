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
  type ProductRow,
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
      { code: 'invalid_field', params: { field: 'page', rule: 'paging_limit', limit: MAX_OFFSET } },
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

/** Lower case without accents: "Térmica" and "termica" are the same word to a seller. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// The same folding in SQL (PGlite has no unaccent): the accented letters of Portuguese and Spanish.
const ACCENTED = 'áàâãäéèêëíìîïóòôõöúùûüçñ';
const PLAIN = 'aaaaaeeeeiiiiooooouuuucn';
const folded = (column: string) => `translate(lower(${column}), '${ACCENTED}', '${PLAIN}')`;

/**
 * The console's search box: products whose name or SKU, or a variation's SKU, contains the text,
 * whatever its accents and case. Exact SKU matches come first. A scan of the account's products,
 * which is what a free-text search is; the page stays bounded.
 */
export async function searchProducts(
  db: Queryable,
  accountId: number,
  text: string,
  paging: { page: number; perPage: number },
): Promise<{ products: ProductOutput[]; total: number }> {
  const needle = `%${foldText(text.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `p.account_id = $1 AND p.removed_at IS NULL AND p.parent_id IS NULL
    AND (${folded('p.name')} LIKE $2 OR ${folded('p.sku')} LIKE $2
         OR EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id AND v.removed_at IS NULL
                     AND ${folded('v.sku')} LIKE $2))`;
  const limit = Math.min(paging.perPage, MAX_PER_PAGE);
  const offset = (paging.page - 1) * limit;
  if (offset + limit > MAX_OFFSET)
    throw invalid(`page: past ${MAX_OFFSET} results; narrow the search`, {
      code: 'invalid_field',
      params: { field: 'page', rule: 'paging_limit', limit: MAX_OFFSET },
    });
  const rows = await db.query<ProductRow>(
    `SELECT p.id, p.account_id, p.sku, p.parent_id, p.name, p.status, p.qty, p.price, p.promotional_price,
            p.stock_version, p.price_version, p.data, p.removed_at
       FROM products p WHERE ${where}
      ORDER BY (${folded('p.sku')} = $3) DESC, p.id LIMIT $4 OFFSET $5`,
    [accountId, needle, foldText(text.trim()), limit, offset],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products p WHERE ${where}`, [
    accountId,
    needle,
  ]);
  const variations = await findVariations(
    db,
    rows.map((r) => r.id),
  );
  const byParent = Map.groupBy(variations, (v) => v.parent_id);
  return { products: rows.map((r) => presentProduct(r, byParent.get(r.id) ?? [])), total: count?.n ?? 0 };
}

function encodeCursor(id: number): string {
  return Buffer.from(`p:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^p:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw invalid('cursor: is not a cursor this server issued; use the "next" link as given', {
      code: 'invalid_field',
      params: { field: 'cursor', rule: 'unknown_cursor' },
    });
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
