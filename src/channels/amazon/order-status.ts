/**
 * Order status back to Amazon. Only the shipment of a seller-fulfilled (MFN) order is the
 * seller's to report: confirmShipment [SPM] with every unit not yet shipped, the ERP's tracking
 * code and carrier. The order is read first: one already shipped needs nothing (a retried relay
 * after a lost answer must not become an error), and the items' ids come from Amazon, not from
 * the possibly older copy Cais imported.
 * [unverified] An NF-e goes through Seller Central (Amazon issues the fiscal documents it needs
 * for its own logistics), and the carrier reports delivery: invoice and deliver send nothing.
 * A cancellation has no seller call (confirmShipment stays in Orders v0: the 2026 API has no
 * shipment operation; the order is read through orders.ts, 2026 first).
 */
import type { ChannelContext, OrderTransition } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, isObject, num, str } from '../json.ts';
import type { AmApi } from './api.ts';
import { sellerFor } from './api.ts';
import { amChannelError } from './errors.ts';
import { AM_CARRIER_CODES, AM_ORDERS } from './facts.ts';
import { getOrder } from './orders.ts';

/** Nothing left to confirm: v0's OrderStatus and the 2026 API's FulfillmentStatus. */
const DONE = ['Shipped', 'InvoiceUnconfirmed', 'Canceled', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'];

/**
 * [SPM PackageDetail; SP-API changelog "CarrierCode value required … BR"] (A2) the code from
 * Amazon's carrier list when the ERP's carrier is one of them (matched without case and
 * accents), else `Other` with the ERP's name as `carrierName`, which `Other` requires.
 */
export function carrierOf(carrier: string | undefined): { carrierCode: string; carrierName?: string } {
  const wanted = fold(carrier ?? '');
  const code = AM_CARRIER_CODES.find((c) => fold(c) === wanted);
  if (code !== undefined) return { carrierCode: code };
  return { carrierCode: AM_ORDERS.defaultCarrier, carrierName: carrier?.trim() || 'Transportadora' };
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

interface Line {
  orderItemId: string;
  ordered: number;
  shipped: number;
}

/**
 * The order's lines from the raw order Amazon answered: the 2026 API's `orderItems` (shipped units
 * in `fulfillment.quantityFulfilled`, includedData FULFILLMENT) or, from the v0 fallback,
 * `OrderItems` with `QuantityShipped`.
 */
function linesOf(raw: Json): Line[] {
  if (Array.isArray(raw.orderItems)) {
    return asArray(raw.orderItems)
      .filter(isObject)
      .map((item) => {
        const fulfillment = isObject(item.fulfillment) ? item.fulfillment : {};
        return {
          orderItemId: str(item.orderItemId) ?? '',
          ordered: num(item.quantityOrdered) ?? 0,
          shipped: num(fulfillment.quantityFulfilled) ?? 0,
        };
      });
  }
  return asArray(raw.OrderItems)
    .filter(isObject)
    .map((item) => ({
      orderItemId: str(item.OrderItemId) ?? '',
      ordered: num(item.QuantityOrdered) ?? 0,
      shipped: num(item.QuantityShipped) ?? 0,
    }));
}

export async function pushOrderStatus(
  api: AmApi,
  ctx: ChannelContext,
  order: { externalId: string; raw: unknown },
  transition: OrderTransition,
): Promise<void> {
  if (transition.kind === 'invoice' || transition.kind === 'deliver') return;
  if (transition.kind === 'cancel') {
    throw amChannelError(
      FailureClass.permanent,
      'amazon.order_status.unsupported',
      'Amazon takes no cancellation from the seller API',
      { hint: 'Cancel the order in Seller Central (Manage Orders › Cancel order).' },
    );
  }
  const fresh = await getOrder(api, ctx, order.externalId);
  if (DONE.includes(fresh.status)) return;
  const all = linesOf(fresh.raw as Json);
  const lines = all
    .map((line) => ({ orderItemId: line.orderItemId, quantity: line.ordered - line.shipped }))
    .filter((line) => line.quantity > 0);
  if (lines.length === 0) return;
  const { marketplaceId } = await sellerFor(ctx);
  const packageDetail: Json = {
    // [SPM PackageReferenceId] "Only positive numeric values are supported" (A1). Every package
    // ships at least one unit, so one more than the units already shipped is new for the order.
    packageReferenceId: String(all.reduce((sum, line) => sum + line.shipped, 0) + 1),
    ...carrierOf(transition.carrier),
    trackingNumber: transition.trackingCode,
    shipDate: transition.shippedAt.toISOString(),
    orderItems: lines,
  };
  await api.call(ctx, {
    sp: 'orders.confirm_shipment',
    operation: 'order_status',
    method: 'POST',
    path: `/orders/v0/orders/${encodeURIComponent(order.externalId)}/shipmentConfirmation`,
    json: { marketplaceId, packageDetail },
  });
}
