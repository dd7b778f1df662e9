/**
 * The seller API scope: everything an ERP calls with SkyHub's headers. Authentication, Accept
 * checks, per-account rate limits and Idempotency-Key apply here and nowhere else.
 */
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import type { KeyAttempts } from '../accounts/key-attempts.ts';
import type { Config } from '../config.ts';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { rateLimited } from '../errors.ts';
import { orderReservations } from '../orders/reservations.ts';
import { accountRoutes } from './account.ts';
import { bulkRoutes } from './bulk.ts';
import { connectionRoutes } from './connections.ts';
import { dashboardRoutes } from './dashboard.ts';
import { registerIdempotency } from './idempotency.ts';
import { listingRoutes } from './listings.ts';
import { checkAccept } from './negotiation.ts';
import { orderApi } from './orders.ts';
import { productRoutes } from './products.ts';
import { ruleRoutes } from './rules.ts';
import { saleSystemRoutes } from './sale-systems.ts';
import { makeSellerAuth } from './seller-auth.ts';
import { sharedRateLimitStore } from './shared-rate-limit.ts';
import { type SyncRouteDeps, syncRoutes } from './sync.ts';
import { syncErrorRoutes } from './sync-errors.ts';
import { taxonomyRoutes } from './taxonomy.ts';
import { refuseUnstorableText } from './validation.ts';
import { variationRoutes } from './variations.ts';

export type SellerApi = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
> & { db: Db };

export interface SellerApiDeps {
  db: Db;
  cipher: Cipher;
  enqueueRun?: SyncRouteDeps['enqueueRun'];
  config: Config;
  authenticator: ApiKeyAuthenticator;
  attempts: KeyAttempts;
}

export async function sellerApi(app: FastifyInstance, deps: SellerApiDeps): Promise<void> {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => checkAccept(request));
  // SkyHub bodies are JSON: without this, Fastify's text/plain parser hands a string to the routes.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', refuseUnstorableText);
  app.addHook(
    'onRequest',
    makeSellerAuth(deps.authenticator, deps.config.accountManagerKeys, { db: deps.db }, deps.attempts),
  );
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Shared by every API process on PostgreSQL; the plugin's memory store on PGlite (one process).
    ...(deps.db.kind === 'postgres' ? { store: sharedRateLimitStore(deps.db) } : {}),
    keyGenerator: (request) => `account:${request.principal?.accountId ?? request.ip}`,
    errorResponseBuilder: (_request, context) =>
      rateLimited(
        `rate limit of ${context.max} requests per minute for this account exceeded; retry in ${context.after}`,
        { code: 'rate_limited', params: { limit: context.max, after: context.after } },
      ),
  });
  registerIdempotency(app, deps.db);
  const api = Object.assign(app.withTypeProvider<TypeBoxTypeProvider>(), { db: deps.db }) as SellerApi;
  productRoutes(api);
  variationRoutes(api);
  taxonomyRoutes(api);
  bulkRoutes(api);
  const connections = { db: deps.db, cipher: deps.cipher };
  connectionRoutes(api, { ...connections, publicUrl: deps.config.publicUrl });
  listingRoutes(api, connections);
  syncRoutes(api, { ...connections, enqueueRun: deps.enqueueRun, reservations: orderReservations });
  ruleRoutes(api, connections);
  syncErrorRoutes(api, connections);
  saleSystemRoutes(api, connections);
  orderApi(api, { ...connections, queueVisibilitySeconds: deps.config.orderQueueVisibilitySeconds });
  dashboardRoutes(api);
  accountRoutes(api, { authenticator: deps.authenticator });
}

export { ApiKeyAuthenticator };
