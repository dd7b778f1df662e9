/**
 * /openapi.json as a client generator reads it: valid OpenAPI 3.1, every operation named and
 * tagged, an example for every body, every error status declared (no catch-all), snake_case
 * property names only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { camelCaseProperties, passThrough } from './casing.ts';
import { type Hub, startHub } from './harness.ts';

interface Media {
  schema?: object;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  key: string;
  operationId?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
type Document = { paths: Record<string, Record<string, Omit<Operation, 'key'>>> };

function operationsOf(doc: Document): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, key: `${method.toUpperCase()} ${path}` })),
  );
}

const hasExample = (media: Media | undefined) =>
  media === undefined || media.example !== undefined || media.examples !== undefined;

describe('/openapi.json', () => {
  let hub: Hub & { close(): Promise<void> };
  let doc: Document;

  before(async () => {
    hub = await startHub();
    doc = (await hub.request('GET', '/openapi.json')).body as Document;
  });
  after(() => hub.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 3000));
  });

  it('names and tags every operation, with an example for each body and every error status declared', () => {
    const problems: string[] = [];
    for (const op of operationsOf(doc)) {
      if (!op.operationId) problems.push(`${op.key}: no operationId`);
      if (!op.tags?.length) problems.push(`${op.key}: no tag`);
      if (!hasExample(op.requestBody?.content?.['application/json']))
        problems.push(`${op.key}: request body without an example`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^\d{3}$/.test(status)) problems.push(`${op.key}: catch-all response ${status}`);
        if (status.startsWith('2') && !hasExample(response.content?.['application/json']))
          problems.push(`${op.key}: ${status} without an example`);
      }
      if (!Object.keys(op.responses).some((s) => s.startsWith('2')))
        problems.push(`${op.key}: no success response`);
    }
    assert.deepEqual(problems, []);
  });

  it('declares only snake_case property names (SkyHub’s own camelCase aside)', () => {
    const problems = operationsOf(doc)
      .filter((op) => !passThrough.has(op.operationId ?? ''))
      .flatMap((op) => camelCaseProperties(op).map((name) => `${op.key}: ${name}`));
    assert.deepEqual(problems, []);
  });
});
