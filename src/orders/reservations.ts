/**
 * Order reservations (DESIGN §4.3, beyond SkyHub): the units of an order the ERP has not yet
 * acknowledged are held back from the effective stock of every channel, so the other
 * marketplaces stop selling them before the ERP reacts. A reservation ends when the ERP, after
 * acknowledging the order, pushes a new stock for the SKU (read off products.stock_changed_at:
 * that push already makes the listings owe a send), or when the order is cancelled.
 *
 * A push that repeats the current quantity changes nothing in the catalog, so it does not end a
 * reservation; the next push that changes the quantity does.
 */
import type { Db, Queryable } from '../db/db.ts';
import { oweSends } from '../listings/queries.ts';
import type { Reservations } from '../sync/deliver.ts';

export interface ReservedLine {
  productId: number;
  qty: number;
}

// Active = not released, and not superseded by a stock push after the acknowledgement.
const activeReservations = `
  FROM order_reservations r
  JOIN products p ON p.id = r.product_id
  LEFT JOIN order_settings s ON s.account_id = r.account_id
 WHERE r.released_at IS NULL AND (r.acked_at IS NULL OR p.stock_changed_at <= r.acked_at)
   AND coalesce(s.reservations, true)`;

/** Units reserved per product: the runner's hook (RunnerDeps.reservations) and explain's input. */
export async function reservedUnits(
  db: Queryable,
  productIds: readonly number[],
): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.query<{ product_id: number; qty: number }>(
    `SELECT r.product_id, sum(r.qty)::int AS qty ${activeReservations} AND r.product_id = ANY($1::bigint[])
      GROUP BY r.product_id`,
    [productIds],
  );
  return new Map(rows.map((r) => [r.product_id, r.qty]));
}

export async function orderReservations(db: Db, productIds: number[]): Promise<Reservations> {
  const units = await reservedUnits(db, productIds);
  return { get: (productId) => units.get(productId) ?? 0 };
}

export async function reservationsEnabled(db: Queryable, accountId: number): Promise<boolean> {
  const [row] = await db.query<{ reservations: boolean }>(
    'SELECT reservations FROM order_settings WHERE account_id = $1',
    [accountId],
  );
  return row?.reservations ?? true;
}

/** Turns reservations on or off; the SKUs they hold owe a stock send either way. */
export async function setReservationsEnabled(db: Db, accountId: number, enabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO order_settings (account_id, reservations) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET reservations = excluded.reservations, updated_at = now()`,
      [accountId, enabled],
    );
    const rows = await tx.query<{ product_id: number }>(
      `SELECT DISTINCT r.product_id FROM order_reservations r JOIN products p ON p.id = r.product_id
        WHERE r.account_id = $1 AND r.released_at IS NULL
          AND (r.acked_at IS NULL OR p.stock_changed_at <= r.acked_at)`,
      [accountId],
    );
    if (rows.length > 0)
      await oweSends(
        tx,
        rows.map((r) => r.product_id),
        'stock',
      );
  });
}

/**
 * Reserves the units of several orders in one statement (lines of one product in one order added
 * up); answers the products whose effective stock changes.
 */
export async function reserveUnits(
  tx: Queryable,
  accountId: number,
  orders: readonly { orderId: number; lines: readonly ReservedLine[] }[],
): Promise<number[]> {
  const byKey = new Map<string, { orderId: number; productId: number; qty: number }>();
  for (const { orderId, lines } of orders) {
    for (const l of lines) {
      if (l.qty <= 0) continue;
      const key = `${orderId}:${l.productId}`;
      const entry = byKey.get(key) ?? { orderId, productId: l.productId, qty: 0 };
      entry.qty += l.qty;
      byKey.set(key, entry);
    }
  }
  if (byKey.size === 0) return [];
  const entries = [...byKey.values()];
  await tx.query(
    `INSERT INTO order_reservations (order_id, product_id, account_id, qty)
     SELECT x.order_id, x.product_id, $1, x.qty FROM unnest($2::bigint[], $3::bigint[], $4::int[]) AS x(order_id, product_id, qty)
     ON CONFLICT (order_id, product_id) DO NOTHING`,
    [accountId, entries.map((e) => e.orderId), entries.map((e) => e.productId), entries.map((e) => e.qty)],
  );
  return [...new Set(entries.map((e) => e.productId))];
}

/** Ends the reservations of cancelled orders; answers the products whose stock changes. */
export async function releaseReservations(tx: Queryable, orderIds: readonly number[]): Promise<number[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.query<{ product_id: number }>(
    `UPDATE order_reservations SET released_at = now()
      WHERE order_id = ANY($1::bigint[]) AND released_at IS NULL RETURNING product_id`,
    [orderIds],
  );
  return [...new Set(rows.map((r) => r.product_id))];
}

/** The ERP has the order: from now on its next stock push for these SKUs ends the reservation. */
export async function acknowledgeReservations(tx: Queryable, orderId: number): Promise<void> {
  await tx.query(
    'UPDATE order_reservations SET acked_at = now() WHERE order_id = $1 AND acked_at IS NULL AND released_at IS NULL',
    [orderId],
  );
}

/**
 * Housekeeping: reservations superseded by a stock push are marked released, so the active set
 * (and the index the runner reads) holds only what is really reserved.
 */
export async function settleSupersededReservations(db: Queryable): Promise<number> {
  const rows = await db.query(
    `UPDATE order_reservations r SET released_at = p.stock_changed_at
       FROM products p
      WHERE p.id = r.product_id AND r.released_at IS NULL AND r.acked_at IS NOT NULL
        AND p.stock_changed_at > r.acked_at
      RETURNING r.order_id`,
  );
  return rows.length;
}

export interface ReservationView {
  sku: string;
  qty: number;
  status: 'active' | 'ended';
  acked_at: string | null;
  ended_at: string | null;
}

export async function reservationsOfOrder(db: Queryable, orderId: number): Promise<ReservationView[]> {
  const rows = await db.query<{
    sku: string;
    qty: number;
    active: boolean;
    acked_at: Date | null;
    ended_at: Date | null;
  }>(
    `SELECT p.sku, r.qty, r.acked_at,
            r.released_at IS NULL AND (r.acked_at IS NULL OR p.stock_changed_at <= r.acked_at) AS active,
            coalesce(r.released_at, CASE WHEN p.stock_changed_at > r.acked_at THEN p.stock_changed_at END) AS ended_at
       FROM order_reservations r JOIN products p ON p.id = r.product_id
      WHERE r.order_id = $1 ORDER BY p.sku`,
    [orderId],
  );
  return rows.map((r) => ({
    sku: r.sku,
    qty: r.qty,
    status: r.active ? 'active' : 'ended',
    acked_at: r.acked_at?.toISOString() ?? null,
    ended_at: r.ended_at?.toISOString() ?? null,
  }));
}
