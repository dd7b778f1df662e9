/**
 * What every part of the API contract shares: the error body, the no-content answer, path
 * parameters, and the error statuses a route names in its responses. A pure module (TypeBox
 * only) so the console can derive its types from it with `Static<typeof …>`.
 */
import { type Static, type TSchema, Type } from 'typebox';

/** What a translated sentence about an error needs: the field, the rule broken, its limit… */
export const ErrorParams = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]),
  { description: 'What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…)' },
);

export const ErrorBody = Type.Object(
  {
    error: Type.String({ description: 'What is wrong, naming the field and the rule' }),
    code: Type.String({ description: 'A stable machine-readable code, e.g. `product_not_found`' }),
    params: Type.Optional(ErrorParams),
    // Details some errors carry (src/errors.ts `details`): listed so the serializer keeps them.
    current_status: Type.Optional(
      Type.String({ description: "The order's status code (invalid transition)" }),
    ),
    current_type: Type.Optional(Type.String({ description: "The order's status type (invalid transition)" })),
    hint: Type.Optional(Type.String({ description: 'What to do about a marketplace refusal' })),
    constraint: Type.Optional(Type.String({ description: 'The unique rule a duplicate broke' })),
  },
  {
    additionalProperties: false,
    description: 'SkyHub-style error: `error` says what is wrong and which field.',
    examples: [
      { error: 'product.qty: must be >= 0', code: 'invalid_field', params: { field: 'product.qty' } },
    ],
  },
);

/** The statuses an error answer can have; routes name the ones they give. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 406 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

const errorMeaning: Record<ErrorStatus, string> = {
  400: 'The request is malformed or a field breaks a rule (named in `error`)',
  401: 'Missing or wrong credentials',
  403: 'Authenticated, but not allowed to do this',
  404: 'Not found',
  406: 'The Accept header rules JSON out',
  409: 'Conflicts with the current state',
  413: 'The body is larger than this server accepts',
  415: 'The body is not UTF-8 JSON',
  422: 'Well-formed but refused by a business rule',
  429: 'Too many requests; retry after Retry-After seconds',
  500: 'Internal error; the request id is in the x-request-id header',
  502: 'The marketplace answered with an error',
  503: 'A dependency (queue, database, marketplace) is unavailable; retry later',
};

/** `{ 404: ErrorBody, 409: ErrorBody }` for a route's `response`, each with its meaning. */
export function errorResponses(...statuses: ErrorStatus[]): Record<string, TSchema> {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { ...ErrorBody, description: errorMeaning[status] }]),
  );
}

/** The answer of SkyHub's updates: 204, no body (still with a JSON Content-Type). */
export const NoContent = Type.Null({ description: 'No content' });

// Open on purpose: routes such as /products/{sku}/listings/{connection} add their own parameters.
export const SkuParams = Type.Object({ sku: Type.String({ minLength: 1, maxLength: 100 }) });

/** Security requirement shared by every seller-API route, for the OpenAPI document. */
export const sellerSecurity = [{ userEmail: [], apiKey: [], accountManagerKey: [] }];

/**
 * The schema with one example, as /openapi.json shows it beside the body. The example is typed
 * by the schema, so an example that no longer fits its body fails `tsc`.
 */
export function withExample<T extends TSchema>(schema: T, example: Static<T>): T {
  return { ...schema, examples: [example] };
}
