/**
 * Measures how many one-item writes per second the simulator absorbs, in "no limits" mode, over
 * keep-alive connections: ML `PUT /items/{id}`, Magalu `PATCH …/stocks/{sku}`, Amazon
 * `PATCH /listings/2021-08-01/items/{seller}/{sku}`, Shopee `POST /api/v2/product/update_stock`
 * (signed).
 *
 *   npx node simulator/bench/put-loop.ts [seconds=5] [connections=64] [channel=mercadolivre|magalu|amazon|shopee]
 *
 * Starts the simulator in a child process so client and server each get a core, like the
 * hub's sync benchmark on a 2-core machine; or set SIM_URL to measure a running simulator
 * (started with SIM_UNLIMITED=1; the bench resets it first).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { AM_DEFAULTS } from '../amazon/control.ts';
import { SP_DEFAULTS } from '../shopee/control.ts';
import { shopeeSign } from '../shopee/sign.ts';

const [secondsArg = '5', connectionsArg = '64', channel = 'mercadolivre'] = process.argv.slice(2);

async function control(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/_control${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

interface Write {
  path: string;
  method: 'PUT' | 'PATCH' | 'POST';
  body: string;
  headers: Record<string, string>;
}

const LISTING: Record<string, (i: number) => unknown> = {
  mercadolivre: (i) => ({ sku: `SKU-${i}`, price: 10, available_quantity: 5 }),
  magalu: (i) => ({ sku: `SKU-${i}`, price: 1000, stock: 5 }),
  amazon: (i) => ({ sku: `SKU-${i}`, price: 10, quantity: 5 }),
  shopee: (i) => ({ sku: `SKU-${i}`, price: 10, stock: 5 }),
};

/** Shopee signs each call; the sign only changes with the second, so it is computed once a second. */
function shopeeQuery(token: string): () => string {
  const path = '/api/v2/product/update_stock';
  let second = 0;
  let query = '';
  return () => {
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) {
      second = now;
      const sign = shopeeSign(
        SP_DEFAULTS.partnerKey,
        `${SP_DEFAULTS.partnerId}${path}${now}${token}${SP_DEFAULTS.shopId}`,
      );
      query = `partner_id=${SP_DEFAULTS.partnerId}&timestamp=${now}&sign=${sign}&access_token=${token}&shop_id=${SP_DEFAULTS.shopId}`;
    }
    return `/shopee${path}?${query}`;
  };
}

function writer(token: string): (id: string, n: number) => Write {
  const json = { 'content-type': 'application/json' };
  const bearer = { ...json, authorization: `Bearer ${token}` };
  if (channel === 'magalu') {
    return (id, n) => ({
      path: `/magalu/seller/v1/portfolios/stocks/${id}`,
      method: 'PATCH',
      body: `{"channel":{"id":"9fe0d853-732b-4e4a-a0b0-cff988ed043d"},"quantity":${n % 50},"type":"AVAILABLE"}`,
      headers: bearer,
    });
  }
  if (channel === 'amazon') {
    const base = `/amazon/listings/2021-08-01/items/${AM_DEFAULTS.sellerId}`;
    const headers = { ...json, 'x-amz-access-token': token };
    return (id, n) => ({
      path: `${base}/${id}?marketplaceIds=${AM_DEFAULTS.marketplaceId}`,
      method: 'PATCH',
      body: `{"productType":"PRODUCT","patches":[{"op":"replace","path":"/attributes/fulfillment_availability","value":[{"fulfillment_channel_code":"DEFAULT","quantity":${n % 50}}]}]}`,
      headers,
    });
  }
  if (channel === 'shopee') {
    const path = shopeeQuery(token);
    return (id, n) => ({
      path: path(),
      method: 'POST',
      body: `{"item_id":${id},"stock_list":[{"model_id":0,"seller_stock":[{"stock":${n % 50}}]}]}`,
      headers: json,
    });
  }
  return (id, n) => ({
    path: `/mercadolivre/items/${id}`,
    method: 'PUT',
    body: `{"available_quantity":${n % 50}}`,
    headers: bearer,
  });
}

async function runClient(): Promise<void> {
  const listing = LISTING[channel];
  if (listing === undefined) throw new Error(`unknown channel ${channel}`);
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
  for (let i = 0; i < listings; i++)
    ids.push(String((await control(url, `/${channel}/listings`, listing(i))).id));
  const write = writer(String((await control(url, `/${channel}/tokens`, {})).access_token));
  const pool = new Pool(url, { connections: Number(connectionsArg), pipelining: 1 });
  const deadline = Date.now() + Number(secondsArg) * 1000;
  let done = 0;
  let failed = 0;
  const worker = async (start: number) => {
    for (let n = start; Date.now() < deadline; n += 97) {
      const response = await pool.request(write(ids[n % listings]!, n));
      const text = await response.body.text();
      // Shopee refuses inside an HTTP 200 envelope: a write failed if `error` is set.
      if (response.statusCode >= 300 || (channel === 'shopee' && !text.startsWith('{"error":""')))
        failed += 1;
      done += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: Number(connectionsArg) * 2 }, (_, i) => worker(i)));
  const elapsed = (Date.now() - started) / 1000;
  process.stdout.write(
    `${channel}: ${done} writes in ${elapsed.toFixed(1)} s = ${Math.round(done / elapsed)} writes/s (${failed} failed)\n`,
  );
  await pool.close();
  child?.kill();
}

// Last, so every constant above is initialised before the top-level await runs.
if (process.env.SIM_BENCH_CHILD === '1') {
  const { startSimulator } = await import('../server.ts');
  const sim = await startSimulator({ unlimited: true });
  process.send?.(sim.url);
} else {
  await runClient();
}
