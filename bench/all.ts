/**
 * `npm run bench`: every benchmark, one after another (they share the machine, so never at once),
 * and their tables written into docs/BENCHMARKS.md between the `bench:latest` markers, with the
 * date and the machine. Each table already carries its raw baseline and target.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

const benches = ['ingest', 'sync', 'orders', 'marketplaces', 'scale'] as const;
const only = process.argv.slice(2);
const docs = new URL('../docs/BENCHMARKS.md', import.meta.url);
const START = '<!-- bench:latest -->';
const END = '<!-- /bench:latest -->';

function run(name: string): Promise<{ output: string; code: number | null; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`bench/${name}.ts`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => resolve({ output, code, seconds: (performance.now() - started) / 1000 }));
  });
}

/** The markdown table a benchmark printed (its lines starting with `|`). */
function tableOf(output: string): string {
  return output
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .join('\n');
}

const sections: string[] = [];
for (const name of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== npm run bench:${name} ==`);
  const result = await run(name);
  const status = result.code === 0 ? '' : ` — **exited with ${result.code}**`;
  sections.push(
    `### bench:${name} (${result.seconds.toFixed(0)} s)${status}\n\n${tableOf(result.output) || '(no table printed)'}`,
  );
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const block = `${START}\n## Latest full run (\`npm run bench\`)\n\nWritten by \`bench/all.ts\` on ${new Date().toISOString()}, ${machine}, PostgreSQL from \`DATABASE_URL\` (default local). Each row: Cais, the raw baseline measured in the same run, their ratio, the target.\n\n${sections.join('\n\n')}\n${END}`;
const text = await readFile(docs, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
const next =
  start >= 0 && end > start
    ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}`
    : `${text.trimEnd()}\n\n${block}\n`;
await writeFile(docs, next);
console.log(`\nwrote the figures to docs/BENCHMARKS.md`);
