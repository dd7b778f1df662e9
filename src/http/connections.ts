/** Cais's connection routes: link marketplaces, follow their status, reconnect. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { channels } from '../channels/adapter.ts';
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
import { sellerSecurity } from './schemas.ts';
import type { SellerApi } from './seller-api.ts';
import { principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, refuseUnstorableText, validate } from './validation.ts';
import { unwrap } from './wrapping.ts';

const tags = ['Connections'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

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
    channel: Type.Union(channels.map((c) => Type.Literal(c))),
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
type NewConnectionBody = {
  channel: string;
  name?: string;
  base_url?: string;
  client_id?: string;
  client_secret?: string;
  credentials?: {
    access_token?: string;
    refresh_token?: string;
    seller_id?: string;
    extra?: Record<string, string>;
  };
};

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
type ConnectionPatchBody = Omit<NewConnectionBody, 'channel'> & { enabled?: boolean };

const credentialsOf = (c: NewConnectionBody['credentials']) =>
  c && {
    accessToken: c.access_token,
    refreshToken: c.refresh_token,
    sellerId: c.seller_id,
    extra: c.extra,
  };

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
    { schema: { tags, summary: 'Marketplaces Cais can connect to', security: sellerSecurity } },
    async () =>
      supportedChannels().map((name) => {
        const adapter = adapterFor(name);
        return {
          channel: name,
          default_base_url: adapter.defaultBaseUrl,
          capabilities: adapter.capabilities,
        };
      }),
  );

  api.post(
    '/connections',
    {
      schema: {
        tags,
        summary: 'Connect a marketplace (answers the consent URL for OAuth marketplaces)',
        security: sellerSecurity,
        body: Type.Object({ connection: NewConnection }),
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const body = validate<NewConnectionBody>(
        NewConnection,
        unwrap(request.body, 'connection'),
        'connection',
      );
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

  api.get('/connections', { schema: { tags, security: sellerSecurity } }, async (request) => ({
    connections: (await connectionsOf(deps.db, account(request))).map(presentConnection),
  }));

  api.get(
    '/connections/:id',
    { schema: { tags, security: sellerSecurity, params: IdParams } },
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
        summary: 'Rename, disable or enable, or replace its address or credentials',
        security: sellerSecurity,
        params: IdParams,
        body: Type.Object({ connection: ConnectionPatch }),
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request) => {
      const patch = validate<ConnectionPatchBody>(
        ConnectionPatch,
        unwrap(request.body, 'connection'),
        'connection',
      );
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
        security: sellerSecurity,
        params: IdParams,
      },
    },
    async (request) => {
      const row = await getConnection(deps.db, account(request), request.params.id);
      return deleteConnection(deps, row);
    },
  );

  api.post(
    '/connections/:id/test',
    { schema: { tags, summary: 'Make a test call now', security: sellerSecurity, params: IdParams } },
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
        summary: 'Start the consent again (reconnect)',
        security: sellerSecurity,
        params: IdParams,
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
        summary: 'Listings of a connection, by flag',
        security: sellerSecurity,
        params: IdParams,
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
