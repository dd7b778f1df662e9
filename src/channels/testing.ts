/**
 * Test helpers for adapter contract tests: an in-memory CredentialStore that keeps the real
 * store's contract (refreshes serialised, a stale caller gets the tokens someone else already
 * refreshed, a refused refresh rejects with the adapter's auth error), and a small client for
 * the simulator's control API.
 */
import type { ChannelAdapter, ChannelContext, CredentialStore, Credentials } from './adapter.ts';
import type { RetryPolicy } from './retry.ts';

export interface MemoryCredentials extends CredentialStore {
  /** How many times the marketplace was asked for new tokens. */
  readonly refreshCount: number;
  /** What the store holds now (what a database row would hold). */
  readonly stored: Credentials;
}

export function memoryCredentials(
  initial: Credentials,
  refresh: (credentials: Credentials) => Promise<Credentials>,
): MemoryCredentials {
  let stored = initial;
  let refreshCount = 0;
  // One refresh at a time, like the real store's row lock: a refresh token is single-use.
  let queue: Promise<unknown> = Promise.resolve();
  const refreshed = (stale: Credentials): Promise<Credentials> => {
    const turn = queue.then(async () => {
      if (stored.accessToken !== stale.accessToken) return stored;
      refreshCount += 1;
      stored = await refresh(stored);
      return stored;
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  return {
    current: async () => stored,
    refreshed,
    get refreshCount() {
      return refreshCount;
    },
    get stored() {
      return stored;
    },
  };
}

let nextConnectionId = 1_000_000;

/** A context over a memory store whose refresh goes through the adapter, as the real store's does. */
export function testContext(
  adapter: ChannelAdapter,
  baseUrl: string,
  credentials: Credentials,
  options: { retry?: RetryPolicy; timeoutMs?: number } = {},
): ChannelContext & { credentials: MemoryCredentials } {
  return {
    // A fresh id per context: rate-limiter buckets are per connection and must not leak between tests.
    connectionId: nextConnectionId++,
    baseUrl,
    credentials: memoryCredentials(credentials, (current) => adapter.refreshToken(baseUrl, current)),
    retry: options.retry,
    timeoutMs: options.timeoutMs,
  };
}

/** Millisecond waits, so fault tests prove bounded attempts without sleeping for seconds. */
export const fastRetry: RetryPolicy = { attempts: 3, baseMs: 5, maxMs: 20 };

export interface ControlAnswer {
  status: number;
  body: unknown;
}

export type SimulatorControl = (method: string, path: string, body?: unknown) => Promise<ControlAnswer>;

/** `control('POST', '/mercadolivre/listings', {...})` against `${url}/_control`. */
export function simulatorControl(url: string): SimulatorControl {
  return async (method, path, body) => {
    const response = await fetch(`${url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
}

/** Fails the test with the answer when the control API refused a setup call. */
export async function setup<T>(answer: Promise<ControlAnswer>): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`control API answered ${status}: ${JSON.stringify(body)}`);
  return body as T;
}
