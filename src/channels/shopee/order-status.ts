/**
 * Order status back to Shopee, after reading the order as Shopee has it now:
 * - invoice: a CNPJ seller's paid order waits for its NF-e XML (`upload_invoice_doc`, multipart,
 *   `file_type=4` [2nd]). [doc: Shopee BR NF-e guide, fidelity S1] get_order_detail shows such an
 *   order as READY_TO_SHIP (INVOICE_PENDING is only a get_order_list filter), so the upload is
 *   keyed on READY_TO_SHIP, unless the detail's invoice_data already holds a document.
 * - ship: `get_shipping_parameter` says how the channel ships (pickup, dropoff, or
 *   non-integrated with the seller's tracking code), then `ship_order`. [2nd] ship_order is not
 *   safe to repeat blindly, so an order already past READY_TO_SHIP is left alone.
 * - deliver: Shopee's logistics report it; nothing to send.
 * - cancel: not offered (the buyer or Shopee cancels; the seller does it in Seller Centre).
 */
import { randomBytes } from 'node:crypto';
import type { ChannelContext, OrderTransition } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, str } from '../json.ts';
import type { SpApi } from './api.ts';
import { spChannelError } from './errors.ts';
import { SP_LOGISTICS } from './facts.ts';
import { fetchOrder, orderNotFound } from './orders.ts';

export async function pushOrderStatus(
  api: SpApi,
  ctx: ChannelContext,
  order: { externalId: string; raw: unknown },
  transition: OrderTransition,
): Promise<void> {
  if (transition.kind === 'deliver') return;
  if (transition.kind === 'cancel') {
    throw spChannelError(
      FailureClass.permanent,
      'shopee.order_status.unsupported',
      'Shopee takes no cancellation from Cais',
      { hint: 'Cancel the order in Shopee Seller Centre.' },
    );
  }
  const fresh = await fetchOrder(api, ctx, order.externalId);
  if (fresh === undefined) throw orderNotFound(order.externalId);
  const status = str(fresh.order_status) ?? '';
  if (transition.kind === 'invoice') {
    if (status !== 'READY_TO_SHIP' && status !== 'INVOICE_PENDING') return;
    if (hasInvoice(fresh)) return;
    await uploadInvoice(api, ctx, order.externalId, transition);
    return;
  }
  if (SP_LOGISTICS.shipped.includes(status)) return;
  const method = await shippingMethod(api, ctx, order.externalId, transition.trackingCode);
  await api.call(ctx, {
    operation: 'order_status',
    method: 'POST',
    path: '/api/v2/logistics/ship_order',
    json: { order_sn: order.externalId, ...method },
  });
}

/** `invoice_data` with a document means the NF-e is already at Shopee (a retried relay). */
function hasInvoice(order: Json): boolean {
  const invoice = order.invoice_data;
  return isObject(invoice) && Object.keys(invoice).length > 0;
}

async function uploadInvoice(
  api: SpApi,
  ctx: ChannelContext,
  orderSn: string,
  invoice: Extract<OrderTransition, { kind: 'invoice' }>,
): Promise<void> {
  if (invoice.xml === undefined) {
    throw spChannelError(FailureClass.permanent, 'shopee.invoice.xml_required', 'Shopee needs the NF-e XML', {
      hint: 'Send the NF-e XML with the invoice (SkyHub invoice "xml").',
    });
  }
  const boundary = `cais${randomBytes(12).toString('hex')}`;
  await api.call(ctx, {
    operation: 'order_status',
    method: 'POST',
    path: '/api/v2/order/upload_invoice_doc',
    text: {
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: multipart(boundary, [
        { name: 'order_sn', value: orderSn },
        { name: 'file_type', value: String(SP_LOGISTICS.nfeFileType) },
        { name: 'file', value: invoice.xml, filename: `${invoice.key}.xml`, contentType: 'text/xml' },
      ]),
    },
  });
}

interface Part {
  name: string;
  value: string;
  filename?: string;
  contentType?: string;
}

function multipart(boundary: string, parts: Part[]): string {
  const lines = parts.map((part) => {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`;
    return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n${part.value}\r\n`;
  });
  return `${lines.join('')}--${boundary}--\r\n`;
}

/**
 * How this order's channel ships, as get_shipping_parameter's `info_needed` says (fidelity S3):
 * pickup (address + slot, when slots exist), dropoff with only the fields it lists (`dropoff: {}`
 * when its list is empty), and non_integrated (the seller's tracking code) only for a
 * non-integrated channel. A channel offering none of these is refused before ship_order.
 */
async function shippingMethod(
  api: SpApi,
  ctx: ChannelContext,
  orderSn: string,
  trackingCode: string,
): Promise<Json> {
  const params = await api.call(ctx, {
    operation: 'order_status',
    method: 'GET',
    path: '/api/v2/logistics/get_shipping_parameter',
    query: { order_sn: orderSn },
  });
  const needed = child(params, 'info_needed');
  const fields = (key: string) => asArray(needed[key]).map(String);
  if (needed.pickup !== undefined) {
    const addresses = asArray(child(params, 'pickup').address_list).filter(isObject);
    const address = addresses.find((a) => asArray(a.address_flag).includes('pickup_address')) ?? addresses[0];
    const slot = asArray(address?.time_slot_list).find(isObject);
    const pickup: Json = { address_id: address?.address_id };
    if (fields('pickup').includes('pickup_time_id') || slot !== undefined)
      pickup.pickup_time_id = str(slot?.pickup_time_id);
    return { pickup };
  }
  if (needed.dropoff !== undefined) {
    const dropoff: Json = {};
    const branch = asArray(child(params, 'dropoff').branch_list).find(isObject);
    if (fields('dropoff').includes('branch_id')) dropoff.branch_id = branch?.branch_id;
    return { dropoff };
  }
  if (needed.non_integrated !== undefined) return { non_integrated: { tracking_number: trackingCode } };
  throw spChannelError(
    FailureClass.permanent,
    'shopee.ship_order.no_method',
    'Shopee offers no way to ship this order (get_shipping_parameter info_needed is empty)',
    { hint: 'Arrange the shipment in Shopee Seller Centre.' },
  );
}
