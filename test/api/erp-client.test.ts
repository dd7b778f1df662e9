/**
 * An ERP's client generated from /openapi.json: the committed one (erp-client/cais-api.ts) is
 * what swagger-typescript-api makes of the live document (so `npm run typecheck`, which compiles
 * the ERP program against it, checks the program against today's contract), and the program runs
 * its main flows against a live hub.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { type Hub, startHub } from './contract/harness.ts';
import { clientFile, generateClient } from './erp-client/generate.ts';

const run = promisify(execFile);

describe('a client generated from /openapi.json', () => {
  let hub: Hub & { close(): Promise<void> };
  before(async () => {
    hub = await startHub();
  });
  after(() => hub.close());

  it('is the committed one (run `npm run api:client` after changing the contract)', async () => {
    const document = (await hub.request('GET', '/openapi.json')).body;
    assert.ok(readFileSync(clientFile, 'utf8') === (await generateClient(document)), 'cais-api.ts is stale');
  });

  it("runs the ERP's main flows against a live hub", async () => {
    const { seller } = hub.world.t;
    const program = new URL('./erp-client/erp.ts', import.meta.url).pathname;
    const { stdout } = await run(process.execPath, [
      program,
      hub.url,
      seller.email,
      seller.apiKey,
      String(hub.world.connectionId),
    ]);
    const seen = JSON.parse(stdout);
    assert.deepEqual(seen.catalog, {
      stock: ['updated'],
      price: ['updated'],
      product: { qty: 12, price: 99.9, promotional_price: 79.9 },
    });
    assert.deepEqual(seen.schedule, { every: '15m', listed: true });
    // Not yet published on the marketplace: the listing is there, grey, owing nothing.
    assert.deepEqual(seen.sync_status, [
      { connection: hub.world.connectionId, flag: 'grey', stock_pending: false },
    ]);
    assert.ok(seen.orders.taken.includes(seen.orders.code), `the queue gave ${seen.orders.taken}`);
    assert.equal(seen.orders.status_type, 'INVOICED');
  });
});
