/**
 * The ERP's order progress (reference §2.3): POST /orders/{code}/invoice, /shipments, /delivery,
 * /cancel, /shipment_exception and /approval. Each answers the order as it is now; an illegal
 * move, an unknown status or an invalid NF-e key is a 422 with the reason.
 */
import type { FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { invalid } from '../errors.ts';
import { type ActionInput, type ActionKind, applyAction } from '../orders/actions.ts';
import { errorResponses, withExample } from './contract/common.ts';
import { afterActionExamples } from './contract/order-examples.ts';
import { OrderAfterAction } from './contract/orders.ts';
import {
  ApprovalBody,
  CancelBody,
  DeliveryBody,
  InvoiceBody,
  ShipmentBody,
  ShipmentExceptionBody,
} from './order-schemas.ts';
import type { OrderRouteDeps } from './orders.ts';
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';

const tags = ['Order status'];
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) });

/** A date the schema let through must also be one JavaScript reads (e.g. not "-0300" offsets). */
function iso(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00-03:00` : value);
  if (Number.isNaN(date.getTime()))
    throw invalid(`${field}: "${value}" is not a date`, {
      code: 'invalid_field',
      params: { field, rule: 'not_a_date', value },
    });
  return date.toISOString();
}

type Parse = (body: unknown) => ActionInput;

interface Action {
  operationId: string;
  schema: TSchema;
  parse: Parse;
  summary: string;
}

const parsers: Record<ActionKind, Action> = {
  invoice: {
    operationId: 'invoiceOrder',
    schema: InvoiceBody,
    summary: 'Invoice the order (NF-e key of 44 digits)',
    parse: (body) => {
      const b = validate(InvoiceBody, body, '');
      return {
        kind: 'invoice',
        status: b.status,
        invoice: { ...b.invoice, issue_date: iso(b.invoice.issue_date, 'invoice.issue_date') },
      };
    },
  },
  shipments: {
    operationId: 'shipOrder',
    schema: ShipmentBody,
    summary: 'Ship the order (tracking); items inside or beside "shipment"',
    parse: (body) => {
      const b = validate(ShipmentBody, body, '');
      const s = b.shipment;
      return {
        kind: 'shipments',
        status: b.status,
        shipment: {
          ...s,
          items: s.items ?? b.items ?? [],
          delivered_carrier_date: iso(s.delivered_carrier_date, 'shipment.delivered_carrier_date'),
          estimated_delivery: iso(s.estimated_delivery, 'shipment.estimated_delivery'),
        },
      };
    },
  },
  delivery: {
    operationId: 'deliverOrder',
    schema: DeliveryBody,
    summary: 'The order was delivered',
    parse: (body) => {
      const b = validate(DeliveryBody, body, '');
      return { kind: 'delivery', status: b.status, delivered_date: iso(b.delivered_date, 'delivered_date') };
    },
  },
  cancel: {
    operationId: 'cancelOrder',
    schema: CancelBody,
    summary: 'Cancel the order',
    parse: (body) => {
      const b = validate(CancelBody, body, '');
      return { kind: 'cancel', ...b };
    },
  },
  shipment_exception: {
    operationId: 'reportShipmentException',
    schema: ShipmentExceptionBody,
    summary: 'The carrier could not deliver',
    parse: (body) => {
      const b = validate(ShipmentExceptionBody, body, '');
      const e = b.shipment_exception ?? {};
      return {
        kind: 'shipment_exception',
        status: b.status,
        shipment_exception: {
          ...e,
          occurrence_date: iso(e.occurrence_date, 'shipment_exception.occurrence_date'),
        },
      };
    },
  },
  approval: {
    operationId: 'approveOrder',
    schema: ApprovalBody,
    summary: 'Approve a test order (sandbox only)',
    parse: (body) => {
      const b = validate(ApprovalBody, body, '');
      return { kind: 'approval', ...b };
    },
  },
};

export function orderActionRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  for (const [kind, { operationId, schema, parse, summary }] of Object.entries(parsers)) {
    api.post(
      `/orders/:code/${kind}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          security: sellerSecurity,
          params: CodeParams,
          body: schema,
          // 422: an illegal move, an unknown status, an invalid NF-e key, a missing NF-e XML.
          response: {
            200: withExample(OrderAfterAction, afterActionExamples[kind as ActionKind]),
            ...errorResponses(404),
          },
        },
        validatorCompiler: bodyCheckedByHandler,
      },
      async (request) => {
        const { code } = request.params as { code: string };
        // SkyHub's SDK posts /cancel with no body at all.
        return applyAction(deps.db, account(request), code, parse(request.body ?? {}));
      },
    );
  }
}
