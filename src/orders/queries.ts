/** Reading orders: one by code or id, pages with SkyHub's filters, and their status history. */
import type { Queryable } from '../db/db.ts';
import { notFound } from '../errors.ts';
import type { OrderData, SkyHubInvoice, SkyHubShipment } from './shape.ts';
import type { StatusType } from './statuses.ts';

/** What the ERP reported on the order, kept apart from what the marketplace says. */
export interface ErpData {
  invoices?: SkyHubInvoice[];
  shipments?: SkyHubShipment[];
  shipped_date?: string;
  delivered_date?: string;
  shipment_exception?: { occurrence_date: string; observation: string };
  canceled_date?: string;
}

export interface OrderRow {
  id: number;
  account_id: number;
  connection_id: number | null;
  channel: string;
  external_id: string;
  code: string;
  status_code: string;
  status_type: StatusType;
  marketplace_status: string;
  placed_at: Date;
  marketplace_updated_at: Date;
  data: OrderData;
  erp: ErpData;
  unknown_skus: string[];
  queue_seq: number;
  delivered_seq: number;
  acked_seq: number;
  queue_deliveries: number;
  acked_at: Date | null;
  imported_at: Date;
  status_changed_at: Date;
  updated_at: Date;
  /** Whether an order sync error is open (so presenting it reads the errors only then). */
  has_open_errors: boolean;
}

export const orderColumns = `o.id, o.account_id, o.connection_id, o.channel, o.external_id, o.code, o.status_code,
  o.status_type, o.marketplace_status, o.placed_at, o.marketplace_updated_at, o.data, o.erp, o.unknown_skus,
  o.queue_seq, o.delivered_seq, o.acked_seq, o.queue_deliveries, o.acked_at, o.imported_at, o.status_changed_at,
  o.updated_at,
  EXISTS (SELECT 1 FROM order_sync_errors e WHERE e.order_id = o.id AND e.status = 'open') AS has_open_errors`;

/**
 * Codes arrive URL-decoded by the router ("Mercado Livre-1"); some clients encode the space as
 * "+", which a path does not decode, so that spelling is tried too.
 */
export async function findOrderByCode(
  db: Queryable,
  accountId: number,
  code: string,
): Promise<OrderRow | undefined> {
  const [row] = await db.query<OrderRow>(
    `SELECT ${orderColumns} FROM orders o WHERE o.account_id = $1 AND o.code = ANY($2::text[])
      ORDER BY o.code = $3 DESC LIMIT 1`,
    [accountId, code.includes('+') ? [code, code.replaceAll('+', ' ')] : [code], code],
  );
  return row;
}

export async function getOrderByCode(db: Queryable, accountId: number, code: string): Promise<OrderRow> {
  const row = await findOrderByCode(db, accountId, code);
  if (!row) throw notFound(`order ${code} not found`, { code: 'order_not_found', params: { order: code } });
  return row;
}

export function ordersByIds(db: Queryable, ids: readonly number[]): Promise<OrderRow[]> {
  return db.query<OrderRow>(
    `SELECT ${orderColumns} FROM orders o WHERE o.id = ANY($1::bigint[]) ORDER BY o.id`,
    [ids],
  );
}

export interface OrderFilter {
  statuses?: string[] | undefined;
  syncStatuses?: ('SYNCED' | 'NOT_SYNCED')[] | undefined;
  saleSystem?: string | undefined;
  /** placed_at >= from and < to. */
  from?: Date | undefined;
  to?: Date | undefined;
  connectionId?: number | undefined;
  page: number;
  perPage: number;
}

const filterSql = `o.account_id = $1
  AND ($2::text[] IS NULL OR o.status_code = ANY($2))
  AND ($3::text IS NULL OR lower(o.channel) = lower($3) OR lower(o.data->>'channel') = lower($3))
  AND ($4::timestamptz IS NULL OR o.placed_at >= $4)
  AND ($5::timestamptz IS NULL OR o.placed_at < $5)
  AND ($6::boolean IS NULL OR (o.queue_seq > o.acked_seq) = $6)
  AND ($7::bigint IS NULL OR o.connection_id = $7)`;

function filterParams(accountId: number, f: OrderFilter): unknown[] {
  const synced = f.syncStatuses;
  // Both sync statuses asked (or none) is no filter; one of them is.
  const notSynced =
    synced && synced.length > 0 && new Set(synced).size === 1 ? synced[0] === 'NOT_SYNCED' : null;
  return [
    accountId,
    f.statuses && f.statuses.length > 0 ? f.statuses : null,
    f.saleSystem ?? null,
    f.from ?? null,
    f.to ?? null,
    notSynced,
    f.connectionId ?? null,
  ];
}

export async function listOrders(
  db: Queryable,
  accountId: number,
  f: OrderFilter,
): Promise<{ total: number; rows: OrderRow[] }> {
  const params = filterParams(accountId, f);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM orders o WHERE ${filterSql}`,
    params,
  );
  const rows = await db.query<OrderRow>(
    `SELECT ${orderColumns} FROM orders o WHERE ${filterSql}
      ORDER BY o.placed_at DESC, o.id DESC LIMIT $8 OFFSET $9`,
    [...params, f.perPage, (f.page - 1) * f.perPage],
  );
  return { total: count!.n, rows };
}

export interface HistoryRow {
  status_code: string;
  status_type: string;
  marketplace_status: string | null;
  source: 'marketplace' | 'erp';
  detail: Record<string, unknown> | null;
  at: Date;
}

export function statusHistory(db: Queryable, orderId: number): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    `SELECT status_code, status_type, marketplace_status, source, detail, at FROM order_status_history
      WHERE order_id = $1 ORDER BY id`,
    [orderId],
  );
}

export async function rawPayload(db: Queryable, orderId: number): Promise<unknown> {
  const [row] = await db.query<{ raw: unknown }>('SELECT raw FROM orders WHERE id = $1', [orderId]);
  return row?.raw;
}
