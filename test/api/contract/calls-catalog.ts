/**
 * Calls exercising the operations of products, variations, categories and attributes, bulk stock and price, sale systems, statuses, account, rehub: see harness.ts.
 */
import type { ContractCall, Hub } from './harness.ts';

const newProduct = (hub: Hub, extra: Record<string, unknown> = {}) => {
  const sku = hub.unique('CT');
  return { sku, name: `Produto ${sku}`, qty: 5, price: 19.9, ...extra };
};

async function createdProduct(hub: Hub): Promise<string> {
  const product = newProduct(hub);
  const res = await hub.request('POST', '/products', { product });
  if (res.status !== 201) throw new Error(`create ${product.sku}: ${res.status} ${res.text}`);
  return product.sku;
}

export const calls: ContractCall[] = [
  {
    operation: 'createProduct',
    name: 'a simple product',
    status: 201,
    send: (hub) => hub.request('POST', '/products', { product: newProduct(hub) }),
  },
  {
    operation: 'createProduct',
    name: 'a negative qty',
    status: 400,
    send: (hub) => hub.request('POST', '/products', { product: newProduct(hub, { qty: -1 }) }),
  },
  {
    operation: 'createProduct',
    name: 'no credentials',
    status: 401,
    send: (hub) => hub.request('POST', '/products', { product: newProduct(hub) }, { 'x-api-key': 'wrong' }),
  },
  {
    operation: 'getProduct',
    name: 'a product',
    status: 200,
    send: async (hub) => hub.request('GET', `/products/${await createdProduct(hub)}`),
  },
  {
    operation: 'getProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('GET', '/products/NO-SUCH-SKU'),
  },
  {
    operation: 'listProducts',
    name: 'a page with a next cursor',
    status: 200,
    send: async (hub) => {
      await createdProduct(hub);
      await createdProduct(hub);
      return hub.request('GET', '/products?per_page=1');
    },
  },
  {
    operation: 'listProducts',
    name: 'a cursor this server did not issue',
    status: 400,
    send: (hub) => hub.request('GET', '/products?cursor=bm9wZQ'),
  },
  {
    operation: 'updateProduct',
    name: 'stock and price',
    status: 204,
    send: async (hub) =>
      hub.request('PUT', `/products/${await createdProduct(hub)}`, { product: { qty: 2, price: 25 } }),
  },
  {
    operation: 'updateProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('PUT', '/products/NO-SUCH-SKU', { product: { qty: 1 } }),
  },
  {
    operation: 'updateProduct',
    name: 'an older stamp than the last accepted',
    status: 409,
    send: async (hub) => {
      const sku = await createdProduct(hub);
      await hub.request('PUT', `/products/${sku}`, { product: { qty: 2, sequence: 5 } });
      return hub.request('PUT', `/products/${sku}`, { product: { qty: 3, sequence: 4 } });
    },
  },
  {
    operation: 'updateProduct',
    name: 'a promotional price above the price',
    status: 422,
    send: async (hub) =>
      hub.request('PUT', `/products/${await createdProduct(hub)}`, { product: { promotional_price: 99 } }),
  },
  {
    operation: 'updateProduct',
    name: 'an unknown field',
    status: 400,
    send: async (hub) =>
      hub.request('PUT', `/products/${await createdProduct(hub)}`, { product: { quantity: 1 } }),
  },
  {
    operation: 'removeProduct',
    name: 'a product',
    status: 204,
    send: async (hub) => hub.request('DELETE', `/products/${await createdProduct(hub)}`),
  },
  {
    operation: 'removeProduct',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('DELETE', '/products/NO-SUCH-SKU'),
  },
  {
    operation: 'getProductHistory',
    name: 'a SKU with stock, price and catalog changes',
    status: 200,
    send: async (hub) => {
      const sku = await createdProduct(hub);
      await hub.request('PUT', `/products/${sku}`, { product: { qty: 1, price: 20, name: 'Outro' } });
      return hub.request('GET', `/products/${sku}/history`);
    },
  },
  {
    operation: 'getProductHistory',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('GET', '/products/NO-SUCH-SKU/history'),
  },
];

/**
 * Operations ("METHOD /path") no call exercises yet; live-responses.test.ts accepts them missing
 * an operationId or a success call only while they are listed here. To be emptied.
 */
export const pending: string[] = [
  'POST /products/{sku}/variations',
  'GET /variations/{sku}',
  'PUT /variations/{sku}',
  'DELETE /variations/{sku}',
  'GET /categories',
  'POST /categories',
  'PUT /categories/{code}',
  'DELETE /categories/{code}',
  'GET /attributes',
  'POST /attributes',
  'PUT /attributes/{name}',
  'PUT /stocks',
  'PUT /prices',
  'GET /sale_systems',
  'GET /statuses',
  'POST /statuses',
  'PUT /statuses/{code}',
  'GET /status_types',
  'GET /account/api-keys',
  'POST /account/api-keys',
  'DELETE /account/api-keys/{id}',
  'GET /account/users',
  'POST /account/users',
  'DELETE /account/users/{id}',
  'POST /auth',
  'POST /rehub/product_actions',
  'GET /rehub/product_actions',
];
