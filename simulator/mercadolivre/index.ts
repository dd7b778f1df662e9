import type { ChannelModule } from '../core/channel.ts';
import type { SimContext } from '../core/context.ts';
import { mountErrors } from '../core/errors-plumbing.ts';
import { ChannelFaults } from '../core/faults.ts';
import { TokenStore } from '../core/oauth.ts';
import { ChannelLimits } from '../core/rate-limit.ts';
import { authenticateMl, ML_TOKEN_FORMATS, registerMlAuth } from './auth.ts';
import { registerMlCategories } from './categories.ts';
import { createMlControl, ML_DEFAULTS } from './control.ts';
import type { MlDeps } from './deps.ts';
import { ML_CHANNEL } from './deps.ts';
import { ML_TOO_MANY_REQUESTS, mlError, mlServerError, sendMlError } from './errors.ts';
import { ML_AUTH, ML_DEFAULT_LIMITS, ML_NOTIFICATIONS } from './facts.ts';
import { registerMlFeeds } from './feeds.ts';
import { registerMlItems } from './items.ts';
import { newApp } from './model.ts';
import { MlNotifier } from './notifications.ts';
import { registerMlOrders } from './orders.ts';
import { registerMlPromotions } from './promotions.ts';
import { registerMlSearch } from './search.ts';
import { registerMlShipments } from './shipments.ts';
import { MlStore } from './store.ts';
import { registerMlUserProducts } from './user-products.ts';

export interface MercadoLivreOptions {
  /** Multiplies ML's notification retry delays (28 s doubling): 0.001 compresses an hour into seconds. */
  readonly notificationTimeScale?: number;
  /** How long a callback may take to answer 200 (ML: 500 ms). */
  readonly notificationTimeoutMs?: number;
}

/** Every operation name, for faults and rate limits (`*` covers them all). */
export const ML_OPERATIONS = [
  'oauth.authorize',
  'oauth.token',
  'items.get',
  'items.multiget',
  'items.update',
  'items.create',
  'items.create_multiwarehouse',
  'categories.attributes',
  'user_products.stock_get',
  'user_products.stock_put',
  'items.search',
  'items.sale_price',
  'users.get',
  'users.stores',
  'orders.search',
  'orders.get',
  'shipments.get',
  'shipments.invoice',
  'promotions.get',
  'promotions.create',
  'promotions.update',
  'promotions.delete',
  'missed_feeds.get',
] as const;

export function createMercadoLivre(ctx: SimContext, options: MercadoLivreOptions = {}): ChannelModule {
  const store = new MlStore();
  const lifetimes = {
    accessMs: ML_AUTH.accessTtlMs,
    refreshMs: ML_AUTH.refreshTtlMs,
    codeMs: ML_AUTH.codeTtlMs,
  };
  const tokens = new TokenStore(ML_TOKEN_FORMATS, lifetimes, ctx.clock);
  const faults = new ChannelFaults(ML_CHANNEL, ctx.random);
  const limits = new ChannelLimits(ML_DEFAULT_LIMITS, ctx.settings);
  const notifier = new MlNotifier(store, tokens, ctx.clock, {
    timeScale: options.notificationTimeScale ?? 1,
    responseTimeoutMs: options.notificationTimeoutMs ?? ML_NOTIFICATIONS.responseTimeoutMs,
  });
  const deps: MlDeps = {
    store,
    tokens,
    clock: ctx.clock,
    writeLog: ctx.writeLog,
    conformance: ctx.conformance,
    faults,
    notifier,
  };

  function seedDefaults(): void {
    store.apps.set(ML_DEFAULTS.clientId, newApp(ML_DEFAULTS.clientId, ML_DEFAULTS.clientSecret));
    store.sellers.set(ML_DEFAULTS.userId, {
      id: ML_DEFAULTS.userId,
      nickname: ML_DEFAULTS.nickname,
      tags: ['normal'],
      stores: [],
    });
  }
  seedDefaults();

  return {
    name: ML_CHANNEL,
    operations: ML_OPERATIONS,
    defaultLimits: ML_DEFAULT_LIMITS,
    faults,
    limits,
    control: createMlControl(deps),
    register(scope) {
      mountErrors(scope, (reply, status, message) => {
        const error = status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : 'bad_request';
        sendMlError(reply, mlError(status, error, message));
      });
      registerMlAuth(scope, {
        conformance: ctx.conformance,
        store,
        tokens,
        limits,
        clock: ctx.clock,
        defaultSellerId: () => ML_DEFAULTS.userId,
      });
      registerMlItems(scope, deps);
      registerMlCategories(scope, ctx.conformance);
      registerMlUserProducts(scope, deps);
      registerMlSearch(scope, deps);
      registerMlOrders(scope, deps);
      registerMlShipments(scope, deps);
      registerMlPromotions(scope, deps);
      registerMlFeeds(scope, deps);
    },
    authenticate: (request, reply) => authenticateMl(tokens, request, reply),
    replyRateLimited(reply, waitMs) {
      if (ctx.settings.retryAfter) reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      sendMlError(reply, ML_TOO_MANY_REQUESTS);
    },
    replyServerError: (reply, status) => void sendMlError(reply, mlServerError(status)),
    reset() {
      notifier.clear();
      store.clear();
      tokens.clear();
      faults.clear();
      limits.reset();
      seedDefaults();
    },
    close: () => notifier.close(),
  };
}
