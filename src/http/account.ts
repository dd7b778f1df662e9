/**
 * The account's people and keys, for the console's Configurações: API keys (the key is shown
 * once, at creation), and users with their roles. Managing them takes a console login as owner
 * or admin: an ERP's API key cannot mint more keys or users.
 */
import type { FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { createApiKey, createUser, revokeApiKey, roles } from '../accounts/accounts.ts';
import type { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import { type ApiKeyRow, deleteUser, listApiKeys, listUsers, type UserRow } from '../accounts/queries.ts';
import { CaisError, ErrorKind, invalid, notFound } from '../errors.ts';
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
    role: Type.Union(roles.map((r) => Type.Literal(r))),
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

function presentKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    created_at: row.created_at.toISOString(),
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

function presentUser(row: UserRow) {
  return { id: row.id, email: row.email, role: row.role, created_at: row.created_at.toISOString() };
}

export function accountRoutes(api: SellerApi, deps: { authenticator: ApiKeyAuthenticator }): void {
  const account = (request: FastifyRequest) => principalOf(request).accountId;

  api.get('/account/api-keys', { schema: { tags, security } }, async (request) => {
    consoleUser(request, false);
    return { api_keys: (await listApiKeys(api.db, account(request))).map(presentKey) };
  });

  api.post(
    '/account/api-keys',
    {
      schema: { tags, summary: 'Create an API key: the key is in this answer only', security, body: NewKey },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      consoleUser(request, true);
      const body = validate<Static<typeof NewKey>>(NewKey, request.body, 'api_key');
      const created = await createApiKey(api.db, account(request), body.name.trim());
      const row = (await listApiKeys(api.db, account(request))).find((k) => k.id === created.id)!;
      return reply.code(201).send({ api_key: presentKey(row), key: created.key });
    },
  );

  api.delete(
    '/account/api-keys/:id',
    { schema: { tags, summary: 'Revoke an API key', security, params: IdParams } },
    async (request) => {
      consoleUser(request, true);
      await revokeApiKey(api.db, account(request), request.params.id);
      deps.authenticator.forgetKey(request.params.id);
      const row = (await listApiKeys(api.db, account(request))).find((k) => k.id === request.params.id)!;
      return { api_key: presentKey(row) };
    },
  );

  api.get('/account/users', { schema: { tags, security } }, async (request) => {
    consoleUser(request, false);
    return { users: (await listUsers(api.db, account(request))).map(presentUser) };
  });

  api.post(
    '/account/users',
    {
      schema: { tags, summary: 'Add a user who logs into the console', security, body: NewUser },
      validatorCompiler: bodyCheckedByHandler,
    },
    async (request, reply) => {
      const me = consoleUser(request, true);
      const body = validate<Static<typeof NewUser>>(NewUser, request.body, 'user');
      if (body.role === 'owner' && me.role !== 'owner')
        throw forbidden('only an owner can add another owner', 'owner_required');
      const id = await createUser(api.db, account(request), body);
      const row = (await listUsers(api.db, account(request))).find((u) => u.id === id)!;
      return reply.code(201).send({ user: presentUser(row) });
    },
  );

  api.delete(
    '/account/users/:id',
    { schema: { tags, summary: 'Remove a user (their sessions end)', security, params: IdParams } },
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
