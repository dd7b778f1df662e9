/**
 * Walks every operation of /openapi.json against a live hub: each call of the registries
 * (calls-<domain>.ts) is sent over a socket, its answer must have the status the call
 * expects, that status must be declared for the operation, and the body must match the schema
 * declared for it. An operation no call answers with a success fails the test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import * as catalog from './calls-catalog.ts';
import * as consoleCalls from './calls-console.ts';
import * as orders from './calls-orders.ts';
import * as sync from './calls-sync.ts';
import { camelCaseKeys, passThrough } from './casing.ts';
import { type ContractCall, type Hub, startHub } from './harness.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Operation {
  key: string;
  operationId?: string;
  tags?: string[];
  responses: Record<string, { content?: { 'application/json'?: { schema?: object } } }>;
}

function operationsOf(doc: { paths: Record<string, Record<string, Omit<Operation, 'key'>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, key: `${method.toUpperCase()} ${path}` })),
  );
}

const registries = [catalog, orders, sync, consoleCalls];
const calls: ContractCall[] = registries.flatMap((r) => r.calls);

describe('every operation answers what /openapi.json declares', () => {
  let hub: Hub & { close(): Promise<void> };
  let operations: Operation[];
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

  before(async () => {
    hub = await startHub();
    const doc = await hub.request('GET', '/openapi.json');
    operations = operationsOf(doc.body as never);
  });
  after(() => hub.close());

  it('names every operation and gives each a success call', () => {
    const ids = new Map<string, string>();
    const problems: string[] = [];
    for (const op of operations) {
      if (!op.operationId) problems.push(`${op.key}: no operationId`);
      else if (ids.has(op.operationId))
        problems.push(`${op.key}: operationId also used by ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, op.key);
      const success = calls.some((c) => c.operation === op.operationId && c.status < 300);
      if (!success) problems.push(`${op.key}: no call exercises its success answer`);
    }
    assert.deepEqual(problems, []);
  });

  for (const call of calls) {
    it(`${call.operation}: ${call.name} → ${call.status}`, async () => {
      const op = operations.find((o) => o.operationId === call.operation);
      assert.ok(op, `no operation ${call.operation} in /openapi.json`);
      const answer = await call.send(hub);
      assert.equal(answer.status, call.status, `${op.key} answered ${answer.status}: ${answer.text}`);
      const declared = op.responses[String(answer.status)];
      assert.ok(declared, `${op.key} does not declare ${answer.status}`);
      const schema = declared.content?.['application/json']?.schema;
      if (answer.status === 204 || !schema) {
        assert.equal(answer.text, '', `${op.key} ${answer.status} declares no body but sent ${answer.text}`);
        return;
      }
      if (!passThrough.has(call.operation))
        assert.deepEqual(camelCaseKeys(answer.body), [], `${op.key} ${answer.status}: camelCase keys`);
      const check = ajv.compile(schema);
      assert.ok(
        check(answer.body),
        `${op.key} ${answer.status}: ${ajv.errorsText(check.errors)}\n${answer.text.slice(0, 2000)}`,
      );
    });
  }
});
