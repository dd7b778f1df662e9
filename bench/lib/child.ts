/** Runs a bench server in a child process (so the load generator does not share its thread). */
import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';

// A benchmark that fails part-way must not leave its servers running (they hold its stdout).
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export interface ChildServer {
  url: string;
  /** Everything the child reported in its first message. */
  report: Record<string, unknown>;
  stop(): Promise<void>;
}

export interface ChildOptions {
  /** Where the child's stdout goes (its logs), instead of this terminal. */
  stdoutFile?: string | undefined;
  /** Variables removed from the inherited environment (e.g. DATABASE_URL for PGlite). */
  unset?: readonly string[] | undefined;
}

function childEnv(env: Record<string, string>, unset: readonly string[] = []): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of unset) delete merged[name];
  return merged;
}

export function startChild(
  script: URL,
  env: Record<string, string>,
  options: ChildOptions = {},
): Promise<ChildServer> {
  const stdout = options.stdoutFile ? openSync(options.stdoutFile, 'a') : 'inherit';
  const child = track(
    fork(script, {
      env: childEnv(env, options.unset),
      stdio: ['ignore', stdout, 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`${script.pathname} exited with ${code} before it was ready`)),
    );
    child.once('message', (message) => {
      const report = message as { url: string };
      resolve({
        url: report.url,
        report,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Runs a script that reports once over IPC and exits; resolves with its report. */
export function runChild(script: URL, env: Record<string, string>): Promise<Record<string, unknown>> {
  const child = track(
    fork(script, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    let report: Record<string, unknown> | undefined;
    child.once('message', (message) => {
      report = message as Record<string, unknown>;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      report ? resolve(report) : reject(new Error(`${script.pathname} exited with ${code}`)),
    );
  });
}
