/**
 * SkyHub's statuses (reference §2.5): the defaults plus the account's own codes mapped to a type,
 * the status types, and the order sync errors (`/sync_errors/orders`).
 */
import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { invalid } from '../errors.ts';
import { preferredLanguage } from '../i18n/language.ts';
import {
  createStatus,
  listStatuses,
  type StatusType,
  statusTypeOf,
  statusTypes,
  updateStatus,
} from '../orders/statuses.ts';
import {
  countOrderErrors,
  ignoreOrderErrors,
  listOrderErrors,
  orderErrorCategories,
  presentOrderError,
} from '../sync-errors/orders.ts';
import { Status, StatusType as StatusTypeSchema } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import { OrderSyncErrorPage } from './contract/sync-errors.ts';
import type { OrderRouteDeps } from './orders.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Statuses'];

const StatusFields = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S(.*\\S)?$' }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.String({ minLength: 1, maxLength: 40, description: statusTypes.join(', ') }),
  },
  { additionalProperties: false },
);
// The code is in the path; the body may repeat it.
const StatusUpdate = Type.Object(
  { ...StatusFields.properties, code: Type.Optional(StatusFields.properties.code) },
  { additionalProperties: false },
);
const statusExample: Static<typeof Status> = {
  code: 'aguardando_coleta',
  label: 'Aguardando coleta',
  type: 'INVOICED',
};
const wrapped = <T extends TSchema>(fields: T) => Type.Union([Type.Object({ status: fields }), fields]);

function typeOf(text: string): StatusType {
  const type = statusTypeOf(text);
  if (!type)
    throw invalid(`status.type: must be one of ${statusTypes.join(', ')}`, {
      code: 'invalid_field',
      params: { field: 'status.type', rule: 'one_of', allowed: statusTypes },
    });
  return type;
}

const categoryCodes = orderErrorCategories.map((c) => c.code) as string[];

const ErrorQuery = Type.Object({
  error_category_code: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('ignored'), Type.Literal('resolved')]),
  ),
  before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

const IgnoreBody = Type.Object(
  {
    errors: Type.Array(
      Type.Object(
        {
          entity_id: Type.String({ minLength: 1, maxLength: 200 }),
          error_category_code: Type.String({ minLength: 1, maxLength: 50 }),
          error_code: Type.Optional(Type.String({ maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

function category(code: string | undefined, field: string): string | undefined {
  if (code !== undefined && !categoryCodes.includes(code))
    throw invalid(`${field}: must be one of ${categoryCodes.join(', ')}`, {
      code: 'invalid_field',
      params: { field, rule: 'one_of', allowed: categoryCodes },
    });
  return code;
}

export function statusRoutes(api: SellerApi, deps: OrderRouteDeps): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const body = (request: FastifyRequest) => {
    const fields = validate(StatusFields, unwrap(request.body, 'status'), 'status');
    return { ...fields, type: typeOf(fields.type) };
  };

  api.get(
    '/statuses',
    {
      schema: {
        operationId: 'listStatuses',
        tags,
        summary: "SkyHub's default order statuses and the account's own",
        security: sellerSecurity,
        // Any query parameter with a NUL is refused (400), declared or not.
        response: { 200: withExample(Type.Array(Status), [statusExample]), ...errorResponses(400) },
      },
    },
    (request): Promise<Static<typeof Status>[]> => listStatuses(deps.db, account(request)),
  );

  api.post(
    '/statuses',
    {
      schema: {
        operationId: 'createStatus',
        tags,
        summary: 'Add an order status code of the account, mapped to a status type',
        security: sellerSecurity,
        body: withExample(wrapped(StatusFields), { status: statusExample }),
        response: { 201: withExample(Status, statusExample) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const created: Static<typeof Status> = await createStatus(deps.db, account(request), body(request));
      return reply.code(201).send(created);
    },
  );

  api.put(
    '/statuses/:code',
    {
      schema: {
        operationId: 'updateStatus',
        tags,
        summary: "Change the label or type of one of the account's status codes",
        security: sellerSecurity,
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: withExample(wrapped(StatusUpdate), {
          status: { label: 'Aguardando coleta', type: 'INVOICED' },
        }),
        response: { 204: NoContent, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const given = validate(StatusUpdate, unwrap(request.body, 'status'), 'status');
      if (given.code !== undefined && given.code !== request.params.code)
        throw invalid('status.code: must match the code in the path', {
          code: 'invalid_field',
          params: { field: 'status.code', rule: 'path_mismatch' },
        });
      await updateStatus(deps.db, account(request), {
        code: request.params.code,
        label: given.label,
        type: typeOf(given.type),
      });
      return noContent(reply);
    },
  );

  api.get(
    '/status_types',
    {
      schema: {
        operationId: 'listStatusTypes',
        tags,
        summary: 'The status types a status code maps to',
        security: sellerSecurity,
        response: {
          200: withExample(Type.Array(StatusTypeSchema), [{ code: 'NEW', label: 'NEW' }]),
          ...errorResponses(400),
        },
      },
    },
    (): Static<typeof StatusTypeSchema>[] => statusTypes.map((code) => ({ code, label: code })),
  );

  api.get(
    '/sync_errors/orders',
    {
      schema: {
        operationId: 'listOrderErrors',
        tags: ['Sync errors'],
        summary: 'Order sync errors (import from the marketplace, status sent back), newest first',
        security: sellerSecurity,
        querystring: ErrorQuery,
        response: {
          200: withExample(OrderSyncErrorPage, {
            error_qty: 1,
            errors: [
              {
                entity_id: 'MLB-2000001',
                message: 'the marketplace refused the status: order already shipped',
                last_accurence: '2026-05-04T12:00:00.000Z',
                error_code: 'ml.order.status.invalid',
                error_category_code: 'sync_order_skyhub_to_mtkp',
                failure: 'permanent',
                transient: false,
                attempts: 1,
                first_seen_at: '2026-05-04T12:00:00.000Z',
                hint: null,
                ways_out: ['correct', 'retry', 'ignore'],
                marketplace_code: null,
                status: 'open',
              },
            ],
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const cat = category(q.error_category_code, 'error_category_code');
      const rows = await listOrderErrors(deps.db, account(request), {
        category: cat,
        status: q.status ?? 'open',
        beforeId: q.before,
        limit: q.per_page ?? 100,
      });
      return {
        error_qty: await countOrderErrors(deps.db, account(request), cat),
        errors: rows.map((row) =>
          presentOrderError(row, preferredLanguage(request.headers['accept-language'])),
        ),
      };
    },
  );

  api.patch(
    '/sync_errors/orders',
    {
      schema: {
        operationId: 'ignoreOrderErrors',
        tags: ['Sync errors'],
        summary: 'Ignore these errors',
        security: sellerSecurity,
        body: withExample(IgnoreBody, {
          errors: [{ entity_id: 'MLB-2000001', error_category_code: 'sync_order_skyhub_to_mtkp' }],
        }),
        response: { 204: NoContent },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const b = validate(IgnoreBody, request.body, '');
      const entries = b.errors.map((e, i) => ({
        orderCode: e.entity_id,
        category: category(e.error_category_code, `errors[${i}].error_category_code`)!,
        code: e.error_code,
      }));
      await ignoreOrderErrors(deps.db, account(request), entries);
      return noContent(reply);
    },
  );
}
