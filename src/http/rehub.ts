/**
 * SkyHub's Rehub: `POST /auth` for a 6-hour JWT, and `/rehub/product_actions` (link, unlink,
 * price_entry) with `Authorization: Bearer`. The action body is not published by SkyHub; Cais
 * takes `{"type", "sku" | "skus", "connection_id"?}` and answers `201 {"id"}` as SkyHub does.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import type { ApiKeyAuthenticator } from '../accounts/api-key-auth.ts';
import type { KeyAttempts } from '../accounts/key-attempts.ts';
import type { Config } from '../config.ts';
import type { Cipher } from '../connections/cipher.ts';
import type { Db } from '../db/db.ts';
import { invalid, rateLimited, unauthorized } from '../errors.ts';
import { actionTypes, listActions, runAction } from '../rehub/actions.ts';
import { issueToken, rehubSigningKey, TOKEN_TTL_SECONDS, verifyToken } from '../rehub/tokens.ts';
import { ProductAction, ProductActionId, ProductActionType, RehubToken } from './contract/catalog.ts';
import { errorResponses, withExample } from './contract/common.ts';
import { accountManagerKeyAllowed } from './seller-auth.ts';
import { bodyCheckedByHandler, refuseUnstorableText, validate } from './validation.ts';

export interface RehubDeps {
  db: Db;
  cipher: Cipher;
  config: Config;
  authenticator: ApiKeyAuthenticator;
  attempts: KeyAttempts;
}

const rehubSecurity = [{ rehubToken: [] }];
const tags = ['Rehub'];
const Credentials = Type.Object(
  {
    user_email: Type.String({ minLength: 3, maxLength: 320 }),
    api_key: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const Sku = Type.String({ minLength: 1, maxLength: 100 });
const Action = Type.Object(
  {
    type: ProductActionType,
    sku: Type.Optional(Sku),
    skus: Type.Optional(Type.Array(Sku, { minItems: 1, maxItems: 100 })),
    connection_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  },
  { additionalProperties: false },
);

const actionExample: Static<typeof ProductAction> = {
  id: '12',
  type: 'link',
  status: 'done',
  request: { skus: ['CAM-01'], connection_id: null },
  results: [{ sku: 'CAM-01', connection_id: 1, outcome: 'ok' }],
  created_at: '2026-03-02T14:05:00.000Z',
  finished_at: '2026-03-02T14:05:02.000Z',
};

export async function rehubRoutes(app: FastifyInstance, deps: RehubDeps): Promise<void> {
  const key = rehubSigningKey(deps.config.secretKey!);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/auth',
    {
      schema: {
        operationId: 'createRehubToken',
        tags,
        summary: 'A 6-hour token for /rehub (Authorization: Bearer); needs the X-Accountmanager-Key header',
        body: withExample(Credentials, { user_email: 'erp@loja.com.br', api_key: 'ck_3f9a…' }),
        response: {
          200: withExample(RehubToken, { token: 'eyJhbGciOiJIUzI1NiJ9.…', expires_in: TOKEN_TTL_SECONDS }),
          ...errorResponses(401, 429),
        },
      },
      validatorCompiler: bodyCheckedByHandler,
      preValidation: refuseUnstorableText,
    },
    async (request) => {
      const accountManagerKey = request.headers['x-accountmanager-key'];
      if (typeof accountManagerKey !== 'string' || accountManagerKey.trim() === '') {
        throw unauthorized('X-Accountmanager-Key header is required', { code: 'credentials_required' });
      }
      const allowed = deps.config.accountManagerKeys;
      if (allowed && !accountManagerKeyAllowed(allowed, accountManagerKey.trim()))
        throw unauthorized('X-Accountmanager-Key is not accepted by this server', {
          code: 'account_manager_key_refused',
        });
      const body = validate(Credentials, request.body, '');
      const wait = deps.attempts.lockedOut(request.ip, body.user_email);
      if (wait > 0)
        throw rateLimited('too many failed attempts; try again later', {
          retryAfter: wait,
          code: 'too_many_attempts',
        });
      const principal = await deps.authenticator.authenticate(body.user_email, body.api_key);
      if (!principal) {
        const lockout = await deps.attempts.recordFailure(request.ip, body.user_email);
        if (lockout > 0)
          throw rateLimited('too many failed attempts; try again later', {
            retryAfter: lockout,
            code: 'too_many_attempts',
          });
        throw unauthorized('user_email and api_key do not match an active API key', {
          code: 'credentials_refused',
        });
      }
      const answer: Static<typeof RehubToken> = {
        token: await issueToken(key, principal),
        expires_in: TOKEN_TTL_SECONDS,
      };
      return answer;
    },
  );

  await app.register(async (scope) => {
    if (!scope.hasRequestDecorator('principal')) scope.decorateRequest('principal', null);
    // A NUL or a lone surrogate in a SKU would fail in PostgreSQL (a 500): refused, naming the field.
    scope.addHook('preValidation', refuseUnstorableText);
    scope.addHook('onRequest', async (request: FastifyRequest) => {
      const header = request.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const principal = token ? await verifyToken(key, token) : undefined;
      if (!principal)
        throw unauthorized(
          'Authorization: Bearer <token from POST /auth> is required (tokens last 6 hours)',
          {
            code: 'bearer_required',
          },
        );
      request.principal = principal;
    });
    const rehub = scope.withTypeProvider<TypeBoxTypeProvider>();
    const connections = { db: deps.db, cipher: deps.cipher };

    rehub.post(
      '/rehub/product_actions',
      {
        schema: {
          operationId: 'createProductAction',
          tags,
          summary: 'link | unlink | price_entry for up to 100 SKUs',
          security: rehubSecurity,
          body: withExample(Action, { type: 'link', skus: ['CAM-01', 'CAM-02'] }),
          response: { 201: withExample(ProductActionId, { id: '12' }), ...errorResponses(401, 404) },
        },
        validatorCompiler: bodyCheckedByHandler,
      },
      async (request, reply) => {
        const body = validate(Action, request.body, '');
        const skus = body.skus ?? (body.sku ? [body.sku] : []);
        if (skus.length === 0) {
          throw invalid('sku or skus: is required', {
            code: 'invalid_field',
            params: { field: 'sku', rule: 'required' },
          });
        }
        const id = await runAction(connections, request.principal!.accountId, {
          type: body.type,
          skus,
          connectionId: body.connection_id,
        });
        return reply.code(201).send({ id: String(id) });
      },
    );

    rehub.get(
      '/rehub/product_actions',
      {
        schema: {
          operationId: 'listProductActions',
          tags,
          summary: 'The latest actions of one type, newest first, with their results',
          security: rehubSecurity,
          response: {
            200: withExample(Type.Object({ product_actions: Type.Array(ProductAction) }), {
              product_actions: [actionExample],
            }),
            ...errorResponses(401),
          },
          querystring: Type.Object({
            type: Type.Optional(Type.String({ maxLength: 20 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          }),
        },
      },
      async (request) => {
        const type = request.query.type;
        if (!type || !(actionTypes as readonly string[]).includes(type)) {
          throw invalid(`type: is required, one of ${actionTypes.join(', ')}`, {
            code: 'invalid_field',
            params: { field: 'type', rule: 'one_of', allowed: actionTypes },
          });
        }
        const rows = await listActions(
          deps.db,
          request.principal!.accountId,
          type as (typeof actionTypes)[number],
          request.query.limit ?? 50,
        );
        return {
          product_actions: rows.map(
            (r): Static<typeof ProductAction> => ({
              id: String(r.id),
              type: r.type,
              status: r.status,
              request: r.request,
              results: r.results,
              created_at: r.created_at.toISOString(),
              finished_at: r.finished_at?.toISOString() ?? null,
            }),
          ),
        };
      },
    );
  });
}
