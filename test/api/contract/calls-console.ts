/**
 * Calls exercising the operations of session, webhooks, dashboard, catalog search, the listings
 * list: see harness.ts.
 */
import type { ContractCall, Hub } from './harness.ts';

const hookUrl = 'https://erp.example.com/cais/events';

async function webhook(hub: Hub, events: string[] = ['order.created']): Promise<number> {
  const res = await hub.request('POST', '/webhooks', { webhook: { url: hookUrl, events } });
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${res.text}`);
  return (res.body as { webhook: { id: number } }).webhook.id;
}

/** A webhook listening to order.created, and a test order that gave it one delivery. */
async function delivered(hub: Hub): Promise<{ hook: number; delivery: number }> {
  const hook = await webhook(hub);
  const order = await hub.request('POST', '/orders', {
    order: { items: [{ id: hub.unique('WH'), qty: 1, original_price: 10 }] },
  });
  if (order.status !== 201) throw new Error(`order: ${order.status} ${order.text}`);
  const log = await hub.request('GET', `/webhooks/${hook}/deliveries`);
  const [first] = (log.body as { deliveries: { id: number }[] }).deliveries;
  if (!first) throw new Error(`no delivery for webhook ${hook}: ${log.text}`);
  return { hook, delivery: first.id };
}

/** Logs the seller's owner in; answers the session cookie and the CSRF token. */
async function loggedIn(hub: Hub): Promise<{ cookie: string; csrf: string }> {
  const res = await hub.request('POST', '/session', login(hub));
  if (res.status !== 201) throw new Error(`login: ${res.status} ${res.text}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: (res.body as { csrf_token: string }).csrf_token };
}

const login = (hub: Hub) => ({ email: hub.world.t.seller.email, password: 'secret-password' });

export const calls: ContractCall[] = [
  {
    operation: 'logIn',
    name: "the owner's password",
    status: 201,
    send: (hub) => hub.request('POST', '/session', login(hub)),
  },
  {
    operation: 'logIn',
    name: 'a wrong password',
    status: 401,
    send: (hub) => hub.request('POST', '/session', { ...login(hub), password: 'not it' }),
  },
  {
    operation: 'getSession',
    name: 'the session',
    status: 200,
    send: async (hub) => hub.request('GET', '/session', undefined, { cookie: (await loggedIn(hub)).cookie }),
  },
  {
    operation: 'getSession',
    name: 'no session',
    status: 401,
    send: (hub) => hub.request('GET', '/session'),
  },
  {
    operation: 'logOut',
    name: 'with the CSRF token',
    status: 204,
    send: async (hub) => {
      const { cookie, csrf } = await loggedIn(hub);
      return hub.request('DELETE', '/session', undefined, { cookie, 'x-csrf-token': csrf });
    },
  },
  {
    operation: 'logOut',
    name: 'without the CSRF token',
    status: 403,
    send: async (hub) =>
      hub.request('DELETE', '/session', undefined, { cookie: (await loggedIn(hub)).cookie }),
  },
  {
    operation: 'getDashboard',
    name: 'the Mercado Livre connection',
    status: 200,
    send: (hub) => hub.request('GET', '/dashboard'),
  },
  {
    operation: 'searchCatalog',
    name: 'a name without its accents',
    status: 200,
    send: async (hub) => {
      const sku = hub.unique('GT');
      await hub.request('POST', '/products', {
        product: { sku, name: 'Garrafa Térmica', qty: 1, price: 10 },
      });
      return hub.request('GET', '/catalog/search?q=termica');
    },
  },
  {
    operation: 'searchCatalog',
    name: 'no q',
    status: 400,
    send: (hub) => hub.request('GET', '/catalog/search'),
  },
  {
    operation: 'listListingsOfSkus',
    name: 'two SKUs',
    status: 200,
    send: async (hub) => {
      const skus = [hub.unique('LS'), hub.unique('LS')];
      for (const sku of skus)
        await hub.request('POST', '/products', {
          product: { sku, name: `Produto ${sku}`, qty: 1, price: 10 },
        });
      return hub.request('GET', `/listings?sku=${skus[0]}&sku=${skus[1]}`);
    },
  },
  {
    operation: 'listListingsOfSkus',
    name: 'no SKU',
    status: 400,
    send: (hub) => hub.request('GET', '/listings'),
  },
  {
    operation: 'createWebhook',
    name: 'an endpoint for order events',
    status: 201,
    send: (hub) =>
      hub.request('POST', '/webhooks', {
        webhook: { url: hookUrl, events: ['order.created', 'order.updated'] },
      }),
  },
  {
    operation: 'createWebhook',
    name: 'a URL that is not one',
    status: 400,
    send: (hub) => hub.request('POST', '/webhooks', { url: 'not a url', events: ['order.created'] }),
  },
  {
    operation: 'listWebhooks',
    name: 'the endpoints',
    status: 200,
    send: async (hub) => {
      await webhook(hub);
      return hub.request('GET', '/webhooks');
    },
  },
  {
    operation: 'getWebhook',
    name: 'an endpoint',
    status: 200,
    send: async (hub) => hub.request('GET', `/webhooks/${await webhook(hub)}`),
  },
  {
    operation: 'getWebhook',
    name: 'an unknown endpoint',
    status: 404,
    send: (hub) => hub.request('GET', '/webhooks/999999'),
  },
  {
    operation: 'updateWebhook',
    name: 'disabling an endpoint',
    status: 200,
    send: async (hub) =>
      hub.request('PUT', `/webhooks/${await webhook(hub)}`, {
        webhook: { url: hookUrl, events: ['order.updated'], status: 'disabled' },
      }),
  },
  {
    operation: 'deleteWebhook',
    name: 'an endpoint',
    status: 204,
    send: async (hub) => hub.request('DELETE', `/webhooks/${await webhook(hub)}`),
  },
  {
    operation: 'deleteWebhook',
    name: 'an unknown endpoint',
    status: 404,
    send: (hub) => hub.request('DELETE', '/webhooks/999999'),
  },
  {
    operation: 'rotateWebhookSecret',
    name: 'a new secret',
    status: 200,
    send: async (hub) => hub.request('POST', `/webhooks/${await webhook(hub)}/rotate_secret`),
  },
  {
    operation: 'listWebhookDeliveries',
    name: 'the delivery of a new order',
    status: 200,
    send: async (hub) => hub.request('GET', `/webhooks/${(await delivered(hub)).hook}/deliveries`),
  },
  {
    operation: 'listWebhookDeliveries',
    name: 'an unknown status filter',
    status: 400,
    send: async (hub) => hub.request('GET', `/webhooks/${await webhook(hub)}/deliveries?status=lost`),
  },
  {
    operation: 'getWebhookDeliveryBody',
    name: 'the signed body',
    status: 200,
    send: async (hub) => {
      const { hook, delivery } = await delivered(hub);
      return hub.request('GET', `/webhooks/${hook}/deliveries/${delivery}/body`);
    },
  },
  {
    operation: 'getWebhookDeliveryBody',
    name: 'an unknown delivery',
    status: 404,
    send: async (hub) => hub.request('GET', `/webhooks/${await webhook(hub)}/deliveries/999999/body`),
  },
  {
    operation: 'replayWebhookDeliveries',
    name: 'no dead letters',
    status: 200,
    send: async (hub) => hub.request('POST', `/webhooks/${await webhook(hub)}/replay`, {}),
  },
];
