/** Runs a bench server in a child process (so the load generator does not share its thread). */
import { fork } from 'node:child_process';

export interface ChildServer {
  url: string;
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
      const { url } = message as { url: string };
      resolve({
        url,
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
