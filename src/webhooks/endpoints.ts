/**
 * The endpoints an account registers: a URL, the event types it wants, and a signing secret
 * (shown once at creation and on rotation; stored sealed, since signing needs it in clear).
 */

import type { Static } from 'typebox';
import type { Cipher } from '../connections/cipher.ts';
import type { Queryable } from '../db/db.ts';
import { invalid, notFound } from '../errors.ts';
import type { Webhook } from '../http/contract/webhooks.ts';
import type { EventType } from './events.ts';
import { newSecret } from './sign.ts';

export interface EndpointRow {
  id: number;
  account_id: number;
  url: string;
  description: string | null;
  events: EventType[];
  secret: string;
  status: 'active' | 'disabled';
  created_at: Date;
  updated_at: Date;
}

export interface EndpointInput {
  url: string;
  events: EventType[];
  description?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
}

const columns = 'id, account_id, url, description, events, secret, status, created_at, updated_at';

export function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`webhook.url: "${url}" is not a URL`, {
      code: 'invalid_field',
      params: { field: 'webhook.url', rule: 'not_url' },
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw invalid('webhook.url: must be http or https', {
      code: 'invalid_field',
      params: { field: 'webhook.url', rule: 'http_url' },
    });
  if (parsed.username || parsed.password)
    throw invalid('webhook.url: must not carry credentials; verify the signature instead', {
      code: 'invalid_field',
      params: { field: 'webhook.url', rule: 'no_credentials' },
    });
  return parsed.toString();
}

export async function createEndpoint(
  db: Queryable,
  cipher: Cipher,
  accountId: number,
  input: EndpointInput,
): Promise<{ endpoint: EndpointRow; secret: string }> {
  const secret = newSecret();
  const [endpoint] = await db.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (account_id, url, description, events, secret, status)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
    [
      accountId,
      checkUrl(input.url),
      input.description ?? null,
      [...new Set(input.events)],
      cipher.encrypt(secret),
      input.status ?? 'active',
    ],
  );
  return { endpoint: endpoint!, secret };
}

export function listEndpoints(db: Queryable, accountId: number): Promise<EndpointRow[]> {
  return db.query<EndpointRow>(`SELECT ${columns} FROM webhook_endpoints WHERE account_id = $1 ORDER BY id`, [
    accountId,
  ]);
}

export async function getEndpoint(db: Queryable, accountId: number, id: number): Promise<EndpointRow> {
  const [row] = await db.query<EndpointRow>(
    `SELECT ${columns} FROM webhook_endpoints WHERE account_id = $1 AND id = $2`,
    [accountId, id],
  );
  if (!row) throw notFound(`webhook ${id} not found`, { code: 'webhook_not_found', params: { webhook: id } });
  return row;
}

export async function updateEndpoint(
  db: Queryable,
  accountId: number,
  id: number,
  input: EndpointInput,
): Promise<EndpointRow> {
  const [row] = await db.query<EndpointRow>(
    `UPDATE webhook_endpoints SET url = $3, description = $4, events = $5, status = coalesce($6, status),
            updated_at = now()
      WHERE account_id = $1 AND id = $2 RETURNING ${columns}`,
    [
      accountId,
      id,
      checkUrl(input.url),
      input.description ?? null,
      [...new Set(input.events)],
      input.status ?? null,
    ],
  );
  if (!row) throw notFound(`webhook ${id} not found`, { code: 'webhook_not_found', params: { webhook: id } });
  return row;
}

export async function rotateSecret(
  db: Queryable,
  cipher: Cipher,
  accountId: number,
  id: number,
): Promise<{ endpoint: EndpointRow; secret: string }> {
  const secret = newSecret();
  const [row] = await db.query<EndpointRow>(
    `UPDATE webhook_endpoints SET secret = $3, updated_at = now() WHERE account_id = $1 AND id = $2
     RETURNING ${columns}`,
    [accountId, id, cipher.encrypt(secret)],
  );
  if (!row) throw notFound(`webhook ${id} not found`, { code: 'webhook_not_found', params: { webhook: id } });
  return { endpoint: row, secret };
}

export async function deleteEndpoint(db: Queryable, accountId: number, id: number): Promise<void> {
  const rows = await db.query(
    'DELETE FROM webhook_endpoints WHERE account_id = $1 AND id = $2 RETURNING id',
    [accountId, id],
  );
  if (rows.length === 0)
    throw notFound(`webhook ${id} not found`, { code: 'webhook_not_found', params: { webhook: id } });
}

/** An endpoint as the API shows it; the secret only when just made (registered or rotated). */
export function presentEndpoint(row: EndpointRow, secret?: string): Static<typeof Webhook> {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    ...(secret === undefined ? {} : { secret }),
  };
}
