/**
 * Builds the console with Vite into console/dist. `--if-stale` skips the build when dist is newer
 * than every source file, so `npm start` builds only on a fresh clone or after a change. Without
 * Vite (an install that left out dev dependencies) it says so and leaves the server to explain.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const stamp = join(here, 'dist', 'index.html');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

export function consoleIsStale(): boolean {
  if (!existsSync(stamp)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => newestSource(join(here, p)));
  return Math.max(...sources) > statSync(stamp).mtimeMs;
}

export async function buildConsole(options: { ifStale?: boolean } = {}): Promise<void> {
  if (options.ifStale && !consoleIsStale()) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    console.warn('cais: Vite is not installed, so the console was not built (npm install adds it)');
    return;
  }
  const started = Date.now();
  await vite.build({ configFile: join(here, 'vite.config.ts') });
  console.log(`cais: console built into console/dist in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildConsole({ ifStale: process.argv.includes('--if-stale') });
}
