/**
 * The fault suite. `npm test` runs its short version on PostgreSQL (PGlite serves one process);
 * `npm run test:faults` runs the full one (20 kills, a minute of load, 5 % timeouts, a PostgreSQL
 * restart — which disturbs anything else using the server, so never alongside other tests).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  crashApi,
  crashWorkers,
  databaseRestart,
  full,
  marketplaceChaos,
  type Report,
  scaleOut,
  short,
} from './scenarios.ts';

const needsPostgres = process.env.DATABASE_URL
  ? false
  : 'needs PostgreSQL (DATABASE_URL): the scenarios run several processes';
const isFull = process.env.FAULTS_FULL === '1';
const scale = isFull ? full : short;

function assertConverged(r: Report): void {
  assert.deepEqual(
    r.notes.filter((n) => n.startsWith('did not converge')),
    [],
  );
  assert.equal(r.lostAcknowledged, 0, 'every change the ERP got a 2xx for is in Cais');
  assert.equal(r.wrongAtMarketplace, 0, "every listing shows Cais's latest value");
  assert.equal(r.stillOwed, 0, 'nothing left owed');
  assert.equal(r.overlaps, 0, 'no two runs of one (connection, resource) overlapped');
  assert.ok(r.acknowledged > 0, 'the ERP got changes accepted');
}

describe('faults', { skip: needsPostgres, concurrency: 1 }, () => {
  it('kill -9 of workers mid-run', { timeout: 300_000 }, async () =>
    assertConverged(await crashWorkers(scale)),
  );
  it('kill -9 of the API mid-ingest', { timeout: 300_000 }, async () =>
    assertConverged(await crashApi(scale)),
  );
  it('marketplace chaos and a revoked token', { timeout: 300_000 }, async () =>
    assertConverged(await marketplaceChaos(scale, isFull)),
  );
  it('scale-out: 3 workers, 2 API processes', { timeout: 300_000 }, async () =>
    assertConverged(await scaleOut(scale)),
  );
  it(
    'PostgreSQL restart',
    {
      timeout: 300_000,
      skip: isFull ? false : 'full suite only (npm run test:faults): it restarts the shared server',
    },
    async () => assertConverged(await databaseRestart(scale)),
  );
});
