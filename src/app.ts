/**
 * Builds the HTTP app from explicit dependencies; it does not listen (see server.ts), so tests
 * drive it with app.inject or start it on a free port.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { ApiKeyAuthenticator } from './accounts/api-key-auth.ts';
import { type KeyAttemptLimits, KeyAttempts } from './accounts/key-attempts.ts';
import type { Config } from './config.ts';
import { Cipher } from './connections/cipher.ts';
import type { Db } from './db/db.ts';
import { oauthCallbackRoute } from './http/connections.ts';
import { consoleRoutes } from './http/console.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerJsonParser } from './http/negotiation.ts';
import { opsRoutes } from './http/ops.ts';
import { orderNotificationRoutes } from './http/order-notifications.ts';
import { rehubRoutes } from './http/rehub.ts';
import { OneLineARequest } from './http/request-log.ts';
import { type ErrorStatus, errorResponses } from './http/schemas.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { sellerApi } from './http/seller-api.ts';
import { type SessionRouteDeps, sessionRoutes } from './http/session.ts';
import type { SyncRouteDeps } from './http/sync.ts';
import { validatorCompiler } from './http/validation.ts';
import { logDestination } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** Seals marketplace credentials; by default from config.secretKey. */
  cipher?: Cipher;
  /** Queues sync runs (pg-boss); without it "run now" answers 503. */
  enqueueRun?: SyncRouteDeps['enqueueRun'];
  metrics?: Metrics;
  /** Failed-login limits (tests lower them). */
  loginLimits?: SessionRouteDeps['loginLimits'];
  /** Failed API key limits (tests lower them). */
  keyAttemptLimits?: KeyAttemptLimits;
  /** A pino logger config or false; defaults to JSON logs at config.logLevel. */
  logger?: boolean | Record<string, unknown>;
  /** Where the default logger writes (stdout by default); tests read what Cais logs. */
  logStream?: { write(line: string): void };
}

function cipherFrom(config: Config): Cipher {
  if (!config.secretKey)
    throw new Error('CAIS_SECRET_KEY is not set (server.ts provides one for the embedded database)');
  return new Cipher(config.secretKey);
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

// Query parameters that carry credentials: the marketplaces' OAuth callback brings an
// authorisation code and the consent's state; a careless client may put a token in a URL.
const secretQueryParams =
  /([?&](?:code|state|spapi_oauth_code|access_token|refresh_token|token|client_secret|api_key)=)[^&#]*/gi;

/** Fastify's request log fields, with credentials in the query string replaced. */
function serializeRequest(request: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: request.url.replace(secretQueryParams, '$1[redacted]'),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * The error answers every route of a kind can give, whatever its handler does: any request can
 * be refused as malformed (400), a body can be too large or not UTF-8 JSON (413, 415), a
 * seller-API route can refuse the credentials, the Accept header or the rate (401, 406, 429), a
 * change can be refused to a read-only console user (403) and an Idempotency-Key can clash (409,
 * 422 on POST), and anything can fail inside (500). Routes name the other statuses they give
 * (404, 409, 422, 503…); this adds the common ones they do not, so /openapi.json documents every
 * answer a client can meet. Registered before the routes (and before swagger reads them).
 */
function documentErrorResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as
      | {
          hide?: boolean;
          operationId?: string;
          response?: Record<string, unknown>;
          security?: Record<string, unknown>[];
          body?: unknown;
        }
      | undefined;
    if (!schema || schema.hide) return;
    const methods = ([] as string[]).concat(route.method);
    const changes = methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m));
    // A seller-API route (SkyHub's headers or the console's session); Rehub's bearer-token routes
    // name their own errors.
    const seller =
      schema.security !== undefined && !schema.security.some((requirement) => 'rehubToken' in requirement);
    const statuses: ErrorStatus[] = [
      // Any request can be malformed (a NUL in the query, a broken %-escape), and a body, even
      // one the route does not read (a DELETE's), can be too large or not UTF-8 JSON.
      400,
      ...(changes ? [413 as const, 415 as const] : []),
      // A path parameter can name nothing (or, as `..`, lead to no route at all).
      ...(route.url.includes(':') ? [404 as const] : []),
      ...(seller ? [401 as const, 406 as const, 429 as const] : []),
      ...(seller && changes ? [403 as const] : []),
      ...(seller && methods.includes('POST') ? [409 as const, 422 as const] : []),
      500,
    ];
    schema.response = { ...errorResponses(...statuses), ...(schema.response ?? {}) };
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const metrics = deps.metrics ?? createMetrics();
  const app = Fastify({
    logger: deps.logger ?? {
      level: deps.config.logLevel,
      redact: [
        'req.headers["x-api-key"]',
        'req.headers["x-user-token"]',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      serializers: { req: serializeRequest },
      stream: deps.logStream ?? logDestination(),
    },
    logController: new OneLineARequest(),
    bodyLimit: deps.config.bodyLimitBytes,
    // An ERP's X-Request-Id is kept so both sides' logs can be matched; otherwise one is made.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    // Behind a TLS-terminating proxy, links Cais builds (the `next` cursor, OAuth callbacks) must
    // carry the client's scheme and host (X-Forwarded-Proto/-Host).
    trustProxy: deps.config.trustProxy,
    // Errors Fastify meets before routing (a malformed %-escape in the path) get the same body
    // as every other error.
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply).code(400).send({ error: `path: ${error.message}`, code: 'invalid_path' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  registerErrorHandling(app);
  registerJsonParser(app);
  registerSecurityHeaders(app, { https: deps.config.publicUrl?.startsWith('https://') ?? false });
  documentErrorResponses(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cais seller API',
        version: '0.1.0',
        description:
          'SkyHub-compatible API for ERPs: products, variations, stock and price. Authenticate with ' +
          'X-User-Email, X-Api-Key and X-Accountmanager-Key, as with SkyHub.',
      },
      components: {
        securitySchemes: {
          userEmail: { type: 'apiKey', in: 'header', name: 'X-User-Email' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          accountManagerKey: { type: 'apiKey', in: 'header', name: 'X-Accountmanager-Key' },
          rehubToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The token POST /auth answers, for /rehub routes',
          },
        },
      },
    },
  });
  // No validator badge: it would load an image from swagger.io, which the docs' CSP refuses.
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });

  opsRoutes(app, { db: deps.db, metrics });
  const cipher = deps.cipher ?? cipherFrom(deps.config);
  oauthCallbackRoute(app, { db: deps.db, cipher });
  orderNotificationRoutes(app, { db: deps.db, enqueueRun: deps.enqueueRun });
  await app.register(sessionRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    loginLimits: deps.loginLimits,
  });
  await app.register(consoleRoutes);
  const authenticator = new ApiKeyAuthenticator(deps.db);
  const attempts = new KeyAttempts(deps.db, deps.keyAttemptLimits);
  await app.register(sellerApi, {
    db: deps.db,
    cipher,
    config: deps.config,
    authenticator,
    attempts,
    enqueueRun: deps.enqueueRun,
  });
  await app.register(rehubRoutes, { db: deps.db, cipher, config: deps.config, authenticator, attempts });
  return app;
}
