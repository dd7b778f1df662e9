/**
 * SkyHub's order statuses: the defaults every account has, the account's own codes mapped to a
 * status type, and the state machine the ERP's actions must follow (reference §2.5, §4).
 */
import type { Queryable } from '../db/db.ts';
import { conflict, invalid, notFound } from '../errors.ts';

export const statusTypes = [
  'NEW',
  'APPROVED',
  'INVOICED',
  'SHIPPED',
  'DELIVERED',
  'CANCELED',
  'SHIPMENT_EXCEPTION',
  'PAYMENT_OVERDUE',
] as const;
export type StatusType = (typeof statusTypes)[number];

/** The SDK spells two types differently (`CANCELLED`, `OVERDUE`); both are accepted on input. */
const typeAliases: Record<string, StatusType> = { CANCELLED: 'CANCELED', OVERDUE: 'PAYMENT_OVERDUE' };

export function statusTypeOf(text: string): StatusType | undefined {
  const upper = text.toUpperCase();
  return (statusTypes as readonly string[]).includes(upper) ? (upper as StatusType) : typeAliases[upper];
}

export interface OrderStatus {
  code: string;
  label: string;
  type: StatusType;
}

export const defaultStatuses: readonly OrderStatus[] = [
  { code: 'book_product', label: 'Pagamento Pendente (SkyHub)', type: 'NEW' },
  { code: 'payment_received', label: 'Aprovado (SkyHub)', type: 'APPROVED' },
  { code: 'order_invoiced', label: 'Pagamento Faturado (SkyHub)', type: 'INVOICED' },
  { code: 'order_shipped', label: 'Pedido Enviado (SkyHub)', type: 'SHIPPED' },
  { code: 'complete', label: 'Completo (entregue) (SkyHub)', type: 'DELIVERED' },
  { code: 'order_canceled', label: 'Cancelado (SkyHub)', type: 'CANCELED' },
  { code: 'shipment_exception', label: 'Exceção de Entrega (SkyHub)', type: 'SHIPMENT_EXCEPTION' },
  { code: 'payment_overdue', label: 'Pagamento Atrasado (SkyHub)', type: 'PAYMENT_OVERDUE' },
];

/** The default status of each type: what an import sets, and what an action sets without `status`. */
export const defaultStatusOf = Object.fromEntries(defaultStatuses.map((s) => [s.type, s])) as Record<
  StatusType,
  OrderStatus
>;

/**
 * Which status type may follow which when the ERP acts (SkyHub's flow: the marketplace sets NEW →
 * APPROVED or CANCELED; the seller then INVOICED → SHIPPED → DELIVERED, or CANCELED or
 * SHIPMENT_EXCEPTION). A shipment needs an invoice first: Brazilian goods travel with their NF-e.
 */
export const transitions: Record<StatusType, readonly StatusType[]> = {
  NEW: ['APPROVED', 'CANCELED', 'PAYMENT_OVERDUE'],
  PAYMENT_OVERDUE: ['APPROVED', 'CANCELED'],
  APPROVED: ['INVOICED', 'CANCELED'],
  INVOICED: ['SHIPPED', 'CANCELED'],
  SHIPPED: ['DELIVERED', 'SHIPMENT_EXCEPTION'],
  SHIPMENT_EXCEPTION: ['SHIPPED', 'DELIVERED', 'CANCELED'],
  DELIVERED: [],
  CANCELED: [],
};

export function canMove(from: StatusType, to: StatusType): boolean {
  return transitions[from].includes(to);
}

export function listCustomStatuses(db: Queryable, accountId: number): Promise<OrderStatus[]> {
  return db.query<OrderStatus>(
    'SELECT code, label, type FROM order_statuses WHERE account_id = $1 ORDER BY code',
    [accountId],
  );
}

export async function listStatuses(db: Queryable, accountId: number): Promise<OrderStatus[]> {
  return [...defaultStatuses, ...(await listCustomStatuses(db, accountId))];
}

/** The account's status with this code, or undefined. */
export async function findStatus(
  db: Queryable,
  accountId: number,
  code: string,
): Promise<OrderStatus | undefined> {
  const builtIn = defaultStatuses.find((s) => s.code === code);
  if (builtIn) return builtIn;
  const [row] = await db.query<OrderStatus>(
    'SELECT code, label, type FROM order_statuses WHERE account_id = $1 AND code = $2',
    [accountId, code],
  );
  return row;
}

export async function createStatus(
  db: Queryable,
  accountId: number,
  status: OrderStatus,
): Promise<OrderStatus> {
  if (defaultStatuses.some((s) => s.code === status.code)) {
    throw conflict(`status.code: "${status.code}" is a default status`, {
      code: 'status_is_default',
      params: { field: 'status.code', status: status.code },
    });
  }
  const rows = await db.query<OrderStatus>(
    `INSERT INTO order_statuses (account_id, code, label, type) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, code) DO NOTHING RETURNING code, label, type`,
    [accountId, status.code, status.label, status.type],
  );
  if (!rows[0]) {
    throw conflict(`status.code: "${status.code}" already exists`, {
      code: 'status_exists',
      params: { field: 'status.code', status: status.code },
    });
  }
  return rows[0];
}

export async function updateStatus(
  db: Queryable,
  accountId: number,
  status: OrderStatus,
): Promise<OrderStatus> {
  if (defaultStatuses.some((s) => s.code === status.code)) {
    throw invalid(`status.code: "${status.code}" is a default status and cannot be changed`, {
      code: 'status_is_default',
      params: { field: 'status.code', status: status.code },
    });
  }
  const rows = await db.query<OrderStatus>(
    `UPDATE order_statuses SET label = $3, type = $4 WHERE account_id = $1 AND code = $2
     RETURNING code, label, type`,
    [accountId, status.code, status.label, status.type],
  );
  if (!rows[0])
    throw notFound(`status ${status.code} not found`, {
      code: 'status_not_found',
      params: { status: status.code },
    });
  return rows[0];
}

/** Labels of every code an account may see, for presenting orders in one query. */
export async function statusLabels(db: Queryable, accountId: number): Promise<Map<string, OrderStatus>> {
  return new Map((await listStatuses(db, accountId)).map((s) => [s.code, s]));
}
