/**
 * Measures how many one-item writes per second the simulator absorbs: ML `PUT /items/{id}`
 * and Magalu `PATCH …/stocks/{sku}`, in "no limits" mode, over keep-alive connections.
 *
 *   npx node simulator/bench/put-loop.ts [seconds=5] [connections=64] [channel=mercadolivre|magalu]
 *
 * Starts the simulator in a child process so client and server each get a core, like the
 * hub's sync benchmark on a 2-core machine; or set SIM_URL to measure a running simulator
 * (started with SIM_UNLIMITED=1; the bench resets it first).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const [secondsArg = '5', connectionsArg = '64', channel = 'mercadolivre'] = process.argv.slice(2);

if (process.env.SIM_BENCH_CHILD === '1') {
  const { startSimulator } = await import('../server.ts');
  const sim = await startSimulator({ unlimited: true });
  process.send?.(sim.url);
} else {
  await runClient();
}

async function control(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/_control${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function runClient(): Promise<void> {
  const external = process.env.SIM_URL;
  const child =
    external === undefined
      ? fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, SIM_BENCH_CHILD: '1' } })
      : null;
  const url =
    external ??
    (await new Promise<string>((resolve) => child!.once('message', (message) => resolve(String(message)))));
  if (external !== undefined) await control(url, '/reset', {});
  const listings = 1000;
  const ids: string[] = [];
  for (let i = 0; i < listings; i++) {
    const body =
      channel === 'magalu'
        ? { sku: `SKU-${i}`, price: 1000, stock: 5 }
        : { sku: `SKU-${i}`, price: 10, available_quantity: 5 };
    const view = await control(url, `/${channel}/listings`, body);
    ids.push(String(view.id));
  }
  const token = String((await control(url, `/${channel}/tokens`, {})).access_token);
  const pool = new Pool(url, { connections: Number(connectionsArg), pipelining: 1 });
  const deadline = Date.now() + Number(secondsArg) * 1000;
  let done = 0;
  let failed = 0;
  const worker = async (start: number) => {
    for (let n = start; Date.now() < deadline; n += 97) {
      const id = ids[n % listings]!;
      const request =
        channel === 'magalu'
          ? {
              path: `/magalu/seller/v1/portfolios/stocks/${id}`,
              method: 'PATCH' as const,
              body: `{"quantity":${n % 50},"type":"AVAILABLE"}`,
            }
          : {
              path: `/mercadolivre/items/${id}`,
              method: 'PUT' as const,
              body: `{"available_quantity":${n % 50}}`,
            };
      const response = await pool.request({
        ...request,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      await response.body.dump();
      if (response.statusCode >= 300) failed += 1;
      done += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: Number(connectionsArg) * 2 }, (_, i) => worker(i)));
  const elapsed = (Date.now() - started) / 1000;
  process.stdout.write(
    `${channel}: ${done} writes in ${elapsed.toFixed(1)} s = ${Math.round(done / elapsed)} writes/s (${failed} non-2xx)\n`,
  );
  await pool.close();
  child?.kill();
}
