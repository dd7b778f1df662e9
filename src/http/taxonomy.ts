/** SkyHub's category and attribute routes. */
import { Type } from 'typebox';
import {
  listAttributes,
  listCategories,
  removeCategory,
  renameCategory,
  saveAttribute,
  saveCategories,
  updateAttribute,
} from '../catalog/taxonomy.ts';
import { invalid } from '../errors.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const Category = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const CategoryName = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
const Attribute = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    label: Type.Optional(Type.String({ maxLength: 255 })),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
const AttributePatch = Type.Object(
  {
    label: Type.Optional(Type.String({ maxLength: 255 })),
    options: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });
const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) });

export function taxonomyRoutes(api: SellerApi): void {
  const tags = ['Categories and attributes'];
  const account = (request: Parameters<typeof principalOf>[0]) => principalOf(request).accountId;

  api.get(
    '/categories',
    { schema: { tags, security: sellerSecurity, response: { 200: Type.Array(Category) } } },
    (request) => listCategories(api.db, account(request)),
  );

  api.post(
    '/categories',
    {
      schema: {
        tags,
        security: sellerSecurity,
        body: Type.Object({ category: Type.Union([Category, Type.Array(Category)]) }),
        response: { 201: Type.Array(Category), ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      // One client (dilowagner/skyhub-client) sends an array inside "category".
      const body = unwrap(request.body, 'category');
      const list = Array.isArray(body) ? body : [body];
      const categories = list.map((c, i) =>
        validate<{ code: string; name: string }>(Category, c, `category[${i}]`),
      );
      // One upsert statement cannot touch the same row twice; and which name should win is unclear.
      const seen = new Map<string, number>();
      for (const [i, { code }] of categories.entries()) {
        const first = seen.get(code);
        if (first !== undefined) {
          throw invalid(`category[${i}].code: ${code} repeats category[${first}]; send each code once`, {
            code: 'invalid_field',
            params: {
              field: `category[${i}].code`,
              rule: 'repeats',
              value: code,
              first: `category[${first}]`,
            },
          });
        }
        seen.set(code, i);
      }
      await saveCategories(api.db, account(request), categories);
      return reply.code(201).send(categories);
    },
  );

  api.put(
    '/categories/:code',
    {
      schema: {
        tags,
        security: sellerSecurity,
        params: CodeParams,
        body: Type.Object({ category: CategoryName }),
        response: { 204: NoContent, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const { name } = validate<{ name: string }>(CategoryName, unwrap(request.body, 'category'), 'category');
      await renameCategory(api.db, account(request), request.params.code, name);
      return noContent(reply);
    },
  );

  api.delete(
    '/categories/:code',
    {
      schema: {
        tags,
        security: sellerSecurity,
        params: CodeParams,
        response: { 204: NoContent, ...errorResponses() },
      },
    },
    async (request, reply) => {
      await removeCategory(api.db, account(request), request.params.code);
      return noContent(reply);
    },
  );

  api.get(
    '/attributes',
    { schema: { tags, security: sellerSecurity, response: { 200: Type.Array(Attribute) } } },
    (request) => listAttributes(api.db, account(request)),
  );

  api.post(
    '/attributes',
    {
      schema: {
        tags,
        security: sellerSecurity,
        body: Type.Object({ attribute: Attribute }),
        response: { 201: Attribute, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const a = validate<{ name: string; label?: string; options?: string[] }>(
        Attribute,
        unwrap(request.body, 'attribute'),
        'attribute',
      );
      const attribute = { name: a.name, label: a.label ?? a.name, options: a.options ?? [] };
      await saveAttribute(api.db, account(request), attribute);
      return reply.code(201).send(attribute);
    },
  );

  api.put(
    '/attributes/:name',
    {
      schema: {
        tags,
        security: sellerSecurity,
        params: NameParams,
        body: Type.Object({ attribute: AttributePatch }),
        response: { 204: NoContent, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const patch = validate<{ label?: string; options?: string[] }>(
        AttributePatch,
        unwrap(request.body, 'attribute'),
        'attribute',
      );
      await updateAttribute(api.db, account(request), request.params.name, patch);
      return noContent(reply);
    },
  );
}
