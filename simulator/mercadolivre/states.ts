import { ML_INVOICE_LOGISTICS } from './facts.ts';
import type { MlShipment } from './model.ts';

/**
 * [unverified] Which order status may follow which. ML moves orders itself (payments,
 * cancellations); the control API drives them here, and refuses what ML could not do.
 */
export const ML_ORDER_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  confirmed: ['payment_required', 'payment_in_process', 'paid', 'cancelled', 'invalid'],
  payment_required: ['payment_in_process', 'paid', 'cancelled', 'invalid'],
  payment_in_process: ['payment_required', 'partially_paid', 'paid', 'cancelled', 'invalid'],
  partially_paid: ['paid', 'pending_cancel', 'cancelled'],
  paid: ['partially_refunded', 'pending_cancel', 'cancelled'],
  partially_refunded: ['pending_cancel', 'cancelled'],
  pending_cancel: ['paid', 'cancelled'],
  cancelled: [],
  invalid: [],
};

/** [unverified] Shipment statuses (Mercado Envios 2): ML moves them once the label exists. */
export const ML_SHIPMENT_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  pending: ['handling', 'ready_to_ship', 'cancelled'],
  handling: ['ready_to_ship', 'cancelled'],
  ready_to_ship: ['shipped', 'cancelled'],
  shipped: ['delivered', 'not_delivered'],
  not_delivered: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

export function canMove(
  table: Readonly<Record<string, readonly string[]>>,
  from: string,
  to: string,
): boolean {
  return table[from]?.includes(to) ?? false;
}

/** Whether the seller's NF-e is what releases this shipment's label [2nd]. */
export function needsSellerInvoice(shipment: MlShipment): boolean {
  return (ML_INVOICE_LOGISTICS as readonly string[]).includes(shipment.logistic_type);
}

/** [unverified] A paid order's shipment waits for the invoice (`invoice_pending`) where one is needed. */
export function shipmentOnPayment(shipment: MlShipment): void {
  if (shipment.status !== 'pending' && shipment.status !== 'handling') return;
  shipment.status = 'ready_to_ship';
  shipment.substatus = needsSellerInvoice(shipment) ? 'invoice_pending' : 'ready_to_print';
}

/** Whether `POST /shipments/{id}/invoice_data` is acceptable now. */
export function acceptsInvoice(shipment: MlShipment): boolean {
  return (
    needsSellerInvoice(shipment) &&
    (shipment.status === 'handling' ||
      (shipment.status === 'ready_to_ship' && shipment.substatus === 'invoice_pending'))
  );
}
