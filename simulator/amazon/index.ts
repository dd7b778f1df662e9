import type { ChannelModule } from '../core/channel.ts';
import type { SimContext } from '../core/context.ts';
import { mountErrors } from '../core/errors-plumbing.ts';
import { ChannelFaults } from '../core/faults.ts';
import { TokenStore } from '../core/oauth.ts';
import { ChannelLimits } from '../core/rate-limit.ts';
import { AM_TOKEN_FORMATS, authenticateAmazon, registerAmAuth } from './auth.ts';
import { AM_DEFAULTS, createAmControl, newAmApp } from './control.ts';
import type { AmDeps, AmSettings } from './deps.ts';
import { AM_CHANNEL } from './deps.ts';
import { AM_TOO_MANY_REQUESTS, amError, amServerError, formatRate, sendAmError } from './errors.ts';
import { AM_AUTH, AM_DEFAULT_LIMITS, AM_FEEDS, AM_LISTINGS } from './facts.ts';
import { registerAmFeeds } from './feeds.ts';
import { AmLater } from './later.ts';
import { registerAmListings } from './listings.ts';
import { registerAmOrders } from './orders.ts';
import { registerAmOrders2026 } from './orders-2026.ts';
import { registerAmSellers } from './sellers.ts';
import { AmStore } from './store.ts';
import { authenticateRestricted, RestrictedTokens, registerAmTokens } from './tokens.ts';
import { registerAmUploads } from './uploads.ts';

export interface AmazonOptions {
  /** Delay before an ACCEPTED listings PATCH shows; default 1000 ms, 0 applies at once. */
  readonly applyDelayMs?: number;
  /** How long a feed stays IN_QUEUE, then IN_PROGRESS; defaults 1000 and 2000 ms. */
  readonly feedQueueMs?: number;
  readonly feedProcessingMs?: number;
  /** Processing reports GZIP-compressed; default false (Amazon's reports may be either). */
  readonly compressReports?: boolean;
}

/** Every operation name, for faults and rate limits (`*` covers them all). */
export const AM_OPERATIONS = [
  'lwa.consent',
  'lwa.token',
  'listings.get',
  'listings.patch',
  'listings.delete',
  'feeds.create_document',
  'feeds.upload',
  'feeds.download',
  'feeds.create',
  'feeds.json_listings',
  'feeds.get',
  'feeds.list',
  'feeds.cancel',
  'feeds.get_document',
  'orders.list',
  'orders.get',
  'orders.items',
  'orders.confirm_shipment',
  'orders.address',
  'orders.buyer_info',
  'orders2026.search',
  'orders2026.get',
  'tokens.create_rdt',
  'sellers.participations',
] as const;

function settingsFrom(options: AmazonOptions): AmSettings {
  return {
    applyDelayMs: options.applyDelayMs ?? AM_LISTINGS.applyDelayMs,
    feedQueueMs: options.feedQueueMs ?? AM_FEEDS.queueMs,
    feedProcessingMs: options.feedProcessingMs ?? AM_FEEDS.processingMs,
    compressReports: options.compressReports ?? false,
    orders2026: true,
  };
}

export function createAmazon(ctx: SimContext, options: AmazonOptions = {}): ChannelModule {
  const store = new AmStore();
  const lifetimes = {
    accessMs: AM_AUTH.accessTtlMs,
    refreshMs: AM_AUTH.refreshTtlMs,
    codeMs: AM_AUTH.codeTtlMs,
  };
  const tokens = new TokenStore(AM_TOKEN_FORMATS, lifetimes, ctx.clock);
  const faults = new ChannelFaults(AM_CHANNEL, ctx.random);
  const limits = new ChannelLimits(AM_DEFAULT_LIMITS, ctx.settings);
  const later = new AmLater();
  const settings = settingsFrom(options);
  const deps: AmDeps = {
    store,
    tokens,
    clock: ctx.clock,
    writeLog: ctx.writeLog,
    conformance: ctx.conformance,
    faults,
    limits,
    later,
    settings,
    rdt: new RestrictedTokens(),
  };

  function seedDefaults(): void {
    const app = newAmApp(AM_DEFAULTS.clientId, AM_DEFAULTS.clientSecret, AM_DEFAULTS.applicationId);
    store.apps.set(app.clientId, app);
    store.sellers.set(AM_DEFAULTS.sellerId, {
      id: AM_DEFAULTS.sellerId,
      name: AM_DEFAULTS.sellerName,
      marketplaceIds: [AM_DEFAULTS.marketplaceId],
    });
    // A private (self-authorised) app gets its refresh token from Seller Central, not from a consent.
    tokens.adoptRefresh(tokens.grant(app.clientId, AM_DEFAULTS.sellerId), AM_DEFAULTS.refreshToken);
  }
  seedDefaults();

  return {
    name: AM_CHANNEL,
    operations: AM_OPERATIONS,
    defaultLimits: AM_DEFAULT_LIMITS,
    faults,
    limits,
    control: createAmControl(deps),
    register(scope) {
      // [doc] every answer carries x-amzn-RequestId, and the rate applied to the operation.
      let requestSeq = 0;
      scope.addHook('onRequest', (request, reply, done) => {
        requestSeq += 1;
        reply.header('x-amzn-requestid', `sim-${requestSeq.toString(16).padStart(8, '0')}`);
        const op = request.routeOptions.config.sim;
        const limit = op?.auth ? limits.limitOf(op.op) : undefined;
        if (limit !== undefined) reply.header('x-amzn-ratelimit-limit', formatRate(limit.rate));
        done();
      });
      mountErrors(scope, (reply, status, message) => {
        const code = status === 404 ? 'NotFound' : status >= 500 ? 'InternalFailure' : 'InvalidInput';
        sendAmError(reply, amError(status, code, message));
      });
      registerAmAuth(scope, {
        store,
        tokens,
        limits,
        clock: ctx.clock,
        defaultSellerId: () => AM_DEFAULTS.sellerId,
      });
      registerAmListings(scope, deps);
      registerAmFeeds(scope, deps);
      registerAmUploads(scope, deps);
      registerAmOrders(scope, deps);
      registerAmOrders2026(scope, deps);
      registerAmTokens(scope, deps);
      registerAmSellers(scope, deps);
    },
    authenticate: (request, reply) =>
      authenticateRestricted(deps.rdt, request, reply, ctx.clock.now()) ??
      authenticateAmazon(tokens, request, reply),
    replyRateLimited(reply, waitMs) {
      if (ctx.settings.retryAfter) reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      sendAmError(reply, AM_TOO_MANY_REQUESTS);
    },
    replyServerError: (reply, status) => void sendAmError(reply, amServerError(status)),
    reset() {
      later.clear();
      store.clear();
      tokens.clear();
      faults.clear();
      limits.reset();
      Object.assign(settings, settingsFrom(options));
      seedDefaults();
    },
    close: () => later.clear(),
  };
}
