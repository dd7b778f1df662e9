/**
 * Amazon's Tokens API 2021-03-01 [SPM tokens_2021-03-01]: `createRestrictedDataToken` trades the
 * seller's LWA token for a Restricted Data Token (RDT) covering named restricted resources (HTTP
 * method + path, with `dataElements` for the Orders API), valid 3600 s. Restricted operations
 * (the buyer's address and identity, fidelity A11) answer only an RDT that covers their path,
 * either literally or through the `{orderId}` placeholder the model's own example uses.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { callerOf } from '../core/guard.ts';
import type { Grant } from '../core/oauth.ts';
import { randomHex } from '../core/oauth.ts';
import { checker } from '../core/validate.ts';
import type { AmDeps } from './deps.ts';
import { AM_CHANNEL } from './deps.ts';
import { amDenied, amError, sendAmError } from './errors.ts';

/** [SPM] CreateRestrictedDataTokenRequest: restrictedResources (≤ 50) of {method, path, dataElements?}. */
export const RdtRequest = Type.Object({
  targetApplication: Type.Optional(Type.String()),
  restrictedResources: Type.Array(
    Type.Object({
      method: Type.Union([
        Type.Literal('GET'),
        Type.Literal('PUT'),
        Type.Literal('POST'),
        Type.Literal('DELETE'),
      ]),
      path: Type.String({ minLength: 1 }),
      dataElements: Type.Optional(Type.Array(Type.String())),
    }),
    { minItems: 1, maxItems: 50 },
  ),
});

const checkRequest = checker(RdtRequest);
const RDT_TTL_S = 3600;
const RDT_PREFIX = 'Atz.sprdt|';

interface Restricted {
  readonly grant: Grant;
  readonly resources: Static<typeof RdtRequest>['restrictedResources'];
  readonly expiresAt: number;
}

/** The RDTs issued, by token. */
export class RestrictedTokens {
  readonly #tokens = new Map<string, Restricted>();

  issue(grant: Grant, resources: Restricted['resources'], now: number): string {
    const token = `${RDT_PREFIX}${randomHex(24)}`;
    this.#tokens.set(token, { grant, resources, expiresAt: now + RDT_TTL_S * 1000 });
    return token;
  }

  /** The grant an RDT stands for (the guard's authentication), or undefined for other tokens. */
  grantOf(token: string, now: number): Grant | 'expired' | undefined {
    if (!token.startsWith(RDT_PREFIX)) return undefined;
    const record = this.#tokens.get(token);
    if (record === undefined) return undefined;
    return record.expiresAt <= now ? 'expired' : record.grant;
  }

  /** Whether the request's token is an RDT covering `method path` (and the data element, when named). */
  covers(request: FastifyRequest, path: string, dataElement?: string): boolean {
    const token = request.headers['x-amz-access-token'];
    if (typeof token !== 'string') return false;
    const record = this.#tokens.get(token);
    if (record === undefined) return false;
    return record.resources.some(
      (r) =>
        r.method === request.method &&
        pathMatches(r.path, path) &&
        (dataElement === undefined || r.dataElements === undefined || r.dataElements.includes(dataElement)),
    );
  }
}

/** `/orders/v0/orders/{orderId}/address` covers every order's address; a literal path covers one. */
function pathMatches(pattern: string, path: string): boolean {
  const parts = pattern.split('/');
  const actual = path.split('/');
  return (
    parts.length === actual.length && parts.every((part, i) => /^\{.+\}$/.test(part) || part === actual[i])
  );
}

/** An RDT is an access token too: the guard lets it through for the seller it was issued to. */
export function authenticateRestricted(
  rdt: RestrictedTokens,
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
): Grant | null | undefined {
  const token = request.headers['x-amz-access-token'];
  if (typeof token !== 'string') return undefined;
  const grant = rdt.grantOf(token, now);
  if (grant === undefined) return undefined;
  if (grant === 'expired') {
    sendAmError(reply, amDenied('The Restricted Data Token has expired.'));
    return null;
  }
  return grant;
}

function createRdt(deps: AmDeps & { rdt: RestrictedTokens }, request: FastifyRequest, reply: FastifyReply) {
  const issues = deps.conformance.judge(request, AM_CHANNEL, 'tokens.create_rdt', checkRequest, request.body);
  if (issues.length > 0) {
    const details = issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ');
    return sendAmError(
      reply,
      amError(400, 'InvalidInput', 'Request is missing or has invalid parameters', details),
    );
  }
  const body = request.body as Static<typeof RdtRequest>;
  const grant = deps.tokens.resolve(String(request.headers['x-amz-access-token']));
  if (typeof grant === 'string')
    return sendAmError(reply, amDenied('An RDT is requested with the LWA token.'));
  if (grant.sellerId !== callerOf(request).sellerId) return sendAmError(reply, amDenied('Wrong seller.'));
  const token = deps.rdt.issue(grant, body.restrictedResources, deps.clock.now());
  return reply.send({ restrictedDataToken: token, expiresIn: RDT_TTL_S });
}

export function registerAmTokens(scope: FastifyInstance, deps: AmDeps & { rdt: RestrictedTokens }): void {
  scope.post(
    '/tokens/2021-03-01/restrictedDataToken',
    { config: { sim: { op: 'tokens.create_rdt', auth: true } } },
    (request, reply) => createRdt(deps, request, reply),
  );
}
