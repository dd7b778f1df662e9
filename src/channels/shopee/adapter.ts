/**
 * The Shopee adapter (Open Platform v2, Brazil). Every request is signed; failures arrive inside
 * HTTP 200 envelopes; stock and price take one item per call with its models, and apply at once.
 */
import type { Capabilities, ChannelAdapter } from '../adapter.ts';
import { str } from '../json.ts';
import type { ShopeeOptions } from './api.ts';
import { shopeeApi } from './api.ts';
import { shopeeAuthorizeUrl, shopeeExchangeCode, shopeeRefreshToken } from './auth.ts';
import { SP_CONCURRENCY, SP_HOST, SP_PRODUCTS } from './facts.ts';
import { findBySku, publish, readListing, unpublish } from './listings.ts';
import { pushOrderStatus } from './order-status.ts';
import { getOrder, listOrders } from './orders.ts';
import { pushPrice, pushStock } from './stock-price.ts';

export type { ShopeeOptions } from './api.ts';

export function createShopeeAdapter(options: ShopeeOptions = {}): ChannelAdapter {
  const api = shopeeApi(options);
  const capabilities: Capabilities = {
    // Updates of one item's models travel in one call; different items in calls of their own.
    stockBatchSize: SP_PRODUCTS.maxModelsPerCall,
    priceBatchSize: SP_PRODUCTS.maxModelsPerCall,
    concurrency: SP_CONCURRENCY,
    rates: api.profile.rates,
    asyncAcceptance: false,
    readBack: true,
    promotionalPrice: 'none',
    auth: 'oauth',
  };
  return {
    channel: 'shopee',
    defaultBaseUrl: SP_HOST,
    capabilities,
    authorizeUrl: (start) => shopeeAuthorizeUrl(start, api.clock()),
    exchangeCode: (args) => shopeeExchangeCode(args, api.profile.retry, api.clock),
    refreshToken: (baseUrl, credentials) =>
      shopeeRefreshToken(baseUrl, credentials, api.profile.retry, api.clock),
    /** [2nd] get_item_limit is the cheapest signed shop call: it proves the sign, the token and the shop. */
    async testConnection(ctx) {
      await api.call(ctx, { operation: 'read', method: 'GET', path: '/api/v2/product/get_item_limit' });
      const credentials = await ctx.credentials.current();
      return { sellerId: str(credentials.sellerId) ?? '' };
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
  };
}

/** The adapter with Cais's default rates for Shopee. */
export const shopee: ChannelAdapter = createShopeeAdapter();
