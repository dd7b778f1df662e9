import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertConformant, conformanceMark, defaultToken, openSimulator } from '../test-support.ts';

const SELLER = 'A1CAISSIMSELLER';
const BR = 'A2Q3Y263D00KWC';
const stockPatch = {
  op: 'replace',
  path: '/attributes/fulfillment_availability',
  value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
};

test('the ledger counts every request a mount received and the verdict of its validator', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cais-conformance-'));
  const sim = await openSimulator({ conformanceDir: dir });
  try {
    const token = await defaultToken(sim, 'amazon');
    await sim.control('POST', '/amazon/listings', {
      sku: 'LEDGER-1',
      price: 10,
      quantity: 1,
      title: 'Ledger',
    });
    const patch = (body: unknown, expectInvalid?: string) =>
      sim.call('amazon', 'PATCH', `/listings/2021-08-01/items/${SELLER}/LEDGER-1?marketplaceIds=${BR}`, {
        headers: { 'x-amz-access-token': token },
        json: body,
        ...(expectInvalid === undefined ? {} : { expectInvalid }),
      });

    assert.equal((await patch({ productType: 'PRODUCT', patches: [stockPatch] })).status, 200);
    assert.equal(
      (await patch({ productType: 'PRODUCT', patches: [] }, 'ledger test: empty patches')).status,
      400,
    );
    await assertConformant(sim.url);
    const mark = await conformanceMark(sim.url);

    // An invalid body nobody owns up to is a violation, named with its path and rule.
    assert.equal((await patch({ patches: [stockPatch] })).status, 400);
    const report = await sim.conformance({ channel: 'amazon', operation: 'listings.patch' });
    assert.deepEqual(
      report.counts.map(({ received, valid, invalid, expected_invalid }) => ({
        received,
        valid,
        invalid,
        expected_invalid,
      })),
      [{ received: 3, valid: 1, invalid: 1, expected_invalid: 1 }],
    );
    assert.equal(report.violations[0]!.expected_by, 'ledger test: empty patches');
    assert.equal(report.violations[1]!.expected_by, null);
    assert.match(JSON.stringify(report.violations[1]!.issues), /productType/);
    await assert.rejects(assertConformant(sim.url, { since: mark }), /amazon listings\.patch: .*productType/);

    // A reset clears the marketplaces' state, never the ledger: the counts cover the whole life.
    await sim.control('POST', '/reset');
    const afterReset = await sim.conformance({ channel: 'amazon', operation: 'listings.patch' });
    assert.equal(afterReset.counts[0]!.received, 3);
  } finally {
    await sim.close();
  }
  const files = readdirSync(dir);
  assert.equal(files.length, 1);
  const written = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8'));
  const row = written.counts.find((entry: { operation: string }) => entry.operation === 'listings.patch');
  assert.deepEqual([row.received, row.valid, row.invalid, row.expected_invalid], [3, 1, 1, 1]);
  assert.match(written.source, /conformance\.test\.ts$/);
});
