/** A connection's rules: read, replace (listings affected turn pending), and preview without saving. */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Connections, getConnection } from '../connections/connections.ts';
import { Rules } from '../rules/rules.ts';
import { previewRules, replaceRules } from '../rules/service.ts';
import { withExample } from './contract/common.ts';
import { RulesPreview } from './contract/sync.ts';
import { errorResponses, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Rules'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const Preview = Type.Object(
  {
    rules: Type.Optional(Rules),
    skus: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

const rulesExample = {
  stock: { buffer_units: 2, zero_below: 3 },
  price: { markup_percent: 12, rounding: '0.90' as const },
};
const RulesBody = withExample(Type.Object({ rules: Rules }), { rules: rulesExample });
const SavedRules = withExample(Type.Object({ rules: Rules }), { rules: rulesExample });
const ReplacedRules = withExample(
  Type.Object({
    rules: Rules,
    listings_owing_send: Type.Integer({ description: 'Listings that owe a send under the new rules' }),
  }),
  { rules: rulesExample, listings_owing_send: 40 },
);
const PreviewAnswer = withExample(RulesPreview, {
  rules: rulesExample,
  listings: [
    {
      sku: 'CAM-01',
      erp: { qty: 10, price: 49.9, promotional_price: null },
      now: { qty: 10, price: 49.9, promotional_price: null },
      proposed: { qty: 8, price: 55.9, promotional_price: null },
      live: { qty: 10, price: 49.9, promotional_price: null },
      changes: { qty: true, price: true },
    },
  ],
});

export function ruleRoutes(api: SellerApi, deps: Connections): void {
  const connectionOf = (request: FastifyRequest<{ Params: { id: number } }>) =>
    getConnection(deps.db, principalOf(request).accountId, request.params.id);

  api.get(
    '/connections/:id/rules',
    {
      schema: {
        operationId: 'getRules',
        tags,
        summary: "A connection's rules",
        security: sellerSecurity,
        params: IdParams,
        response: { 200: SavedRules, ...errorResponses(404) },
      },
    },
    async (request) => ({
      rules: (await connectionOf(request)).rules as Rules,
    }),
  );

  api.put(
    '/connections/:id/rules',
    {
      schema: {
        tags,
        operationId: 'replaceRules',
        summary: 'Replace the rules; affected listings owe a send',
        security: sellerSecurity,
        params: IdParams,
        body: RulesBody,
        response: { 200: ReplacedRules, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const rules = validate(Rules, unwrap(request.body, 'rules'), 'rules');
      const { owed } = await replaceRules(deps, await connectionOf(request), rules);
      return { rules, listings_owing_send: owed };
    },
  );

  api.post(
    '/connections/:id/rules/preview',
    {
      schema: {
        tags,
        operationId: 'previewRules',
        summary: 'What each listing would receive under these rules (saved rules when none given)',
        security: sellerSecurity,
        params: IdParams,
        body: withExample(Preview, { rules: rulesExample, skus: ['CAM-01'], limit: 100 }),
        response: { 200: PreviewAnswer, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const body = validate(Preview, request.body ?? {}, '');
      const connection = await connectionOf(request);
      const rules = body.rules ?? ((connection.rules ?? {}) as Rules);
      return {
        rules,
        listings: await previewRules(deps.db, connection, rules, {
          skus: body.skus,
          limit: body.limit ?? 100,
        }),
      };
    },
  );
}
