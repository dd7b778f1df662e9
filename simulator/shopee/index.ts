import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelModule } from '../core/channel.ts';
import type { SimContext } from '../core/context.ts';
import { mountErrors } from '../core/errors-plumbing.ts';
import { ChannelFaults } from '../core/faults.ts';
import { TokenStore } from '../core/oauth.ts';
import { ChannelLimits } from '../core/rate-limit.ts';
import { authenticateShopee, registerSpAuth, SP_TOKEN_FORMATS } from './auth.ts';
import { createSpControl, newPartner, SP_DEFAULTS } from './control.ts';
import type { SpDeps, SpSettings } from './deps.ts';
import { requestIds, SP_CHANNEL } from './deps.ts';
import { sendFailure, spFailure } from './errors.ts';
import { SP_AUTH, SP_DEFAULT_LIMITS, SP_ERRORS, SP_LOGISTICS, SP_PRODUCTS, SP_QUOTA } from './facts.ts';
import { registerSpLogistics } from './logistics.ts';
import { registerSpOrders } from './orders.ts';
import { registerSpProductReads } from './product-read.ts';
import { registerSpProducts } from './products.ts';
import { DailyQuota } from './quota.ts';
import { SpStore } from './store.ts';

export interface ShopeeOptions {
  /** Calls per (partner, shop) per UTC+8 day before `error_limit`; default none. */
  readonly dailyCallLimit?: number | null;
  /** How long after ship_order the tracking number shows; default 0. */
  readonly trackingDelayMs?: number;
}

/** Every operation name (Shopee's own module.api), for faults and rate limits (`*` covers them all). */
export const SP_OPERATIONS = [
  'auth.partner',
  'auth.token',
  'product.update_stock',
  'product.update_price',
  'product.get_item_base_info',
  'product.get_model_list',
  'product.get_item_list',
  'product.get_item_limit',
  'order.get_order_list',
  'order.get_order_detail',
  'order.upload_invoice_doc',
  'logistics.get_shipping_parameter',
  'logistics.ship_order',
  'logistics.get_tracking_number',
] as const;

function settingsFrom(options: ShopeeOptions): SpSettings {
  return {
    dailyCallLimit: options.dailyCallLimit === undefined ? SP_QUOTA.dailyCallLimit : options.dailyCallLimit,
    trackingDelayMs: options.trackingDelayMs ?? SP_LOGISTICS.trackingDelayMs,
    orderListOrder: 'asc',
    logisticsMode: 'pickup',
  };
}

export function createShopee(ctx: SimContext, options: ShopeeOptions = {}): ChannelModule {
  const store = new SpStore();
  const lifetimes = {
    accessMs: SP_AUTH.accessTtlMs,
    refreshMs: SP_AUTH.refreshTtlMs,
    codeMs: SP_AUTH.codeTtlMs,
  };
  const tokens = new TokenStore(SP_TOKEN_FORMATS, lifetimes, ctx.clock);
  const faults = new ChannelFaults(SP_CHANNEL, ctx.random);
  const limits = new ChannelLimits(SP_DEFAULT_LIMITS, ctx.settings);
  const settings = settingsFrom(options);
  const ids = requestIds();
  const quota = new DailyQuota();
  const deps: SpDeps = {
    store,
    tokens,
    clock: ctx.clock,
    writeLog: ctx.writeLog,
    conformance: ctx.conformance,
    faults,
    limits,
    settings,
    requestId: ids.next,
  };

  function seedDefaults(): void {
    store.partners.set(SP_DEFAULTS.partnerId, newPartner(SP_DEFAULTS.partnerId, SP_DEFAULTS.partnerKey));
    store.shops.set(SP_DEFAULTS.shopId, {
      id: SP_DEFAULTS.shopId,
      name: SP_DEFAULTS.shopName,
      region: SP_PRODUCTS.region,
      locations: [],
      holidayMode: false,
      mainAccountId: null,
    });
  }
  seedDefaults();

  /** Runs after the guard (faults, signature and token, burst bucket): the daily quota. */
  function dailyQuota(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const grant = request.simGrant;
    const limit = settings.dailyCallLimit;
    if (
      grant === null ||
      limit === null ||
      ctx.settings.unlimited ||
      quota.take(grant, ctx.clock.now(), limit)
    ) {
      done();
      return;
    }
    sendFailure(reply, ids.next(), SP_ERRORS.dailyLimit);
  }

  return {
    name: SP_CHANNEL,
    operations: SP_OPERATIONS,
    defaultLimits: SP_DEFAULT_LIMITS,
    faults,
    limits,
    control: createSpControl(deps),
    register(scope) {
      scope.addHook('preHandler', dailyQuota);
      mountErrors(scope, (reply, status, message) => {
        const error =
          status === 404 ? SP_ERRORS.notFound.error : status >= 500 ? 'error_server' : 'error_param';
        sendFailure(
          reply,
          ids.next(),
          spFailure(error, message),
          undefined,
          status === 404 ? 404 : status >= 500 ? status : 200,
        );
      });
      registerSpAuth(scope, deps);
      registerSpProducts(scope, deps);
      registerSpProductReads(scope, deps);
      registerSpOrders(scope, deps);
      registerSpLogistics(scope, deps);
    },
    authenticate: (request, reply) => authenticateShopee(deps, request, reply),
    /** [2nd] a burst answers `error_rate_limit` in an HTTP 200 envelope; no Retry-After documented. */
    replyRateLimited(reply, waitMs) {
      if (ctx.settings.retryAfter) reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      sendFailure(reply, ids.next(), SP_ERRORS.rateLimit);
    },
    replyServerError: (reply, status) =>
      void sendFailure(reply, ids.next(), SP_ERRORS.server, undefined, status),
    reset() {
      store.clear();
      tokens.clear();
      faults.clear();
      limits.reset();
      quota.clear();
      ids.reset();
      Object.assign(settings, settingsFrom(options));
      seedDefaults();
    },
    close: () => undefined,
  };
}
