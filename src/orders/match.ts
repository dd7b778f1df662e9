/**
 * Items are matched to the account's SKUs: by the SKU the marketplace reports (ML's seller_sku,
 * Magalu's sku), else by the listing the item was sold through (the only listing of that
 * marketplace item on the connection). An item that matches nothing is kept as the marketplace
 * reported it and flagged; the order is still imported.
 */
import type { Queryable } from '../db/db.ts';
import type { NormalisedOrder } from './shape.ts';

export interface MatchedLine {
  productId: number;
  qty: number;
}

export interface MatchResult {
  /** Per order (same index): the lines matched to products, for reservations. */
  lines: MatchedLine[][];
  /** Per order: the SKUs (or marketplace item ids) that matched nothing. */
  unknown: string[][];
}

interface ProductHit {
  id: number;
  sku: string;
  parent_sku: string | null;
}

export async function matchItems(
  db: Queryable,
  scope: { accountId: number; connectionId: number | null },
  orders: readonly NormalisedOrder[],
): Promise<MatchResult> {
  const skus = [...new Set(orders.flatMap((o) => o.itemSkus).filter((s): s is string => !!s))];
  const bySku = new Map<string, ProductHit>();
  if (skus.length > 0) {
    const rows = await db.query<ProductHit>(
      `SELECT p.id, p.sku, parent.sku AS parent_sku FROM products p LEFT JOIN products parent ON parent.id = p.parent_id
        WHERE p.account_id = $1 AND p.sku = ANY($2::text[]) AND p.removed_at IS NULL`,
      [scope.accountId, skus],
    );
    for (const r of rows) bySku.set(r.sku, r);
  }
  const byListing = await listingHits(db, scope.connectionId, orders, bySku);
  const result: MatchResult = { lines: [], unknown: [] };
  for (const order of orders) {
    const lines: MatchedLine[] = [];
    const unknown: string[] = [];
    order.data.items.forEach((item, i) => {
      const sku = order.itemSkus[i];
      const hit = (sku ? bySku.get(sku) : undefined) ?? byListing.get(order.externalItemIds[i] ?? '');
      if (!hit) {
        item.matched = false;
        unknown.push(sku ?? order.externalItemIds[i] ?? item.id);
        return;
      }
      item.id = hit.sku;
      item.product_id = hit.parent_sku ?? hit.sku;
      item.matched = true;
      lines.push({ productId: hit.id, qty: item.qty });
    });
    result.lines.push(lines);
    result.unknown.push(unknown);
  }
  return result;
}

/** Items whose SKU is unknown, looked up by the marketplace item they were sold through. */
async function listingHits(
  db: Queryable,
  connectionId: number | null,
  orders: readonly NormalisedOrder[],
  bySku: Map<string, ProductHit>,
): Promise<Map<string, ProductHit>> {
  const wanted = new Set<string>();
  for (const order of orders) {
    order.itemSkus.forEach((sku, i) => {
      const external = order.externalItemIds[i];
      if ((!sku || !bySku.has(sku)) && external) wanted.add(external);
    });
  }
  const hits = new Map<string, ProductHit>();
  if (wanted.size === 0 || connectionId === null) return hits;
  const rows = await db.query<ProductHit & { external_id: string; n: number }>(
    `SELECT l.external_id, min(p.id) AS id, min(p.sku) AS sku, min(parent.sku) AS parent_sku, count(*)::int AS n
       FROM listings l JOIN products p ON p.id = l.product_id LEFT JOIN products parent ON parent.id = p.parent_id
      WHERE l.connection_id = $1 AND l.role = 'item' AND l.external_id = ANY($2::text[]) AND p.removed_at IS NULL
      GROUP BY l.external_id`,
    [connectionId, [...wanted]],
  );
  // An item with several variations cannot tell which one was sold: left unmatched.
  for (const r of rows)
    if (r.n === 1) hits.set(r.external_id, { id: r.id, sku: r.sku, parent_sku: r.parent_sku });
  return hits;
}
