/**
 * A small SkyHub-speaking client over app.inject for the API tests, plus the assertions they
 * share: every error is a 4xx JSON body with an `error` that names the field and the rule.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createSeller, type Seller, type TestApp, testConfig } from '../helpers.ts';

export type Response = LightMyRequestResponse;
type Payload = InjectOptions['payload'];
type Headers = Record<string, string>;

export interface Client {
  seller: Seller;
  get(url: string, headers?: Headers): Promise<Response>;
  post(url: string, payload?: Payload, headers?: Headers): Promise<Response>;
  put(url: string, payload?: Payload, headers?: Headers): Promise<Response>;
  delete(url: string, headers?: Headers): Promise<Response>;
  /** Any request, with the seller's headers merged under the ones given. */
  send(options: InjectOptions): Promise<Response>;
}

export function client(app: FastifyInstance, seller: Seller): Client {
  const send = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...seller.headers, ...options.headers } });
  return {
    seller,
    send,
    get: (url, headers) => send({ method: 'GET', url, headers }),
    post: (url, payload, headers) => send({ method: 'POST', url, payload, headers }),
    put: (url, payload, headers) => send({ method: 'PUT', url, payload, headers }),
    delete: (url, headers) => send({ method: 'DELETE', url, headers }),
  };
}

/** A second seller (tenant) in the same database. */
export async function otherClient(t: TestApp, name = 'Outra loja'): Promise<Client> {
  return client(t.app, await createSeller(t.db, name));
}

/** Another app on the same database, built with other settings (rate limit, allow-list, body limit). */
export async function appWith(t: TestApp, env: Record<string, string>): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(env), db: t.db, logger: false });
  await app.ready();
  return app;
}

export const sku = (value: string) => encodeURIComponent(value);

/** Asserts a SkyHub-style error: the status, a JSON body with `error` matching the pattern. */
export function assertError(res: Response, status: number, pattern: RegExp): void {
  assert.equal(res.statusCode, status, `expected ${status}, got ${res.statusCode}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.equal(typeof body.error, 'string', `no "error" in ${res.body}`);
  assert.match(body.error, pattern);
}

/** Asserts a SkyHub update answer: 204, no body, and still a JSON Content-Type (PHP clients need it). */
export function assertNoContent(res: Response): void {
  assert.equal(res.statusCode, 204, `expected 204, got ${res.statusCode}: ${res.body}`);
  assert.equal(res.body, '');
  assert.match(String(res.headers['content-type']), /^application\/json/);
}

export function assertStatus(res: Response, status: number): void {
  assert.equal(res.statusCode, status, `expected ${status}, got ${res.statusCode}: ${res.body}`);
}

/** Creates a product through the API and returns what the API answered. */
export async function createProduct(c: Client, product: Record<string, unknown>) {
  const res = await c.post('/products', { product });
  assertStatus(res, 201);
  return res.json();
}

export async function getProduct(c: Client, value: string) {
  const res = await c.get(`/products/${sku(value)}`);
  assertStatus(res, 200);
  return res.json();
}

export async function history(c: Client, value: string, query = '') {
  const res = await c.get(`/products/${sku(value)}/history${query}`);
  assertStatus(res, 200);
  return res.json();
}
