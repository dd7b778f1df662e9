/**
 * Order status back to Magalu, per delivery (a package of the order) [doc/2nd]:
 * invoice → `POST /seller/v1/deliveries/{id}/invoices` with the NF-e XML [doc],
 * ship → `POST …/shippings` with tracking [2nd], deliver → `POST …/finishing` [2nd].
 * The order is read again first: the copy Cais imported may be older than the deliveries' state.
 * A write Magalu already holds (409 on an invoice key it has) counts as done, so a retried send
 * after a lost answer does not become an error.
 */
import type { ChannelContext, OrderTransition } from '../adapter.ts';
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
    const write = deliveryWrite(transition, channel, fresh);
    await api.call(ctx, {
      operation: 'order_status',
      method: 'POST',
      path: `/seller/v1/deliveries/${id}/${write.path}`,
      json: write.json,
      accept: write.path === 'invoices' ? [409] : [],
    });
  }
}

function deliveryWrite(
  transition: Exclude<OrderTransition, { kind: 'cancel' }>,
  channel: { id: string | undefined },
  order: Json,
): { path: string; json: Json } {
  if (transition.kind === 'invoice') {
    if (transition.xml === undefined) {
      throw mgChannelError(
        FailureClass.permanent,
        'magalu.invoice.xml_required',
        'Magalu needs the NF-e XML',
      );
    }
    const amounts = child(order, 'amounts');
    const json: Json = {
      key: transition.key,
      issued_at: transition.issuedAt.toISOString(),
      // The issuer's CNPJ sits in digits 7–20 of every NF-e key.
      issuer: transition.key.slice(6, 20),
      // [unverified] in reais, like the NF-e's own total.
      amount: fromAmount(amounts.total, amounts.normalizer),
      channel,
      xml: transition.xml,
    };
    return { path: 'invoices', json };
  }
  if (transition.kind === 'ship') {
    if (transition.url === undefined) {
      throw mgChannelError(
        FailureClass.permanent,
        'magalu.shipping.tracking_url_required',
        'Magalu needs the tracking URL of the shipment',
      );
    }
    const estimated =
      transition.estimatedDeliveryAt ??
      new Date(transition.shippedAt.getTime() + MG_DEFAULT_DELIVERY_DAYS * DAY_MS);
    const json: Json = {
      channel,
      tracking_url: transition.url,
      protocol: transition.trackingCode,
      dates: {
        shipped_at: transition.shippedAt.toISOString(),
        estimated_delivery_at: estimated.toISOString(),
      },
    };
    if (transition.carrier !== undefined) json.carrier = { name: transition.carrier };
    return { path: 'shippings', json };
  }
  return { path: 'finishing', json: { channel, delivered_at: transition.deliveredAt.toISOString() } };
}

function unsupported(hint: string) {
  return mgChannelError(
    FailureClass.permanent,
    'magalu.order_status.unsupported',
    'Magalu takes no cancellation from the seller API',
    { hint },
  );
}
