import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buyerFor, fullName } from '../core/buyers.ts';
import { callerOf } from '../core/guard.ts';
import type { SpDeps } from './deps.ts';
import type { SpFailure } from './errors.ts';
import { paramError, sendFailure, sendOk } from './errors.ts';
import { SP_ORDERS, SP_PRODUCTS } from './facts.ts';
import type { SpOrder } from './model.ts';

type Query = Record<string, string | undefined>;

interface ListFilter {
  readonly field: 'create_time' | 'update_time';
  readonly from: number;
  readonly to: number;
  readonly pageSize: number;
  readonly offset: number;
}

function integer(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

/** [2nd] `time_range_field`, a window of ≤ 15 days, `page_size` 1–100 (required), `cursor`. */
function readFilter(query: Query): ListFilter | SpFailure {
  const field = query.time_range_field;
  if (field !== 'create_time' && field !== 'update_time') {
    return paramError('time_range_field must be create_time or update_time.');
  }
  const from = integer(query.time_from);
  const to = integer(query.time_to);
  if (from === null || to === null) return paramError('time_from and time_to are required.');
  if (from > to) return paramError('time_from must be earlier than time_to.');
  if (to - from > SP_ORDERS.maxWindowS)
    return paramError('The time range between time_from and time_to must not be more than 15 days.');
  const pageSize = integer(query.page_size);
  if (pageSize === null || pageSize < 1 || pageSize > SP_ORDERS.maxPageSize) {
    return paramError('Invalid page_size parameter. Please provide a valid value between 1 and 100.');
  }
  const offset = query.cursor === undefined || query.cursor === '' ? 0 : integer(query.cursor);
  if (offset === null) return paramError('Invalid cursor.');
  return { field, from, to, pageSize, offset };
}

/** `GET /api/v2/order/get_order_list` → `{more, next_cursor, order_list:[{order_sn}]}` [2nd], oldest first [unverified]. */
function getOrderList(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Query;
  const filter = readFilter(query);
  if ('error' in filter) return sendFailure(reply, deps.requestId(), filter);
  const statuses = (query.order_status ?? '').split(',').filter((status) => status !== '');
  const withStatus = (query.response_optional_fields ?? '').split(',').includes('order_status');
  const found = deps.store
    .ordersOf(Number(callerOf(request).sellerId))
    .filter((order) => order[filter.field] >= filter.from && order[filter.field] <= filter.to)
    .filter((order) => statuses.length === 0 || statuses.includes(order.order_status))
    .sort((a, b) => a[filter.field] - b[filter.field]);
  if (deps.settings.orderListOrder === 'desc') found.reverse();
  const page = found.slice(filter.offset, filter.offset + filter.pageSize);
  const more = filter.offset + page.length < found.length;
  return sendOk(reply, deps.requestId(), {
    more,
    next_cursor: more ? String(filter.offset + page.length) : '',
    order_list: page.map((order) =>
      withStatus
        ? { order_sn: order.order_sn, order_status: order.order_status }
        : { order_sn: order.order_sn },
    ),
  });
}

/**
 * `recipient_address` (get_order_detail response_params): name, phone, district, city, state,
 * zipcode and the `full_address` line; "Different parameters might be masked according to each
 * market and kind of seller" [doc]. [unverified] Here an UNPAID order's recipient is masked
 * ("****"), as Shopee hides the buyer until payment; a paid one shows everything.
 */
export function recipientAddress(order: SpOrder) {
  const buyer = buyerFor(`shopee:${order.order_sn}`);
  const a = buyer.address;
  if (order.order_status === 'UNPAID') {
    return {
      name: '****',
      phone: '****',
      town: '',
      district: '****',
      city: '****',
      state: '****',
      region: SP_PRODUCTS.region,
      zipcode: '****',
      full_address: '****',
    };
  }
  const zipcode = `${a.zipcode.slice(0, 5)}-${a.zipcode.slice(5)}`;
  const line = [a.street, a.number, a.complement, a.neighborhood].filter((part) => part !== '').join(', ');
  return {
    name: fullName(buyer),
    phone: `55${buyer.phone}`,
    town: '',
    district: a.neighborhood,
    city: a.city,
    state: a.stateName,
    region: SP_PRODUCTS.region,
    zipcode,
    full_address: `${line}, ${a.city} - ${a.state}, ${zipcode}`,
  };
}

/** Fields always answered; the rest only when named in `response_optional_fields` [2nd]. */
function detail(order: SpOrder, optional: ReadonlySet<string>) {
  const body: Record<string, unknown> = {
    order_sn: order.order_sn,
    region: SP_PRODUCTS.region,
    currency: SP_PRODUCTS.currency,
    cod: false,
    // [doc: Shopee BR "passo a passo para subir a NF-e", fidelity S1] an order waiting for its NF-e
    // shows READY_TO_SHIP in the detail; INVOICE_PENDING exists only as a get_order_list filter.
    order_status: order.order_status === 'INVOICE_PENDING' ? 'READY_TO_SHIP' : order.order_status,
    create_time: order.create_time,
    update_time: order.update_time,
    days_to_ship: SP_ORDERS.daysToShip,
    ship_by_date: order.create_time + SP_ORDERS.daysToShip * 86_400,
    message_to_seller: order.message_to_seller,
  };
  const extra: Record<string, () => unknown> = {
    buyer_user_id: () => order.buyer_user_id,
    buyer_username: () => order.buyer_username,
    total_amount: () => order.total_amount,
    pay_time: () => order.pay_time ?? 0,
    item_list: () => order.item_list,
    package_list: () => order.package_list,
    shipping_carrier: () => order.package_list[0]?.shipping_carrier ?? '',
    payment_method: () => 'Credit Card',
    estimated_shipping_fee: () => 0,
    recipient_address: () => recipientAddress(order),
    buyer_cpf_id: () =>
      order.order_status === 'UNPAID' ? '' : buyerFor(`shopee:${order.order_sn}`).document,
    invoice_data: () => order.invoice,
  };
  for (const [field, value] of Object.entries(extra)) if (optional.has(field)) body[field] = value();
  return body;
}

/** `GET /api/v2/order/get_order_detail?order_sn_list=a,b` (1–50) [2nd]; unknown ones are left out with a warning [unverified]. */
function getOrderDetail(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Query;
  const sns = (query.order_sn_list ?? '').split(',').filter((sn) => sn !== '');
  if (sns.length === 0) return sendFailure(reply, deps.requestId(), paramError('order_sn_list is required.'));
  if (sns.length > SP_ORDERS.maxDetail) {
    return sendFailure(
      reply,
      deps.requestId(),
      paramError(`The size of order_sn_list should be at most ${SP_ORDERS.maxDetail}.`),
    );
  }
  const shop = Number(callerOf(request).sellerId);
  const optional = new Set((query.response_optional_fields ?? '').split(','));
  const found = sns
    .map((sn) => deps.store.orders.get(sn))
    .filter((order) => order?.shopId === shop) as SpOrder[];
  const missing = sns.filter((sn) => !found.some((order) => order.order_sn === sn));
  const warning = missing.length === 0 ? undefined : `order_sn not found: ${missing.join(',')}`;
  return sendOk(
    reply,
    deps.requestId(),
    { order_list: found.map((order) => detail(order, optional)) },
    warning,
  );
}

export function registerSpOrders(scope: FastifyInstance, deps: SpDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get('/api/v2/order/get_order_list', route('order.get_order_list'), (request, reply) =>
    getOrderList(deps, request, reply),
  );
  scope.get('/api/v2/order/get_order_detail', route('order.get_order_detail'), (request, reply) =>
    getOrderDetail(deps, request, reply),
  );
}
