/** SkyHub's product routes, plus Cais's per-SKU history. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { listProducts, productHistory } from '../catalog/browse.ts';
import { createProduct, getProduct, removeProduct, updateProduct } from '../catalog/products.ts';
import { MAX_QTY, ProductFields, ProductInput } from '../catalog/schemas.ts';
import { Product, ProductHistory, ProductPage, productFields } from './contract/catalog.ts';
import { withExample } from './contract/common.ts';
import { errorResponses, NoContent, SkuParams, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf, writeContext } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Products'];

const productExample = withExample(Product, productFields);

const historyExample = withExample(ProductHistory, {
  sku: 'CAM-01',
  stock_version: 2,
  price_version: 1,
  changes: [
    {
      id: 41,
      resource: 'stock',
      version: 2,
      old: { qty: 7 },
      new: { qty: 3 },
      actor: 'api_key:1',
      changed_at: '2026-03-02T14:05:00.000Z',
    },
  ],
});

const ListQuery = Type.Object({
  sku: Type.Optional(Type.String({ maxLength: 100 })),
  name: Type.Optional(Type.String({ maxLength: 500 })),
  status: Type.Optional(Type.Union([Type.Literal('enabled'), Type.Literal('disabled')])),
  qty_from: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_QTY })),
  qty_to: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_QTY })),
  categories: Type.Optional(Type.String({ maxLength: 100, description: 'A category code.' })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  per_page: Type.Optional(
    Type.Integer({ minimum: 1, description: 'At most 100; larger values are capped.' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

const HistoryQuery = Type.Object({
  resource: Type.Optional(
    Type.Union([
      Type.Literal('stock'),
      Type.Literal('price'),
      Type.Literal('catalog'),
      Type.Literal('lifecycle'),
    ]),
  ),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Only changes older than this change id.',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const ProductBody = Type.Union([Type.Object({ product: ProductFields }), ProductFields], {
  description: 'The product wrapped in `product` (as SkyHub documents) or unwrapped; any subset of fields.',
});

export function productRoutes(api: SellerApi): void {
  api.post(
    '/products',
    {
      schema: {
        operationId: 'createProduct',
        tags,
        summary: 'Create a product (with its variations)',
        security: sellerSecurity,
        body: withExample(Type.Union([Type.Object({ product: ProductInput }), ProductInput]), {
          product: { sku: 'CAM-01', name: 'Camiseta básica', qty: 7, price: 49.9, brand: 'Cais' },
        }),
        response: { 201: productExample, ...errorResponses() },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const input = validate(ProductInput, unwrap(request.body, 'product'), 'product');
      const product = await createProduct(api.db, writeContext(request), input);
      return reply.code(201).send(product);
    },
  );

  api.get(
    '/products',
    {
      schema: {
        operationId: 'listProducts',
        tags,
        summary: 'List products (page/per_page, or the cursor in `next`)',
        security: sellerSecurity,
        querystring: ListQuery,
        response: {
          200: withExample(ProductPage, {
            products: [productFields],
            total: 1,
            next: 'https://cais.example.com/products?per_page=1&cursor=cDox',
          }),
          ...errorResponses(),
        },
      },
    },
    async (request): Promise<Static<typeof ProductPage>> => {
      const q = request.query;
      const page = await listProducts(
        api.db,
        {
          accountId: principalOf(request).accountId,
          sku: q.sku,
          name: q.name,
          status: q.status,
          qtyFrom: q.qty_from,
          qtyTo: q.qty_to,
          category: q.categories,
        },
        { page: q.page, perPage: q.per_page, cursor: q.cursor },
      );
      const next = page.nextCursor ? nextLink(request, page.nextCursor) : undefined;
      return { products: page.products, total: page.total, ...(next ? { next } : {}) };
    },
  );

  api.get(
    '/products/:sku',
    {
      schema: {
        operationId: 'getProduct',
        tags,
        summary: 'Read a product',
        security: sellerSecurity,
        params: SkuParams,
        response: { 200: productExample, ...errorResponses(404) },
      },
    },
    (request) => getProduct(api.db, principalOf(request).accountId, request.params.sku),
  );

  api.put(
    '/products/:sku',
    {
      schema: {
        operationId: 'updateProduct',
        tags,
        summary: 'Update a product: any subset of fields (stock: `qty`; price: `price`, `promotional_price`)',
        security: sellerSecurity,
        params: SkuParams,
        body: withExample(ProductBody, { product: { qty: 3, price: 59.9, promotional_price: 49.9 } }),
        response: { 204: NoContent, ...errorResponses(404, 409, 422) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const fields = validate(ProductFields, unwrap(request.body, 'product'), 'product');
      await updateProduct(api.db, writeContext(request), request.params.sku, fields);
      return noContent(reply);
    },
  );

  api.delete(
    '/products/:sku',
    {
      schema: {
        operationId: 'removeProduct',
        tags,
        summary: 'Remove a product and its variations',
        security: sellerSecurity,
        params: SkuParams,
        // A DELETE may still carry a body: too large (413) or not JSON (415).
        response: { 204: NoContent, ...errorResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      await removeProduct(api.db, writeContext(request), request.params.sku);
      return noContent(reply);
    },
  );

  api.get(
    '/products/:sku/history',
    {
      schema: {
        operationId: 'getProductHistory',
        tags,
        summary: 'The accepted changes of a SKU (product or variation), newest first',
        security: sellerSecurity,
        params: SkuParams,
        querystring: HistoryQuery,
        response: { 200: historyExample, ...errorResponses(404) },
      },
    },
    (request): Promise<Static<typeof ProductHistory>> =>
      productHistory(api.db, principalOf(request).accountId, request.params.sku, {
        resource: request.query.resource,
        before: request.query.before,
        limit: request.query.limit ?? 50,
      }),
  );
}

/** SkyHub answers 204 for updates; some PHP clients crash on a response without a Content-Type. */
export function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).header('content-type', 'application/json').send();
}

function nextLink(request: FastifyRequest, cursor: string): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.delete('page');
  url.searchParams.set('cursor', cursor);
  return url.toString();
}
