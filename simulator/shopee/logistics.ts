import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../core/guard.ts';
import { nfeKeyIsValid } from '../core/nfe.ts';
import type { SchemaIssue } from '../core/validate.ts';
import type { SpDeps } from './deps.ts';
import { logSpWrite, nowSeconds, SP_CHANNEL } from './deps.ts';
import type { SpFailure } from './errors.ts';
import { paramError, sendFailure, sendOk, spFailure } from './errors.ts';
import { SP_LOGISTICS } from './facts.ts';
import type { SpOrder } from './model.ts';
import { parseMultipart } from './multipart.ts';
import { moveSpOrder } from './order-build.ts';

const SHIPPABLE = ['READY_TO_SHIP', 'RETRY_SHIP'];

function ownOrder(deps: SpDeps, request: FastifyRequest, sn: unknown): SpOrder | SpFailure {
  if (typeof sn !== 'string' || sn === '')
    return paramError('Order SN is a required parameter. Please check your request data.');
  const order = deps.store.orders.get(sn);
  if (order === undefined || String(order.shopId) !== callerOf(request).sellerId) {
    return spFailure('error_not_found', 'The information you queried is not found.');
  }
  return order;
}

/** Why an order cannot ship now: still waiting for its NF-e, or past shipping. */
function shipRefusal(order: SpOrder): SpFailure | null {
  if (order.order_status === 'INVOICE_PENDING') return SP_LOGISTICS.lackOfInvoice;
  if (!SHIPPABLE.includes(order.order_status)) {
    return spFailure(
      SP_LOGISTICS.cannotShip,
      `Order status is ${order.order_status}, the package cannot be shipped.`,
    );
  }
  return null;
}

/**
 * [doc v2.logistics.get_shipping_parameter, fidelity S3] `info_needed` names the ways this
 * order's channel ships and the fields each needs: pickup (address_id, pickup_time_id), dropoff
 * (an empty list: `dropoff: {}`), or non_integrated (the seller's tracking_number), per the
 * shop's logistics mode (settings `logistics_mode`).
 */
export function infoNeeded(mode: SpDeps['settings']['logisticsMode']): Record<string, string[]> {
  if (mode === 'dropoff') return { dropoff: [] };
  if (mode === 'non_integrated') return { non_integrated: ['tracking_number'] };
  return { pickup: ['address_id', 'pickup_time_id'] };
}

function shippingParameter(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const order = ownOrder(deps, request, (request.query as Record<string, string>).order_sn);
  if ('error' in order) return sendFailure(reply, deps.requestId(), order);
  const refusal = shipRefusal(order);
  if (refusal !== null) return sendFailure(reply, deps.requestId(), refusal);
  const tomorrow = nowSeconds(deps) + 86_400;
  const mode = deps.settings.logisticsMode;
  return sendOk(reply, deps.requestId(), {
    info_needed: infoNeeded(mode),
    ...(mode === 'dropoff' ? { dropoff: { branch_list: [] } } : {}),
    ...(mode === 'pickup'
      ? {
          pickup: {
            address_list: [
              {
                address_id: 1,
                region: 'BR',
                state: 'SP',
                city: 'São Paulo',
                address: 'Rua Simulada, 100',
                zipcode: '01310-100',
                address_flag: ['default_address', 'pickup_address'],
                time_slot_list: [
                  { date: tomorrow, time_text: '09:00-18:00', pickup_time_id: String(tomorrow) },
                ],
              },
            ],
          },
        }
      : {}),
  });
}

/**
 * [doc v2.logistics.ship_order] exactly one of pickup / dropoff / non_integrated, the one
 * `info_needed` offers, with the fields it lists; non_integrated only for a non-integrated
 * channel. Pure: the route records the verdict in the conformance ledger.
 */
export function shipOrderIssues(
  body: Record<string, unknown>,
  needed: Record<string, string[]>,
): SchemaIssue[] {
  const methods = ['pickup', 'dropoff', 'non_integrated'].filter((key) => body[key] !== undefined);
  if (methods.length !== 1)
    return [{ path: '', message: 'Exactly one of pickup, dropoff or non_integrated is required.' }];
  const method = methods[0]!;
  const fields = needed[method];
  if (fields === undefined) {
    return [
      {
        path: method,
        message: `This order's logistics channel does not ship by ${method}; use ${Object.keys(needed).join(' or ')}.`,
      },
    ];
  }
  const given = body[method];
  if (typeof given !== 'object' || given === null)
    return [{ path: method, message: `${method} must be an object.` }];
  return fields
    .filter((field) => (given as Record<string, unknown>)[field] === undefined)
    .map((field) => ({ path: `${method}.${field}`, message: `${field} is required by info_needed.` }));
}

/** `POST /api/v2/logistics/ship_order`. */
function shipOrder(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const shop = callerOf(request).sellerId;
  const order = ownOrder(deps, request, body.order_sn);
  const issues = deps.conformance.check(
    request,
    SP_CHANNEL,
    'logistics.ship_order',
    shipOrderIssues(body, infoNeeded(deps.settings.logisticsMode)),
  );
  let refusal: SpFailure | null = 'error' in order ? order : shipRefusal(order);
  if (refusal === null && issues.length > 0) refusal = paramError(issues[0]!.message);
  logSpWrite(deps, 'logistics.ship_order', shop, String(body.order_sn ?? ''), 200, body);
  if (refusal !== null) return sendFailure(reply, deps.requestId(), refusal);
  const methods = ['pickup', 'dropoff', 'non_integrated'].filter((key) => body[key] !== undefined);
  const shipped = order as SpOrder;
  moveSpOrder(deps, shipped, 'PROCESSED');
  const given = (body[methods[0]!] as { tracking_number?: unknown }).tracking_number;
  shipped.tracking_number =
    typeof given === 'string' && given !== ''
      ? given
      : `BR${String(shipped.shopId).slice(-4)}${shipped.order_sn}`;
  shipped.trackingReadyAt = deps.clock.now() + deps.settings.trackingDelayMs;
  return sendOk(reply, deps.requestId(), {});
}

/** [2nd] get_tracking_number: empty until the carrier assigns one (retry later). */
function trackingNumber(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const order = ownOrder(deps, request, (request.query as Record<string, string>).order_sn);
  if ('error' in order) return sendFailure(reply, deps.requestId(), order);
  const ready = order.tracking_number !== null && deps.clock.now() >= order.trackingReadyAt;
  return sendOk(reply, deps.requestId(), {
    tracking_number: ready ? order.tracking_number : '',
    plp_number: '',
    first_mile_tracking_number: '',
    last_mile_tracking_number: '',
  });
}

/** The 44-digit access key an NF-e XML carries (`<chNFe>` or `Id="NFe…"`), if any. */
function nfeKey(xml: string): string | null {
  return /<chNFe>(\d{44})<\/chNFe>/.exec(xml)?.[1] ?? /Id="NFe(\d{44})"/.exec(xml)?.[1] ?? null;
}

/** `POST /api/v2/order/upload_invoice_doc` (multipart: order_sn, file_type, file) while INVOICE_PENDING [2nd]. */
function uploadInvoice(deps: SpDeps, request: FastifyRequest, reply: FastifyReply) {
  const shop = callerOf(request).sellerId;
  const parts = Buffer.isBuffer(request.body)
    ? parseMultipart(request.body, request.headers['content-type'] ?? '')
    : null;
  const field = (name: string) => parts?.find((part) => part.name === name);
  const sn = field('order_sn')?.data.toString('utf8');
  logSpWrite(deps, 'order.upload_invoice_doc', shop, sn ?? '', 200, {
    order_sn: sn,
    file_type: field('file_type')?.data.toString(),
  });
  if (parts === null)
    return sendFailure(reply, deps.requestId(), paramError('The request must be multipart/form-data.'));
  const order = ownOrder(deps, request, sn);
  if ('error' in order) return sendFailure(reply, deps.requestId(), order);
  const fileType = Number(field('file_type')?.data.toString('utf8'));
  const file = field('file');
  if (
    !Number.isInteger(fileType) ||
    fileType < 1 ||
    fileType > 4 ||
    file === undefined ||
    file.data.length === 0
  ) {
    return sendFailure(reply, deps.requestId(), paramError('file_type (1-4) and file are required.'));
  }
  // [unverified] the NF-e is taken while the order can still ship: it releases one waiting for it
  // (INVOICE_PENDING inside, READY_TO_SHIP in the detail) and is kept on a READY_TO_SHIP one.
  if (order.order_status !== 'INVOICE_PENDING' && order.order_status !== 'READY_TO_SHIP') {
    return sendFailure(
      reply,
      deps.requestId(),
      paramError(`Order status is ${order.order_status}: it takes no invoice.`),
    );
  }
  const key = fileType === SP_LOGISTICS.nfeFileType ? nfeKey(file.data.toString('utf8')) : null;
  if (key !== null && !nfeKeyIsValid(key))
    return sendFailure(reply, deps.requestId(), paramError('Invalid NF-e access key.'));
  order.invoice = { file_type: fileType, size: file.data.length, uploaded_at: nowSeconds(deps) };
  if (order.order_status === 'INVOICE_PENDING') moveSpOrder(deps, order, 'READY_TO_SHIP');
  return sendOk(reply, deps.requestId(), {});
}

export function registerSpLogistics(scope: FastifyInstance, deps: SpDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get(
    '/api/v2/logistics/get_shipping_parameter',
    route('logistics.get_shipping_parameter'),
    (request, reply) => shippingParameter(deps, request, reply),
  );
  scope.post('/api/v2/logistics/ship_order', route('logistics.ship_order'), (request, reply) =>
    shipOrder(deps, request, reply),
  );
  scope.get(
    '/api/v2/logistics/get_tracking_number',
    route('logistics.get_tracking_number'),
    (request, reply) => trackingNumber(deps, request, reply),
  );
  scope.register(async (uploads) => {
    // The NF-e arrives as multipart; the reader above takes the raw bytes.
    uploads.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    uploads.post('/api/v2/order/upload_invoice_doc', route('order.upload_invoice_doc'), (request, reply) =>
      uploadInvoice(deps, request, reply),
    );
  });
}

/** How the order rows of fidelity.md are answered here, each with its source. */
export const SP_ORDER_FIDELITY = {
  S1: '[doc Shopee BR guide "passo a passo para subir a NF-e", "APIs de orders"] an order waiting for its NF-e is INVOICE_PENDING inside (a get_order_list filter) and READY_TO_SHIP in get_order_detail (orders.ts); upload_invoice_doc releases it.',
  S3: "[doc v2.logistics.get_shipping_parameter, v2.logistics.ship_order; BR logistics guide] info_needed follows the shop's logistics mode (pickup: address_id + pickup_time_id; dropoff: []; non_integrated: tracking_number); ship_order must use the offered method with its fields, dropoff {} when the list is empty, non_integrated only for a non-integrated channel (shipOrderIssues).",
  S6: "[unverified: get_order_list documents no sort order] the list is oldest first by default and newest first with settings order_list_order=desc, so a test proves the importer pages the whole window either way. Why the importer's choice is safe: each full page narrows the window only by what that page has shown, in the direction the page itself reveals, so no order is left outside a window still to read; the cost is re-reading the orders of one boundary second.",
} as const;
