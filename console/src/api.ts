/**
 * The console speaks the same HTTP API as an ERP, authenticated by the session cookie; every
 * change carries the session's CSRF token, every request the seller's language. Errors come back
 * as ApiError with the server's message, whether that message is in the seller's language, the
 * stable code and its params (the field concerned, a limit…).
 */

export type ErrorParams = Record<string, string | number | string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfter: number | undefined;
  readonly params: ErrorParams;
  /** The server wrote `message` in the language the console asked for (Content-Language). */
  readonly localized: boolean;
  constructor(
    status: number,
    message: string,
    code: string,
    options: { retryAfter?: number | undefined; params?: ErrorParams; localized?: boolean } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = options.retryAfter;
    this.params = options.params ?? {};
    this.localized = options.localized ?? false;
  }
}

let csrfToken = '';
let language = 'pt-BR';

/** The language the seller chose; the server answers its error messages in it. */
export function setApiLanguage(lang: string): void {
  language = lang;
}
let onSessionEnded: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (data ?? {}) as { error?: string; code?: string; params?: ErrorParams };
    const retry = Number(response.headers.get('retry-after')) || undefined;
    if (response.status === 401 && path !== '/session') onSessionEnded();
    throw new ApiError(response.status, error.error ?? response.statusText, error.code ?? 'http_error', {
      retryAfter: retry,
      params: error.params,
      localized: response.headers.get('content-language') === language,
    });
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const enc = encodeURIComponent;
