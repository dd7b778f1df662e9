/**
 * The Amazon adapter (Selling Partner API, Amazon.com.br by default). Stock and price go one
 * Listings Items PATCH per item for small pushes and one JSON_LISTINGS_FEED for large ones (the
 * adapter chooses by size, see stock-price.ts); Amazon accepts first and applies later.
 */
import type { Capabilities, ChannelAdapter } from '../adapter.ts';
import { FailureClass } from '../errors.ts';
import { asArray, child, isObject, str } from '../json.ts';
import type { AmazonOptions } from './api.ts';
import { amazonApi, sellerFor } from './api.ts';
import { amazonAuthorizeUrl, amazonExchangeCode, amazonRefreshToken } from './auth.ts';
import { amChannelError } from './errors.ts';
import { AM_CONCURRENCY, AM_FEEDS, AM_HOSTS } from './facts.ts';
import { findBySku, publish, readListing, unpublish } from './listings.ts';
import { pushOrderStatus } from './order-status.ts';
import { getOrder, listOrders } from './orders.ts';
import { pushPrice, pushStock } from './stock-price.ts';

export type { AmazonOptions } from './api.ts';

export function createAmazonAdapter(options: AmazonOptions = {}): ChannelAdapter {
  const api = amazonApi(options);
  const capabilities: Capabilities = {
    // A push this large goes in one feed; a run's smaller batches are PATCHed item by item.
    stockBatchSize: AM_FEEDS.batchSize,
    priceBatchSize: AM_FEEDS.batchSize,
    concurrency: AM_CONCURRENCY,
    rates: api.profile.rates,
    asyncAcceptance: true,
    readBack: true,
    promotionalPrice: 'window',
    auth: 'oauth',
  };
  return {
    channel: 'amazon',
    defaultBaseUrl: AM_HOSTS.api,
    capabilities,
    authorizeUrl: amazonAuthorizeUrl,
    exchangeCode: (args) => amazonExchangeCode(args, api.profile.retry),
    refreshToken: (baseUrl, credentials) => amazonRefreshToken(baseUrl, credentials, api.profile.retry),
    /**
     * getMarketplaceParticipations [SPM] proves the token; the seller id comes from the consent
     * (or the seller), and its marketplace must be one the seller sells on.
     */
    async testConnection(ctx) {
      const seller = await sellerFor(ctx);
      const body = await api.json(
        ctx,
        {
          sp: 'sellers.participations',
          operation: 'read',
          method: 'GET',
          path: '/sellers/v1/marketplaceParticipations',
        },
        'marketplaceParticipations',
      );
      const here = asArray(body.payload)
        .filter(isObject)
        .find((entry) => str(child(entry, 'marketplace').id) === seller.marketplaceId);
      if (here === undefined) {
        throw amChannelError(
          FailureClass.permanent,
          'amazon.marketplace_not_participating',
          `the seller does not sell on marketplace ${seller.marketplaceId}`,
          { hint: 'Set extra.marketplaceId on the connection to a marketplace the Amazon account sells on.' },
        );
      }
      return { sellerId: seller.sellerId, name: str(here.storeName) };
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

/** The adapter with Amazon's documented limits. */
export const amazon: ChannelAdapter = createAmazonAdapter();
