/** Cais's connection routes: link marketplaces, follow their status, reconnect. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, type TLiteral, Type } from 'typebox';
import { type Capabilities, channels } from '../channels/adapter.ts';
import { adapterFor, supportedChannels } from '../channels/registry.ts';
import {
  type Connections,
  completeConsent,
  connectionsOf,
  createConnection,
  deleteConnection,
  deletionFootprint,
  getConnection,
  presentConnection,
  startConsent,
  updateConnection,
  verify,
} from '../connections/connections.ts';
import { isCaisError } from '../errors.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { presentListings } from '../listings/listings.ts';
import { countListingsByFlag, listingsOfConnection } from '../listings/queries.ts';
import { withExample } from './contract/common.ts';
import {
  Channel,
  Connection,
  Consent,
  connectionExample,
  Deleted,
  FlagCounts,
  Footprint,
  Listing,
  listingExample,
} from './contract/connections.ts';
import { errorResponses, sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, refuseUnstorableText, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Connections'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

/** One of `values`, typed as their union (TypeBox types a union built from a list as `never`). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TLiteral<T>;

const Credentials = Type.Object(
  {
    access_token: Type.Optional(Type.String({ maxLength: 4096 })),
    refresh_token: Type.Optional(Type.String({ maxLength: 4096 })),
    seller_id: Type.Optional(Type.String({ maxLength: 255 })),
    extra: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4096 }))),
  },
  { additionalProperties: false },
);

const NewConnection = Type.Object(
  {
    channel: oneOf(channels),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    base_url: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'The marketplace API (the simulator, for a sandbox).',
      }),
    ),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    credentials: Type.Optional(Credentials),
  },
  { additionalProperties: false },
);

const ConnectionPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    enabled: Type.Optional(Type.Boolean()),
    base_url: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    credentials: Type.Optional(Credentials),
  },
  { additionalProperties: false },
);

const credentialsOf = (c: Static<typeof Credentials> | undefined) =>
  c && {
    accessToken: c.access_token,
    refreshToken: c.refresh_token,
    sellerId: c.seller_id,
    extra: c.extra,
  };

const consentUrlExample =
  'https://auth.mercadolivre.com.br/authorization?response_type=code&client_id=1234567890123456&redirect_uri=https%3A%2F%2Fcais.example%2Foauth%2Fcallback&state=Ywj0fCskRMnoggmUF4npFSCotPenXNhU';
const OneConnection = withExample(Type.Object({ connection: Connection }), { connection: connectionExample });
/** A connection, with the consent URL when the seller must (re)authorise it in the browser. */
const ConnectionAndConsent = withExample(
  Type.Object({ connection: Connection, authorize_url: Type.Optional(Consent.properties.authorize_url) }),
  {
    connection: { ...connectionExample, status: 'pending', tested_at: null },
    authorize_url: consentUrlExample,
  },
);

/** Capabilities as the API answers them: snake_case. */
function presentCapabilities(c: Capabilities): Static<typeof Channel>['capabilities'] {
  return {
    stock_batch_size: c.stockBatchSize,
    price_batch_size: c.priceBatchSize,
    concurrency: c.concurrency,
    rates: Object.fromEntries(
      Object.entries(c.rates).map(([operation, r]) => [
        operation,
        { per_second: r.perSecond, burst: r.burst },
      ]),
    ),
    async_acceptance: c.asyncAcceptance,
    read_back: c.readBack,
    promotional_price: c.promotionalPrice,
    auth: c.auth,
  };
}

/** Where the marketplace sends the seller back after consent. */
function callbackUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return `${publicUrl ?? `${request.protocol}://${request.host}`}/oauth/callback`;
}

export function connectionRoutes(
  api: SellerApi,
  deps: Connections & { publicUrl: string | undefined },
): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;

  api.get(
    '/channels',
    {
      schema: {
        operationId: 'listChannels',
        tags,
        summary: 'Marketplaces Cais can connect to',
        security: sellerSecurity,
        // A NUL in any query parameter is refused as a 400 (app.ts), even where none is declared.
        response: {
          ...errorResponses(400),
          200: withExample(Type.Array(Channel), [
            {
              channel: 'mercadolivre',
              default_base_url: 'https://api.mercadolibre.com',
              capabilities: {
                stock_batch_size: 1,
                price_batch_size: 1,
                concurrency: 4,
                rates: { stock: { per_second: 10, burst: 20 }, price: { per_second: 10, burst: 20 } },
                async_acceptance: false,
                read_back: true,
                promotional_price: 'window',
                auth: 'oauth',
              },
            },
          ]),
        },
      },
    },
    async (): Promise<Static<typeof Channel>[]> =>
      supportedChannels().map((name) => {
        const adapter = adapterFor(name);
        return {
          channel: name,
          default_base_url: adapter.defaultBaseUrl,
          capabilities: presentCapabilities(adapter.capabilities),
        };
      }),
  );

  api.post(
    '/connections',
    {
      schema: {
        tags,
        operationId: 'createConnection',
        summary: 'Connect a marketplace (answers the consent URL for OAuth marketplaces)',
        security: sellerSecurity,
        body: withExample(Type.Object({ connection: NewConnection }), {
          connection: {
            channel: 'mercadolivre',
            name: 'Mercado Livre',
            client_id: '1234567890123456',
            client_secret: 'app-secret',
          },
        }),
        response: { 201: ConnectionAndConsent, ...errorResponses(409, 422) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const body = validate(NewConnection, unwrap(request.body, 'connection'), 'connection');
      const c = body.credentials;
      const created = await createConnection(deps, account(request), {
        channel: body.channel,
        name: body.name,
        baseUrl: body.base_url,
        clientId: body.client_id,
        clientSecret: body.client_secret,
        credentials: credentialsOf(c),
      });
      const row = await getConnection(deps.db, account(request), created.connection.id);
      const consent =
        row.status === 'pending' ? await startConsent(deps, row, callbackUrl(request, deps.publicUrl)) : {};
      return reply.code(201).send({ connection: created.connection, ...consent });
    },
  );

  api.get(
    '/connections',
    {
      schema: {
        operationId: 'listConnections',
        tags,
        summary: "The account's connections",
        security: sellerSecurity,
        response: {
          ...errorResponses(400),
          200: withExample(Type.Object({ connections: Type.Array(Connection) }), {
            connections: [connectionExample],
          }),
        },
      },
    },
    async (request) => ({
      connections: (await connectionsOf(deps.db, account(request))).map(presentConnection),
    }),
  );

  api.get(
    '/connections/:id',
    {
      schema: {
        operationId: 'getConnection',
        tags,
        summary: 'A connection, its listings by flag, and what deleting it would take away',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(
            Type.Object({ connection: Connection, listings: FlagCounts, footprint: Footprint }),
            {
              connection: connectionExample,
              listings: { grey: 0, yellow: 1, green: 40, red: 2 },
              footprint: { listings: 43, schedules: 1, orders: 120 },
            },
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      return {
        connection: presentConnection(row),
        listings: await countListingsByFlag(
          deps.db,
          account(request),
          row.id,
          adapterFor(row.channel).capabilities.asyncAcceptance,
        ),
        // What DELETE would take away, for the seller to read before confirming.
        footprint: await deletionFootprint(deps, row),
      };
    },
  );

  api.patch(
    '/connections/:id',
    {
      schema: {
        tags,
        operationId: 'updateConnection',
        summary: 'Rename, disable or enable, or replace its address or credentials',
        security: sellerSecurity,
        params: IdParams,
        body: withExample(Type.Object({ connection: ConnectionPatch }), {
          connection: { name: 'Mercado Livre (loja 2)', enabled: true },
        }),
        response: { 200: ConnectionAndConsent, ...errorResponses(404, 409, 422) },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const patch = validate(ConnectionPatch, unwrap(request.body, 'connection'), 'connection');
      const row = await getConnection(deps.db, account(request), request.params.id);
      const updated = await updateConnection(deps, row, {
        name: patch.name,
        enabled: patch.enabled,
        baseUrl: patch.base_url,
        clientId: patch.client_id,
        clientSecret: patch.client_secret,
        credentials: credentialsOf(patch.credentials),
      });
      // New app credentials need the consent again: answer where to send the seller.
      const consent =
        updated.status === 'pending' && (patch.client_id || patch.client_secret)
          ? await startConsent(deps, updated, callbackUrl(request, deps.publicUrl))
          : {};
      return { connection: presentConnection(updated), ...consent };
    },
  );

  api.delete(
    '/connections/:id',
    {
      schema: {
        tags,
        summary:
          'Delete: its listings, schedule coverage, runs and sync errors go; its orders stay (unlinked)',
        operationId: 'deleteConnection',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(Deleted, { cancelled_schedules: [3], replaced_schedules: [{ id: 4, by: 7 }] }),
          // No body is declared, but one sent is still parsed (and refused when too large or not JSON).
          ...errorResponses(404, 413, 415),
        },
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      return deleteConnection(deps, row);
    },
  );

  api.post(
    '/connections/:id/test',
    {
      schema: {
        operationId: 'testConnection',
        tags,
        summary: 'Make a test call now (status active, or auth_failed with the reason)',
        security: sellerSecurity,
        params: IdParams,
        response: { 200: OneConnection, ...errorResponses(404, 413, 415) },
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      return { connection: presentConnection(await verify(deps, row)) };
    },
  );

  api.post(
    '/connections/:id/authorize',
    {
      schema: {
        tags,
        operationId: 'authorizeConnection',
        summary: 'Start the consent again (reconnect)',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(Consent, { authorize_url: consentUrlExample }),
          ...errorResponses(404, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      return startConsent(deps, row, callbackUrl(request, deps.publicUrl));
    },
  );

  api.get(
    '/connections/:id/listings',
    {
      schema: {
        tags,
        operationId: 'listConnectionListings',
        summary: 'Listings of a connection, by flag (page with `after`)',
        security: sellerSecurity,
        params: IdParams,
        response: {
          200: withExample(
            Type.Object({
              listings: Type.Array(Listing),
              next_after: Type.Optional(Type.Integer({ description: 'Pass as `after` for the next page' })),
            }),
            { listings: [listingExample], next_after: 1 },
          ),
          ...errorResponses(404),
        },
        querystring: Type.Object({
          flag: Type.Optional(
            Type.Union([
              Type.Literal('grey'),
              Type.Literal('yellow'),
              Type.Literal('green'),
              Type.Literal('red'),
            ]),
          ),
          after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      const limit = request.query.limit ?? 100;
      const rows = await listingsOfConnection(deps.db, account(request), row.id, {
        flag: request.query.flag,
        afterId: request.query.after,
        limit,
      });
      return {
        listings: await presentListings(deps.db, rows, preferredLanguage(request.headers['accept-language'])),
        next_after: rows.length === limit ? rows.at(-1)?.id : undefined,
      };
    },
  );
}

/** The OAuth callback is opened by the seller's browser: no API key, the state identifies it. */
export function oauthCallbackRoute(app: FastifyInstance, deps: Connections): void {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/oauth/callback',
    // A NUL in the state would reach PostgreSQL (a 500); it is refused as a 400 first.
    { schema: { hide: true }, preValidation: refuseUnstorableText },
    async (request, reply) => {
      const { state, error, ...rest } = request.query;
      // Amazon's consent sends `spapi_oauth_code` (and `selling_partner_id`), Shopee's `code` and
      // `shop_id`: the adapter reads what its marketplace sends besides the code.
      const params = Object.fromEntries(
        Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const code = params.code ?? params.spapi_oauth_code;
      // A seller's browser goes back to the console's Integrações page, which shows the outcome.
      const browser = /text\/html/.test(request.headers.accept ?? '');
      const toConsole = (query: Record<string, string>) =>
        reply.redirect(`/integracoes?${new URLSearchParams(query)}`, 303);
      // The console says it in the seller's language from the code; the marketplace's words go along.
      if (error || !code || !state) {
        const message = `the marketplace did not authorise the connection${error ? `: ${error}` : ''}`;
        if (browser)
          return toConsole({ oauth_error: 'consent_refused', ...(error ? { marketplace: error } : {}) });
        return reply.code(400).send({ error: message, code: 'consent_refused' });
      }
      if (!browser) return { connection: await completeConsent(deps, state, code, params) };
      try {
        const connection = await completeConsent(deps, state, code, params);
        return toConsole({ connected: String(connection.id) });
      } catch (failure) {
        if (!isCaisError(failure)) throw failure;
        const said = failure.params?.marketplace_message;
        return toConsole({
          oauth_error: failure.code,
          ...(typeof said === 'string' ? { marketplace: said } : {}),
        });
      }
    },
  );
}
