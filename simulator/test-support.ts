import type { ConformanceQuery, ConformanceReport } from './core/conformance.ts';
import { EXPECT_INVALID_HEADER } from './core/conformance.ts';
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
  /**
   * The request is invalid on purpose: the test's name, sent as `x-sim-expect-invalid`, so the
   * conformance ledger counts it as expected rather than as a violation.
   */
  readonly expectInvalid?: string;
}

export interface TestSimulator {
  readonly running: RunningSimulator;
  readonly url: string;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  call(channel: string, method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** The conformance ledger (counts and violations) of this simulator. */
  conformance(query?: ConformanceQuery): Promise<ConformanceReport>;
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
  if (options.expectInvalid !== undefined) headers[EXPECT_INVALID_HEADER] = options.expectInvalid;
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
    conformance: (query) => readConformance(running.url, query),
    close: () => running.close(),
  };
}

/** `GET /_control/conformance` of the simulator at `url` (its root, not a channel's mount). */
export async function readConformance(url: string, query: ConformanceQuery = {}): Promise<ConformanceReport> {
  const params = new URLSearchParams();
  if (query.channel !== undefined) params.set('channel', query.channel);
  if (query.operation !== undefined) params.set('operation', query.operation);
  if (query.since !== undefined) params.set('since', String(query.since));
  const response = await fetch(`${url}/_control/conformance?${params}`);
  if (response.status !== 200) throw new Error(`conformance: ${response.status} ${await response.text()}`);
  return (await response.json()) as ConformanceReport;
}

/** A checkpoint: pass it as `since` to `assertConformant` to judge only what came after. */
export async function conformanceMark(url: string): Promise<number> {
  return (await readConformance(url)).last_seq;
}

/**
 * Throws, naming every operation and issue, when the simulator at `url` received a request that
 * does not fit its marketplace's definition and that no test declared invalid on purpose.
 * Adapter tests call it after their cases: whatever Cais sent must be valid.
 */
export async function assertConformant(
  url: string,
  query: ConformanceQuery = {},
): Promise<ConformanceReport> {
  const report = await readConformance(url, query);
  const violations = report.violations.filter((entry) => entry.expected_by === null);
  const unkept = report.counts.reduce((sum, entry) => sum + entry.invalid, 0) > 0 && violations.length === 0;
  if (violations.length > 0 || (unkept && query.since === undefined)) {
    const lines = violations.map(
      (entry) =>
        `${entry.channel} ${entry.operation}: ${entry.issues.map((issue) => `${issue.path || '(body)'} ${issue.message}`).join('; ')}`,
    );
    throw new Error(
      `the simulator received requests its marketplace's definition refuses:\n${lines.join('\n')}`,
    );
  }
  return report;
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
