/**
 * The outbound HTTP client against a marketplace that never answers: the call ends at its
 * deadline as a transient `timeout`, or at once as `aborted` when the run cancels it (every call
 * the run has in flight), and it leaves no timer behind (the process can exit). Against one that
 * answers: the path reaches it as the adapter built it, and a success's body can be dropped.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ChannelError } from './errors.ts';
import { send } from './http-client.ts';

let server: Server;
let url: string;

before(async () => {
  // Reads the request and never answers.
  server = createServer((request) => request.resume());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items/MLB1`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(call: Promise<unknown>): Promise<ChannelError> {
  const error = await call.then(
    () => assert.fail('answered'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ChannelError, String(error));
  return error;
}

describe('a marketplace that does not answer', () => {
  it('ends the call at its deadline, as a transient timeout', async () => {
    const started = Date.now();
    const error = await failure(
      send({ method: 'PUT', url, json: { available_quantity: 3 }, timeoutMs: 300 }),
    );
    assert.equal(error.code, 'timeout');
    assert.match(error.marketplaceMessage, /no answer in time/);
    assert.ok(Date.now() - started < 5_000, 'well before undici’s own timers');
  });

  it('ends the call at once when the caller cancels it', async () => {
    const run = new AbortController();
    const call = send({ method: 'PUT', url, json: { available_quantity: 3 }, signal: run.signal });
    setTimeout(() => run.abort(new Error('lease lost')), 50);
    const error = await failure(call);
    assert.equal(error.code, 'aborted');
  });

  it('refuses at once a call whose caller had already cancelled', async () => {
    const run = new AbortController();
    run.abort(new Error('shutting down'));
    const error = await failure(send({ method: 'GET', url, signal: run.signal }));
    assert.equal(error.code, 'aborted');
  });
});

describe('a marketplace that answers', () => {
  let echo: Server;
  let base: string;

  before(async () => {
    // Answers with the request line it received: 200 for /ok..., 400 for anything else.
    echo = createServer((request, response) => {
      request.resume();
      response.statusCode = request.url?.startsWith('/ok') ? 200 : 400;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ method: request.method, url: request.url }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  after(() => {
    echo.closeAllConnections();
    echo.close();
  });

  it('reaches the path and query as the adapter built them', async () => {
    const plain = await send({ method: 'GET', url: `${base}/ok/items?ids=MLB1,MLB2&q=a%20b` });
    assert.deepEqual(plain.body, { method: 'GET', url: '/ok/items?ids=MLB1,MLB2&q=a%20b' });
    // Characters a URL must not carry raw are encoded, as the WHATWG parser does.
    const odd = await send({ method: 'GET', url: `${base}/ok/itens/camiseta azul` });
    assert.deepEqual(odd.body, { method: 'GET', url: '/ok/itens/camiseta%20azul' });
  });

  it('drops a success’s body when the caller will not read it, and still reads a refusal', async () => {
    const ok = await send({ method: 'PUT', url: `${base}/ok/items/MLB1`, json: {}, ignoreSuccessBody: true });
    assert.equal(ok.status, 200);
    assert.equal(ok.body, undefined);
    const refused = await send({
      method: 'PUT',
      url: `${base}/items/MLB1`,
      json: {},
      ignoreSuccessBody: true,
    });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.body, { method: 'PUT', url: '/items/MLB1' });
  });
});

describe('a run cancelled with several calls in flight', () => {
  it('ends every one of them', async () => {
    const run = new AbortController();
    const calls = [1, 2, 3].map((n) =>
      failure(send({ method: 'PUT', url, json: { available_quantity: n }, signal: run.signal })),
    );
    setTimeout(() => run.abort(new Error('lease lost')), 50);
    const errors = await Promise.all(calls);
    assert.deepEqual(
      errors.map((e) => e.code),
      ['aborted', 'aborted', 'aborted'],
    );
  });
});
