/**
 * An order as the ERP reads it (queue, GET /orders, webhooks): SkyHub's shape, with the status
 * and sync status of now, what the ERP itself reported merged in, and Cais's extras under `cais`.
 */

import type { Static } from 'typebox';
import type { Queryable } from '../db/db.ts';
import type { Order } from '../http/contract/orders.ts';
import type { Language } from '../i18n/language.ts';
import { type OrderErrorRow, openErrorsOfOrders, presentOrderError } from '../sync-errors/orders.ts';
import type { OrderRow } from './queries.ts';
import type { SkyHubInvoice, SkyHubShipment } from './shape.ts';
import { defaultStatuses, defaultStatusOf, type OrderStatus, statusLabels } from './statuses.ts';

/** The body's shape is the contract's (src/http/contract/orders.ts): a change of either fails tsc. */
export type PresentedOrder = Static<typeof Order>;

export function presentOrder(
  row: OrderRow,
  labels: Map<string, OrderStatus>,
  errors: OrderErrorRow[] = [],
  lang: Language = 'en',
): PresentedOrder {
  const status = labels.get(row.status_code) ?? {
    ...defaultStatusOf[row.status_type],
    code: row.status_code,
  };
  const erp = row.erp ?? {};
  const synced = row.acked_seq >= row.queue_seq;
  const updatedAt = new Date(Math.max(row.status_changed_at.getTime(), row.marketplace_updated_at.getTime()));
  return {
    ...row.data,
    code: row.code,
    status: { code: status.code, label: status.label, type: status.type },
    updated_at: updatedAt.toISOString(),
    shipped_date: erp.shipped_date ?? row.data.shipped_date,
    delivered_date: erp.delivered_date ?? row.data.delivered_date,
    invoices: mergeBy(erp.invoices ?? [], row.data.invoices, (i: SkyHubInvoice) => i.key),
    shipments: mergeBy(erp.shipments ?? [], row.data.shipments, (s: SkyHubShipment) => s.code),
    shipment_exception: erp.shipment_exception ?? null,
    imported_at: row.imported_at.toISOString(),
    sync_status: synced ? 'SYNCED' : 'NOT_SYNCED',
    available_to_sync: !synced,
    tags: row.unknown_skus.length > 0 ? [...row.data.tags, 'unknown_sku'] : row.data.tags,
    cais: {
      id: row.id,
      connection_id: row.connection_id,
      marketplace_order_id: row.external_id,
      marketplace_status: row.marketplace_status,
      unknown_skus: row.unknown_skus,
      queue_deliveries: row.queue_deliveries,
      acknowledged_at: row.acked_at?.toISOString() ?? null,
      sync_errors: errors.filter((e) => e.order_id === row.id).map((e) => presentOrderError(e, lang)),
    },
  };
}

function mergeBy<T>(first: readonly T[], second: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(first.map(key));
  return [...first, ...second.filter((t) => !seen.has(key(t)))];
}

/**
 * Presents rows of one account with their labels and open sync errors. The usual order (a
 * default status, no open error) costs no query: the queue hands out orders one at a time.
 */
export async function presentOrders(
  db: Queryable,
  accountId: number,
  rows: readonly OrderRow[],
  lang: Language = 'en',
): Promise<PresentedOrder[]> {
  if (rows.length === 0) return [];
  const custom = rows.some((r) => !defaultStatuses.some((s) => s.code === r.status_code));
  const labels = custom ? await statusLabels(db, accountId) : defaultLabels;
  const withErrors = rows.filter((r) => r.has_open_errors).map((r) => r.id);
  const errors = withErrors.length > 0 ? await openErrorsOfOrders(db, withErrors) : [];
  return rows.map((r) => presentOrder(r, labels, errors, lang));
}

const defaultLabels = new Map(defaultStatuses.map((s) => [s.code, s]));
