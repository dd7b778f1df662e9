import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buyerFor, fullName } from '../core/buyers.ts';
import { callerOf } from '../core/guard.ts';
import type { SchemaIssue } from '../core/validate.ts';
import type { MlDeps } from './deps.ts';
import { logMlWrite, ML_CHANNEL } from './deps.ts';
import type { MlErrorBody } from './errors.ts';
import { mlBadRequest, mlForbidden, mlNotFound, sendMlError } from './errors.ts';
import type { MlShipment } from './model.ts';
import { mlDate } from './model.ts';
import { acceptsInvoice, needsSellerInvoice } from './states.ts';

/**
 * Where the package goes [doc: developers.mercadolivre.com.br, shipments]: `destination` with
 * the receiver and `shipping_address` (street, number, neighborhood, city, state, zip). ML
 * releases it once the sale is paid [unverified: a pending shipment shows no address here].
 */
function destinationOf(shipment: MlShipment) {
  const buyer = buyerFor(`mercadolivre:${shipment.order_id}`);
  const a = buyer.address;
  const released = shipment.status !== 'pending';
  return {
    type: 'buyer_address',
    receiver_id: shipment.order_id,
    receiver_name: fullName(buyer),
    receiver_phone: released ? buyer.phone : null,
    comments: a.complement || null,
    shipping_address: released
      ? {
          address_line: `${a.street} ${a.number}`,
          street_name: a.street,
          street_number: a.number,
          comment: a.complement || null,
          zip_code: a.zipcode,
          city: { id: null, name: a.city },
          state: { id: `BR-${a.state}`, name: a.stateName },
          country: { id: 'BR', name: 'Brasil' },
          neighborhood: { id: null, name: a.neighborhood },
          types: ['default_buying_address'],
        }
      : null,
  };
}

/** `GET /shipments/{id}`; `x-format-new: true` gives the new shape [doc], without it the old one [2nd]. */
export function shipmentBody(shipment: MlShipment, newFormat: boolean) {
  const common = {
    id: shipment.id,
    order_id: shipment.order_id,
    status: shipment.status,
    substatus: shipment.substatus,
    tracking_number: shipment.tracking_number,
    tracking_method: shipment.tracking_method,
    date_created: shipment.date_created,
    last_updated: shipment.last_updated,
  };
  const destination = destinationOf(shipment);
  if (newFormat) {
    return {
      ...common,
      logistic: { mode: 'me2', type: shipment.logistic_type, direction: 'forward' },
      source: { site_id: 'MLB', sender_id: shipment.seller_id },
      destination,
      lead_time: {
        shipping_method: { id: 100009, name: 'Normal', type: 'standard' },
        estimated_delivery_time: { date: estimatedDelivery(shipment), type: 'known' },
        cost: 0,
      },
    };
  }
  const { shipping_address: address, ...receiver } = destination;
  return {
    ...common,
    mode: 'me2',
    logistic_type: shipment.logistic_type,
    sender_id: shipment.seller_id,
    receiver_address:
      address === null
        ? null
        : { ...address, receiver_name: receiver.receiver_name, receiver_phone: receiver.receiver_phone },
  };
}

/** [unverified] A promise five days after the sale, as ML shows for a standard shipment. */
function estimatedDelivery(shipment: MlShipment): string {
  return new Date(Date.parse(shipment.date_created) + 5 * 86_400_000).toISOString();
}

function ownShipment(
  deps: MlDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
): MlShipment | MlErrorBody {
  const shipment = deps.store.shipments.get(Number(request.params.id));
  if (shipment === undefined) return mlNotFound(`Shipment ${request.params.id} not found`);
  if (String(shipment.seller_id) !== callerOf(request).sellerId) {
    return mlForbidden(`Caller is not the seller of shipment ${shipment.id}`);
  }
  return shipment;
}

function getShipment(deps: MlDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const shipment = ownShipment(deps, request);
  if ('message' in shipment) return sendMlError(reply, shipment);
  return reply.send(shipmentBody(shipment, request.headers['x-format-new'] === 'true'));
}

type InvoiceFields = { readonly fields: Record<string, unknown> } | { readonly error: MlErrorBody };

/**
 * [doc: importar-nota-fiscal, fidelity M3] The body is the NF-e XML itself; its key is read from
 * `<chNFe>` or `Id="NFe…"`. A JSON body (key, number, date) is not a form ML takes.
 */
export function invoiceDataIssues(body: unknown): SchemaIssue[] {
  if (typeof body !== 'string') {
    return [{ path: '', message: 'the body must be the NF-e XML (Content-Type: application/xml)' }];
  }
  if (nfeKeyOf(body) === undefined)
    return [{ path: '', message: 'the XML does not carry a 44-digit NF-e key' }];
  return [];
}

function nfeKeyOf(xml: string): string | undefined {
  return /<chNFe>(\d{44})<\/chNFe>/.exec(xml)?.[1] ?? /Id="NFe(\d{44})"/.exec(xml)?.[1];
}

function invoiceFields(request: FastifyRequest, deps: MlDeps): InvoiceFields {
  const body = request.body;
  const issues = deps.conformance.check(request, ML_CHANNEL, 'shipments.invoice', invoiceDataIssues(body));
  if (issues.length > 0) return { error: mlBadRequest(`Invalid invoice_data: ${issues[0]!.message}`) };
  return { fields: { fiscal_key: nfeKeyOf(body as string), format: 'xml' } };
}

function invoiceRefusal(shipment: MlShipment): MlErrorBody | null {
  if (!needsSellerInvoice(shipment)) {
    return mlBadRequest(
      `Shipment ${shipment.id} (${shipment.logistic_type}) does not take the seller's invoice`,
    );
  }
  if (shipment.invoice !== null) return mlBadRequest(`Shipment ${shipment.id} already has invoice data`);
  if (!acceptsInvoice(shipment)) {
    return mlBadRequest(`Shipment ${shipment.id} in status ${shipment.status} cannot receive invoice data`);
  }
  return null;
}

interface AcceptedInvoice {
  readonly status: 201;
  readonly shipment: MlShipment;
  readonly fields: Record<string, unknown>;
}

function acceptInvoice(
  deps: MlDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
): AcceptedInvoice | MlErrorBody {
  const shipment = ownShipment(deps, request);
  if ('message' in shipment) return shipment;
  const parsed = invoiceFields(request, deps);
  if ('error' in parsed) return parsed.error;
  return invoiceRefusal(shipment) ?? { status: 201, shipment, fields: parsed.fields };
}

/** `POST /shipments/{id}/invoice_data` [2nd]: the NF-e that releases the label (drop_off, cross_docking). */
function postInvoice(deps: MlDeps, request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
  const outcome = acceptInvoice(deps, request);
  logMlWrite(
    deps,
    'shipments.invoice',
    callerOf(request).sellerId,
    request.params.id,
    outcome.status,
    request.body,
  );
  if ('message' in outcome) return sendMlError(reply, outcome);
  const { shipment, fields } = outcome;
  shipment.invoice = fields;
  shipment.substatus = 'ready_to_print';
  shipment.last_updated = mlDate(deps.clock.now());
  deps.notifier.publish(shipment.seller_id, 'shipments', `/shipments/${shipment.id}`);
  return reply.code(201).send({ shipment_id: shipment.id, ...fields, status: 'processed' });
}

export function registerMlShipments(scope: FastifyInstance, deps: MlDeps): void {
  const route = (op: string) => ({ config: { sim: { op, auth: true } } });
  scope.get<{ Params: { id: string } }>('/shipments/:id', route('shipments.get'), (request, reply) =>
    getShipment(deps, request, reply),
  );
  scope.post<{ Params: { id: string } }>(
    '/shipments/:id/invoice_data',
    route('shipments.invoice'),
    (request, reply) => postInvoice(deps, request, reply),
  );
}

/** How the order rows of fidelity.md are answered here, each with its source. */
export const ML_ORDER_FIDELITY = {
  M3: "[doc developers.mercadolivre.com.br importar-nota-fiscal, 2026-06-08] drop_off, cross_docking, xd_drop_off and xd_same_day shipments wait for the seller's NF-e (ML_INVOICE_LOGISTICS); POST /shipments/{id}/invoice_data?siteId=MLB takes the NF-e XML only: a JSON body is 400 and a conformance violation (invoiceDataIssues).",
  M4: '[doc shipments: destination.shipping_address; orders billing_info] GET /shipments/{id} (x-format-new) carries destination.receiver_name/receiver_phone and shipping_address (street_name, street_number, neighborhood, city, state BR-UF, zip_code), released once the sale is paid [unverified]; GET /orders/{id}/billing_info carries doc_type/doc_number and additional_info (names, address, STATE_REGISTRATION) [2nd: the legacy billing_info shape]. One simulated buyer per order (core/buyers.ts).',
} as const;
