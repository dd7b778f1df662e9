import { nfeKeyIsValid } from '../core/nfe.ts';
import type { MgDeps } from './deps.ts';
import type { MagaluError } from './errors.ts';
import { magaluError } from './errors.ts';
import { MG_BEHAVIOUR, MG_DELIVERY_TRANSITIONS, MG_ORDER_TRANSITIONS } from './facts.ts';
import type { MgDelivery, MgInvoice, MgOrder } from './model.ts';
import { iso } from './model.ts';

/** The state machines of orders, deliveries and invoices, shared by Magalu's routes and the control API. */
export function canMove(
  table: Readonly<Record<string, readonly string[]>>,
  from: string,
  to: string,
): boolean {
  return table[from]?.includes(to) ?? false;
}

function illegal(kind: string, id: string, from: string, to: string): MagaluError {
  return magaluError(422, `${kind} ${id} cannot go from ${from} to ${to}`);
}

/** Moves a delivery; an order whose deliveries are all delivered becomes finished. */
export function moveDelivery(deps: MgDeps, delivery: MgDelivery, to: string): MagaluError | null {
  if (!canMove(MG_DELIVERY_TRANSITIONS, delivery.status, to))
    return illegal('Delivery', delivery.id, delivery.status, to);
  if (to === 'invoiced' && !delivery.invoices.some((invoice) => invoice.status === 'approved')) {
    // [2nd] the sandbox refuses this move with "Package without approved invoice".
    return magaluError(400, 'Package without approved invoice');
  }
  const at = iso(deps.clock.now());
  delivery.status = to;
  delivery.updated_at = at;
  deps.store.recordHistory(delivery.id, to, at);
  const order = deps.store.orders.get(delivery.order.id);
  if (order !== undefined) {
    order.updated_at = at;
    if (order.deliveries.every((entry) => entry.status === 'delivered') && order.status === 'approved') {
      order.status = 'finished';
    }
  }
  return null;
}

/** Moves an order; approval approves its new deliveries, cancellation cancels the open ones. */
export function moveOrder(deps: MgDeps, order: MgOrder, to: string, returnStock: (order: MgOrder) => void) {
  if (!canMove(MG_ORDER_TRANSITIONS, order.status, to)) return illegal('Order', order.id, order.status, to);
  if (to === 'finished' && !order.deliveries.every((delivery) => delivery.status === 'delivered')) {
    return magaluError(422, `Order ${order.id} has deliveries not delivered yet`);
  }
  const at = iso(deps.clock.now());
  order.status = to;
  order.updated_at = at;
  if (to === 'approved') order.approved_at = at;
  for (const delivery of order.deliveries) {
    const next =
      to === 'approved' && delivery.status === 'new' ? 'approved' : to === 'cancelled' ? 'cancelled' : null;
    if (next !== null && canMove(MG_DELIVERY_TRANSITIONS, delivery.status, next))
      moveDelivery(deps, delivery, next);
  }
  if (to === 'cancelled') returnStock(order);
  return null;
}

/** Settles an invoice: approved moves the delivery to invoiced; invalid waits for a fix. */
export function settleInvoice(deps: MgDeps, delivery: MgDelivery, invoice: MgInvoice, status: string): void {
  invoice.status = status;
  invoice.updated_at = iso(deps.clock.now());
  if (status === 'approved' && delivery.status === 'approved') moveDelivery(deps, delivery, 'invoiced');
}

/** [2nd] Invoices are validated asynchronously; a key whose check digit fails comes back invalid. */
export function validateLater(deps: MgDeps, delivery: MgDelivery, invoice: MgInvoice): void {
  invoice.status = MG_BEHAVIOUR.invoiceValidatingStatus;
  const apply = () => {
    if (invoice.status !== MG_BEHAVIOUR.invoiceValidatingStatus) return;
    settleInvoice(deps, delivery, invoice, nfeKeyIsValid(invoice.key) ? 'approved' : 'invalid');
  };
  if (deps.settings.invoiceValidationMs <= 0) apply();
  else deps.queue.push({ dueAt: Date.now() + deps.settings.invoiceValidationMs, apply });
}

/** Whether a new invoice may be attached: the delivery approved, no live invoice already. */
export function invoiceRefusal(delivery: MgDelivery, key: string): MagaluError | null {
  if (delivery.invoices.some((invoice) => invoice.key === key)) {
    return magaluError(409, `Invoice ${key} already exists`);
  }
  if (delivery.status !== 'approved') {
    return magaluError(422, `Delivery ${delivery.id} is ${delivery.status}: invoices need it approved`);
  }
  if (delivery.invoices.some((invoice) => invoice.status !== 'invalid')) {
    return magaluError(409, `Delivery ${delivery.id} already has an invoice`);
  }
  return null;
}
