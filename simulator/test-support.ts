import type { RunningSimulator, SimulatorOptions } from './server.ts';
import { startSimulator } from './server.ts';

/** A small HTTP client over a simulator started in-process on a real socket, for tests. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  readonly body: any;
}

export interface CallOptions {
  readonly token?: string;
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  readonly text?: string;
  /** multipart/form-data (Shopee's invoice upload); fetch sets the boundary. */
  readonly multipart?: FormData;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export interface TestSimulator {
  readonly running: RunningSimulator;
  readonly url: string;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  call(channel: string, method: string, path: string, options?: CallOptions): Promise<Answer>;
  close(): Promise<void>;
}

/** JSON bodies parsed; anything else (S3's XML, an uploaded document) kept as text. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseBody(text) };
}

function requestInit(method: string, options: CallOptions): RequestInit {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.multipart !== undefined) {
    body = options.multipart;
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.text !== undefined) {
    body = options.text;
  }
  return { method, headers, body, redirect: 'manual', signal: options.signal };
}

export async function openSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const running = await startSimulator(options);
  return {
    running,
    url: running.url,
    async control(method, path, body) {
      const init = requestInit(method, body === undefined ? {} : { json: body });
      return answer(await fetch(`${running.url}/_control${path}`, init));
    },
    async call(channel, method, path, options = {}) {
      return answer(await fetch(`${running.baseUrl(channel)}${path}`, requestInit(method, options)));
    },
    close: () => running.close(),
  };
}

/** A token for the default app and seller of a channel, straight from the control API. */
export async function defaultToken(sim: TestSimulator, channel: string): Promise<string> {
  const issued = await sim.control('POST', `/${channel}/tokens`, {});
  if (issued.status !== 201) throw new Error(`token: ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body.access_token as string;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
