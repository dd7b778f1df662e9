/**
 * Order status back to Magalu, per delivery (a package of the order) [doc/2nd]:
 * invoice → `POST /seller/v1/deliveries/{id}/invoices` with the NF-e XML [doc],
 * ship → `POST …/shippings` with tracking [2nd], deliver → `POST …/finishing` [2nd].
 * The order is read again first: the copy Cais imported may be older than the deliveries' state.
 * A write Magalu already holds (409 on an invoice key it has) counts as done, so a retried send
 * after a lost answer does not become an error.
 */
import type { ChannelContext, OrderActionPolicy, OrderTransition } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import type { Json } from '../json.ts';
import { asArray, child, isObject, str } from '../json.ts';
import type { MgApi } from './api.ts';
import { fromAmount } from './api.ts';
import { mgChannelError } from './errors.ts';
import { MG_DEFAULT_DELIVERY_DAYS } from './facts.ts';
import { fetchOrder } from './orders.ts';

const DAY_MS = 86_400_000;

/** Which deliveries each transition applies to: those still waiting for it. */
const WAITING: Record<Exclude<OrderTransition['kind'], 'cancel'>, readonly string[]> = {
  invoice: ['new', 'approved', 'frozen'],
  ship: ['new', 'approved', 'invoiced', 'frozen'],
  deliver: ['shipped', 'frozen'],
};

export async function pushOrderStatus(
  api: MgApi,
  ctx: ChannelContext,
  order: { externalId: string; raw: unknown },
  transition: OrderTransition,
): Promise<void> {
  if (transition.kind === 'cancel') {
    throw unsupported('Cancel the order in the Magalu seller portal.');
  }
  const fresh = await fetchOrder(api, ctx, order.externalId);
  const deliveries = asArray(fresh.deliveries)
    .filter(isObject)
    .filter((delivery) => WAITING[transition.kind].includes(str(delivery.status) ?? ''));
  for (const delivery of deliveries) {
    const id = encodeURIComponent(str(delivery.id) ?? '');
    const channel = { id: str(child(delivery, 'channel').id) ?? str(child(fresh, 'channel').id) };
    const write = deliveryWrite(transition, channel, fresh, delivery);
    await api.call(ctx, {
      operation: 'order_status',
      method: write.method ?? 'POST',
      path: `/seller/v1/deliveries/${id}/${write.path}`,
      json: write.json,
      accept: write.path === 'invoices' ? [409] : [],
    });
  }
}

type Transition = Exclude<OrderTransition, { kind: 'cancel' }>;
type Channel = { id: string | undefined };
type Write = { path: string; json: Json; method?: 'POST' | 'PUT' };

function deliveryWrite(transition: Transition, channel: Channel, order: Json, delivery: Json): Write {
  if (transition.kind === 'invoice') return invoiceWrite(transition, channel, order, delivery);
  if (transition.kind === 'ship') return shippingWrite(transition, channel);
  return { path: 'finishing', json: { channel, delivered_at: transition.deliveredAt.toISOString() } };
}

function invoiceWrite(
  invoice: Extract<Transition, { kind: 'invoice' }>,
  channel: Channel,
  order: Json,
  delivery: Json,
): Write {
  if (invoice.xml === undefined) {
    throw mgChannelError(FailureClass.permanent, 'magalu.invoice.xml_required', 'Magalu needs the NF-e XML');
  }
  const amounts = child(order, 'amounts');
  const json: Json = {
    issued_at: invoice.issuedAt.toISOString(),
    // [unverified] in reais, like the NF-e's own total.
    amount: fromAmount(amounts.total, amounts.normalizer),
    channel,
    xml: invoice.xml,
  };
  // [doc: update_invalid_invoice] an invoice Magalu found invalid is corrected with a PUT under
  // its key (fidelity G2), not posted again.
  if (invoiceStatus(delivery, invoice.key) === 'invalid') {
    return { path: `invoices/${encodeURIComponent(invoice.key)}`, json, method: 'PUT' };
  }
  // The issuer's CNPJ sits in digits 7–20 of every NF-e key.
  return { path: 'invoices', json: { key: invoice.key, issuer: invoice.key.slice(6, 20), ...json } };
}

function shippingWrite(ship: Extract<Transition, { kind: 'ship' }>, channel: Channel): Write {
  if (ship.url === undefined) {
    throw mgChannelError(
      FailureClass.permanent,
      'magalu.shipping.tracking_url_required',
      'Magalu needs the tracking URL of the shipment',
    );
  }
  const estimated =
    ship.estimatedDeliveryAt ?? new Date(ship.shippedAt.getTime() + MG_DEFAULT_DELIVERY_DAYS * DAY_MS);
  const json: Json = {
    channel,
    tracking_url: ship.url,
    protocol: ship.trackingCode,
    dates: { shipped_at: ship.shippedAt.toISOString(), estimated_delivery_at: estimated.toISOString() },
  };
  if (ship.carrier !== undefined) json.carrier = { name: ship.carrier };
  return { path: 'shippings', json };
}

function invoiceStatus(delivery: Json, key: string): string | undefined {
  const invoice = asArray(delivery.invoices)
    .filter(isObject)
    .find((entry) => str(entry.key) === key);
  return invoice === undefined ? undefined : str(invoice.status);
}

/** Magalu takes every action the ERP posts; an invoice always needs the NF-e XML (add_invoice `xml`). */
export function orderActionPolicy(
  _order: { raw: unknown },
  kind: OrderTransition['kind'],
): OrderActionPolicy {
  if (kind === 'invoice') return { relay: true, requires: ['invoice.xml'] };
  return { relay: true };
}

function unsupported(hint: string) {
  return mgChannelError(
    FailureClass.permanent,
    'magalu.order_status.unsupported',
    'Magalu takes no cancellation from the seller API',
    { hint },
  );
}
