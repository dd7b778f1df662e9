/**
 * Every example of docs/API.md, run in order against a live hub as an ERP would send it (the
 * seller's own credentials in place of the page's), each answer compared with the one the page
 * shows. The page names two products the ERP created before: CAM-01 and CAM-01-P.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Hub, startHub } from '../contract/harness.ts';
import { departures, examplesOf } from './examples.ts';

const page = readFileSync(new URL('../../../docs/API.md', import.meta.url), 'utf8');
const { examples, strays } = examplesOf(page);
const credentials = new Set(['x-user-email', 'x-api-key', 'x-accountmanager-key', 'host']);

describe('docs/API.md', () => {
  let hub: Hub & { close(): Promise<void> };

  before(async () => {
    hub = await startHub();
    for (const sku of ['CAM-01', 'CAM-01-P']) {
      const res = await hub.request('POST', '/products', {
        product: { sku, name: `Camiseta ${sku}`, qty: 0, price: 49.9 },
      });
      assert.equal(res.status, 201, res.text);
    }
  });
  after(() => hub.close());

  it('has only examples that run: each block a request or its answer', () => {
    assert.ok(examples.length >= 10, `${examples.length} examples`);
    assert.deepEqual(strays, [], 'blocks at these lines are neither');
  });

  for (const { request, answer } of examples) {
    it(`line ${request.line}: ${request.method} ${request.path}`, async () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !credentials.has(name)),
      );
      const live = await hub.request(request.method, request.path, request.body, headers);
      const context = `${request.method} ${request.path} → ${live.status} ${live.text.slice(0, 1500)}`;
      if (answer?.status !== undefined) assert.equal(live.status, answer.status, context);
      else assert.ok(live.status < 300, context);
      for (const name of Object.keys(answer?.headers ?? {}))
        assert.ok(live.headers.has(name), `${context}\nno ${name} header`);
      if (answer?.body !== undefined) {
        // The page's host stands for wherever the hub listens.
        const documented = JSON.parse(
          JSON.stringify(answer.body).replaceAll('https://cais.example.com', hub.url),
        );
        assert.deepEqual(departures(documented, live.body), [], context);
      }
    });
  }
});
