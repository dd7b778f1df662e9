/**
 * The database-backed CredentialStore adapters use. A refresh token is single-use, so two
 * processes refreshing at once would leave one with a dead token: refreshes of one connection are
 * serialised (an in-process queue, and on PostgreSQL a row lock across processes) and a caller
 * whose stale token was already replaced gets the new one instead of refreshing again.
 */
import type { ChannelAdapter, CredentialStore, Credentials } from '../channels/adapter.ts';
import { ChannelError, FailureClass } from '../channels/errors.ts';
import type { Db, Queryable } from '../db/db.ts';
import type { Cipher } from './cipher.ts';
import { type ConnectionRow, findConnectionById, lockConnection, saveSecrets } from './queries.ts';

const refreshQueues = new Map<number, Promise<unknown>>();

function serialised<T>(connectionId: number, work: () => Promise<T>): Promise<T> {
  const previous = refreshQueues.get(connectionId) ?? Promise.resolve();
  const next = previous.then(work, work);
  // The caller gets `work`'s outcome from `next`; the queue only waits for it to settle.
  refreshQueues.set(
    connectionId,
    next.then(
      () => undefined,
      () => undefined,
    ),
  );
  return next;
}

export class DbCredentialStore implements CredentialStore {
  readonly #db: Db;
  readonly #cipher: Cipher;
  readonly #adapter: ChannelAdapter;
  readonly #connectionId: number;
  #cached: Credentials | undefined;
  #loading: Promise<Credentials> | undefined;

  constructor(db: Db, cipher: Cipher, adapter: ChannelAdapter, connectionId: number) {
    this.#db = db;
    this.#cipher = cipher;
    this.#adapter = adapter;
    this.#connectionId = connectionId;
  }

  /**
   * The stored credentials, refreshed only once they have expired. Refreshing a token that is about
   * to expire is the call path's decision (channels/call.ts), which keeps the still-valid token
   * when that early refresh fails for a passing reason (a 503 from the token endpoint).
   */
  async current(): Promise<Credentials> {
    const credentials = this.#cached ?? (await this.#firstLoad());
    if (credentials.expiresAt !== undefined && credentials.expiresAt <= Date.now()) {
      return this.refreshed(credentials);
    }
    this.#cached = credentials;
    return credentials;
  }

  refreshed(stale: Credentials): Promise<Credentials> {
    return serialised(this.#connectionId, async () => {
      let tried: string | undefined;
      try {
        const fresh =
          this.#db.kind === 'postgres'
            ? await this.#db.transaction((tx) => this.#refreshUnder(tx, stale, true, (s) => (tried = s)))
            : await this.#refreshUnder(this.#db, stale, false, (s) => (tried = s));
        this.#cached = fresh;
        return fresh;
      } catch (error) {
        // Marked after the transaction (inside it, this update would wait on our own row lock), and
        // only if the credentials that failed are still the stored ones: a seller who reconnected
        // meanwhile must not be marked failed by a refresh of the tokens they replaced.
        if (error instanceof ChannelError && error.failure === FailureClass.auth && tried !== undefined) {
          await markAuthFailed(this.#db, this.#connectionId, error.marketplaceMessage, tried);
        }
        throw error;
      }
    });
  }

  async #refreshUnder(
    db: Queryable,
    stale: Credentials,
    lock: boolean,
    onTry: (sealed: string) => void,
  ): Promise<Credentials> {
    const row = lock
      ? await lockConnection(db, this.#connectionId)
      : await findConnectionById(db, this.#connectionId);
    const stored = this.#open(row);
    // Someone else refreshed (or the seller reconnected) while we waited: that token is the live one.
    if (stored.accessToken !== stale.accessToken) return stored;
    onTry(row!.secrets!);
    const fresh = await this.#adapter.refreshToken(row!.base_url, stored);
    await saveSecrets(db, this.#connectionId, this.#cipher.encryptJson(fresh));
    return fresh;
  }

  // The calls a run starts at once (64) share one read and one decryption of the stored secrets.
  #firstLoad(): Promise<Credentials> {
    this.#loading ??= this.#load(this.#db).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #load(db: Queryable): Promise<Credentials> {
    return this.#open(await findConnectionById(db, this.#connectionId));
  }

  #open(row: ConnectionRow | undefined): Credentials {
    if (!row?.secrets) {
      throw new ChannelError(FailureClass.auth, {
        code: 'not_authorised',
        marketplaceMessage: 'this connection has no credentials yet',
        hint: 'Finish connecting the marketplace (Integrações › Conectar).',
      });
    }
    return this.#cipher.decryptJson<Credentials>(row.secrets);
  }
}

/**
 * The connection stops syncing until the seller reconnects; the reason is shown as is. With
 * `ifSecrets`, only while the stored credentials are still those (sealed) ones.
 */
export async function markAuthFailed(
  db: Queryable,
  connectionId: number,
  reason: string,
  ifSecrets?: string,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE connections SET status = 'auth_failed', status_reason = $2, updated_at = now()
      WHERE id = $1 AND ($3::text IS NULL OR secrets = $3) RETURNING id`,
    [connectionId, reason, ifSecrets ?? null],
  );
  return rows.length > 0;
}
