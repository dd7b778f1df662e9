/**
 * The conformance ledger: how many requests each mount received per operation, and whether
 * each request its validators checked fitted the marketplace's official definition.
 *
 * A test double that accepts whatever the adapter sends proves nothing, so every mount checks
 * the bodies and parameters it receives (its own schemas, written from the marketplace's
 * definitions) and records the verdict here, whatever it then answers. Tests read the ledger
 * through `GET /_control/conformance` (helpers in `simulator/test-support.ts`), and a simulator
 * started under `node --test` writes its counts to `test-output/conformance/` when it closes, so
 * `node simulator/conformance-report.ts` can print the totals of a whole run.
 *
 * The ledger outlives `POST /_control/reset`: it observes the simulator's whole life, so the
 * counts written at close cover every request, never a sample.
 *
 * A test that sends an invalid request on purpose (to see the marketplace's refusal) names itself
 * in the `x-sim-expect-invalid` header: its request is counted as `expected_invalid`, not as a
 * violation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import type { Checker, SchemaIssue } from './validate.ts';

/** Header a test sets, with its own name, on a request it sends invalid on purpose. */
export const EXPECT_INVALID_HEADER = 'x-sim-expect-invalid';

const NO_ISSUES: readonly SchemaIssue[] = [];

/** Invalid requests kept with their issues; past this only the counts grow. */
const KEPT_VIOLATIONS = 1000;

export interface ConformanceCounts {
  readonly channel: string;
  readonly operation: string;
  /** Requests admitted to the route (past faults, auth and the token bucket). */
  received: number;
  /** Checked against the definition and found to fit. */
  valid: number;
  /** Checked and found not to fit, with no test owning up to it. */
  invalid: number;
  /** Checked, not fitting, sent so on purpose by the test named in the header. */
  expected_invalid: number;
}

export interface ConformanceViolation {
  readonly seq: number;
  readonly at: string;
  readonly channel: string;
  readonly operation: string;
  /** The test that declared the request invalid on purpose, or null for a real violation. */
  readonly expected_by: string | null;
  readonly issues: readonly SchemaIssue[];
}

export interface ConformanceQuery {
  readonly channel?: string;
  readonly operation?: string;
  /** Only violations with a sequence number above this one (a test's checkpoint). */
  readonly since?: number;
}

export interface ConformanceReport {
  readonly counts: ConformanceCounts[];
  /** The kept invalid requests (real violations and declared ones), oldest first. */
  readonly violations: ConformanceViolation[];
  /** Invalid requests past the cap whose issues were not kept. */
  readonly dropped: number;
  /** Sequence number of the last invalid request: pass as `since` to read only later ones. */
  readonly last_seq: number;
}

export class ConformanceLedger {
  readonly #counts = new Map<string, ConformanceCounts>();
  readonly #violations: ConformanceViolation[] = [];
  #dropped = 0;
  #seq = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #entry(channel: string, operation: string): ConformanceCounts {
    const key = `${channel}\u0000${operation}`;
    let counts = this.#counts.get(key);
    if (counts === undefined) {
      counts = { channel, operation, received: 0, valid: 0, invalid: 0, expected_invalid: 0 };
      this.#counts.set(key, counts);
    }
    return counts;
  }

  /** Called by the guard for every request it lets through to the route handler. */
  received(channel: string, operation: string): void {
    this.#entry(channel, operation).received += 1;
  }

  /**
   * Records the verdict on one request and hands the issues back, so a route reads
   * `const issues = ledger.verdict(...); if (issues.length > 0) answer the marketplace's refusal`.
   */
  verdict(
    channel: string,
    operation: string,
    issues: readonly SchemaIssue[],
    expectedBy: string | null = null,
  ): readonly SchemaIssue[] {
    const counts = this.#entry(channel, operation);
    if (issues.length === 0) {
      counts.valid += 1;
      return issues;
    }
    if (expectedBy === null) counts.invalid += 1;
    else counts.expected_invalid += 1;
    this.#seq += 1;
    if (this.#violations.length >= KEPT_VIOLATIONS) {
      this.#dropped += 1;
      return issues;
    }
    this.#violations.push({
      seq: this.#seq,
      at: new Date(this.#now()).toISOString(),
      channel,
      operation,
      expected_by: expectedBy,
      issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
    return issues;
  }

  /** `verdict` for a route handler: the opt-out name comes from the request's header. */
  check(
    request: FastifyRequest,
    channel: string,
    operation: string,
    issues: readonly SchemaIssue[],
  ): readonly SchemaIssue[] {
    return this.verdict(channel, operation, issues, expectedInvalidBy(request));
  }

  /** `check` over a compiled schema: the fast check first, the issues only when it fails. */
  judge<T extends TSchema>(
    request: FastifyRequest,
    channel: string,
    operation: string,
    schema: Checker<T>,
    value: unknown,
  ): readonly SchemaIssue[] {
    return this.check(request, channel, operation, schema.check(value) ? NO_ISSUES : schema.issues(value));
  }

  report(query: ConformanceQuery = {}): ConformanceReport {
    const fits = (entry: { channel: string; operation: string }) =>
      (query.channel === undefined || entry.channel === query.channel) &&
      (query.operation === undefined || entry.operation === query.operation);
    const counts = [...this.#counts.values()]
      .filter(fits)
      .map((entry) => ({ ...entry }))
      .sort((a, b) => a.channel.localeCompare(b.channel) || a.operation.localeCompare(b.operation));
    const since = query.since ?? 0;
    const violations = this.#violations.filter((entry) => entry.seq > since && fits(entry));
    return { counts, violations, dropped: this.#dropped, last_seq: this.#seq };
  }

  get empty(): boolean {
    return this.#counts.size === 0;
  }
}

/** The test name a request declares itself invalid under, or null. */
export function expectedInvalidBy(request: FastifyRequest): string | null {
  const value = request.headers[EXPECT_INVALID_HEADER];
  if (typeof value !== 'string' || value === '') return null;
  return value;
}

/**
 * Where a simulator writes its counts when it closes: `SIM_CONFORMANCE_DIR`, or
 * `test-output/conformance` when running under `node --test`; null (nothing written) otherwise.
 */
export function defaultReportDir(): string | null {
  const configured = process.env.SIM_CONFORMANCE_DIR;
  if (configured !== undefined) return configured === '' ? null : configured;
  if (process.env.NODE_TEST_CONTEXT !== undefined) return join(process.cwd(), 'test-output', 'conformance');
  return null;
}

let reportSeq = 0;

/** One JSON file per closed simulator: the test file that ran it, and what its ledger holds. */
export function writeLedgerReport(ledger: ConformanceLedger, dir: string): void {
  if (ledger.empty) return;
  reportSeq += 1;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${reportSeq}.json`);
  const source = process.argv[1] ?? 'unknown';
  writeFileSync(file, `${JSON.stringify({ source, ...ledger.report() })}\n`);
}
