/**
 * The account's people and keys, for the console's Configurações: API keys (the key is shown
 * once, at creation), and users with their roles. Managing them takes a console login as owner
 * or admin: an ERP's API key cannot mint more keys or users.
 */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { createApiKey, createUser, revokeApiKey } from '../accounts/accounts.ts';
import type { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import { type ApiKeyRow, deleteUser, listApiKeys, listUsers, type UserRow } from '../accounts/queries.ts';
import { CaisError, ErrorKind, invalid, notFound } from '../errors.ts';
import { ApiKey, CreatedApiKey, User } from './contract/catalog.ts';
import { errorResponses, withExample } from './contract/common.ts';
import type { SellerApi } from './seller-api.ts';
import { type Principal, principalOf } from './seller-auth.ts';
import { bodyCheckedByHandler, validate } from './validation.ts';

const tags = ['Account'];
// A console session (cookie), not SkyHub's headers: no security scheme is declared for it.
const security: Record<string, string[]>[] = [];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const NewKey = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const NewUser = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 8, maxLength: 1024 }),
    role: User.properties.role,
  },
  { additionalProperties: false },
);

const forbidden = (message: string, code: string) => new CaisError(ErrorKind.forbidden, message, { code });

/** A console user; for changes, an owner or admin. */
function consoleUser(request: FastifyRequest, change: boolean): NonNullable<Principal['user']> {
  const user = principalOf(request).user;
  if (!user)
    throw forbidden(
      'users and API keys are managed from a console login (or the cais command line)',
      'console_login_required',
    );
  if (change && user.role === 'viewer')
    throw forbidden('only an owner or admin can change users and API keys', 'admin_required');
  return user;
}

const keyExample: Static<typeof ApiKey> = {
  id: 2,
  name: 'ERP',
  prefix: 'ck_3f9a',
  created_at: '2026-03-02T14:05:00.000Z',
  revoked_at: null,
};
const userExample: Static<typeof User> = {
  id: 3,
  email: 'estoque@loja.com.br',
  role: 'viewer',
  created_at: '2026-03-02T14:05:00.000Z',
};
const KeyAnswer = withExample(Type.Object({ api_key: ApiKey }), { api_key: keyExample });
const UserAnswer = withExample(Type.Object({ user: User }), { user: userExample });

function presentKey(row: ApiKeyRow): Static<typeof ApiKey> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    created_at: row.created_at.toISOString(),
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

function presentUser(row: UserRow): Static<typeof User> {
  return { id: row.id, email: row.email, role: row.role, created_at: row.created_at.toISOString() };
}

export function accountRoutes(api: SellerApi, deps: { authenticator: ApiKeyAuthenticator }): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;

  api.get(
    '/account/api-keys',
    {
      schema: {
        operationId: 'listApiKeys',
        tags,
        summary: "The account's API keys (never the keys themselves)",
        security,
        response: {
          200: withExample(Type.Object({ api_keys: Type.Array(ApiKey) }), { api_keys: [keyExample] }),
          // 400: any query parameter with a NUL is refused, declared or not.
          ...errorResponses(400, 403),
        },
      },
    },
    async (request) => {
      consoleUser(request, false);
      return { api_keys: (await listApiKeys(api.db, account(request))).map(presentKey) };
    },
  );

  api.post(
    '/account/api-keys',
    {
      schema: {
        operationId: 'createApiKey',
        tags,
        summary: 'Create an API key: the key is in this answer only',
        security,
        body: withExample(NewKey, { name: 'ERP' }),
        response: {
          201: withExample(CreatedApiKey, { api_key: keyExample, key: 'ck_3f9a…' }),
        },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      consoleUser(request, true);
      const body = validate(NewKey, request.body, 'api_key');
      const created = await createApiKey(api.db, account(request), body.name.trim());
      const row = (await listApiKeys(api.db, account(request))).find((k) => k.id === created.id)!;
      return reply.code(201).send({ api_key: presentKey(row), key: created.key });
    },
  );

  api.delete(
    '/account/api-keys/:id',
    {
      schema: {
        operationId: 'revokeApiKey',
        tags,
        summary: 'Revoke an API key',
        security,
        params: IdParams,
        response: {
          200: withExample(KeyAnswer, { api_key: { ...keyExample, revoked_at: '2026-03-09T10:00:00.000Z' } }),
          ...errorResponses(404, 413, 415),
        },
      },
    },
    async (request) => {
      consoleUser(request, true);
      await revokeApiKey(api.db, account(request), request.params.id);
      deps.authenticator.forgetKey(request.params.id);
      const row = (await listApiKeys(api.db, account(request))).find((k) => k.id === request.params.id)!;
      return { api_key: presentKey(row) };
    },
  );

  api.get(
    '/account/users',
    {
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'The people who log into the console for the account',
        security,
        response: {
          200: withExample(Type.Object({ users: Type.Array(User) }), { users: [userExample] }),
          ...errorResponses(400, 403),
        },
      },
    },
    async (request) => {
      consoleUser(request, false);
      return { users: (await listUsers(api.db, account(request))).map(presentUser) };
    },
  );

  api.post(
    '/account/users',
    {
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Add a user who logs into the console',
        security,
        body: withExample(NewUser, {
          email: 'estoque@loja.com.br',
          password: 'uma senha longa',
          role: 'viewer',
        }),
        response: { 201: UserAnswer },
      },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const me = consoleUser(request, true);
      const body = validate(NewUser, request.body, 'user');
      if (body.role === 'owner' && me.role !== 'owner')
        throw forbidden('only an owner can add another owner', 'owner_required');
      const id = await createUser(api.db, account(request), body);
      const row = (await listUsers(api.db, account(request))).find((u) => u.id === id)!;
      return reply.code(201).send({ user: presentUser(row) });
    },
  );

  api.delete(
    '/account/users/:id',
    {
      schema: {
        operationId: 'removeUser',
        tags,
        summary: 'Remove a user (their sessions end)',
        security,
        params: IdParams,
        // A DELETE may still carry a body: too large (413) or not JSON (415).
        response: { 200: UserAnswer, ...errorResponses(404, 413, 415) },
      },
    },
    async (request) => {
      const me = consoleUser(request, true);
      const users = await listUsers(api.db, account(request));
      const target = users.find((u) => u.id === request.params.id);
      if (!target)
        throw notFound(`user ${request.params.id} not found`, {
          code: 'user_not_found',
          params: { user: request.params.id },
        });
      if (target.id === me.id)
        throw invalid('you cannot remove yourself; ask another owner or admin', {
          code: 'cannot_remove_self',
        });
      if (target.role === 'owner' && me.role !== 'owner')
        throw forbidden('only an owner can remove an owner', 'owner_required');
      await deleteUser(api.db, account(request), target.id);
      return { user: presentUser(target) };
    },
  );
}
