/**
 * Outbound HTTP for every adapter: one keep-alive agent, bounded timeouts, and network failures
 * turned into transient ChannelErrors. Adapters classify the answers they get; this module only
 * classifies the answers they never got.
 */
import { EventEmitter } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import { ChannelError, FailureClass } from './errors.ts';

// Connections are reused across runs (keep-alive); a marketplace that stops answering costs a
// caller at most the timeout, and the run goes on with the next items.
const agent = new Agent({
  connections: 128,
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 600_000,
  headersTimeout: 20_000,
  bodyTimeout: 30_000,
  connect: { timeout: 10_000 },
});

export interface HttpRequest {
  method: Dispatcher.HttpMethod;
  url: string;
  headers?: Record<string, string> | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string> | undefined;
  /** Sent as is, e.g. an NF-e XML document. */
  text?: { contentType: string; body: string } | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Answer the body as raw bytes (a Buffer), for documents that may be compressed. */
  binary?: boolean | undefined;
  /**
   * A success's body is read and dropped (`body` undefined), for a write whose answer the caller
   * never looks at: Mercado Livre answers a stock PUT with the whole item, and decoding and
   * parsing it was a tenth of a run's CPU. Any other answer is parsed as usual, to classify it.
   */
  ignoreSuccessBody?: boolean | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the answer was JSON, the text otherwise, undefined when empty; a Buffer when `binary`. */
  body: unknown;
}

export async function send(req: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.text) {
    headers['content-type'] = req.text.contentType;
    body = req.text.body;
  }
  const timeout = req.timeoutMs ?? 20_000;
  // undici's own header/body timers tick once a second; a deadline holds the whole exchange to
  // the configured time, and the caller's signal still cancels it. One exchange and one timer
  // per call, both released when it ends (AbortSignal.timeout and AbortSignal.any per call left
  // signals for the garbage collector to track, a seventh of a 100,000-call run's CPU).
  const exchange = new Exchange();
  const deadline = setTimeout(
    () => exchange.cancel(new DOMException(`no answer within ${timeout} ms`, 'TimeoutError')),
    timeout,
  );
  let followed: Set<Exchange> | undefined;
  try {
    // Refused before a connection is taken: undici sees the exchange's cancel only from now on.
    if (req.signal?.aborted) throw req.signal.reason;
    followed = req.signal ? follow(req.signal, exchange) : undefined;
    const { origin, path } = target(req.url);
    const res = await agent.request({
      origin,
      path,
      method: req.method,
      headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: exchange,
    });
    if (req.ignoreSuccessBody === true && res.statusCode >= 200 && res.statusCode < 300) {
      await res.body.dump();
      return { status: res.statusCode, headers: res.headers, body: undefined };
    }
    if (req.binary === true) {
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers: res.headers, body: bytes.length === 0 ? undefined : bytes };
    }
    const text = await res.body.text();
    return {
      status: res.statusCode,
      headers: res.headers,
      body: parseBody(text, res.headers['content-type']),
    };
  } catch (error) {
    throw networkError(error, req);
  } finally {
    clearTimeout(deadline);
    followed?.delete(exchange);
  }
}

/**
 * What cancels one exchange, handed to undici as its signal: undici takes an EventEmitter with a
 * `reason` as well as an AbortSignal, and an emitter costs a fraction of an AbortController and
 * the EventTarget listener undici puts on it.
 */
class Exchange extends EventEmitter {
  reason: unknown;
  #cancelled = false;

  cancel(reason: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.reason = reason;
    this.emit('abort');
  }
}

// The exchanges in flight per caller signal. A run's signal had a listener per call in flight
// (64 and more), and an EventTarget walks its listeners on every add and remove; one listener
// per signal now cancels the exchanges in its set, and a call leaves the set when it ends.
const followers = new WeakMap<AbortSignal, Set<Exchange>>();

function follow(signal: AbortSignal, exchange: Exchange): Set<Exchange> {
  let exchanges = followers.get(signal);
  if (exchanges === undefined) {
    const set = new Set<Exchange>();
    signal.addEventListener(
      'abort',
      () => {
        for (const each of set) each.cancel(signal.reason);
      },
      { once: true },
    );
    followers.set(signal, set);
    exchanges = set;
  }
  exchanges.add(exchange);
  return exchanges;
}

// An absolute URL of printable ASCII (no fragment, no user info), as every adapter builds them:
// split here, since undici parses a URL string with WHATWG's parser on every call.
const PLAIN_URL = /^(https?:\/\/[^/?#@\s]+)(\/[\x21\x22\x24-\x7e]*)?$/;

function target(url: string): { origin: string; path: string } {
  const plain = PLAIN_URL.exec(url);
  if (plain) return { origin: plain[1]!, path: plain[2] ?? '/' };
  const parsed = new URL(url);
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}

function parseBody(text: string, contentType: string | string[] | undefined): unknown {
  if (text === '') return undefined;
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  if (type?.includes('json') || /^[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function networkError(error: unknown, req: HttpRequest): ChannelError {
  const code = String((error as { code?: unknown }).code ?? '');
  const name = (error as Error).name;
  const aborted = req.signal?.aborted === true;
  const timedOut = !aborted && (/TIMEOUT/i.test(code) || name === 'TimeoutError' || name === 'AbortError');
  const what = aborted ? 'cancelled by Cais' : timedOut ? 'no answer in time' : (error as Error).message;
  return new ChannelError(FailureClass.transient, {
    code: aborted ? 'aborted' : timedOut ? 'timeout' : 'network',
    marketplaceMessage: `${req.method} ${new URL(req.url).pathname}: ${what}`,
    hint: 'The marketplace did not answer; Cais retries on its own.',
  });
}

/** Retry-After in milliseconds (seconds or an HTTP date), when the answer carried one. */
export function retryAfterMs(headers: HttpResponse['headers']): number | undefined {
  const value = headers['retry-after'];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
