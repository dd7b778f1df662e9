/**
 * The connections domain's public surface: link an account to a marketplace (OAuth consent or
 * pasted credentials), test it, follow its status. Credentials go in encrypted and never come out.
 */
import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import type { ChannelAdapter, ChannelContext, Credentials, OAuthStart } from '../channels/adapter.ts';
import { ChannelError, FailureClass } from '../channels/errors.ts';
import { limiterFor } from '../channels/rate-limiter.ts';
import { adapterFor } from '../channels/registry.ts';
import type { RetryPolicy } from '../channels/retry.ts';
import type { Db, Queryable } from '../db/db.ts';
import { conflict, invalid, notFound, unprocessable } from '../errors.ts';
import type { Connection } from '../http/contract/connections.ts';
import { cancelSchedule, everyLabel, listSchedules, replaceSchedule } from '../sync/schedules.ts';
import { resolveConnectionErrors } from '../sync-errors/listings.ts';
import type { Cipher } from './cipher.ts';
import { DbCredentialStore, markAuthFailed } from './credential-store.ts';
import {
  type ConnectionRow,
  connectionFootprint,
  deleteConnectionRow,
  findByOauthState,
  findConnection,
  insertConnection,
  listConnections,
  markVerified,
  renameConnection,
  replaceCredentials,
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

export type ConnectionView = Static<typeof Connection>;

export function presentConnection(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    channel: row.channel,
    name: row.name,
    base_url: row.base_url,
    status: row.status,
    status_reason: row.status_reason,
    seller_id: row.seller_id,
    seller_name: row.seller_name,
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
  if (!row)
    throw notFound(`connection ${id} not found`, {
      code: 'connection_not_found',
      params: { connection: id },
    });
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
    limiter: limiterFor(deps.db),
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
    throw invalid('connection.client_id and connection.client_secret: are required to connect by OAuth', {
      code: 'oauth_client_required',
      params: { field: input.clientId ? 'connection.client_secret' : 'connection.client_id' },
    });
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
  const others = await listConnections(deps.db, accountId);
  const name =
    input.name?.trim() ||
    defaultName(
      adapter.channel,
      others.map((c) => c.name),
    );
  refuseTakenName(name, others);
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

/** The marketplace's own name, as sellers call it; numbered when the account has one already. */
const marketplaceNames: Record<string, string> = {
  mercadolivre: 'Mercado Livre',
  magalu: 'Magalu',
  amazon: 'Amazon',
  shopee: 'Shopee',
};

export function defaultName(channel: string, taken: readonly string[]): string {
  const base = marketplaceNames[channel] ?? channel;
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base} ${n}`)) return `${base} ${n}`;
}

function refuseTakenName(name: string, others: readonly ConnectionRow[]): void {
  const clash = others.find((c) => c.name === name);
  if (clash) {
    throw conflict(`connection.name: "${name}" is already used by connection ${clash.id}`, {
      code: 'connection_name_taken',
      params: { field: 'connection.name', name, connection: clash.id },
    });
  }
}

function normaliseBaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`connection.base_url: "${url}" is not a URL`, {
      code: 'invalid_field',
      params: { field: 'connection.base_url', rule: 'not_url' },
    });
  }
  if (!/^https?:$/.test(parsed.protocol))
    throw invalid('connection.base_url: must be http or https', {
      code: 'invalid_field',
      params: { field: 'connection.base_url', rule: 'http_url' },
    });
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
    throw unprocessable(`${row.channel} is connected with credentials, not by OAuth`, {
      code: 'consent_unsupported',
      params: { channel: row.channel },
    });
  const credentials = row.secrets ? deps.cipher.decryptJson<Credentials>(row.secrets) : {};
  if (!credentials.clientId)
    throw unprocessable('this connection has no client_id; edit it to add one', {
      code: 'consent_no_client',
    });
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
    throw notFound('state: this authorisation link is unknown or was already used; start connecting again', {
      code: 'consent_unknown_state',
    });
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
    throw unprocessable('this connection cannot complete an OAuth consent', { code: 'consent_impossible' });
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
        code: 'authorization_refused',
        params: { marketplace_message: error.marketplaceMessage, marketplace_code: error.code },
      });
    }
    throw error;
  }
}

/** Makes a cheap authenticated call; active when it works, auth_failed (with the reason) when not. */
export async function verify(deps: Connections, row: ConnectionRow): Promise<ConnectionRow> {
  try {
    const who = await adapterFor(row.channel).testConnection(channelContext(deps, row));
    await markVerified(deps.db, row.id, who, row.status !== 'disabled');
    // The connection-wide error ("reconnect it") is over once a call with its credentials works.
    await resolveConnectionErrors(deps.db, row.id);
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    const status = error.failure === FailureClass.auth ? 'auth_failed' : row.status;
    await setStatus(deps.db, row.id, status, error.marketplaceMessage);
  }
  return (await findConnection(deps.db, row.account_id, row.id))!;
}

export interface ConnectionPatch {
  name?: string | undefined;
  enabled?: boolean | undefined;
  baseUrl?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  credentials?: Credentials | undefined;
}

export async function updateConnection(
  deps: Connections,
  row: ConnectionRow,
  patch: ConnectionPatch,
): Promise<ConnectionRow> {
  const name = patch.name?.trim();
  if (name && name !== row.name) {
    refuseTakenName(
      name,
      (await listConnections(deps.db, row.account_id)).filter((c) => c.id !== row.id),
    );
    await renameConnection(deps.db, row.id, name);
  }
  const replaced = await replaceSecrets(deps, row, patch);
  if (patch.enabled === false && row.status !== 'disabled')
    await setStatus(deps.db, row.id, 'disabled', 'disabled by the seller');
  const updated = (await findConnection(deps.db, row.account_id, row.id))!;
  if (patch.enabled === true && updated.status === 'disabled') return verify(deps, updated);
  // New credentials are tested at once, unless they are a new OAuth app that needs the consent.
  if (replaced === 'test') return verify(deps, updated);
  return updated;
}

/**
 * Replaces what the seller typed wrong (a secret, the app's id, a pasted token, the address):
 * fields left out keep their stored value. Answers what comes next: a test call, or the consent.
 */
async function replaceSecrets(
  deps: Connections,
  row: ConnectionRow,
  patch: ConnectionPatch,
): Promise<'test' | 'consent' | undefined> {
  const given = patch.clientId ?? patch.clientSecret ?? patch.credentials ?? patch.baseUrl;
  if (given === undefined) return undefined;
  const known = row.secrets ? deps.cipher.decryptJson<Credentials>(row.secrets) : {};
  const next: Credentials = {
    ...known,
    ...patch.credentials,
    extra: { ...known.extra, ...patch.credentials?.extra },
    clientId: patch.clientId ?? known.clientId,
    clientSecret: patch.clientSecret ?? known.clientSecret,
  };
  const baseUrl = patch.baseUrl === undefined ? row.base_url : normaliseBaseUrl(patch.baseUrl);
  // New app credentials make the old tokens meaningless: the seller authorises again.
  if (patch.clientId !== undefined || patch.clientSecret !== undefined) {
    if (!patch.credentials?.accessToken) delete next.accessToken;
    if (!patch.credentials?.refreshToken) delete next.refreshToken;
  }
  await replaceCredentials(deps.db, row.id, { secrets: deps.cipher.encryptJson(next), baseUrl });
  const oauth = adapterFor(row.channel).capabilities.auth === 'oauth';
  return oauth && !next.accessToken && !next.refreshToken ? 'consent' : 'test';
}

/** What deleting would take away; the console says it before the seller confirms. */
export function deletionFootprint(deps: Connections, row: ConnectionRow) {
  return connectionFootprint(deps.db, row.account_id, row.id);
}

/**
 * Deletes a connection. Its schedules stop covering it first (schedules are immutable: one that
 * covered other connections too is replaced by one without it; one that covered only it is
 * cancelled), then the row goes with its listings, runs and sync errors; its orders stay.
 */
export async function deleteConnection(
  deps: Connections,
  row: ConnectionRow,
): Promise<{ cancelled_schedules: number[]; replaced_schedules: { id: number; by: number }[] }> {
  const cancelled: number[] = [];
  const replaced: { id: number; by: number }[] = [];
  for (const s of await listSchedules(deps.db, row.account_id, 'active')) {
    if (!s.connection_ids.map(Number).includes(row.id)) continue;
    const rest = s.connection_ids.map(Number).filter((id) => id !== row.id);
    if (rest.length === 0) {
      await cancelSchedule(deps.db, row.account_id, s.id);
      cancelled.push(s.id);
    } else {
      const input = { connections: rest, resources: s.resources, every: everyLabel(s.every_minutes) };
      const created = await replaceSchedule(deps.db, row.account_id, s.id, input);
      replaced.push({ id: s.id, by: created.id });
    }
  }
  await deleteConnectionRow(deps.db, row.account_id, row.id);
  return { cancelled_schedules: cancelled, replaced_schedules: replaced };
}
