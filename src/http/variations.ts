/** SkyHub's variation routes: a variation is a SKU of its own with its own qty and price. */
import { type Static, Type } from 'typebox';
import { createVariation, getVariation, removeVariation, updateVariation } from '../catalog/products.ts';
import { VariationFields, VariationInput, VariationOutput } from '../catalog/schemas.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, SkuParams, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf, writeContext } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Variations'];

export function variationRoutes(api: SellerApi): void {
  api.post(
    '/products/:sku/variations',
    {
      schema: {
        tags,
        summary: 'Add a variation to a product',
        security: sellerSecurity,
        params: SkuParams,
        body: Type.Union([Type.Object({ variation: VariationInput }), VariationInput]),
        response: { 201: VariationOutput, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const input = validate<VariationInput>(VariationInput, unwrap(request.body, 'variation'), 'variation');
      const variation = await createVariation(api.db, writeContext(request), request.params.sku, input);
      return reply.code(201).send(variation);
    },
  );

  api.get(
    '/variations/:sku',
    {
      schema: {
        tags,
        summary: 'Read a variation',
        security: sellerSecurity,
        params: SkuParams,
        response: { 200: VariationOutput, ...errorResponses() },
      },
    },
    (request) => getVariation(api.db, principalOf(request).accountId, request.params.sku),
  );

  api.put(
    '/variations/:sku',
    {
      schema: {
        tags,
        summary: 'Update a variation (stock: `qty`; price: `price`, `promotional_price`)',
        security: sellerSecurity,
        params: SkuParams,
        body: Type.Union([Type.Object({ variation: VariationFields }), VariationFields]),
        response: { 204: NoContent, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const fields = validate<Static<typeof VariationFields>>(
        VariationFields,
        unwrap(request.body, 'variation'),
        'variation',
      );
      await updateVariation(api.db, writeContext(request), request.params.sku, fields);
      return noContent(reply);
    },
  );

  api.delete(
    '/variations/:sku',
    {
      schema: {
        tags,
        summary: 'Remove a variation',
        security: sellerSecurity,
        params: SkuParams,
        response: { 204: NoContent, ...errorResponses() },
      },
    },
    async (request, reply) => {
      await removeVariation(api.db, writeContext(request), request.params.sku);
      return noContent(reply);
    },
  );
}
