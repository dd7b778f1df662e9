/**
 * The Magalu adapter (Magalu Open API). One SKU per stock or price call, as the API takes one;
 * writes are accepted with 202 and applied later, and can be read back.
 */
import type { Capabilities, ChannelAdapter } from '../adapter.ts';
import type { MagaluOptions } from './api.ts';
import { magaluApi } from './api.ts';
import { magaluAuthorizeUrl, magaluExchangeCode, magaluRefreshToken, tenantOf } from './auth.ts';
import { MG_CONCURRENCY, MG_HOSTS } from './facts.ts';
import { findBySku, publish, readListing, unpublish } from './listings.ts';
import { orderActionPolicy, pushOrderStatus } from './order-status.ts';
import { getOrder, listOrders } from './orders.ts';
import { pushPrice, pushStock } from './stock-price.ts';

export type { MagaluOptions } from './api.ts';

export function createMagaluAdapter(options: MagaluOptions = {}): ChannelAdapter {
  const api = magaluApi(options);
  const capabilities: Capabilities = {
    stockBatchSize: 1,
    priceBatchSize: 1,
    concurrency: MG_CONCURRENCY,
    rates: api.profile.rates,
    asyncAcceptance: true,
    readBack: true,
    promotionalPrice: 'field',
    auth: 'oauth',
  };
  return {
    channel: 'magalu',
    defaultBaseUrl: MG_HOSTS.api,
    capabilities,
    authorizeUrl: magaluAuthorizeUrl,
    exchangeCode: (args) => magaluExchangeCode(args, api.profile.retry),
    refreshToken: (baseUrl, credentials) => magaluRefreshToken(baseUrl, credentials, api.profile.retry),
    /** [unverified] no "who am I" call was collected: one SKU page proves the token and its scopes. */
    async testConnection(ctx) {
      await api.call(ctx, {
        operation: 'read',
        method: 'GET',
        path: '/seller/v1/portfolios/skus',
        query: { _limit: 1 },
      });
      const credentials = await ctx.credentials.current();
      return { sellerId: credentials.sellerId ?? tenantOf(credentials.accessToken ?? '') ?? '' };
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

/** The adapter with Magalu's documented behaviour and Cais's default rates. */
export const magalu: ChannelAdapter = createMagaluAdapter();
