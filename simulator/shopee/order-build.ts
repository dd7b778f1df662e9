import type { Static } from 'typebox';
import { conflict, invalid, notFound } from '../core/control-error.ts';
import type { OrderBody } from './control-schemas.ts';
import type { SpDeps } from './deps.ts';
import { nowSeconds } from './deps.ts';
import { SP_ORDER_TRANSITIONS } from './facts.ts';
import type { SpModel, SpOrder, SpOrderLine } from './model.ts';
import { hasModels } from './model.ts';
import { currentPrice } from './product-read.ts';

type OrderInput = Static<typeof OrderBody>;

/** `YYMMDD` + 8 characters, like Shopee's order_sn; a counter keeps runs under one seed identical. */
function orderSn(serial: number, createS: number): string {
  const day = new Date(createS * 1000).toISOString().slice(2, 10).replaceAll('-', '');
  return `${day}${serial.toString(36).toUpperCase().padStart(8, '0')}`;
}

interface Line {
  readonly model: SpModel;
  readonly line: SpOrderLine;
}

function orderLine(deps: SpDeps, shopId: number, entry: OrderInput['items'][number]): Line {
  const item = deps.store.item(shopId, entry.item_id);
  if (item === undefined) throw notFound(`item ${entry.item_id} of shop ${shopId}`);
  const modelId = entry.model_id ?? (hasModels(item) ? undefined : 0);
  if (modelId === undefined) throw invalid(`item ${item.item_id} has models: model_id is required`);
  const model = deps.store.model(item, modelId);
  if (model === undefined) throw notFound(`model ${modelId} of item ${item.item_id}`);
  const available = model.stock - model.reserved;
  if (available < entry.quantity)
    throw conflict(`model ${modelId} has ${available} units, the order wants ${entry.quantity}`);
  return {
    model,
    line: {
      item_id: item.item_id,
      item_name: item.item_name,
      item_sku: item.item_sku,
      model_id: model.model_id,
      model_name: model.model_name,
      model_sku: model.model_sku,
      model_quantity_purchased: entry.quantity,
      model_original_price: model.price,
      model_discounted_price: currentPrice(model),
    },
  };
}

/** A buyer's order: its units are reserved on the models until shipped or cancelled. */
export function createSpOrder(deps: SpDeps, shopId: number, input: OrderInput): SpOrder {
  const lines = input.items.map((entry) => orderLine(deps, shopId, entry));
  const now = nowSeconds(deps);
  const createS = input.create_time ?? now;
  const status = input.status ?? 'READY_TO_SHIP';
  for (const { model, line } of lines) model.reserved += line.model_quantity_purchased;
  const serial = deps.store.nextId('order');
  const order: SpOrder = {
    order_sn: orderSn(serial, createS),
    shopId,
    order_status: status,
    create_time: createS,
    update_time: Math.max(createS, now),
    pay_time: status === 'UNPAID' ? null : createS,
    total_amount: lines.reduce(
      (sum, { line }) => sum + line.model_discounted_price * line.model_quantity_purchased,
      0,
    ),
    buyer_user_id: deps.store.nextId('buyer'),
    buyer_username: input.buyer_username ?? 'comprador_teste',
    message_to_seller: '',
    item_list: lines.map(({ line }) => line),
    package_list: [
      {
        package_number: `OFG${String(serial).padStart(12, '0')}`,
        logistics_status: 'LOGISTICS_NOT_START',
        shipping_carrier: 'Shopee Xpress',
        item_list: lines.map(({ line }) => ({ item_id: line.item_id, model_id: line.model_id })),
      },
    ],
    tracking_number: null,
    trackingReadyAt: 0,
    invoice: null,
  };
  deps.store.addOrder(order);
  return order;
}

/** Units leave the models when shipped; a cancellation releases them. */
function settleUnits(deps: SpDeps, order: SpOrder, shipped: boolean): void {
  for (const line of order.item_list) {
    const item = deps.store.items.get(line.item_id);
    const model = item === undefined ? undefined : deps.store.model(item, line.model_id);
    if (model === undefined) continue;
    model.reserved = Math.max(0, model.reserved - line.model_quantity_purchased);
    if (shipped) model.stock = Math.max(0, model.stock - line.model_quantity_purchased);
  }
}

/** Moves an order along SP_ORDER_TRANSITIONS; answers why not, or null. */
export function moveSpOrder(deps: SpDeps, order: SpOrder, to: string): string | null {
  const from = order.order_status;
  if (!(SP_ORDER_TRANSITIONS[from] ?? []).includes(to))
    return `order ${order.order_sn} cannot go from ${from} to ${to}`;
  const now = nowSeconds(deps);
  if (from === 'UNPAID') order.pay_time = now;
  if (to === 'SHIPPED') settleUnits(deps, order, true);
  if (to === 'CANCELLED' && from !== 'SHIPPED') settleUnits(deps, order, false);
  order.order_status = to;
  order.update_time = now;
  const logistics: Record<string, string> = {
    PROCESSED: 'LOGISTICS_REQUEST_CREATED',
    SHIPPED: 'LOGISTICS_PICKUP_DONE',
    COMPLETED: 'LOGISTICS_DELIVERY_DONE',
    CANCELLED: 'LOGISTICS_INVALID',
  };
  for (const pack of order.package_list) pack.logistics_status = logistics[to] ?? pack.logistics_status;
  return null;
}
