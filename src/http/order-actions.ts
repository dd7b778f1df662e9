/**
 * The ERP's order progress (reference §2.3): POST /orders/{code}/invoice, /shipments, /delivery,
 * /cancel, /shipment_exception and /approval. Each answers the order as it is now; an illegal
 * move, an unknown status or an invalid NF-e key is a 422 with the reason.
 */
import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { invalid } from '../errors.ts';
import { type ActionInput, type ActionKind, applyAction } from '../orders/actions.ts';
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

const parsers: Record<ActionKind, { schema: TSchema; parse: Parse; summary: string }> = {
  invoice: {
    schema: InvoiceBody,
    summary: 'Invoice the order (NF-e key of 44 digits)',
    parse: (body) => {
      const b = validate<Static<typeof InvoiceBody>>(InvoiceBody, body, '');
      return {
        kind: 'invoice',
        status: b.status,
        invoice: { ...b.invoice, issue_date: iso(b.invoice.issue_date, 'invoice.issue_date') },
      };
    },
  },
  shipments: {
    schema: ShipmentBody,
    summary: 'Ship the order (tracking); items inside or beside "shipment"',
    parse: (body) => {
      const b = validate<Static<typeof ShipmentBody>>(ShipmentBody, body, '');
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
    schema: DeliveryBody,
    summary: 'The order was delivered',
    parse: (body) => {
      const b = validate<Static<typeof DeliveryBody>>(DeliveryBody, body, '');
      return { kind: 'delivery', status: b.status, delivered_date: iso(b.delivered_date, 'delivered_date') };
    },
  },
  cancel: {
    schema: CancelBody,
    summary: 'Cancel the order',
    parse: (body) => ({ kind: 'cancel', ...validate<Static<typeof CancelBody>>(CancelBody, body, '') }),
  },
  shipment_exception: {
    schema: ShipmentExceptionBody,
    summary: 'The carrier could not deliver',
    parse: (body) => {
      const b = validate<Static<typeof ShipmentExceptionBody>>(ShipmentExceptionBody, body, '');
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
    schema: ApprovalBody,
    summary: 'Approve a test order (sandbox only)',
    parse: (body) => ({ kind: 'approval', ...validate<Static<typeof ApprovalBody>>(ApprovalBody, body, '') }),
  },
};

export function orderActionRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  for (const [kind, { schema, parse, summary }] of Object.entries(parsers)) {
    api.post(
      `/orders/:code/${kind}`,
      {
        schema: { tags, summary, security: sellerSecurity, params: CodeParams, body: schema },
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
