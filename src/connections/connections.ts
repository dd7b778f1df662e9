/**
 * The connections domain's public surface: link an account to a marketplace (OAuth consent or
 * pasted credentials), test it, follow its status. Credentials go in encrypted and never come out.
 */
import { randomBytes } from 'node:crypto';
import type { ChannelAdapter, ChannelContext, Credentials, OAuthStart } from '../channels/adapter.ts';
import { ChannelError, FailureClass } from '../channels/errors.ts';
import { adapterFor } from '../channels/registry.ts';
import type { RetryPolicy } from '../channels/retry.ts';
import type { Db, Queryable } from '../db/db.ts';
import { conflict, invalid, notFound, unprocessable } from '../errors.ts';
import { resolveConnectionErrors } from '../sync/sync-errors.ts';
import type { Cipher } from './cipher.ts';
import { DbCredentialStore, markAuthFailed } from './credential-store.ts';
import {
  type ConnectionRow,
  findByOauthState,
  findConnection,
  insertConnection,
  listConnections,
  markVerified,
  renameConnection,
  saveConsentStart,
  saveSecrets,
  setStatus,
} from './queries.ts';

export interface NewConnection {
  channel: string;
  name?: string | undefined;
  baseUrl?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** For marketplaces whose credentials are pasted (or a token obtained elsewhere). */
  credentials?: Credentials | undefined;
}

export interface ConnectionView {
  id: number;
  channel: string;
  name: string;
  base_url: string;
  status: ConnectionRow['status'];
  status_reason: string | null;
  seller_id: string | null;
  auth: 'oauth' | 'credentials';
  tested_at: string | null;
  created_at: string;
}

export function presentConnection(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    channel: row.channel,
    name: row.name,
    base_url: row.base_url,
    status: row.status,
    status_reason: row.status_reason,
    seller_id: row.seller_id,
    auth: adapterFor(row.channel).capabilities.auth,
    tested_at: row.tested_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

export interface Connections {
  db: Db;
  cipher: Cipher;
}

export async function getConnection(db: Queryable, accountId: number, id: number): Promise<ConnectionRow> {
  const row = await findConnection(db, accountId, id);
  if (!row) throw notFound(`connection ${id} not found`, { code: 'connection_not_found' });
  return row;
}

export function connectionsOf(db: Queryable, accountId: number): Promise<ConnectionRow[]> {
  return listConnections(db, accountId);
}

/** The context an adapter call needs for this connection. */
export function channelContext(
  deps: Connections & { retry?: RetryPolicy | undefined },
  row: ConnectionRow,
  signal?: AbortSignal,
): ChannelContext {
  return {
    connectionId: row.id,
    baseUrl: row.base_url,
    credentials: new DbCredentialStore(deps.db, deps.cipher, adapterFor(row.channel), row.id),
    signal,
    retry: deps.retry,
    rates: row.rate_limits,
  };
}

export async function createConnection(deps: Connections, accountId: number, input: NewConnection) {
  const adapter = adapterFor(input.channel);
  const baseUrl = normaliseBaseUrl(input.baseUrl ?? adapter.defaultBaseUrl);
  // Pasted tokens skip the consent: an access token, or a refresh token alone (Amazon's
  // self-authorised apps hand the seller one), which the first call trades for an access token.
  const pasted = Boolean(input.credentials?.accessToken || input.credentials?.refreshToken);
  const oauth = adapter.capabilities.auth === 'oauth' && !pasted;
  if (oauth && (!input.clientId || !input.clientSecret)) {
    throw invalid('connection.client_id and connection.client_secret: are required to connect by OAuth');
  }
  const credentials: Credentials = {
    ...input.credentials,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
  };
  // Refused before anything is stored: a connection that cannot start its consent is not created.
  if (oauth && adapter.authorizeUrl) {
    consentUrl(adapter, {
      baseUrl,
      clientId: input.clientId!,
      clientSecret: input.clientSecret,
      extra: input.credentials?.extra,
      redirectUri: 'http://localhost/oauth/callback',
      state: 'check',
    });
  }
  const name = input.name ?? `${input.channel} ${randomBytes(2).toString('hex')}`;
  const existing = (await listConnections(deps.db, accountId)).find((c) => c.name === name);
  if (existing) throw conflict(`connection.name: "${name}" is already used by connection ${existing.id}`);
  const row = await insertConnection(deps.db, {
    accountId,
    channel: adapter.channel,
    name,
    baseUrl,
    secrets: deps.cipher.encryptJson(credentials),
  });
  if (!oauth) return { connection: presentConnection(await verify(deps, row)) };
  return { connection: presentConnection(row) };
}

function normaliseBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`connection.base_url: "${url}" is not a URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw invalid('connection.base_url: must be http or https');
  return parsed.toString().replace(/\/+$/, '');
}

/** Starts (or restarts, to reconnect) the OAuth consent: the URL to send the seller's browser to. */
export async function startConsent(
  deps: Connections,
  row: ConnectionRow,
  redirectUri: string,
): Promise<{ authorize_url: string }> {
  const adapter = adapterFor(row.channel);
  if (!adapter.authorizeUrl)
    throw unprocessable(`${row.channel} is connected with credentials, not by OAuth`);
  const credentials = row.secrets ? deps.cipher.decryptJson<Credentials>(row.secrets) : {};
  if (!credentials.clientId)
    throw unprocessable('this connection has no client_id; create it again with one');
  const state = randomBytes(24).toString('base64url');
  const url = consentUrl(adapter, {
    baseUrl: row.base_url,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    extra: credentials.extra,
    redirectUri,
    state,
  });
  await saveConsentStart(deps.db, row.id, state, redirectUri);
  return { authorize_url: url };
}

/**
 * The adapter's consent URL; an adapter that cannot build one from what the seller gave (Amazon
 * without its application id) says why with a ChannelError, which the seller must see as a 422
 * naming what to fix, not as a 500.
 */
function consentUrl(adapter: ChannelAdapter, params: OAuthStart): string {
  try {
    return adapter.authorizeUrl!(params);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    throw unprocessable(`connection: ${error.marketplaceMessage}`, {
      code: error.code,
      details: error.hint ? { hint: error.hint } : undefined,
    });
  }
}

/** The marketplace sent the seller back with a code: trade it for tokens and go active. */
export async function completeConsent(
  deps: Connections,
  state: string,
  code: string,
  params: Record<string, string> = {},
): Promise<ConnectionView> {
  const row = await findByOauthState(deps.db, state);
  if (!row)
    throw notFound('state: this authorisation link is unknown or was already used; start connecting again');
  const adapter = adapterFor(row.channel);
  const known = row.secrets ? deps.cipher.decryptJson<Credentials>(row.secrets) : {};
  const tokens = await exchange(deps, adapter, row, known, code, params);
  await saveSecrets(deps.db, row.id, deps.cipher.encryptJson({ ...known, ...tokens }), {
    sellerId: tokens.sellerId,
  });
  return presentConnection(await verify(deps, (await findConnection(deps.db, row.account_id, row.id))!));
}

async function exchange(
  deps: Connections,
  adapter: ChannelAdapter,
  row: ConnectionRow,
  known: Credentials,
  code: string,
  params: Record<string, string>,
) {
  if (!adapter.exchangeCode || !known.clientId || !known.clientSecret || !row.redirect_uri) {
    throw unprocessable('this connection cannot complete an OAuth consent');
  }
  try {
    return await adapter.exchangeCode({
      baseUrl: row.base_url,
      clientId: known.clientId,
      clientSecret: known.clientSecret,
      redirectUri: row.redirect_uri,
      state: row.oauth_state ?? '',
      code,
      params,
    });
  } catch (error) {
    if (error instanceof ChannelError) {
      await markAuthFailed(deps.db, row.id, error.marketplaceMessage);
      throw unprocessable(`the marketplace refused the authorisation: ${error.marketplaceMessage}`, {
        code: error.code,
      });
    }
    throw error;
  }
}

/** Makes a cheap authenticated call; active when it works, auth_failed (with the reason) when not. */
export async function verify(deps: Connections, row: ConnectionRow): Promise<ConnectionRow> {
  try {
    const who = await adapterFor(row.channel).testConnection(channelContext(deps, row));
    await markVerified(deps.db, row.id, who.sellerId, row.status !== 'disabled');
    // The connection-wide error ("reconnect it") is over once a call with its credentials works.
    await resolveConnectionErrors(deps.db, row.id);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    const status = error.failure === FailureClass.auth ? 'auth_failed' : row.status;
    await setStatus(deps.db, row.id, status, error.marketplaceMessage);
  }
  return (await findConnection(deps.db, row.account_id, row.id))!;
}

export async function updateConnection(
  deps: Connections,
  row: ConnectionRow,
  patch: { name?: string | undefined; enabled?: boolean | undefined },
): Promise<ConnectionRow> {
  if (patch.name !== undefined && patch.name !== row.name) {
    const clash = (await listConnections(deps.db, row.account_id)).find((c) => c.name === patch.name);
    if (clash) throw conflict(`connection.name: "${patch.name}" is already used by connection ${clash.id}`);
    await renameConnection(deps.db, row.id, patch.name);
  }
  if (patch.enabled === false && row.status !== 'disabled')
    await setStatus(deps.db, row.id, 'disabled', 'disabled by the seller');
  const updated = (await findConnection(deps.db, row.account_id, row.id))!;
  if (patch.enabled === true && updated.status === 'disabled') return verify(deps, updated);
  return updated;
}
