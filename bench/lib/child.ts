/** Runs a bench server in a child process (so the load generator does not share its thread). */
import { fork } from 'node:child_process';

export interface ChildServer {
  url: string;
  /** Everything the child reported in its first message. */
  report: Record<string, unknown>;
  stop(): Promise<void>;
}

export function startChild(script: URL, env: Record<string, string>): Promise<ChildServer> {
  const child = fork(script, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
  const child = fork(script, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
