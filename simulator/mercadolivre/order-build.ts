import type { Static } from 'typebox';
import { conflict, invalid, notFound } from '../core/control-error.ts';
import type { OrderBody, StatusBody } from './control-schemas.ts';
import type { MlDeps } from './deps.ts';
import { ML_ORDER_STATUSES, ML_SITE } from './facts.ts';
import { settleStockStatus } from './item-update.ts';
import type { MlItem, MlOrder, MlOrderItem, MlShipment, MlVariation } from './model.ts';
import { mlDate, rollUpVariations, skuOf } from './model.ts';
import {
  canMove,
  ML_ORDER_TRANSITIONS,
  ML_SHIPMENT_TRANSITIONS,
  needsSellerInvoice,
  shipmentOnPayment,
} from './states.ts';

type OrderInput = Static<typeof OrderBody>;
type LineInput = OrderInput['items'][number];

interface Line {
  readonly item: MlItem;
  readonly variation: MlVariation | null;
  readonly input: LineInput;
}

function resolveLine(deps: MlDeps, sellerId: number, input: LineInput): Line {
  const item = deps.store.items.get(input.item_id);
  if (item === undefined || item.seller_id !== sellerId)
    throw notFound(`item ${input.item_id} of seller ${sellerId}`);
  if (item.status !== 'active') throw conflict(`item ${item.id} is ${item.status}: buyers cannot buy it`);
  let variation: MlVariation | null = null;
  if (item.variations.length > 0) {
    variation = item.variations.find((entry) => entry.id === input.variation_id) ?? null;
    if (variation === null)
      throw invalid(`item ${item.id} has variations: give one of their ids as variation_id`);
  }
  const stock = variation?.available_quantity ?? item.available_quantity;
  if (stock < input.quantity)
    throw conflict(`item ${item.id} has ${stock} units, the order wants ${input.quantity}`);
  return { item, variation, input };
}

/** A sale takes the units off the listing, as ML does when an order is placed. */
function takeStock(line: Line, direction: 1 | -1): void {
  const quantity = line.input.quantity * direction;
  if (line.variation !== null) {
    line.variation.available_quantity -= quantity;
    line.variation.sold_quantity += quantity;
    rollUpVariations(line.item);
  } else {
    line.item.available_quantity -= quantity;
  }
  line.item.sold_quantity += quantity;
  settleStockStatus(line.item, false);
}

function orderItem(line: Line): MlOrderItem {
  const price = line.input.unit_price ?? line.variation?.price ?? line.item.price;
  const sku = line.variation
    ? skuOf(line.variation.attributes, line.variation.seller_custom_field)
    : skuOf(line.item.attributes, line.item.seller_custom_field);
  return {
    item: {
      id: line.item.id,
      title: line.item.title,
      variation_id: line.variation?.id ?? null,
      seller_sku: sku,
      category_id: line.item.category_id,
    },
    quantity: line.input.quantity,
    unit_price: price,
    full_unit_price: price,
    currency_id: ML_SITE.currency,
  };
}

/** Creates a buyer's order, its shipment, and takes the units off the listings. */
export function createMlOrder(deps: MlDeps, sellerId: number, input: OrderInput): MlOrder {
  const status = input.status ?? 'paid';
  if (!(ML_ORDER_STATUSES as readonly string[]).includes(status))
    throw invalid(`unknown order status ${status}`);
  const lines = input.items.map((line) => resolveLine(deps, sellerId, line));
  const createdMs = input.date_created === undefined ? deps.clock.now() : Date.parse(input.date_created);
  if (Number.isNaN(createdMs)) throw invalid('date_created must be an ISO 8601 date');
  for (const line of lines) takeStock(line, 1);
  const orderItems = lines.map(orderItem);
  const total = orderItems.reduce((sum, entry) => sum + entry.unit_price * entry.quantity, 0);
  const created = mlDate(createdMs);
  const order: MlOrder = {
    id: deps.store.nextId('order'),
    status,
    status_detail: null,
    date_created: created,
    date_closed: status === 'paid' ? created : null,
    last_updated: created,
    date_last_updated: created,
    pack_id: input.pack_id ?? null,
    order_items: orderItems,
    total_amount: total,
    paid_amount: status === 'paid' ? total : 0,
    currency_id: ML_SITE.currency,
    buyer: {
      id: input.buyer?.id ?? deps.store.nextId('buyer'),
      nickname: input.buyer?.nickname ?? 'COMPRADOR_TESTE',
    },
    seller: { id: sellerId },
    payments: [
      {
        id: deps.store.nextId('payment'),
        status: status === 'paid' ? 'approved' : 'pending',
        transaction_amount: total,
        currency_id: ML_SITE.currency,
      },
    ],
    shipping: { id: null },
    tags: status === 'paid' ? ['paid', 'not_delivered'] : ['not_delivered'],
  };
  const shipment = newShipment(deps, order, lines[0]!.item.shipping.logistic_type, created);
  order.shipping.id = shipment.id;
  if (status === 'paid') shipmentOnPayment(shipment);
  deps.store.addOrder(order);
  deps.store.shipments.set(shipment.id, shipment);
  publishOrder(deps, order, lines);
  return order;
}

function newShipment(deps: MlDeps, order: MlOrder, logisticType: string, created: string): MlShipment {
  return {
    id: deps.store.nextId('shipment'),
    order_id: order.id,
    seller_id: order.seller.id,
    status: 'pending',
    substatus: null,
    logistic_type: logisticType,
    tracking_number: null,
    tracking_method: null,
    invoice: null,
    date_created: created,
    last_updated: created,
  };
}

function publishOrder(deps: MlDeps, order: MlOrder, lines: readonly Line[]): void {
  deps.notifier.publish(order.seller.id, 'orders_v2', `/orders/${order.id}`);
  for (const line of lines) deps.notifier.publish(order.seller.id, 'items', `/items/${line.item.id}`);
}

function touchOrder(deps: MlDeps, order: MlOrder): void {
  order.last_updated = mlDate(deps.clock.now());
  order.date_last_updated = order.last_updated;
  deps.notifier.publish(order.seller.id, 'orders_v2', `/orders/${order.id}`);
}

/** Moves an order along ML's statuses; payment readies the shipment, cancellation returns stock. */
export function moveMlOrder(deps: MlDeps, order: MlOrder, body: Static<typeof StatusBody>): MlOrder {
  if (!canMove(ML_ORDER_TRANSITIONS, order.status, body.status)) {
    throw conflict(`order ${order.id} cannot go from ${order.status} to ${body.status}`);
  }
  order.status = body.status;
  const shipment = order.shipping.id === null ? undefined : deps.store.shipments.get(order.shipping.id);
  if (body.status === 'paid') {
    order.paid_amount = order.total_amount;
    order.date_closed ??= mlDate(deps.clock.now());
    for (const payment of order.payments) payment.status = 'approved';
    if (shipment !== undefined) shipmentOnPayment(shipment);
  }
  if (body.status === 'cancelled') {
    if (shipment !== undefined && canMove(ML_SHIPMENT_TRANSITIONS, shipment.status, 'cancelled')) {
      shipment.status = 'cancelled';
      shipment.substatus = null;
    }
    for (const entry of order.order_items) returnStock(deps, entry);
  }
  touchOrder(deps, order);
  return order;
}

function returnStock(deps: MlDeps, entry: MlOrderItem): void {
  const item = deps.store.items.get(entry.item.id);
  if (item === undefined) return;
  const variation = item.variations.find((candidate) => candidate.id === entry.item.variation_id) ?? null;
  takeStock({ item, variation, input: { item_id: item.id, quantity: entry.quantity } }, -1);
}

/** Moves a shipment; ML will not ship a drop-off package whose NF-e is still pending. */
export function moveMlShipment(
  deps: MlDeps,
  shipment: MlShipment,
  body: Static<typeof StatusBody>,
): MlShipment {
  if (!canMove(ML_SHIPMENT_TRANSITIONS, shipment.status, body.status)) {
    throw conflict(`shipment ${shipment.id} cannot go from ${shipment.status} to ${body.status}`);
  }
  if (body.status === 'shipped' && needsSellerInvoice(shipment) && shipment.invoice === null) {
    throw conflict(`shipment ${shipment.id} has no invoice yet: its label is not released`);
  }
  shipment.status = body.status;
  shipment.substatus = body.substatus ?? null;
  if (body.tracking_number !== undefined) {
    shipment.tracking_number = body.tracking_number;
    shipment.tracking_method = 'Correios';
  }
  shipment.last_updated = mlDate(deps.clock.now());
  deps.notifier.publish(shipment.seller_id, 'shipments', `/shipments/${shipment.id}`);
  const order = deps.store.orders.get(shipment.order_id);
  if (order !== undefined && body.status === 'delivered') {
    order.tags = order.tags.filter((tag) => tag !== 'not_delivered').concat('delivered');
    touchOrder(deps, order);
  }
  return shipment;
}
