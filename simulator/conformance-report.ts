/**
 * Totals of the conformance ledgers a test run left in `test-output/conformance/` (one file per
 * simulator closed under `node --test`; see simulator/core/conformance.ts).
 *
 *   node simulator/conformance-report.ts            # table: received, valid, invalid per operation
 *   node simulator/conformance-report.ts --strict   # … and exit 1 if any request was invalid
 *   node simulator/conformance-report.ts --clear    # forget the last run (npm run test:unit does)
 *   node simulator/conformance-report.ts --json     # the totals as JSON
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ConformanceCounts, ConformanceReport, ConformanceViolation } from './core/conformance.ts';

const dir = process.env.SIM_CONFORMANCE_DIR || join(process.cwd(), 'test-output', 'conformance');
const args = new Set(process.argv.slice(2));

interface Totals {
  counts: Map<string, ConformanceCounts>;
  violations: Array<ConformanceViolation & { source: string }>;
  files: number;
}

function readTotals(): Totals {
  const totals: Totals = { counts: new Map(), violations: [], files: 0 };
  if (!existsSync(dir)) return totals;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ConformanceReport & {
      source: string;
    };
    totals.files += 1;
    for (const entry of report.counts) {
      const key = `${entry.channel} ${entry.operation}`;
      const sum = totals.counts.get(key) ?? {
        ...entry,
        received: 0,
        valid: 0,
        invalid: 0,
        expected_invalid: 0,
      };
      sum.received += entry.received;
      sum.valid += entry.valid;
      sum.invalid += entry.invalid;
      sum.expected_invalid += entry.expected_invalid;
      totals.counts.set(key, sum);
    }
    const source = relative(process.cwd(), report.source);
    for (const violation of report.violations)
      if (violation.expected_by === null) totals.violations.push({ ...violation, source });
  }
  return totals;
}

function printTable(totals: Totals): void {
  const rows = [...totals.counts.values()].sort(
    (a, b) => a.channel.localeCompare(b.channel) || a.operation.localeCompare(b.operation),
  );
  const header = ['channel', 'operation', 'received', 'valid', 'invalid', 'expected_invalid', 'unchecked'];
  const lines = rows.map((row) => [
    row.channel,
    row.operation,
    String(row.received),
    String(row.valid),
    String(row.invalid),
    String(row.expected_invalid),
    // Received but never judged: the operation has no validator yet (or the call was refused earlier).
    String(Math.max(0, row.received - row.valid - row.invalid - row.expected_invalid)),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(`conformance of ${totals.files} simulator run(s) in ${relative(process.cwd(), dir) || dir}`);
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  for (const violation of totals.violations.slice(0, 50)) {
    const issues = violation.issues.map((issue) => `${issue.path || '(body)'} ${issue.message}`).join('; ');
    console.log(`INVALID ${violation.channel} ${violation.operation} (${violation.source}): ${issues}`);
  }
}

if (args.has('--clear')) {
  rmSync(dir, { recursive: true, force: true });
} else {
  const totals = readTotals();
  if (args.has('--json')) {
    console.log(
      JSON.stringify({
        files: totals.files,
        counts: [...totals.counts.values()],
        violations: totals.violations,
      }),
    );
  } else {
    printTable(totals);
  }
  const invalid = [...totals.counts.values()].reduce((sum, row) => sum + row.invalid, 0);
  // A run that left no ledger proves nothing: the reporting itself broke.
  if (args.has('--strict') && totals.files === 0)
    console.error(`no conformance ledger in ${dir}: did the tests run?`);
  if (args.has('--strict') && (invalid > 0 || totals.files === 0)) process.exitCode = 1;
}
