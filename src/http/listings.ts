/** Routes to connect products to marketplaces and read their flags. */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { Connections } from '../connections/connections.ts';
import { invalid, isCaisError } from '../errors.ts';
import { messageFor } from '../i18n/errors.ts';
import { type Language, preferredLanguage } from '../i18n/language.ts';
import {
  connectProduct,
  disconnectProduct,
  productListings,
  republishProduct,
} from '../listings/listings.ts';
import { withExample } from './contract/common.ts';
import { BulkConnectResult, Listing, listingExample } from './contract/connections.ts';
import { errorResponses, SkuParams, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';

const tags = ['Listings'];
const ListingParams = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 100 }),
  connection: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const ConnectBody = Type.Object(
  {
    external_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Associate with this existing marketplace listing.',
      }),
    ),
    external_variation_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
const BULK_CONNECT_MAX = 100;
const BulkConnect = Type.Object(
  {
    connection_id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    skus: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: BULK_CONNECT_MAX,
    }),
  },
  { additionalProperties: false },
);

const Listings = withExample(Type.Object({ listings: Type.Array(Listing) }), { listings: [listingExample] });

export function listingRoutes(api: SellerApi, deps: Connections): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;
  const lang = (request: FastifyRequest): Language => preferredLanguage(request.headers['accept-language']);

  api.get(
    '/products/:sku/listings',
    {
      schema: {
        tags,
        operationId: 'listProductListings',
        summary: "A product's listings on every connection, with their flags",
        security: sellerSecurity,
        params: SkuParams,
        response: { 200: Listings, ...errorResponses(404) },
      },
    },
    async (request) => ({
      listings: await productListings(deps, account(request), request.params.sku, lang(request)),
    }),
  );

  api.post(
    '/products/:sku/listings/:connection',
    {
      schema: {
        tags,
        operationId: 'connectProduct',
        summary: 'Connect a product: associate an existing listing (by SKU or external_id) or publish it',
        security: sellerSecurity,
        params: ListingParams,
        body: Type.Optional(withExample(ConnectBody, { external_id: 'MLB4000000001' })),
        response: { 201: Listings, ...errorResponses(404, 422) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const body =
        request.body === undefined || request.body === null ? {} : validate(ConnectBody, request.body, '');
      await connectProduct(deps, account(request), request.params.sku, request.params.connection, {
        externalId: body.external_id,
        externalVariationId: body.external_variation_id,
      });
      const listings = await productListings(deps, account(request), request.params.sku, lang(request));
      return reply.code(201).send({ listings });
    },
  );

  api.post(
    '/products/:sku/listings/:connection/republish',
    {
      schema: {
        tags,
        operationId: 'republishListing',
        summary: 'Publish a closed listing again: a new listing, linked in place of the old one',
        security: sellerSecurity,
        params: ListingParams,
        // No body is declared, but one sent is still parsed (and refused when too large or not JSON).
        response: { 200: Listings, ...errorResponses(404, 413, 415, 422) },
      },
    },
    async (request) => ({
      listings: await republishProduct(
        deps,
        account(request),
        request.params.sku,
        request.params.connection,
        lang(request),
      ),
    }),
  );

  api.delete(
    '/products/:sku/listings/:connection',
    {
      schema: {
        tags,
        operationId: 'disconnectProduct',
        summary: 'Disconnect: take the product off sale there',
        security: sellerSecurity,
        params: ListingParams,
        response: { 200: Listings, ...errorResponses(404, 413, 415, 422) },
      },
    },
    async (request) => ({
      listings: await disconnectProduct(
        deps,
        account(request),
        request.params.sku,
        request.params.connection,
      ),
    }),
  );

  api.post(
    '/listings/connect',
    {
      schema: {
        tags,
        operationId: 'connectProducts',
        summary: `Connect up to ${BULK_CONNECT_MAX} SKUs to one connection`,
        security: sellerSecurity,
        body: withExample(BulkConnect, { connection_id: 1, skus: ['CAM-01', 'CAM-02'] }),
        response: {
          200: withExample(Type.Object({ results: Type.Array(BulkConnectResult) }), {
            results: [
              { sku: 'CAM-01', listings: [listingExample] },
              {
                sku: 'CAM-02',
                error: 'Não foi possível encontrar Product: CAM-02',
                code: 'product_not_found',
                params: { sku: 'CAM-02' },
              },
            ],
          }),
        },
      },
    },
    async (request) => {
      const { connection_id: connectionId, skus } = request.body;
      if (new Set(skus).size !== skus.length)
        throw invalid('skus: each SKU must appear once', {
          code: 'invalid_field',
          params: { field: 'skus', rule: 'unique' },
        });
      const results: Static<typeof BulkConnectResult>[] = [];
      for (const sku of skus) {
        try {
          results.push({ sku, listings: await connectProduct(deps, account(request), sku, connectionId) });
        } catch (error) {
          // One SKU's problem (unknown, not active...) must not stop the others; bugs still surface.
          if (!isCaisError(error)) throw error;
          const message = messageFor(error, lang(request)).text;
          results.push({ sku, error: message, code: error.code, params: error.params });
        }
      }
      return { results };
    },
  );
}
