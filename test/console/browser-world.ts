/**
 * What every console browser test stands on: the marketplace simulator, a Cais server (API and
 * worker on one database, runs queued through pg-boss), one seller, and Debian's Chromium driven
 * by playwright-core. Plus the seller's and ERP's moves the tests share: ERP calls, simulator
 * control calls, screenshots, waiting for something to become true.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { startSimulator } from '../../simulator/server.ts';
import { buildApp } from '../../src/app.ts';
import { Cipher } from '../../src/connections/cipher.ts';
import { startBoss } from '../../src/jobs/boss.ts';
import { enqueueRun } from '../../src/sync/scheduler.ts';
import { startWorker, type Worker } from '../../src/worker.ts';
import {
  createSeller,
  createTestDb,
  type Seller,
  type TestDb,
  testConfig,
  testSecretKey,
} from '../helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = new URL('../../test-output/console/', import.meta.url).pathname;
export const ML_CLIENT = { id: '1234567890123456', secret: 'ml-sim-secret' };

export interface BrowserWorld {
  sim: Awaited<ReturnType<typeof startSimulator>>;
  t: TestDb;
  app: FastifyInstance;
  boss: PgBoss;
  worker: Worker;
  seller: Seller;
  browser: Browser;
  page: Page;
  /** The server's address, e.g. http://127.0.0.1:41234 */
  base: string;
  /** What the ERP does: a SkyHub call with the API key; fails the test on a non-2xx answer. */
  erp(method: string, path: string, body?: unknown): Promise<any>;
  /** The simulator's control API (listings, orders, faults). */
  control(method: string, path: string, body?: unknown): Promise<any>;
  /** A full-page screenshot into test-output/console/ (git-ignored). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserWorldOptions {
  seed: number;
  sellerName: string;
  viewport?: { width: number; height: number };
  timeoutMs?: number;
  /** What to do with a browser dialog (alert, confirm); default: fail the test. */
  onDialog?: 'accept' | 'fail';
}

/** Polls `probe` until it answers something truthy, or fails naming `what`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function startBrowserWorld(options: BrowserWorldOptions): Promise<BrowserWorld> {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  await buildConsole({ ifStale: true });
  await mkdir(SHOTS, { recursive: true });
  const sim = await startSimulator({ seed: options.seed });
  const t = await createTestDb();
  const boss = await startBoss(t.db, { schema: t.schema ? `${t.schema}_boss` : undefined });
  const cipher = new Cipher(Buffer.from(testSecretKey, 'hex'));
  const worker = await startWorker({
    db: t.db,
    boss,
    cipher,
    onError: (e) => console.error(e),
    limits: { retryBaseMs: 1, retryMaxMs: 5 },
  });
  const app = await buildApp({
    config: testConfig(),
    db: t.db,
    cipher,
    logger: false,
    enqueueRun: (data) => enqueueRun(boss, data),
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const seller = await createSeller(t.db, options.sellerName);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'pt-BR',
  });
  context.setDefaultTimeout(options.timeoutMs ?? 15_000);
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    if (options.onDialog === 'accept') return void dialog.accept();
    // The console asks in the page; a browser dialog would be a regression.
    throw new Error(`a browser dialog was opened: ${dialog.message()}`);
  });

  async function control(method: string, path: string, body?: unknown) {
    const res = await fetch(`${sim.url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(res.ok, `control ${method} ${path}: ${res.status}`);
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  }

  return {
    sim,
    t,
    app,
    boss,
    worker,
    seller,
    browser,
    page,
    base,
    control,
    async erp(method, path, body) {
      const res = await app.inject({
        method: method as 'PUT',
        url: path,
        headers: seller.headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      assert.ok(res.statusCode < 300, `${method} ${path}: ${res.statusCode} ${res.body}`);
      return res.body ? JSON.parse(res.body) : undefined;
    },
    async shot(name) {
      await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await worker.stop();
      await boss.stop({ graceful: false });
      await t.close();
      await sim.close();
    },
  };
}

/** The simulated Mercado Livre listings with this SKU. */
export async function simulatedListings(
  world: Pick<BrowserWorld, 'control'>,
  sku: string,
): Promise<{ id: string; stock: number; status: string }[]> {
  const found = await world.control('GET', `/mercadolivre/listings?sku=${encodeURIComponent(sku)}`);
  return (Array.isArray(found) ? found : (found.listings ?? found.results)) ?? [];
}
