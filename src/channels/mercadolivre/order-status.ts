/**
 * Order status back to Mercado Livre. Under Mercado Envios 2 ML moves shipments itself
 * (shipped, delivered) once the label exists [doc], so what the seller sends is the invoice:
 * `POST /shipments/{id}/invoice_data` [2nd], which releases the label of drop_off,
 * cross_docking and xd_drop_off shipments. Other logistics (Full, Flex) do not take it there.
 */
import type { ChannelContext, OrderActionPolicy, OrderTransition } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json, MlApi } from './api.ts';
import { asObject, str } from './api.ts';
import { mlChannelError } from './errors.ts';
import { ML_INVOICE_LOGISTICS, ML_SITE } from './facts.ts';

interface Shipment {
  id: string;
  mode: string | undefined;
  logisticType: string | undefined;
}

export async function pushOrderStatus(
  api: MlApi,
  ctx: ChannelContext,
  order: { externalId: string; raw: unknown },
  transition: OrderTransition,
): Promise<void> {
  if (transition.kind === 'cancel') throw unsupported('cancel', 'Cancel the sale in Mercado Livre.');
  const shipment = await shipmentOf(api, ctx, order);
  if (transition.kind === 'invoice') {
    if (!ML_INVOICE_LOGISTICS.includes(shipment.logisticType ?? '')) return;
    await api.call(ctx, {
      operation: 'order_status',
      method: 'POST',
      path: `/shipments/${shipment.id}/invoice_data`,
      query: { siteId: ML_SITE.id },
      ...invoiceBody(transition),
    });
    return;
  }
  // ship / deliver: Mercado Envios 2 reports them itself; nothing to send.
  if (shipment.mode !== 'me2') {
    throw unsupported(
      transition.kind,
      'Report the shipment in Mercado Livre: it is not a Mercado Envios shipment.',
    );
  }
}

/**
 * [doc: importar-nota-fiscal, fidelity M3] ML takes the NF-e XML itself, nothing else: there is
 * no JSON form. The API refuses an invoice without it up front (orderActionPolicy); one stored
 * before that rule is refused here, with the way out in the hint.
 */
function invoiceBody(invoice: Extract<OrderTransition, { kind: 'invoice' }>) {
  if (invoice.xml === undefined) {
    throw mlChannelError(
      FailureClass.permanent,
      'ml.invoice.xml_required',
      'Mercado Livre needs the NF-e XML',
      {
        hint: 'Post the invoice again with the NF-e XML (invoice.xml).',
      },
    );
  }
  return { text: { contentType: 'application/xml', body: invoice.xml } };
}

/**
 * What ML does with each action, from the shipment read at import (`raw.shipment`): under
 * Mercado Envios ML moves the package itself, so shipment and delivery posts are recorded in
 * Cais and not relayed; the NF-e goes to the shipment only where it releases the label (M3).
 */
export function orderActionPolicy(order: { raw: unknown }, kind: OrderTransition['kind']): OrderActionPolicy {
  const shipment = shipmentOfRaw(order.raw);
  if (kind === 'invoice') {
    if (shipment === undefined) return { relay: true };
    if (ML_INVOICE_LOGISTICS.includes(shipment.logisticType ?? ''))
      return { relay: true, requires: ['invoice.xml'] };
    return { relay: false, reason: 'no_seller_invoice' };
  }
  if ((kind === 'ship' || kind === 'deliver') && shipment?.mode === 'me2') {
    return { relay: false, reason: 'marketplace_ships' };
  }
  return { relay: true };
}

function shipmentOfRaw(
  raw: unknown,
): { mode?: string | undefined; logisticType?: string | undefined } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const shipment = (raw as Json).shipment;
  if (typeof shipment !== 'object' || shipment === null) return undefined;
  const logistic = asObject((shipment as Json).logistic ?? {}, 'logistic');
  return { mode: str(logistic.mode), logisticType: str(logistic.type) };
}

async function shipmentOf(api: MlApi, ctx: ChannelContext, order: { externalId: string; raw: unknown }) {
  let shippingId = shippingIdOf(order.raw);
  if (shippingId === undefined) {
    const fresh = await api.call(ctx, {
      operation: 'orders',
      method: 'GET',
      path: `/orders/${encodeURIComponent(order.externalId)}`,
    });
    shippingId = shippingIdOf(fresh);
  }
  if (shippingId === undefined) {
    throw unsupported('shipment', 'This order has no Mercado Envios shipment; manage it in Mercado Livre.');
  }
  const body = asObject(
    await api.call(ctx, {
      operation: 'order_status',
      method: 'GET',
      path: `/shipments/${shippingId}`,
      headers: { 'x-format-new': 'true' },
    }),
    'shipment',
  );
  const logistic = asObject(body.logistic ?? {}, 'logistic');
  const shipment: Shipment = {
    id: shippingId,
    mode: str(logistic.mode) ?? str(body.mode),
    logisticType: str(logistic.type) ?? str(body.logistic_type),
  };
  return shipment;
}

function shippingIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const shipping = (raw as Json).shipping;
  if (typeof shipping !== 'object' || shipping === null) return undefined;
  return str((shipping as Json).id);
}

function unsupported(what: string, hint: string) {
  return mlChannelError(
    FailureClass.permanent,
    'ml.order_status.unsupported',
    `Mercado Livre takes no ${what} from the seller's API for this order`,
    { hint },
  );
}
