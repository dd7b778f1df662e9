/**
 * Saving a connection's rules and previewing them. Saving makes the listings whose effective
 * value depends on the changed part owe a send (DESIGN §3.6); a preview changes nothing.
 */

import type { Static } from 'typebox';
import type { Connections } from '../connections/connections.ts';
import { type ConnectionRow, saveRules } from '../connections/queries.ts';
import type { Queryable } from '../db/db.ts';
import type { RulesPreview } from '../http/contract/sync.ts';
import { oweAllSends } from '../listings/queries.ts';
import { effectivePrice, effectiveStock, presentPrice, type Rules } from './rules.ts';

type PreviewListing = Static<typeof RulesPreview>['listings'][number];

export async function replaceRules(
  deps: Connections,
  connection: ConnectionRow,
  rules: Rules,
): Promise<{ owed: number }> {
  const before = (connection.rules ?? {}) as Rules;
  return deps.db.transaction(async (tx) => {
    await saveRules(tx, connection.id, rules);
    let owed = 0;
    if (JSON.stringify(before.stock ?? {}) !== JSON.stringify(rules.stock ?? {}))
      owed += await oweAllSends(tx, connection.id, 'stock');
    if (JSON.stringify(before.price ?? {}) !== JSON.stringify(rules.price ?? {}))
      owed += await oweAllSends(tx, connection.id, 'price');
    return { owed };
  });
}

interface PreviewRow {
  sku: string;
  product_id: number;
  qty: number;
  price: number | null;
  promotional_price: number | null;
  sellable: boolean;
  stock_sent_qty: number | null;
  price_sent_price: number | null;
  price_sent_promotional_price: number | null;
}

/** What each green listing would receive under `rules`, beside what it receives now and what is live. */
export async function previewRules(
  db: Queryable,
  connection: ConnectionRow,
  rules: Rules,
  options: { skus?: string[] | undefined; limit: number },
): Promise<PreviewListing[]> {
  const rows = await db.query<PreviewRow>(
    `SELECT p.sku, p.id AS product_id, p.qty, p.price, p.promotional_price,
            p.removed_at IS NULL AND p.status = 'enabled' AS sellable,
            l.stock_sent_qty, l.price_sent_price, l.price_sent_promotional_price
       FROM listings l JOIN products p ON p.id = l.product_id
      WHERE l.connection_id = $1 AND l.flag = 'green' AND l.role = 'item'
        AND ($2::text[] IS NULL OR p.sku = ANY($2))
      ORDER BY l.id LIMIT $3`,
    [connection.id, options.skus ?? null, options.limit],
  );
  const current = (connection.rules ?? {}) as Rules;
  return rows.map((r) => {
    const stockInput = { qty: r.qty, reserved: 0, sellable: r.sellable };
    const priceInput = { price: r.price, promotionalPrice: r.promotional_price };
    const proposed = {
      qty: effectiveStock(stockInput, rules.stock),
      ...presentPrice(effectivePrice(priceInput, rules.price)),
    };
    return {
      sku: r.sku,
      erp: { qty: r.qty, price: r.price, promotional_price: r.promotional_price },
      now: {
        qty: effectiveStock(stockInput, current.stock),
        ...presentPrice(effectivePrice(priceInput, current.price)),
      },
      proposed,
      live: {
        qty: r.stock_sent_qty,
        price: r.price_sent_price,
        promotional_price: r.price_sent_promotional_price,
      },
      changes: {
        qty: proposed.qty !== r.stock_sent_qty,
        price:
          proposed.price !== r.price_sent_price ||
          proposed.promotional_price !== r.price_sent_promotional_price,
      },
    };
  });
}
