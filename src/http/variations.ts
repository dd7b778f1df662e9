/** SkyHub's variation routes: a variation is a SKU of its own with its own qty and price. */
import { type Static, Type } from 'typebox';
import { createVariation, getVariation, removeVariation, updateVariation } from '../catalog/products.ts';
import { VariationFields, VariationInput } from '../catalog/schemas.ts';
import { Variation } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import { noContent } from './products.ts';
import { errorResponses, NoContent, SkuParams, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf, writeContext } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Variations'];

const variationExample = withExample(Variation, {
  sku: 'CAM-01-P',
  qty: 3,
  price: 49.9,
  promotional_price: null,
  status: 'enabled',
  ean: null,
  images: [],
  specifications: [{ key: 'Tamanho', value: 'P' }],
});

export function variationRoutes(api: SellerApi): void {
  api.post(
    '/products/:sku/variations',
    {
      schema: {
        operationId: 'createVariation',
        tags,
        summary: 'Add a variation to a product',
        security: sellerSecurity,
        params: SkuParams,
        body: withExample(Type.Union([Type.Object({ variation: VariationInput }), VariationInput]), {
          variation: { sku: 'CAM-01-P', qty: 3, specifications: [{ key: 'Tamanho', value: 'P' }] },
        }),
        response: { 201: variationExample, ...errorResponses(404) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const input = validate(VariationInput, unwrap(request.body, 'variation'), 'variation');
      const variation: Static<typeof Variation> = await createVariation(
        api.db,
        writeContext(request),
        request.params.sku,
        input,
      );
      return reply.code(201).send(variation);
    },
  );

  api.get(
    '/variations/:sku',
    {
      schema: {
        operationId: 'getVariation',
        tags,
        summary: 'Read a variation',
        security: sellerSecurity,
        params: SkuParams,
        response: { 200: variationExample, ...errorResponses(404) },
      },
    },
    (request): Promise<Static<typeof Variation>> =>
      getVariation(api.db, principalOf(request).accountId, request.params.sku),
  );

  api.put(
    '/variations/:sku',
    {
      schema: {
        operationId: 'updateVariation',
        tags,
        summary: 'Update a variation (stock: `qty`; price: `price`, `promotional_price`)',
        security: sellerSecurity,
        params: SkuParams,
        body: withExample(Type.Union([Type.Object({ variation: VariationFields }), VariationFields]), {
          variation: { qty: 5, price: 44.9 },
        }),
        response: { 204: NoContent, ...errorResponses(404, 409, 422) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const fields = validate(VariationFields, unwrap(request.body, 'variation'), 'variation');
      await updateVariation(api.db, writeContext(request), request.params.sku, fields);
      return noContent(reply);
    },
  );

  api.delete(
    '/variations/:sku',
    {
      schema: {
        operationId: 'removeVariation',
        tags,
        summary: 'Remove a variation',
        security: sellerSecurity,
        params: SkuParams,
        // A DELETE may still carry a body: too large (413) or not JSON (415).
        response: { 204: NoContent, ...errorResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      await removeVariation(api.db, writeContext(request), request.params.sku);
      return noContent(reply);
    },
  );
}
