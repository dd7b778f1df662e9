/** A connection's rules: read, replace (listings affected turn pending), and preview without saving. */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Connections, getConnection } from '../connections/connections.ts';
import { Rules } from '../rules/rules.ts';
import { previewRules, replaceRules } from '../rules/service.ts';
import { sellerSecurity } from './schemas.ts';
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

export function ruleRoutes(api: SellerApi, deps: Connections): void {
  const connectionOf = (request: FastifyRequest<{ Params: { id: number } }>) =>
    getConnection(deps.db, principalOf(request).accountId, request.params.id);

  api.get(
    '/connections/:id/rules',
    { schema: { tags, security: sellerSecurity, params: IdParams } },
    async (request) => ({
      rules: (await connectionOf(request)).rules,
    }),
  );

  api.put(
    '/connections/:id/rules',
    {
      schema: {
        tags,
        summary: 'Replace the rules; affected listings owe a send',
        security: sellerSecurity,
        params: IdParams,
        body: Type.Object({ rules: Rules }),
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const rules = validate<Rules>(Rules, unwrap(request.body, 'rules'), 'rules');
      const { owed } = await replaceRules(deps, await connectionOf(request), rules);
      return { rules, listings_owing_send: owed };
    },
  );

  api.post(
    '/connections/:id/rules/preview',
    {
      schema: {
        tags,
        summary: 'What each listing would receive under these rules (saved rules when none given)',
        security: sellerSecurity,
        params: IdParams,
        body: Preview,
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const body = validate<{ rules?: Rules; skus?: string[]; limit?: number }>(
        Preview,
        request.body ?? {},
        '',
      );
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
