import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { expectedInvalidBy } from '../core/conformance.ts';
import { callerOf } from '../core/guard.ts';
import { randomHex } from '../core/oauth.ts';
import type { Checker } from '../core/validate.ts';
import { checker } from '../core/validate.ts';
import { invoiceRefusal, moveDelivery, validateLater } from './delivery-flow.ts';
import type { MgDeps } from './deps.ts';
import { logMgWrite, MG_CHANNEL } from './deps.ts';
import type { MagaluError } from './errors.ts';
import { detail, magaluError, sendMagaluError } from './errors.ts';
import { MG_BEHAVIOUR, MG_PAGING, MG_SHIPPING_FROM } from './facts.ts';
import type { MgDelivery } from './model.ts';
import { iso } from './model.ts';
import { channelHeader, dateFilters, passes, sortBy } from './orders.ts';
import { pageBody, readPage, readSort } from './paging.ts';
import { bodyError } from './portfolios.ts';
import { FinishingPost, InvoiceFix, InvoicePost, ShippingPost } from './schemas.ts';

type Query = Record<string, string | undefined>;
type IdRequest = FastifyRequest<{ Params: { id: string; key?: string } }>;

const check = {
  invoice: checker(InvoicePost),
  fix: checker(InvoiceFix),
  shipping: checker(ShippingPost),
  finishing: checker(FinishingPost),
};

/** A write that went through: the status and body to answer. */
interface Done {
  readonly done: true;
  readonly status: number;
  readonly body?: unknown;
}

function done(status: number, body?: unknown): Done {
  return { done: true, status, body };
}

function ownDelivery(deps: MgDeps, request: IdRequest): MgDelivery | undefined {
  const delivery = deps.store.deliveries.get(request.params.id);
  return delivery !== undefined && deps.store.owners.get(delivery.id) === callerOf(request).sellerId
    ? delivery
    : undefined;
}

function deliveryNotFound(request: IdRequest): MagaluError {
  return magaluError(404, `Delivery ${request.params.id} not found`);
}

function listDeliveries(deps: MgDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = request.query as Query;
  const channel = channelHeader(request, MG_BEHAVIOUR.deliveryListNeedsChannelHeader);
  if (channel !== null && typeof channel !== 'string') return sendMagaluError(reply, channel);
  const page = readPage(query, MG_PAGING.ordersDefaultLimit);
  if ('status' in page) return sendMagaluError(reply, page);
  const sort = readSort(query._sort, ['purchased_at', 'updated_at', 'created_at']);
  if (sort !== null && 'status' in sort) return sendMagaluError(reply, sort);
  const filters = dateFilters(query, ['purchased_at', 'updated_at', 'created_at']);
  if ('status' in filters) return sendMagaluError(reply, filters);
  const found = deps.store
    .ordersOf(callerOf(request).sellerId)
    .flatMap((order) => order.deliveries)
    .filter(
      (delivery) =>
        (channel === null || delivery.channel.id === channel) &&
        (query.status === undefined || delivery.status === query.status) &&
        (query.code === undefined || delivery.order.code === query.code || delivery.code === query.code) &&
        (query.id === undefined || delivery.id === query.id) &&
        passes(delivery, filters),
    );
  if (sort !== null) sortBy(found, sort.field, sort.descending);
  return reply.send(pageBody(request, '/seller/v1/deliveries', page, found));
}

function getDelivery(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  deps.queue.drain();
  const delivery = ownDelivery(deps, request);
  if (delivery === undefined) return sendMagaluError(reply, deliveryNotFound(request));
  return reply.send(delivery);
}

function histories(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  const delivery = ownDelivery(deps, request);
  if (delivery === undefined) return sendMagaluError(reply, deliveryNotFound(request));
  const page = readPage(request.query as Query, MG_PAGING.ordersDefaultLimit);
  if ('status' in page) return sendMagaluError(reply, page);
  const list = deps.store.histories.get(delivery.id) ?? [];
  return reply.send(pageBody(request, `/seller/v1/deliveries/${delivery.id}/histories`, page, list));
}

function listInvoices(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  deps.queue.drain();
  const delivery = ownDelivery(deps, request);
  if (delivery === undefined) return sendMagaluError(reply, deliveryNotFound(request));
  const page = readPage(request.query as Query, MG_PAGING.ordersDefaultLimit);
  if ('status' in page) return sendMagaluError(reply, page);
  return reply.send(
    pageBody(request, `/seller/v1/deliveries/${delivery.id}/invoices`, page, delivery.invoices),
  );
}

/**
 * Shared frame of every delivery write: find the delivery, validate the body, check the
 * channel, run the action, log the attempt with the status answered.
 */
function deliveryWrite<T extends TSchema>(
  deps: MgDeps,
  request: IdRequest,
  reply: FastifyReply,
  operation: string,
  bodyCheck: Checker<T>,
  action: (delivery: MgDelivery, body: Static<T>) => Done | MagaluError,
) {
  const delivery = ownDelivery(deps, request);
  const body = request.body;
  const issues = deps.conformance.judge(request, MG_CHANNEL, operation, bodyCheck, body);
  let outcome: Done | MagaluError;
  if (delivery === undefined) outcome = deliveryNotFound(request);
  else if (issues.length > 0) outcome = bodyError(issues);
  else if ((body as { channel: { id: string } }).channel.id !== delivery.channel.id) {
    outcome = magaluError(400, 'channel.id does not match the delivery', [
      detail('channel.id', 'body', 'mismatch'),
    ]);
  } else outcome = action(delivery, body as Static<T>);
  logMgWrite(deps, operation, callerOf(request).sellerId, request.params.id, outcome.status, body);
  if (!('done' in outcome)) return sendMagaluError(reply, outcome);
  return reply.code(outcome.status).send(outcome.body);
}

function postInvoice(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  return deliveryWrite(deps, request, reply, 'deliveries.invoice', check.invoice, (delivery, body) => {
    const refusal = invoiceRefusal(delivery, body.key);
    if (refusal !== null) return refusal;
    const at = iso(deps.clock.now());
    const invoice = {
      key: body.key,
      issued_at: body.issued_at,
      issuer: body.issuer ?? null,
      amount: body.amount,
      status: '',
      channel: { id: body.channel.id },
      created_at: at,
      updated_at: at,
    };
    delivery.invoices.push(invoice);
    validateLater(deps, delivery, invoice);
    return done(201, { ...invoice, status: MG_BEHAVIOUR.invoicePostedStatus });
  });
}

/** [doc: seller-pedidos update_invalid_invoice] an `invalid` invoice is fixed with `PUT …/invoices/{key}` (204). */
function fixInvoice(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  return deliveryWrite(deps, request, reply, 'deliveries.invoice_fix', check.fix, (delivery, body) => {
    const invoice = delivery.invoices.find((entry) => entry.key === request.params.key);
    if (invoice === undefined) return magaluError(404, `Invoice ${request.params.key} not found`);
    if (invoice.status !== 'invalid')
      return magaluError(422, `Invoice ${invoice.key} is ${invoice.status}, not invalid`);
    invoice.issued_at = body.issued_at;
    invoice.amount = body.amount;
    validateLater(deps, delivery, invoice);
    return done(204);
  });
}

function postShipping(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  return deliveryWrite(deps, request, reply, 'deliveries.shipping', check.shipping, (delivery, body) => {
    if (!MG_SHIPPING_FROM.includes(delivery.status)) {
      return magaluError(422, `Delivery ${delivery.id} is ${delivery.status}: it cannot be shipped`);
    }
    delivery.shipping.tracking = { code: body.protocol ?? null, url: body.tracking_url };
    delivery.shipping.carrier = { name: body.carrier?.name ?? null };
    return (
      moveDelivery(deps, delivery, 'shipped') ??
      done(201, { id: randomHex(12), created_at: iso(deps.clock.now()) })
    );
  });
}

function postFinishing(deps: MgDeps, request: IdRequest, reply: FastifyReply) {
  return deliveryWrite(deps, request, reply, 'deliveries.finishing', check.finishing, (delivery) => {
    return (
      moveDelivery(deps, delivery, 'delivered') ??
      done(201, { id: randomHex(12), created_at: iso(deps.clock.now()) })
    );
  });
}

export function registerMgDeliveries(scope: FastifyInstance, deps: MgDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  const base = '/seller/v1/deliveries';
  type P = { Params: { id: string; key?: string } };
  scope.get(base, route('deliveries.list'), (request, reply) => listDeliveries(deps, request, reply));
  scope.get<P>(`${base}/:id`, route('deliveries.get'), (request, reply) => getDelivery(deps, request, reply));
  scope.get<P>(`${base}/:id/histories`, route('deliveries.get'), (request, reply) =>
    histories(deps, request, reply),
  );
  scope.get<P>(`${base}/:id/invoices`, route('invoices.list'), (request, reply) =>
    listInvoices(deps, request, reply),
  );
  scope.post<P>(`${base}/:id/invoices`, route('deliveries.write'), (request, reply) =>
    postInvoice(deps, request, reply),
  );
  // [doc] the correction is a PUT (fidelity G2); the path takes no POST.
  scope.post<P>(`${base}/:id/invoices/:key`, route('deliveries.write'), (req, reply) => {
    const refused = deps.conformance.verdict(
      MG_CHANNEL,
      'deliveries.invoice_fix',
      [{ path: 'method', message: 'POST is not an operation of /deliveries/{id}/invoices/{key}: use PUT' }],
      expectedInvalidBy(req),
    );
    logMgWrite(deps, 'deliveries.invoice_fix', callerOf(req).sellerId, req.params.id, 405, req.body);
    return sendMagaluError(reply, magaluError(405, refused[0]!.message));
  });
  scope.put<P>(`${base}/:id/invoices/:key`, route('deliveries.write'), (req, reply) =>
    fixInvoice(deps, req, reply),
  );
  scope.post<P>(`${base}/:id/shippings`, route('deliveries.write'), (req, reply) =>
    postShipping(deps, req, reply),
  );
  scope.post<P>(`${base}/:id/finishing`, route('deliveries.write'), (req, reply) =>
    postFinishing(deps, req, reply),
  );
}

/** How the order rows of fidelity.md are answered here, each with its source. */
export const MG_ORDER_FIDELITY = {
  G2: '[doc developers.magalu.com seller-pedidos update_invalid_invoice] an invalid invoice is corrected with PUT /seller/v1/deliveries/{id}/invoices/{key} → 204; a POST there is 405 and a conformance violation.',
  G5: "[doc seller-pedidos get_order / deliveries; field names unverified] the buyer (name, document_number, customer_type, email, phones[{area_code, number}], state_registration) is the order's customer; the recipient and address (zipcode, street, number, complement, district, city, state, country) are each delivery's shipping.recipient, with shipping.deadline.limit_date. One simulated buyer per order (core/buyers.ts).",
} as const;
