/**
 * Calls exercising the operations of products, variations, categories and attributes, bulk stock and price, sale systems, statuses, account, rehub: see harness.ts.
 */
import type { ContractCall, Hub } from './harness.ts';

const newProduct = (hub: Hub, extra: Record<string, unknown> = {}) => {
  const sku = hub.unique('CT');
  return { sku, name: `Produto ${sku}`, qty: 5, price: 19.9, ...extra };
};

/** A product with one variation; answers the variation's SKU. */
async function createdVariation(hub: Hub): Promise<string> {
  const parent = await createdProduct(hub);
  const sku = `${parent}-V`;
  const res = await hub.request('POST', `/products/${parent}/variations`, { variation: { sku, qty: 1 } });
  if (res.status !== 201) throw new Error(`create variation ${sku}: ${res.status} ${res.text}`);
  return sku;
}

async function createdProduct(hub: Hub): Promise<string> {
  const product = newProduct(hub);
  const res = await hub.request('POST', '/products', { product });
  if (res.status !== 201) throw new Error(`create ${product.sku}: ${res.status} ${res.text}`);
  return product.sku;
}

async function createdCategory(hub: Hub): Promise<string> {
  const code = hub.unique('cat');
  const res = await hub.request('POST', '/categories', { category: { code, name: `Categoria ${code}` } });
  if (res.status !== 201) throw new Error(`create category ${code}: ${res.status} ${res.text}`);
  return code;
}

async function createdAttribute(hub: Hub): Promise<string> {
  const name = hub.unique('Cor');
  const res = await hub.request('POST', '/attributes', { attribute: { name, options: ['Azul'] } });
  if (res.status !== 201) throw new Error(`create attribute ${name}: ${res.status} ${res.text}`);
  return name;
}

async function createdStatus(hub: Hub): Promise<string> {
  const code = hub.unique('st');
  const res = await hub.request('POST', '/statuses', {
    status: { code, label: `Status ${code}`, type: 'APPROVED' },
  });
  if (res.status !== 201) throw new Error(`create status ${code}: ${res.status} ${res.text}`);
  return code;
}

interface ConsoleLogin {
  userId: number;
  /** The session cookie and CSRF token, with SkyHub's headers blanked so the cookie counts. */
  headers: Record<string, string>;
}

const logins = new WeakMap<Hub, Promise<ConsoleLogin>>();

/** The seller's owner logged into the console, once per hub (logins are rate limited). */
function consoleLogin(hub: Hub): Promise<ConsoleLogin> {
  let login = logins.get(hub);
  if (!login) {
    login = (async () => {
      const { email } = hub.world.t.seller;
      const res = await hub.request('POST', '/session', { email, password: 'secret-password' });
      if (res.status !== 201) throw new Error(`console login: ${res.status} ${res.text}`);
      const body = res.body as { user: { id: number }; csrf_token: string };
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return {
        userId: body.user.id,
        headers: { 'x-user-email': '', 'x-api-key': '', cookie, 'x-csrf-token': body.csrf_token },
      };
    })();
    logins.set(hub, login);
  }
  return login;
}

async function asOwner(hub: Hub, method: string, path: string, body?: unknown) {
  return hub.request(method, path, body, (await consoleLogin(hub)).headers);
}

async function createdApiKey(hub: Hub): Promise<number> {
  const res = await asOwner(hub, 'POST', '/account/api-keys', { name: hub.unique('key') });
  if (res.status !== 201) throw new Error(`create API key: ${res.status} ${res.text}`);
  return (res.body as { api_key: { id: number } }).api_key.id;
}

async function createdUser(hub: Hub): Promise<number> {
  const email = `${hub.unique('user')}@loja.example.com`;
  const res = await asOwner(hub, 'POST', '/account/users', {
    email,
    password: 'a long password',
    role: 'viewer',
  });
  if (res.status !== 201) throw new Error(`create user: ${res.status} ${res.text}`);
  return (res.body as { user: { id: number } }).user.id;
}

const tokens = new WeakMap<Hub, Promise<string>>();

/** A Rehub token for the seller, once per hub. */
function rehubToken(hub: Hub): Promise<string> {
  let token = tokens.get(hub);
  if (!token) {
    token = (async () => {
      const { email, apiKey } = hub.world.t.seller;
      const res = await hub.request('POST', '/auth', { user_email: email, api_key: apiKey });
      if (res.status !== 200) throw new Error(`rehub token: ${res.status} ${res.text}`);
      return (res.body as { token: string }).token;
    })();
    tokens.set(hub, token);
  }
  return token;
}

async function asRehub(hub: Hub, method: string, path: string, body?: unknown) {
  return hub.request(method, path, body, { authorization: `Bearer ${await rehubToken(hub)}` });
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
  {
    operation: 'createVariation',
    name: 'a variation of a product',
    status: 201,
    send: async (hub) => {
      const parent = await createdProduct(hub);
      return hub.request('POST', `/products/${parent}/variations`, {
        variation: { sku: `${parent}-P`, qty: 2, specifications: [{ key: 'Tamanho', value: 'P' }] },
      });
    },
  },
  {
    operation: 'createVariation',
    name: 'an unknown product',
    status: 404,
    send: (hub) =>
      hub.request('POST', '/products/NO-SUCH-SKU/variations', { variation: { sku: hub.unique('V') } }),
  },
  {
    operation: 'createVariation',
    name: 'a SKU already taken',
    status: 409,
    send: async (hub) => {
      const parent = await createdProduct(hub);
      return hub.request('POST', `/products/${parent}/variations`, { variation: { sku: parent } });
    },
  },
  {
    operation: 'createVariation',
    name: 'a promotional price above its price',
    status: 422,
    send: async (hub) =>
      hub.request('POST', `/products/${await createdProduct(hub)}/variations`, {
        variation: { sku: hub.unique('V'), price: 10, promotional_price: 12 },
      }),
  },
  {
    operation: 'createVariation',
    name: 'no SKU',
    status: 400,
    send: async (hub) =>
      hub.request('POST', `/products/${await createdProduct(hub)}/variations`, { variation: { qty: 1 } }),
  },
  {
    operation: 'getVariation',
    name: 'a variation',
    status: 200,
    send: async (hub) => hub.request('GET', `/variations/${await createdVariation(hub)}`),
  },
  {
    operation: 'getVariation',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('GET', '/variations/NO-SUCH-SKU'),
  },
  {
    operation: 'updateVariation',
    name: 'stock and price',
    status: 204,
    send: async (hub) =>
      hub.request('PUT', `/variations/${await createdVariation(hub)}`, { variation: { qty: 4, price: 30 } }),
  },
  {
    operation: 'updateVariation',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('PUT', '/variations/NO-SUCH-SKU', { variation: { qty: 1 } }),
  },
  {
    operation: 'updateVariation',
    name: 'an older stamp than the last accepted',
    status: 409,
    send: async (hub) => {
      const sku = await createdVariation(hub);
      await hub.request('PUT', `/variations/${sku}`, { variation: { qty: 2, sequence: 5 } });
      return hub.request('PUT', `/variations/${sku}`, { variation: { qty: 3, sequence: 4 } });
    },
  },
  {
    operation: 'updateVariation',
    name: 'a promotional price above the price',
    status: 422,
    send: async (hub) =>
      hub.request('PUT', `/variations/${await createdVariation(hub)}`, {
        variation: { promotional_price: 99 },
      }),
  },
  {
    operation: 'updateVariation',
    name: 'a negative qty',
    status: 400,
    send: async (hub) =>
      hub.request('PUT', `/variations/${await createdVariation(hub)}`, { variation: { qty: -1 } }),
  },
  {
    operation: 'removeVariation',
    name: 'a variation',
    status: 204,
    send: async (hub) => hub.request('DELETE', `/variations/${await createdVariation(hub)}`),
  },
  {
    operation: 'removeVariation',
    name: 'an unknown SKU',
    status: 404,
    send: (hub) => hub.request('DELETE', '/variations/NO-SUCH-SKU'),
  },
  {
    operation: 'listCategories',
    name: "the account's categories",
    status: 200,
    send: async (hub) => {
      await createdCategory(hub);
      return hub.request('GET', '/categories');
    },
  },
  {
    operation: 'saveCategories',
    name: 'an array of categories',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/categories', {
        category: [
          { code: hub.unique('cat'), name: 'Camisetas' },
          { code: hub.unique('cat'), name: 'Bermudas' },
        ],
      }),
  },
  {
    operation: 'saveCategories',
    name: 'a code sent twice',
    status: 400,
    send: (hub) => {
      const code = hub.unique('cat');
      return hub.request('POST', '/categories', {
        category: [
          { code, name: 'Camisetas' },
          { code, name: 'Regatas' },
        ],
      });
    },
  },
  {
    operation: 'renameCategory',
    name: 'a category',
    status: 204,
    send: async (hub) =>
      hub.request('PUT', `/categories/${await createdCategory(hub)}`, { category: { name: 'Outro nome' } }),
  },
  {
    operation: 'renameCategory',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('PUT', '/categories/no-such-code', { category: { name: 'Outro nome' } }),
  },
  {
    operation: 'renameCategory',
    name: 'an empty name',
    status: 400,
    send: async (hub) =>
      hub.request('PUT', `/categories/${await createdCategory(hub)}`, { category: { name: '' } }),
  },
  {
    operation: 'removeCategory',
    name: 'a category',
    status: 204,
    send: async (hub) => hub.request('DELETE', `/categories/${await createdCategory(hub)}`),
  },
  {
    operation: 'removeCategory',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('DELETE', '/categories/no-such-code'),
  },
  {
    operation: 'listAttributes',
    name: "the account's attributes",
    status: 200,
    send: async (hub) => {
      await createdAttribute(hub);
      return hub.request('GET', '/attributes');
    },
  },
  {
    operation: 'saveAttribute',
    name: 'an attribute with options',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/attributes', { attribute: { name: hub.unique('Tamanho'), options: ['P', 'M'] } }),
  },
  {
    operation: 'saveAttribute',
    name: 'no name',
    status: 400,
    send: (hub) => hub.request('POST', '/attributes', { attribute: { label: 'Sem nome' } }),
  },
  {
    operation: 'updateAttribute',
    name: 'new options',
    status: 204,
    send: async (hub) =>
      hub.request('PUT', `/attributes/${await createdAttribute(hub)}`, { attribute: { options: ['G'] } }),
  },
  {
    operation: 'updateAttribute',
    name: 'an unknown name',
    status: 404,
    send: (hub) => hub.request('PUT', '/attributes/NoSuchAttribute', { attribute: { label: 'x' } }),
  },
  {
    operation: 'updateAttribute',
    name: 'options that are not a list',
    status: 400,
    send: async (hub) =>
      hub.request('PUT', `/attributes/${await createdAttribute(hub)}`, { attribute: { options: 'G' } }),
  },
  {
    operation: 'updateStocks',
    name: 'a known and an unknown SKU',
    status: 200,
    send: async (hub) =>
      hub.request('PUT', '/stocks', {
        stocks: [
          { sku: await createdProduct(hub), qty: 3 },
          { sku: 'NO-SUCH-SKU', qty: 1 },
        ],
      }),
  },
  {
    operation: 'updateStocks',
    name: 'a SKU sent twice',
    status: 400,
    send: (hub) =>
      hub.request('PUT', '/stocks', [
        { sku: 'A-1', qty: 1 },
        { sku: 'A-1', qty: 2 },
      ]),
  },
  {
    operation: 'updatePrices',
    name: 'an accepted and a refused price',
    status: 200,
    send: async (hub) =>
      hub.request('PUT', '/prices', {
        prices: [
          { sku: await createdProduct(hub), price: 30, promotional_price: 25 },
          { sku: await createdProduct(hub), promotional_price: 50 },
        ],
      }),
  },
  {
    operation: 'updatePrices',
    name: 'an item with neither price',
    status: 400,
    send: (hub) => hub.request('PUT', '/prices', { prices: [{ sku: 'A-1' }] }),
  },
  {
    operation: 'listSaleSystems',
    name: 'the Mercado Livre connection',
    status: 200,
    send: (hub) => hub.request('GET', '/sale_systems'),
  },
  {
    operation: 'listStatuses',
    name: "the defaults and the account's own",
    status: 200,
    send: async (hub) => {
      await createdStatus(hub);
      return hub.request('GET', '/statuses');
    },
  },
  {
    operation: 'createStatus',
    name: 'a code of the account',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/statuses', {
        status: { code: hub.unique('st'), label: 'Na transportadora', type: 'SHIPPED' },
      }),
  },
  {
    operation: 'createStatus',
    name: 'a default code',
    status: 409,
    send: (hub) =>
      hub.request('POST', '/statuses', { status: { code: 'book_product', label: 'Novo', type: 'NEW' } }),
  },
  {
    operation: 'createStatus',
    name: 'an unknown type',
    status: 400,
    send: (hub) =>
      hub.request('POST', '/statuses', { status: { code: hub.unique('st'), label: 'x', type: 'NOPE' } }),
  },
  {
    operation: 'updateStatus',
    name: 'a code of the account',
    status: 204,
    send: async (hub) =>
      hub.request('PUT', `/statuses/${await createdStatus(hub)}`, {
        status: { label: 'Faturado', type: 'INVOICED' },
      }),
  },
  {
    operation: 'updateStatus',
    name: 'an unknown code',
    status: 404,
    send: (hub) => hub.request('PUT', '/statuses/no-such-code', { status: { label: 'x', type: 'NEW' } }),
  },
  {
    operation: 'updateStatus',
    name: 'a default code',
    status: 400,
    send: (hub) => hub.request('PUT', '/statuses/book_product', { status: { label: 'x', type: 'NEW' } }),
  },
  {
    operation: 'listStatusTypes',
    name: 'the status types',
    status: 200,
    send: (hub) => hub.request('GET', '/status_types'),
  },
  {
    operation: 'listApiKeys',
    name: 'from a console login',
    status: 200,
    send: (hub) => asOwner(hub, 'GET', '/account/api-keys'),
  },
  {
    operation: 'listApiKeys',
    name: "from an ERP's API key",
    status: 403,
    send: (hub) => hub.request('GET', '/account/api-keys'),
  },
  {
    operation: 'createApiKey',
    name: 'a named key',
    status: 201,
    send: (hub) => asOwner(hub, 'POST', '/account/api-keys', { name: hub.unique('key') }),
  },
  {
    operation: 'createApiKey',
    name: 'an empty name',
    status: 400,
    send: (hub) => asOwner(hub, 'POST', '/account/api-keys', { name: '' }),
  },
  {
    operation: 'createApiKey',
    name: "from an ERP's API key",
    status: 403,
    send: (hub) => hub.request('POST', '/account/api-keys', { name: hub.unique('key') }),
  },
  {
    operation: 'revokeApiKey',
    name: 'a key',
    status: 200,
    send: async (hub) => asOwner(hub, 'DELETE', `/account/api-keys/${await createdApiKey(hub)}`),
  },
  {
    operation: 'revokeApiKey',
    name: 'an unknown key',
    status: 404,
    send: (hub) => asOwner(hub, 'DELETE', '/account/api-keys/999999'),
  },
  {
    operation: 'listUsers',
    name: 'from a console login',
    status: 200,
    send: (hub) => asOwner(hub, 'GET', '/account/users'),
  },
  {
    operation: 'listUsers',
    name: "from an ERP's API key",
    status: 403,
    send: (hub) => hub.request('GET', '/account/users'),
  },
  {
    operation: 'createUser',
    name: 'a viewer',
    status: 201,
    send: (hub) =>
      asOwner(hub, 'POST', '/account/users', {
        email: `${hub.unique('user')}@loja.example.com`,
        password: 'a long password',
        role: 'viewer',
      }),
  },
  {
    operation: 'createUser',
    name: 'an email already used',
    status: 409,
    send: async (hub) => {
      const user = {
        email: `${hub.unique('user')}@loja.example.com`,
        password: 'a long password',
        role: 'admin',
      };
      await asOwner(hub, 'POST', '/account/users', user);
      return asOwner(hub, 'POST', '/account/users', user);
    },
  },
  {
    operation: 'createUser',
    name: 'a short password',
    status: 400,
    send: (hub) =>
      asOwner(hub, 'POST', '/account/users', {
        email: `${hub.unique('user')}@loja.example.com`,
        password: 'short',
        role: 'viewer',
      }),
  },
  {
    operation: 'removeUser',
    name: 'a user',
    status: 200,
    send: async (hub) => asOwner(hub, 'DELETE', `/account/users/${await createdUser(hub)}`),
  },
  {
    operation: 'removeUser',
    name: 'an unknown user',
    status: 404,
    send: (hub) => asOwner(hub, 'DELETE', '/account/users/999999'),
  },
  {
    operation: 'removeUser',
    name: 'oneself',
    status: 400,
    send: async (hub) => asOwner(hub, 'DELETE', `/account/users/${(await consoleLogin(hub)).userId}`),
  },
  {
    operation: 'createRehubToken',
    name: "the seller's SkyHub credentials",
    status: 200,
    send: (hub) =>
      hub.request('POST', '/auth', {
        user_email: hub.world.t.seller.email,
        api_key: hub.world.t.seller.apiKey,
      }),
  },
  {
    operation: 'createRehubToken',
    name: 'a wrong API key',
    status: 401,
    send: (hub) => hub.request('POST', '/auth', { user_email: hub.world.t.seller.email, api_key: 'nope' }),
  },
  {
    operation: 'createRehubToken',
    name: 'no API key',
    status: 400,
    send: (hub) => hub.request('POST', '/auth', { user_email: hub.world.t.seller.email }),
  },
  {
    operation: 'createProductAction',
    name: 'link a product to the marketplaces',
    status: 201,
    send: async (hub) =>
      asRehub(hub, 'POST', '/rehub/product_actions', { type: 'link', sku: await createdProduct(hub) }),
  },
  {
    operation: 'createProductAction',
    name: 'an unknown connection',
    status: 404,
    send: async (hub) =>
      asRehub(hub, 'POST', '/rehub/product_actions', {
        type: 'link',
        sku: await createdProduct(hub),
        connection_id: 999999,
      }),
  },
  {
    operation: 'createProductAction',
    name: 'no SKU',
    status: 400,
    send: (hub) => asRehub(hub, 'POST', '/rehub/product_actions', { type: 'link' }),
  },
  {
    operation: 'createProductAction',
    name: 'no bearer token',
    status: 401,
    send: (hub) => hub.request('POST', '/rehub/product_actions', { type: 'link', sku: 'A-1' }),
  },
  {
    operation: 'listProductActions',
    name: 'the link actions, one of them failed',
    status: 200,
    send: async (hub) => {
      await asRehub(hub, 'POST', '/rehub/product_actions', { type: 'link', sku: await createdProduct(hub) });
      await asRehub(hub, 'POST', '/rehub/product_actions', { type: 'link', sku: 'NO-SUCH-SKU' });
      return asRehub(hub, 'GET', '/rehub/product_actions?type=link');
    },
  },
  {
    operation: 'listProductActions',
    name: 'no type',
    status: 400,
    send: (hub) => asRehub(hub, 'GET', '/rehub/product_actions'),
  },
  {
    operation: 'listProductActions',
    name: 'no bearer token',
    status: 401,
    send: (hub) => hub.request('GET', '/rehub/product_actions?type=link'),
  },
];
