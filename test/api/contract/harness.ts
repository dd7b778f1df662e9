/**
 * The route-walking harness: a live hub (Cais listening on a port, the marketplace simulator
 * beside it, one seller connected to simulated Mercado Livre) and the calls that exercise each
 * operation of /openapi.json. Each route file's owner lists its calls in a registry
 * (calls-<domain>.ts); live-responses.test.ts sends them and checks every answer against
 * the schema the document declares for its status.
 */
import { createWorld, type World } from '../../sync/world.ts';

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the body is empty. */
  body: unknown;
  text: string;
}

export interface Hub {
  /** Simulator, app, database, the seller and the Mercado Livre connection (test/sync/world.ts). */
  world: World;
  /** Where the hub listens, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The seller's SkyHub headers (X-User-Email, X-Api-Key, X-Accountmanager-Key, Accept). */
  headers: Record<string, string>;
  /** A request over the socket with the seller's headers (the ones given win); body sent as JSON. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A name no other call of this run uses, e.g. unique('SKU') → 'SKU-7'. */
  unique(prefix: string): string;
}

export interface ContractCall {
  /** The operationId the call exercises. */
  operation: string;
  /** What the call shows, e.g. 'an unknown SKU'. */
  name: string;
  /** The status the answer must have; its body is checked against the schema declared for it. */
  status: number;
  /** Sets up what it needs through the hub and returns the answer to check. */
  send(hub: Hub): Promise<Answer>;
}

export async function startHub(): Promise<Hub & { close(): Promise<void> }> {
  const world = await createWorld();
  const url = await world.t.app.listen({ port: 0, host: '127.0.0.1' });
  let count = 0;
  const headers = world.t.seller.headers;
  return {
    world,
    url,
    headers,
    async request(method, path, body, extra = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extra,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined;
      return { status: res.status, headers: res.headers, body: json, text };
    },
    unique: (prefix) => `${prefix}-${++count}`,
    close: () => world.close(),
  };
}
