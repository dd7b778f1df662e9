/**
 * Idempotency-Key on POSTs: the first request with a key runs and its answer is kept; the same
 * request again gets the kept answer (header `idempotent-replayed: true`), a different request
 * with the same key gets 422. A key whose first request died mid-way is released after a minute.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db.ts';
import { conflict, invalid, unprocessable } from '../errors.ts';
import { principalOf } from './seller-auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

const STALE_CLAIM_SECONDS = 60;

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  stale: boolean;
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      throw invalid('Idempotency-Key: must be 1 to 255 characters', {
        code: 'invalid_field',
        params: { field: 'Idempotency-Key', rule: 'length_between', min: 1, max: 255 },
      });
    }
    const accountId = principalOf(request).accountId;
    const hash = requestHash(request);
    const claimed = await db.query(
      `INSERT INTO idempotency_keys (account_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [accountId, key, hash],
    );
    if (claimed.length > 0) {
      request.idempotencyKey = key;
      return;
    }
    const [row] = await db.query<KeyRow>(
      `SELECT request_hash, status_code, response_body,
              created_at < now() - make_interval(secs => $3) AS stale
         FROM idempotency_keys WHERE account_id = $1 AND key = $2`,
      [accountId, key, STALE_CLAIM_SECONDS],
    );
    if (!row)
      throw conflict('Idempotency-Key: the earlier request with this key is being cleaned up; retry', {
        code: 'idempotency_key_in_flight',
      });
    if (row.request_hash !== hash) {
      throw unprocessable('Idempotency-Key: was already used with a different request', {
        code: 'idempotency_key_reused',
      });
    }
    if (row.status_code !== null) {
      return reply
        .code(row.status_code)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(row.response_body ?? '');
    }
    if (!row.stale)
      throw conflict('Idempotency-Key: a request with this key is still being processed; retry later', {
        code: 'idempotency_key_in_flight',
      });
    await db.query('UPDATE idempotency_keys SET created_at = now() WHERE account_id = $1 AND key = $2', [
      accountId,
      key,
    ]);
    request.idempotencyKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.principal) return payload;
    const accountId = request.principal.accountId;
    // A server-side failure is not an answer worth replaying: release the key so a retry runs.
    if (reply.statusCode >= 500) {
      await db.query('DELETE FROM idempotency_keys WHERE account_id = $1 AND key = $2', [accountId, key]);
    } else {
      await db.query(
        'UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE account_id = $1 AND key = $2',
        [accountId, key, reply.statusCode, typeof payload === 'string' ? payload : ''],
      );
    }
    return payload;
  });
}
