/**
 * The outbound HTTP client against a marketplace that never answers: the call ends at its
 * deadline as a transient `timeout`, or at once as `aborted` when the run cancels it, and it
 * leaves no timer behind (the process can exit).
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
