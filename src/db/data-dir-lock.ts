/**
 * PGlite is one process's database: two processes opening the same folder would corrupt it. A
 * lock file holding the owner's pid keeps a second one out, and is taken over when that pid is gone.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { unavailable } from '../errors.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = `${dir}/cais.lock`;
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(await readFile(path, 'utf8').catch(() => '0'));
    if (owner !== process.pid && owner > 0 && isAlive(owner)) {
      throw unavailable(
        `the embedded database in ${dir} is in use by process ${owner}; stop it first, or use PostgreSQL (DATABASE_URL) to run several processes`,
        { code: 'data_dir_in_use', params: { dir, pid: owner } },
      );
    }
    await writeFile(path, String(process.pid));
  }
  return () => rm(path, { force: true });
}
