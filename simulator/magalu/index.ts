import type { ChannelModule } from '../core/channel.ts';
import type { SimContext } from '../core/context.ts';
import { DelayedQueue } from '../core/delayed-queue.ts';
import { mountErrors } from '../core/errors-plumbing.ts';
import { ChannelFaults } from '../core/faults.ts';
import { TokenStore } from '../core/oauth.ts';
import { ChannelLimits } from '../core/rate-limit.ts';
import { authenticateMagalu, MG_TOKEN_FORMATS, registerMgAuth } from './auth.ts';
import { createMgControl, MG_DEFAULTS, newMgApp } from './control.ts';
import { registerMgDeliveries } from './deliveries.ts';
import type { MgDeps } from './deps.ts';
import { MG_CHANNEL } from './deps.ts';
import { MG_TOO_MANY_REQUESTS, magaluError, sendMagaluError } from './errors.ts';
import { MG_AUTH, MG_BEHAVIOUR, MG_CHANNELS, MG_DEFAULT_LIMITS } from './facts.ts';
import { registerMgOrders } from './orders.ts';
import { registerMgPortfolios } from './portfolios.ts';
import { MgStore } from './store.ts';

export interface MagaluOptions {
  /** Delay before a 202 PATCH (price, stock) shows; default 200 ms, 0 applies at once. */
  readonly applyDelayMs?: number;
  /** How long a posted invoice stays `validating`; default 200 ms. */
  readonly invoiceValidationMs?: number;
}

export const MG_OPERATIONS = [
  'oauth.authorize',
  'oauth.token',
  'skus.list',
  'skus.get',
  'skus.create',
  'skus.update',
  'prices.get',
  'prices.create',
  'prices.update',
  'stocks.get',
  'stocks.create',
  'stocks.update',
  'orders.list',
  'orders.get',
  'deliveries.list',
  'deliveries.get',
  'deliveries.write',
  'invoices.list',
] as const;

export function createMagalu(ctx: SimContext, options: MagaluOptions = {}): ChannelModule {
  const store = new MgStore();
  const lifetimes = {
    accessMs: MG_AUTH.accessTtlMs,
    refreshMs: MG_AUTH.refreshTtlMs,
    codeMs: MG_AUTH.codeTtlMs,
  };
  const tokens = new TokenStore(MG_TOKEN_FORMATS, lifetimes, ctx.clock);
  const faults = new ChannelFaults(MG_CHANNEL, ctx.random);
  const limits = new ChannelLimits(MG_DEFAULT_LIMITS, ctx.settings);
  const queue = new DelayedQueue();
  const settings = {
    applyDelayMs: options.applyDelayMs ?? MG_BEHAVIOUR.applyDelayMs,
    invoiceValidationMs: options.invoiceValidationMs ?? MG_BEHAVIOUR.invoiceValidationMs,
  };
  const deps: MgDeps = {
    store,
    tokens,
    clock: ctx.clock,
    writeLog: ctx.writeLog,
    conformance: ctx.conformance,
    queue,
    settings,
  };

  function seedDefaults(): void {
    store.apps.set(MG_DEFAULTS.clientId, newMgApp(MG_DEFAULTS.clientId, MG_DEFAULTS.clientSecret));
    store.sellers.set(MG_DEFAULTS.sellerId, {
      id: MG_DEFAULTS.sellerId,
      name: MG_DEFAULTS.sellerName,
      channelIds: [MG_CHANNELS.magalu],
    });
  }
  seedDefaults();

  return {
    name: MG_CHANNEL,
    operations: MG_OPERATIONS,
    defaultLimits: MG_DEFAULT_LIMITS,
    faults,
    limits,
    control: createMgControl(deps),
    register(scope) {
      // Magalu answers every response with an X-Request-Id to quote to support [doc].
      let requestSeq = 0;
      scope.addHook('onRequest', (_request, reply, done) => {
        requestSeq += 1;
        reply.header('x-request-id', `sim-${requestSeq}`);
        done();
      });
      mountErrors(
        scope,
        (reply, status, message) => void sendMagaluError(reply, magaluError(status, message)),
      );
      registerMgAuth(scope, {
        conformance: ctx.conformance,
        store,
        tokens,
        limits,
        clock: ctx.clock,
        defaultSellerId: () => MG_DEFAULTS.sellerId,
      });
      registerMgPortfolios(scope, deps);
      registerMgOrders(scope, deps);
      registerMgDeliveries(scope, deps);
    },
    authenticate: (request, reply, operation) => authenticateMagalu(tokens, request, reply, operation),
    replyRateLimited(reply, waitMs) {
      if (ctx.settings.retryAfter) reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      sendMagaluError(reply, MG_TOO_MANY_REQUESTS);
    },
    replyServerError: (reply, status) =>
      void sendMagaluError(reply, magaluError(status, 'Internal server error')),
    reset() {
      queue.clear();
      store.clear();
      tokens.clear();
      faults.clear();
      limits.reset();
      settings.applyDelayMs = options.applyDelayMs ?? MG_BEHAVIOUR.applyDelayMs;
      settings.invoiceValidationMs = options.invoiceValidationMs ?? MG_BEHAVIOUR.invoiceValidationMs;
      seedDefaults();
    },
    close: () => queue.clear(),
  };
}
