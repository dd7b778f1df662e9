/**
 * The Mercado Livre adapter (classic items API, Brazil). One item per stock or price call, as
 * `PUT /items/{id}` takes one; writes apply at once and can be read back.
 */
import type { Capabilities, ChannelAdapter } from '../adapter.ts';
import type { MlOptions } from './api.ts';
import { asObject, mlApi, str } from './api.ts';
import { mlAuthorizeUrl, mlExchangeCode, mlRefreshToken } from './auth.ts';
import { ML_CONCURRENCY, ML_HOSTS, ML_ORDERS } from './facts.ts';
import { findBySku, publish, readListing, unpublish } from './listings.ts';
import { orderActionPolicy, pushOrderStatus } from './order-status.ts';
import { getOrder, listOrders } from './orders.ts';
import { pushPrice, pushStock } from './stock-price.ts';

export type { MlOptions } from './api.ts';

export function createMercadoLivreAdapter(options: MlOptions = {}): ChannelAdapter {
  const api = mlApi(options, options.ordersPageSize ?? ML_ORDERS.pageSize);
  const capabilities: Capabilities = {
    stockBatchSize: 1,
    priceBatchSize: 1,
    concurrency: ML_CONCURRENCY,
    rates: api.profile.rates,
    asyncAcceptance: false,
    readBack: true,
    promotionalPrice: 'window',
    auth: 'oauth',
  };
  return {
    channel: 'mercadolivre',
    defaultBaseUrl: ML_HOSTS.api,
    capabilities,
    authorizeUrl: mlAuthorizeUrl,
    exchangeCode: (args) => mlExchangeCode(args, api.profile.retry),
    refreshToken: (baseUrl, credentials) => mlRefreshToken(baseUrl, credentials, api.profile.retry),
    async testConnection(ctx) {
      const me = asObject(
        await api.call(ctx, { operation: 'read', method: 'GET', path: '/users/me' }),
        'users/me',
      );
      return { sellerId: str(me.id) ?? '', name: str(me.nickname) };
    },
    publish: (ctx, product) => publish(api, ctx, product),
    findBySku: (ctx, sku) => findBySku(api, ctx, sku),
    unpublish: (ctx, ref) => unpublish(api, ctx, ref),
    pushStock: (ctx, updates) => pushStock(api, ctx, updates),
    pushPrice: (ctx, updates) => pushPrice(api, ctx, updates),
    readListing: (ctx, ref) => readListing(api, ctx, ref),
    listOrders: (ctx, query) => listOrders(api, ctx, query),
    getOrder: (ctx, externalId) => getOrder(api, ctx, externalId),
    pushOrderStatus: (ctx, order, transition) => pushOrderStatus(api, ctx, order, transition),
    orderActionPolicy,
  };
}

/** The adapter with ML's documented behaviour and Cais's default rates. */
export const mercadoLivre: ChannelAdapter = createMercadoLivreAdapter();
