/** SkyHub's category and attribute routes. */
import { type Static, Type } from 'typebox';
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
import { Attribute, Category } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const CategoryName = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
const AttributeInput = Type.Object(
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

const categoryExample: Static<typeof Category> = { code: 'camisetas', name: 'Camisetas' };
const attributeExample: Static<typeof Attribute> = {
  name: 'Tamanho',
  label: 'Tamanho',
  options: ['P', 'M', 'G'],
};

export function taxonomyRoutes(api: SellerApi): void {
  const tags = ['Categories and attributes'];
  const account = (request: Parameters<typeof principalOf>[0]) => principalOf(request).accountId;

  api.get(
    '/categories',
    {
      schema: {
        operationId: 'listCategories',
        tags,
        summary: "The account's categories",
        security: sellerSecurity,
        // Any query parameter with a NUL is refused (400), declared or not.
        response: { 200: withExample(Type.Array(Category), [categoryExample]), ...errorResponses(400) },
      },
    },
    (request): Promise<Static<typeof Category>[]> => listCategories(api.db, account(request)),
  );

  api.post(
    '/categories',
    {
      schema: {
        operationId: 'saveCategories',
        tags,
        summary: 'Create categories, or rename them by code (one, or an array in `category`)',
        security: sellerSecurity,
        body: withExample(Type.Object({ category: Type.Union([Category, Type.Array(Category)]) }), {
          category: categoryExample,
        }),
        response: { 201: withExample(Type.Array(Category), [categoryExample]), ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      // One client (dilowagner/skyhub-client) sends an array inside "category".
      const body = unwrap(request.body, 'category');
      const list = Array.isArray(body) ? body : [body];
      const categories = list.map((c, i) => validate(Category, c, `category[${i}]`));
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
        operationId: 'renameCategory',
        tags,
        summary: 'Rename a category',
        security: sellerSecurity,
        params: CodeParams,
        body: withExample(Type.Object({ category: CategoryName }), {
          category: { name: 'Camisetas e regatas' },
        }),
        response: { 204: NoContent, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const { name } = validate(CategoryName, unwrap(request.body, 'category'), 'category');
      await renameCategory(api.db, account(request), request.params.code, name);
      return noContent(reply);
    },
  );

  api.delete(
    '/categories/:code',
    {
      schema: {
        operationId: 'removeCategory',
        tags,
        summary: 'Remove a category',
        security: sellerSecurity,
        params: CodeParams,
        // A DELETE may still carry a body: too large (413) or not JSON (415).
        response: { 204: NoContent, ...errorResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      await removeCategory(api.db, account(request), request.params.code);
      return noContent(reply);
    },
  );

  api.get(
    '/attributes',
    {
      schema: {
        operationId: 'listAttributes',
        tags,
        summary: "The account's variation attributes",
        security: sellerSecurity,
        response: { 200: withExample(Type.Array(Attribute), [attributeExample]), ...errorResponses(400) },
      },
    },
    (request): Promise<Static<typeof Attribute>[]> => listAttributes(api.db, account(request)),
  );

  api.post(
    '/attributes',
    {
      schema: {
        operationId: 'saveAttribute',
        tags,
        summary: 'Create an attribute, or replace the one of that name',
        security: sellerSecurity,
        body: withExample(Type.Object({ attribute: AttributeInput }), { attribute: attributeExample }),
        response: { 201: withExample(Attribute, attributeExample), ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const a = validate(AttributeInput, unwrap(request.body, 'attribute'), 'attribute');
      const attribute: Static<typeof Attribute> = {
        name: a.name,
        label: a.label ?? a.name,
        options: a.options ?? [],
      };
      await saveAttribute(api.db, account(request), attribute);
      return reply.code(201).send(attribute);
    },
  );

  api.put(
    '/attributes/:name',
    {
      schema: {
        operationId: 'updateAttribute',
        tags,
        summary: "Change an attribute's label or options",
        security: sellerSecurity,
        params: NameParams,
        body: withExample(Type.Object({ attribute: AttributePatch }), {
          attribute: { options: ['P', 'M', 'G', 'GG'] },
        }),
        response: { 204: NoContent, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const patch = validate(AttributePatch, unwrap(request.body, 'attribute'), 'attribute');
      await updateAttribute(api.db, account(request), request.params.name, patch);
      return noContent(reply);
    },
  );
}
