/**
 * Graceful shutdown of a real process: `node src/main.ts all` on the embedded database in a fresh
 * data folder. With requests in flight (one still uploading its body, slowly), SIGTERM makes the
 * process stop accepting connections at once, finish what it had accepted with 2xx, and exit 0;
 * started again on the same folder, it has every change it acknowledged. Its output never shows
 * the credentials it was configured with.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const main = new URL('../../src/main.ts', import.meta.url).pathname;
const email = 'shutdown@example.com';
const password = `pw-${randomBytes(8).toString('hex')}`;
const apiKey = `cais_${randomBytes(24).toString('base64url')}`;
const headers = {
  'x-user-email': email,
  'x-api-key': apiKey,
  'x-accountmanager-key': 'erp',
  accept: 'application/json',
  'content-type': 'application/json',
};

let dataDir: string;
let port: number;
let output = '';

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cais-shutdown-'));
  port = await freePort();
});
after(() => rm(dataDir, { recursive: true, force: true }));

/** A port nobody listens on now (Cais does not print the one it got for PORT=0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function startCais(): Promise<ChildProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    CAIS_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    CAIS_LOG_LEVEL: 'warn',
    CAIS_BOOTSTRAP_EMAIL: email,
    CAIS_BOOTSTRAP_PASSWORD: password,
    CAIS_BOOTSTRAP_API_KEY: apiKey,
  };
  // The embedded database on purpose, whatever the suite runs on: DATABASE_URL is not passed.
  const child = spawn(process.execPath, [main, 'all'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`Cais exited ${child.exitCode}:\n${output}`));
      const res = await send('GET', '/healthz').catch(() => undefined);
      if (res?.status === 200) return resolve(child);
      if (Date.now() > deadline) return reject(new Error(`Cais did not start:\n${output}`));
      setTimeout(poll, 100);
    };
    void poll();
  });
}

/** One request on its own connection (no keep-alive pool between the test and the process). */
function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, connection: 'close' }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** A PUT whose body arrives in two halves: the caller decides when the second one goes. */
function slowPut(path: string, body: unknown): Promise<{ finish(): void; answer: Promise<string> }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      const head = Object.entries({
        ...headers,
        'content-length': String(payload.length),
        connection: 'close',
      })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n');
      socket.write(`PUT ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${head}\r\n\r\n`);
      socket.write(payload.subarray(0, 10));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      const done = new Promise<string>((resolveAnswer) => socket.on('close', () => resolveAnswer(answer)));
      // The rest of the body, and the socket left open: a client that half-closes its side before
      // the answer comes is answered with nothing (Node aborts its request), and none waits so.
      // Connection: close makes Cais close it once answered.
      resolve({ finish: () => socket.write(payload.subarray(10)), answer: done });
    });
    socket.on('error', reject);
  });
}

function refusesConnections(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM', () => {
  const acknowledged = new Map<string, number>();

  test('drains in-flight requests with 2xx, refuses new connections, exits 0', {
    timeout: 120_000,
  }, async () => {
    const cais = await startCais();
    try {
      const skus = Array.from({ length: 12 }, (_, i) => `DRAIN-${i}`);
      for (const sku of skus) {
        const res = await send('POST', '/products', { product: { sku, name: sku, qty: 1, price: 10 } });
        assert.equal(res.status, 201, res.body);
        acknowledged.set(sku, 1);
      }
      // In flight: one request still uploading its body, and a burst of writes.
      const slow = await slowPut('/products/DRAIN-0', { product: { qty: 500 } });
      const burst = skus.slice(1).map((sku, i) =>
        send('PUT', `/products/${sku}`, { product: { qty: 100 + i } }).then(
          (res) => ({ sku, qty: 100 + i, res }),
          (error: NodeJS.ErrnoException) => ({
            sku,
            qty: 100 + i,
            res: { status: 0, body: error.code ?? '' },
          }),
        ),
      );
      await sleep(20);
      cais.kill('SIGTERM');
      await sleep(300);
      assert.equal(await refusesConnections(), true, 'no new connection after SIGTERM');
      assert.equal(cais.exitCode, null, 'still draining: one request is not finished');
      slow.finish();
      const slowAnswer = await slow.answer;
      assert.match(slowAnswer, /^HTTP\/1\.1 204 /, slowAnswer);
      acknowledged.set('DRAIN-0', 500);
      let finished = 0;
      for (const { sku, qty, res } of await Promise.all(burst)) {
        // A request being handled at SIGTERM is finished (204). One that came in on a connection
        // after that gets a 503 with Connection: close; a connection still in the listen queue,
        // never accepted, is reset. Neither is half-done, and neither claims success.
        if (res.status === 204) {
          acknowledged.set(sku, qty);
          finished++;
        } else {
          assert.ok(res.status === 503 || res.body === 'ECONNRESET', `${sku}: ${res.status} ${res.body}`);
          if (res.status === 503) assert.equal(typeof JSON.parse(res.body).error, 'string');
        }
      }
      assert.ok(finished >= 1, 'requests in flight at SIGTERM were answered');
      assert.equal(await exited(cais), 0, output);
    } finally {
      if (cais.exitCode === null) cais.kill('SIGKILL');
    }
  });

  test('started again on the same folder, every acknowledged change is there', {
    timeout: 120_000,
  }, async () => {
    const cais = await startCais();
    try {
      for (const [sku, qty] of acknowledged) {
        const res = await send('GET', `/products/${sku}`);
        assert.equal(res.status, 200, res.body);
        assert.equal(JSON.parse(res.body).qty, qty, sku);
      }
    } finally {
      cais.kill('SIGTERM');
      assert.equal(await exited(cais), 0);
    }
  });

  test('the output never shows the configured password or API key', () => {
    assert.match(output, /Cais is running/);
    assert.ok(!output.includes(password), 'password printed');
    assert.ok(!output.includes(apiKey), 'API key printed');
  });
});
