import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import { buyerFor, fullName, type SimBuyer } from '../core/buyers.ts';
import { conflict, invalid, notFound } from '../core/control-error.ts';
import type { OrderBody } from './control-schemas.ts';
import type { MgDeps } from './deps.ts';
import { MG_CHANNELS, MG_MONEY } from './facts.ts';
import type { MgDelivery, MgDeliveryItem, MgListing, MgOrder, MgPhone, MgRecipient } from './model.ts';
import { iso } from './model.ts';

type OrderInput = Static<typeof OrderBody>;

function money(value: number) {
  return { value, currency: MG_MONEY.currency, normalizer: MG_MONEY.normalizer };
}

function takeStock(listing: MgListing, quantity: number, at: string): void {
  listing.stock -= quantity;
  listing.stockUpdatedAt = at;
}

function phoneOf(buyer: SimBuyer): MgPhone {
  return { type: 'mobile', area_code: buyer.phone.slice(0, 2), number: buyer.phone.slice(2) };
}

/** [unverified] The delivery's recipient: name, document, phone and the address to ship to. */
function recipientOf(buyer: SimBuyer): MgRecipient {
  const a = buyer.address;
  return {
    name: fullName(buyer),
    document_number: buyer.document,
    customer_type: buyer.kind === 'company' ? 'pj' : 'pf',
    phones: [phoneOf(buyer)],
    address: {
      zipcode: a.zipcode,
      street: a.street,
      number: a.number,
      complement: a.complement || null,
      district: a.neighborhood,
      city: a.city,
      state: a.state,
      country: a.country,
      reference: null,
    },
  };
}

/** A buyer's order with one delivery; the units leave the listings at once. */
export function createMgOrder(deps: MgDeps, sellerId: string, input: OrderInput): MgOrder {
  deps.queue.drain();
  const lines = input.items.map((line) => {
    const listing = deps.store.listing(sellerId, line.sku);
    if (listing === undefined) throw notFound(`sku ${line.sku} of seller ${sellerId}`);
    if (listing.stock < line.quantity)
      throw conflict(`sku ${line.sku} has ${listing.stock} units, the order wants ${line.quantity}`);
    return { listing, line };
  });
  const purchasedMs = input.purchased_at === undefined ? deps.clock.now() : Date.parse(input.purchased_at);
  if (Number.isNaN(purchasedMs)) throw invalid('purchased_at must be an ISO 8601 date');
  const now = iso(deps.clock.now());
  const purchased = iso(purchasedMs);
  const status = input.status ?? 'approved';
  const code = deps.store.nextOrderCode();
  const orderId = randomUUID();
  const channelId = input.channel_id ?? MG_CHANNELS.magalu;
  const items: MgDeliveryItem[] = lines.map(({ listing, line }) => {
    takeStock(listing, line.quantity, now);
    return {
      info: { sku: listing.native.sku, name: listing.native.title },
      quantity: line.quantity,
      unit_price: money(line.unit_price ?? listing.price),
    };
  });
  const freight = input.freight ?? 0;
  const total = items.reduce((sum, item) => sum + item.unit_price.value * item.quantity, 0) + freight;
  const buyer = buyerFor(`magalu:${orderId}`);
  const delivery: MgDelivery = {
    id: randomUUID(),
    code: `${code}-1`,
    order: { id: orderId, code },
    channel: { id: channelId },
    status,
    items,
    shipping: {
      tracking: { code: null, url: null },
      carrier: { name: null },
      recipient: recipientOf(buyer),
      deadline: { limit_date: iso(purchasedMs + 2 * 86_400_000) },
      provider: { name: 'Magalu Entregas' },
    },
    invoices: [],
    purchased_at: purchased,
    created_at: now,
    updated_at: now,
  };
  const order: MgOrder = {
    id: orderId,
    code,
    channel: { id: channelId, extras: {} },
    status,
    created_at: now,
    updated_at: now,
    purchased_at: purchased,
    approved_at: status === 'approved' ? now : null,
    customer: {
      name: input.customer_name ?? fullName(buyer),
      document_number: buyer.document,
      customer_type: buyer.kind === 'company' ? 'pj' : 'pf',
      email: buyer.email,
      phones: [phoneOf(buyer)],
      state_registration: buyer.stateRegistration,
    },
    payments: [
      {
        method: 'credit_card',
        status: status === 'approved' ? 'approved' : 'pending',
        amount: total,
        currency: MG_MONEY.currency,
        normalizer: MG_MONEY.normalizer,
      },
    ],
    amounts: { total, freight, discount: 0, currency: MG_MONEY.currency, normalizer: MG_MONEY.normalizer },
    deliveries: [delivery],
  };
  deps.store.addOrder(sellerId, order);
  deps.store.recordHistory(delivery.id, status, now);
  return order;
}

/** A cancelled order gives its units back to the listings. */
export function returnMgStock(deps: MgDeps, order: MgOrder): void {
  const sellerId = deps.store.owners.get(order.id);
  if (sellerId === undefined) return;
  const at = iso(deps.clock.now());
  for (const delivery of order.deliveries) {
    for (const item of delivery.items) {
      const listing = deps.store.listing(sellerId, item.info.sku);
      if (listing !== undefined) takeStock(listing, -item.quantity, at);
    }
  }
}
