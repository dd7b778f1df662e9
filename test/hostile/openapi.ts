/**
 * The routes as the app documents them in /openapi.json: method, path template, parameters and
 * the JSON body schema, with `$ref`s resolved. Hostile tests enumerate these, so a route added
 * tomorrow is fuzzed and isolation-checked without anyone listing it.
 */
import type { FastifyInstance } from 'fastify';

export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template, e.g. /products/{sku}. */
  path: string;
  summary: string;
  parameters: Parameter[];
  body: Schema | undefined;
  /** Response codes the document declares, e.g. ['200', '4XX']. */
  responses: string[];
  /** Declares the SkyHub header schemes (an ERP's API key). */
  secured: boolean;
}

export const opName = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/openapi.json: ${res.statusCode}`);
  const doc = res.json();
  const resolve = (schema: Schema): Schema => resolveRefs(schema, doc.components?.schemas ?? {});
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        summary: op.summary ?? '',
        parameters: (op.parameters ?? []).map((p: any) => ({
          name: p.name,
          in: p.in,
          required: Boolean(p.required),
          schema: resolve(p.schema ?? {}),
        })),
        body: op.requestBody?.content?.['application/json']?.schema
          ? resolve(op.requestBody.content['application/json'].schema)
          : undefined,
        responses: Object.keys(op.responses ?? {}),
        secured: Array.isArray(op.security) && op.security.length > 0,
      });
    }
  }
  return operations;
}

function resolveRefs(schema: Schema, components: Record<string, Schema>, depth = 0): Schema {
  if (depth > 20 || schema === null || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return resolveRefs(components[name] ?? {}, components, depth + 1);
  }
  if (Array.isArray(schema)) return schema.map((s) => resolveRefs(s, components, depth + 1));
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, resolveRefs(v as Schema, components, depth + 1)]),
  );
}

/** Fills a path template: /products/{sku} with {sku: 'A%2F1'} (values already encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '1');
}
