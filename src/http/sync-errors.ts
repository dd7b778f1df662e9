/** SkyHub's /sync_errors endpoints, fed by real delivery failures, plus a retry action. */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Db } from '../db/db.ts';
import { invalid } from '../errors.ts';
import { hintText } from '../i18n/hints.ts';
import { type Language, preferredLanguage } from '../i18n/language.ts';
import { oweSends } from '../listings/queries.ts';
import { retryFailedRelays } from '../orders/relay.ts';
import {
  categories,
  categoryOf,
  countErrors,
  type ErrorRow,
  errorTypes,
  ignoreErrors,
  listErrors,
  openListingErrors,
  resourceOf,
} from '../sync-errors/listings.ts';
import { orderErrorCategories, orderErrorTypes } from '../sync-errors/orders.ts';
import { withExample } from './contract/common.ts';
import {
  ErrorCategory,
  errorCategoryExample,
  type SyncError,
  SyncErrorPage,
  syncErrorExample,
} from './contract/sync-errors.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';

const tags = ['Sync errors'];
const categoryCodes = categories.map((c) => c.code);

/**
 * Category codes SkyHub documents that Cais never files errors under (B2W's own product link,
 * [DEV:sync_errors/consulta-erros-de-sincronizacao-e-producao]): a client asking for one gets the
 * category, empty, as SkyHub would for an account without such errors, rather than a 400.
 */
const skyHubOnlyCategories = [
  { code: 'link_b2w_products', name: 'Produtos não vinculados à B2W', entity_type: 'products' },
] as const;

const listedCategoryCodes = [
  ...categoryCodes,
  ...orderErrorCategories.map((c) => c.code),
  ...skyHubOnlyCategories.map((c) => c.code),
];

function present(row: ErrorRow, lang: Language = 'en'): Static<typeof SyncError> {
  return {
    entity_id: row.sku ?? `connection:${row.connection_id}`,
    message: row.message,
    // SkyHub's own spelling, which clients read.
    last_accurence: row.last_seen_at.toISOString(),
    error_code: row.code,
    error_category_code: categoryOf(row.resource),
    connection_id: row.connection_id,
    connection_name: row.connection_name,
    failure: row.failure,
    transient: row.failure === 'transient' || row.failure === 'rate_limited',
    attempts: row.attempts,
    first_seen_at: row.first_seen_at.toISOString(),
    // Cais's own hint in the caller's language; `message` stays the marketplace's words.
    hint: hintText({ code: row.code, failure: row.failure, hint: row.hint }, lang),
    marketplace_code: row.marketplace_code,
    status: row.status as Static<typeof SyncError>['status'],
  };
}

const ListQuery = Type.Object({
  error_category_code: Type.Optional(Type.String({ maxLength: 50 })),
  connection_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
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
          entity_id: Type.String({ minLength: 1, maxLength: 100 }),
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

const RetryBody = Type.Object(
  {
    skus: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000 })),
    error_category_code: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

const Categories = withExample(Type.Array(ErrorCategory), [errorCategoryExample]);
const Retried = withExample(
  Type.Object({ retried: Type.Integer({ description: 'Listings that owe a send again' }) }),
  { retried: 3 },
);
const OrdersRetried = withExample(
  Type.Object({
    retried: Type.Integer({ description: 'Orders whose relay is sent again' }),
    codes: Type.Array(Type.String(), { description: 'Their codes' }),
  }),
  { retried: 1, codes: ['MLB-2000001'] },
);

function resourceFor(code: string | undefined, field: string): string | undefined {
  if (code === undefined) return undefined;
  const resource = resourceOf(code);
  if (!resource) {
    throw invalid(`${field}: must be one of ${categoryCodes.join(', ')}`, {
      code: 'invalid_field',
      params: { field, rule: 'one_of', allowed: categoryCodes },
    });
  }
  return resource;
}

export function syncErrorRoutes(api: SellerApi, deps: { db: Db }): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;

  api.get(
    '/sync_errors/categories',
    {
      schema: {
        operationId: 'listErrorCategories',
        tags,
        summary: 'The error categories, with the error codes this account has met in each',
        security: sellerSecurity,
        // A NUL in any query parameter is refused as a 400 (app.ts), even where none is declared.
        response: { 200: Categories, ...errorResponses(400) },
      },
    },
    async (request): Promise<Static<typeof ErrorCategory>[]> => {
      const seen = await errorTypes(deps.db, account(request));
      const products = categories.map((c) => ({
        code: c.code,
        name: c.name,
        entity_type: c.entity_type,
        error_types: seen
          .filter((s) => s.resource === c.resource)
          .map((s) => ({ code: s.code, name: s.code, solution: s.hint })),
      }));
      const seenOrders = await orderErrorTypes(deps.db, account(request));
      const orders = orderErrorCategories.map((c) => ({
        code: c.code,
        name: c.name,
        entity_type: 'orders' as const,
        error_types: seenOrders
          .filter((s) => s.category === c.code)
          .map((s) => ({ code: s.code, name: s.code, solution: s.hint })),
      }));
      return [...products, ...orders];
    },
  );

  api.get(
    '/sync_errors/categories/:code',
    {
      schema: {
        operationId: 'getErrorCategory',
        tags,
        summary: 'One error category (an unknown code is a 400 naming the known ones)',
        security: sellerSecurity,
        params: Type.Object({ code: Type.String({ maxLength: 50 }) }),
        // 404: a path such as /sync_errors/categories/.. reaches no route.
        response: { 200: withExample(ErrorCategory, errorCategoryExample), ...errorResponses(404) },
      },
    },
    async (request): Promise<Static<typeof ErrorCategory>> => {
      const code = request.params.code;
      const product = categories.find((c) => c.code === code);
      if (product) {
        const seen = await errorTypes(deps.db, account(request));
        return {
          code: product.code,
          name: product.name,
          entity_type: product.entity_type,
          error_types: seen
            .filter((s) => s.resource === product.resource)
            .map((s) => ({ code: s.code, name: s.code, solution: s.hint })),
        };
      }
      const order = orderErrorCategories.find((c) => c.code === code);
      if (order) {
        const seen = await orderErrorTypes(deps.db, account(request));
        return {
          code: order.code,
          name: order.name,
          entity_type: 'orders' as const,
          error_types: seen
            .filter((s) => s.category === order.code)
            .map((s) => ({ code: s.code, name: s.code, solution: s.hint })),
        };
      }
      const documented = skyHubOnlyCategories.find((c) => c.code === code);
      if (documented) return { ...documented, error_types: [] };
      throw invalid(`code: must be one of ${listedCategoryCodes.join(', ')}`, {
        code: 'invalid_field',
        params: { field: 'code', rule: 'one_of', allowed: listedCategoryCodes },
      });
    },
  );

  api.get(
    '/sync_errors/products',
    {
      schema: {
        operationId: 'listProductErrors',
        tags,
        summary: 'Product (listing) sync errors, newest first (page with `before`)',
        security: sellerSecurity,
        querystring: ListQuery,
        response: {
          200: withExample(SyncErrorPage, { error_qty: 1, errors: [syncErrorExample] }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const resource = resourceFor(q.error_category_code, 'error_category_code');
      const rows = await listErrors(deps.db, account(request), {
        resource,
        connectionId: q.connection_id,
        status: q.status ?? 'open',
        beforeId: q.before,
        limit: q.per_page ?? 100,
      });
      return {
        error_qty: await countErrors(deps.db, account(request), resource),
        errors: rows.map((row) => present(row, preferredLanguage(request.headers['accept-language']))),
      };
    },
  );

  api.patch(
    '/sync_errors/products',
    {
      schema: {
        operationId: 'ignoreProductErrors',
        tags,
        summary: 'Ignore these errors',
        security: sellerSecurity,
        body: withExample(IgnoreBody, {
          errors: [
            {
              entity_id: 'CAM-01',
              error_category_code: 'stock_sync',
              error_code: 'ml.item.status.not_modifiable',
            },
          ],
        }),
        response: { 204: NoContent },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const body = validate(IgnoreBody, request.body, '');
      const entries = body.errors.map((e, i) => ({
        sku: e.entity_id,
        resource: resourceFor(e.error_category_code, `errors[${i}].error_category_code`)!,
        code: e.error_code,
      }));
      await ignoreErrors(deps.db, account(request), entries);
      return noContent(reply);
    },
  );

  api.post(
    '/sync_errors/products/retry',
    {
      schema: {
        tags,
        operationId: 'retryProductErrors',
        summary: 'Retry now: the listings owe a send again, without waiting for a backoff',
        security: sellerSecurity,
        body: Type.Optional(withExample(RetryBody, { skus: ['CAM-01'], error_category_code: 'stock_sync' })),
        response: { 200: Retried },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const body = validate(RetryBody, request.body ?? {}, '');
      const resource = resourceFor(body.error_category_code, 'error_category_code');
      const open = await openListingErrors(deps.db, account(request), { skus: body.skus, resource });
      for (const e of open)
        await oweSends(deps.db, [e.product_id], e.resource as 'stock' | 'price', e.connection_id);
      return { retried: open.length };
    },
  );

  api.post(
    '/sync_errors/orders/retry',
    {
      schema: {
        tags,
        operationId: 'retryOrderErrors',
        summary: "Retry now: each order's failed relay to the marketplace is sent again",
        security: sellerSecurity,
        body: Type.Optional(withExample(OrderRetryBody, { codes: ['MLB-2000001'] })),
        response: { 200: OrdersRetried },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const body = validate(OrderRetryBody, request.body ?? {}, '');
      const retried = await retryFailedRelays(deps.db, account(request), body.codes);
      return { retried: retried.length, codes: retried };
    },
  );
}

const OrderRetryBody = Type.Object(
  { codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 })) },
  { additionalProperties: false },
);
